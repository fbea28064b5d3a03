import type { Translated } from '../../platform/db/schema/index.ts';
import { formatDate, type Language } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { type FormState, TextField } from '../../platform/views/forms.tsx';
import { TextArea } from '../provider-locations/index.ts';
import {
  ContentFieldset,
  ContentForm,
  ContentList,
  ContentRowHead,
  LanguageFieldset,
} from './desk-content.frames.tsx';
import { ContentNavs } from './desk-content.layout.tsx';
import { contentMessages } from './desk-content.messages.ts';
import type { NewsItemRow } from './desk-content.queries.ts';
import { bodyField, NEWS_LANGUAGES, titleField } from './desk-content.schemas.ts';
import { type NewsState, publishFromOf, type SaveOutcome } from './desk-content.service.ts';

export const NEWS_PATH = '/desk/news';
export const NEW_ITEM_PATH = `${NEWS_PATH}/new`;
export const itemPath = (id: string) => `${NEWS_PATH}/${id}`;
export const deletePath = (id: string) => `${NEWS_PATH}/${id}/delete`;

export type ListDone = SaveOutcome | 'created' | 'deleted';

/** A text in the page's language, or the Dutch one marked as Dutch (for screen readers' voice). */
export function LocalTitle(props: { text: Translated; lang: Language }) {
  const own = props.text[props.lang];
  if (own) return <>{own}</>;
  return <span lang={props.lang === 'nl' ? undefined : 'nl'}>{props.text.nl}</span>;
}

/** The form's values as stored (what the edit page shows before any submit). */
export function storedValues(item: NewsItemRow): FormState['values'] {
  return {
    ...Object.fromEntries(
      NEWS_LANGUAGES.flatMap((l) => [
        [titleField(l), item.title[l] ?? ''],
        [bodyField(l), item.body[l] ?? ''],
      ]),
    ),
    publishFrom: publishFromOf(item),
    publishUntil: item.publishUntil ?? '',
  };
}

/**
 * The municipality's news items, newest first: the title in the page's language (Dutch, marked,
 * where the translation is missing, and which translations are missing), the days, the state.
 */
export function NewsListPage(props: {
  ctx: PageContext;
  municipalityName: string;
  items: (NewsItemRow & { state: NewsState })[];
  done?: ListDone;
}) {
  const { ctx, items } = props;
  const lang = ctx.lang;
  const t = contentMessages[lang];
  return (
    <ContentList
      ctx={ctx}
      section="news"
      qa="news"
      title={t.title}
      notice={props.done && t.done[props.done]}
      intro={t.intro(props.municipalityName)}
      newHref={NEW_ITEM_PATH}
      newLabel={t.newItem}
      none={t.noItems}
      tableQa="news-items"
      count={items.length}
      caption={t.count(items.length)}
      heads={[t.colTitle, t.colFrom, t.colUntil, t.colState]}
    >
      {items.map((item) => (
        <tr class="utrecht-table__row" key={item.id} data-qa="news-row">
          <ContentRowHead
            lang={lang}
            qa="news"
            href={itemPath(item.id)}
            missing={NEWS_LANGUAGES.filter((l) => !item.title[l] || !item.body[l])}
          >
            <LocalTitle text={item.title} lang={lang} />
          </ContentRowHead>
          <td class="utrecht-table__cell">{formatDate(lang, publishFromOf(item))}</td>
          <td class="utrecht-table__cell">
            {item.publishUntil ? formatDate(lang, item.publishUntil) : t.noEnd}
          </td>
          <td class="utrecht-table__cell" data-qa="news-state">
            {t.state[item.state]}
          </td>
        </tr>
      ))}
    </ContentList>
  );
}

/**
 * One form for a new item and for an existing one: per language a title and a text (Dutch
 * required), then the days. It works without JavaScript; a refused form comes back with 400, the
 * values as typed and the error summary on top.
 */
export function NewsFormPage(props: {
  ctx: PageContext;
  form: FormState;
  /** Absent for a new item. */
  itemId?: string;
  done?: SaveOutcome;
}) {
  const { ctx, form, itemId } = props;
  const lang = ctx.lang;
  const t = contentMessages[lang];
  return (
    <ContentForm
      ctx={ctx}
      section="news"
      qa="news"
      form={form}
      heading={itemId ? t.editTitle : t.newTitle}
      backHref={NEWS_PATH}
      backLabel={t.backToList}
      notice={props.done && t.done[props.done]}
      intro={t.formIntro}
      action={itemId ? itemPath(itemId) : NEW_ITEM_PATH}
      submitLabel={itemId ? t.save : t.create}
      deleteHref={itemId && deletePath(itemId)}
      deleteLabel={t.delete}
    >
      {NEWS_LANGUAGES.map((l) => (
        <LanguageFieldset key={l} lang={lang} language={l} qa="news" hint={t.optionalHint}>
          <TextField
            lang={lang}
            form={form}
            name={titleField(l)}
            label={`${t.titleLabel} (${t.languageHeading[l]})`}
            required={l === 'nl'}
            autocomplete="off"
          />
          <TextArea
            lang={lang}
            form={form}
            name={bodyField(l)}
            label={`${t.bodyLabel} (${t.languageHeading[l]})`}
            hint={t.bodyHint}
            required={l === 'nl'}
            rows={8}
          />
        </LanguageFieldset>
      ))}
      <ContentFieldset qa="news-dates" legend={t.datesHeading}>
        <TextField
          lang={lang}
          form={form}
          name="publishFrom"
          label={t.publishFrom}
          hint={t.publishFromHint}
          type="date"
          required
        />
        <TextField
          lang={lang}
          form={form}
          name="publishUntil"
          label={t.publishUntil}
          hint={t.publishUntilHint}
          type="date"
        />
      </ContentFieldset>
    </ContentForm>
  );
}

/** Before deleting: what happens, that it cannot be undone, and a way back that does nothing. */
export function DeleteNewsPage(props: { ctx: PageContext; item: NewsItemRow }) {
  const { ctx, item } = props;
  const lang = ctx.lang;
  const t = contentMessages[lang];
  const title = item.title[lang] ?? item.title.nl;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t.deleteTitle}
      nav={<ContentNavs lang={lang} section="news" />}
      happens={[t.deleteHappens(title), t.deleteFromSite]}
      warningLabel={t.deleteWarningLabel}
      warning={t.deleteWarning}
      action={deletePath(item.id)}
      submitLabel={t.deleteConfirm}
      cancel={{ href: itemPath(item.id), label: t.deleteCancel }}
      qa="news-delete-form"
    />
  );
}
