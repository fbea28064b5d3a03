import type { Translated } from '../../platform/db/schema/index.ts';
import { formatDate, type Language } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { TableHead, TableScroll } from '../../platform/views/table-scroll.tsx';
import { Notice, TextArea } from '../provider-locations/index.ts';
import { ContentLayout, ContentNavs } from './desk-content.layout.tsx';
import { contentMessages } from './desk-content.messages.ts';
import type { NewsItemRow } from './desk-content.queries.ts';
import { bodyField, NEWS_LANGUAGES, titleField } from './desk-content.schemas.ts';
import { type NewsState, publishFromOf, type SaveOutcome } from './desk-content.service.ts';

export const NEWS_PATH = '/desk/news';
export const NEW_ITEM_PATH = `${NEWS_PATH}/new`;
export const itemPath = (id: string) => `${NEWS_PATH}/${id}`;
export const deletePath = (id: string) => `${NEWS_PATH}/${id}/delete`;

export type ListDone = SaveOutcome | 'created' | 'deleted';

const buttonLink = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action';

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
    <ContentLayout ctx={ctx} title={t.title} section="news">
      <h1 class="utrecht-heading-1">{t.title}</h1>
      {props.done && <Notice>{t.done[props.done]}</Notice>}
      <p class="utrecht-paragraph">{t.intro(props.municipalityName)}</p>
      <p class="utrecht-paragraph">
        <a class={buttonLink} href={NEW_ITEM_PATH} data-qa="news-new">
          {t.newItem}
        </a>
      </p>
      {items.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="news-none">
          {t.noItems}
        </p>
      ) : (
        <TableScroll label={t.title}>
          <table class="utrecht-table ko-table ko-table--compact" data-qa="news-items">
            <caption class="utrecht-table__caption">{t.count(items.length)}</caption>
            <TableHead heads={[t.colTitle, t.colFrom, t.colUntil, t.colState]} />
            <tbody class="utrecht-table__body">
              {items.map((item) => {
                const missing = NEWS_LANGUAGES.filter((l) => !item.title[l] || !item.body[l]);
                return (
                  <tr class="utrecht-table__row" key={item.id} data-qa="news-row">
                    <th scope="row" class="utrecht-table__header-cell">
                      <a class="utrecht-link" href={itemPath(item.id)} data-qa="news-edit">
                        <LocalTitle text={item.title} lang={lang} />
                      </a>
                      {missing.map((l) => (
                        <span key={l} class="ko-badge ko-badge--warning" data-qa={`news-missing-${l}`}>
                          {t.translationMissing[l]}
                        </span>
                      ))}
                    </th>
                    <td class="utrecht-table__cell">{formatDate(lang, publishFromOf(item))}</td>
                    <td class="utrecht-table__cell">
                      {item.publishUntil ? formatDate(lang, item.publishUntil) : t.noEnd}
                    </td>
                    <td class="utrecht-table__cell" data-qa="news-state">
                      {t.state[item.state]}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </ContentLayout>
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
  const heading = itemId ? t.editTitle : t.newTitle;
  const failed = Object.keys(form.errors).length > 0;
  return (
    <ContentLayout ctx={ctx} title={failed ? t.errorTitle(heading) : heading} section="news">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={NEWS_PATH} data-qa="news-back">
          {t.backToList}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{heading}</h1>
      {props.done && <Notice>{t.done[props.done]}</Notice>}
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph">{t.formIntro}</p>
      <form
        method="post"
        action={itemId ? itemPath(itemId) : NEW_ITEM_PATH}
        novalidate
        class="ko-form"
        data-qa="news-form"
      >
        <CsrfField token={ctx.csrfToken} />
        {NEWS_LANGUAGES.map((l) => (
          <fieldset key={l} class="utrecht-form-fieldset" data-qa={`news-lang-${l}`}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t.languageHeading[l]}
            </legend>
            {l !== 'nl' && <p class="utrecht-paragraph ko-hint">{t.optionalHint}</p>}
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
          </fieldset>
        ))}
        <fieldset class="utrecht-form-fieldset" data-qa="news-dates">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t.datesHeading}
          </legend>
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
        </fieldset>
        <SubmitButton qa="news-save">{itemId ? t.save : t.create}</SubmitButton>
      </form>
      {itemId && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={deletePath(itemId)} data-qa="news-delete">
            {t.delete}
          </a>
        </p>
      )}
    </ContentLayout>
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
