import { formatNumber } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { ChoiceGroup, type FormState, TextField } from '../../platform/views/forms.tsx';
import { TextArea } from '../provider-locations/index.ts';
import {
  ContentFieldset,
  ContentForm,
  ContentList,
  ContentRowHead,
  LanguageFieldset,
} from './desk-content.frames.tsx';
import { infoMessages } from './desk-content.info.messages.ts';
import type { InfoPageRow } from './desk-content.info.queries.ts';
import type { SaveOutcome } from './desk-content.info.service.ts';
import { CONTENT_PATHS, ContentNavs } from './desk-content.layout.tsx';
import { contentMessages } from './desk-content.messages.ts';
import { bodyField, NEWS_LANGUAGES, titleField } from './desk-content.schemas.ts';
import { LocalTitle } from './desk-content.views.tsx';

export const INFO_PATH = CONTENT_PATHS.infoPages;
export const NEW_INFO_PATH = `${INFO_PATH}/new`;
export const infoPath = (id: string) => `${INFO_PATH}/${id}`;
export const deleteInfoPath = (id: string) => `${INFO_PATH}/${id}/delete`;

export type InfoListDone = SaveOutcome | 'created' | 'deleted';

/** The form's values as stored (what the edit page shows before any submit). */
export function storedInfoValues(page: InfoPageRow): FormState['values'] {
  return {
    ...Object.fromEntries(
      NEWS_LANGUAGES.flatMap((l) => [
        [titleField(l), page.title[l] ?? ''],
        [bodyField(l), page.body[l] ?? ''],
      ]),
    ),
    slug: page.slug,
    sortOrder: String(page.sortOrder),
    published: page.published ? 'yes' : 'no',
  };
}

/** The municipality's pages in the public site's order: title, missing translations, address, state. */
export function InfoListPage(props: {
  ctx: PageContext;
  municipalityName: string;
  pages: InfoPageRow[];
  done?: InfoListDone;
}) {
  const { ctx, pages } = props;
  const lang = ctx.lang;
  const t = infoMessages[lang];
  return (
    <ContentList
      ctx={ctx}
      section="infoPages"
      qa="info"
      title={t.title}
      notice={props.done && t.done[props.done]}
      intro={t.intro(props.municipalityName)}
      newHref={NEW_INFO_PATH}
      newLabel={t.newPage}
      none={t.noPages}
      tableQa="info-pages"
      count={pages.length}
      caption={t.count(pages.length)}
      heads={[t.colTitle, t.colAddress, t.colOrder, t.colState]}
    >
      {pages.map((page) => (
        <tr class="utrecht-table__row" key={page.id} data-qa="info-row">
          <ContentRowHead
            lang={lang}
            qa="info"
            href={infoPath(page.id)}
            missing={NEWS_LANGUAGES.filter((l) => !page.title[l] || !page.body[l])}
          >
            <LocalTitle text={page.title} lang={lang} />
          </ContentRowHead>
          <td class="utrecht-table__cell">
            <code>/info/{page.slug}</code>
          </td>
          <td class="utrecht-table__cell">{formatNumber(lang, page.sortOrder)}</td>
          <td class="utrecht-table__cell" data-qa="info-state">
            {page.published ? t.state.published : t.state.hidden}
          </td>
        </tr>
      ))}
    </ContentList>
  );
}

/** One form for a new page and an existing one; without JavaScript; a refused form comes back with 400. */
export function InfoFormPage(props: {
  ctx: PageContext;
  form: FormState;
  /** Absent for a new page. */
  page?: Pick<InfoPageRow, 'id' | 'slug' | 'published'>;
  done?: SaveOutcome;
}) {
  const { ctx, form, page } = props;
  const lang = ctx.lang;
  const t = infoMessages[lang];
  const c = contentMessages[lang];
  return (
    <ContentForm
      ctx={ctx}
      section="infoPages"
      qa="info"
      form={form}
      heading={page ? t.editTitle : t.newTitle}
      backHref={INFO_PATH}
      backLabel={t.backToList}
      notice={props.done && t.done[props.done]}
      before={
        page?.published && (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/info/${page.slug}`} data-qa="info-view">
              {t.view}
            </a>
          </p>
        )
      }
      intro={t.formIntro}
      action={page ? infoPath(page.id) : NEW_INFO_PATH}
      submitLabel={page ? c.save : t.create}
      deleteHref={page && deleteInfoPath(page.id)}
      deleteLabel={t.delete}
    >
      {NEWS_LANGUAGES.map((l) => (
        <LanguageFieldset key={l} lang={lang} language={l} qa="info" hint={c.optionalHint}>
          <TextField
            lang={lang}
            form={form}
            name={titleField(l)}
            label={`${c.titleLabel} (${c.languageHeading[l]})`}
            required={l === 'nl'}
            autocomplete="off"
          />
          <TextArea
            lang={lang}
            form={form}
            name={bodyField(l)}
            label={`${c.bodyLabel} (${c.languageHeading[l]})`}
            hint={t.bodyHint}
            required={l === 'nl'}
            rows={10}
          />
        </LanguageFieldset>
      ))}
      <ContentFieldset qa="info-settings" legend={t.settingsHeading}>
        <TextField
          lang={lang}
          form={form}
          name="slug"
          label={t.slug}
          hint={t.slugHint('/info/prijzen-en-tarieven')}
          autocomplete="off"
        />
        <TextField
          lang={lang}
          form={form}
          name="sortOrder"
          label={t.order}
          hint={t.orderHint}
          inputMode="numeric"
          required
        />
        <ChoiceGroup
          lang={lang}
          form={form}
          name="published"
          legend={t.published}
          options={[
            { value: 'yes', label: t.publishedYes },
            { value: 'no', label: t.publishedNo },
          ]}
          required
        />
      </ContentFieldset>
    </ContentForm>
  );
}

/** Before deleting: what happens, that it cannot be undone, and a way back that does nothing. */
export function DeleteInfoPage(props: { ctx: PageContext; page: InfoPageRow }) {
  const { ctx, page } = props;
  const lang = ctx.lang;
  const t = infoMessages[lang];
  return (
    <ConfirmPage
      ctx={ctx}
      title={t.deleteTitle}
      nav={<ContentNavs lang={lang} section="infoPages" />}
      happens={[t.deleteHappens(page.title[lang] ?? page.title.nl), t.deleteFromSite]}
      warningLabel={t.deleteWarningLabel}
      warning={t.deleteWarning}
      action={deleteInfoPath(page.id)}
      submitLabel={t.deleteConfirm}
      cancel={{ href: infoPath(page.id), label: t.deleteCancel }}
      qa="info-delete-form"
    />
  );
}
