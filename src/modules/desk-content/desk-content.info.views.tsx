import { formatNumber } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { TableHead, TableScroll } from '../../platform/views/table-scroll.tsx';
import { Notice, TextArea } from '../provider-locations/index.ts';
import { infoMessages } from './desk-content.info.messages.ts';
import type { InfoPageRow } from './desk-content.info.queries.ts';
import type { SaveOutcome } from './desk-content.info.service.ts';
import { CONTENT_PATHS, ContentLayout, ContentNavs } from './desk-content.layout.tsx';
import { contentMessages } from './desk-content.messages.ts';
import { bodyField, NEWS_LANGUAGES, titleField } from './desk-content.schemas.ts';
import { LocalTitle } from './desk-content.views.tsx';

export const INFO_PATH = CONTENT_PATHS.infoPages;
export const NEW_INFO_PATH = `${INFO_PATH}/new`;
export const infoPath = (id: string) => `${INFO_PATH}/${id}`;
export const deleteInfoPath = (id: string) => `${INFO_PATH}/${id}/delete`;

export type InfoListDone = SaveOutcome | 'created' | 'deleted';

const buttonLink = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action';

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
  const c = contentMessages[lang];
  return (
    <ContentLayout ctx={ctx} title={t.title} section="infoPages">
      <h1 class="utrecht-heading-1">{t.title}</h1>
      {props.done && <Notice>{t.done[props.done]}</Notice>}
      <p class="utrecht-paragraph">{t.intro(props.municipalityName)}</p>
      <p class="utrecht-paragraph">
        <a class={buttonLink} href={NEW_INFO_PATH} data-qa="info-new">
          {t.newPage}
        </a>
      </p>
      {pages.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="info-none">
          {t.noPages}
        </p>
      ) : (
        <TableScroll label={t.title}>
          <table class="utrecht-table ko-table ko-table--compact" data-qa="info-pages">
            <caption class="utrecht-table__caption">{t.count(pages.length)}</caption>
            <TableHead heads={[t.colTitle, t.colAddress, t.colOrder, t.colState]} />
            <tbody class="utrecht-table__body">
              {pages.map((page) => {
                const missing = NEWS_LANGUAGES.filter((l) => !page.title[l] || !page.body[l]);
                return (
                  <tr class="utrecht-table__row" key={page.id} data-qa="info-row">
                    <th scope="row" class="utrecht-table__header-cell">
                      <a class="utrecht-link" href={infoPath(page.id)} data-qa="info-edit">
                        <LocalTitle text={page.title} lang={lang} />
                      </a>
                      {missing.map((l) => (
                        <span key={l} class="ko-badge ko-badge--warning" data-qa={`info-missing-${l}`}>
                          {c.translationMissing[l]}
                        </span>
                      ))}
                    </th>
                    <td class="utrecht-table__cell">
                      <code>/info/{page.slug}</code>
                    </td>
                    <td class="utrecht-table__cell">{formatNumber(lang, page.sortOrder)}</td>
                    <td class="utrecht-table__cell" data-qa="info-state">
                      {page.published ? t.state.published : t.state.hidden}
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
  const heading = page ? t.editTitle : t.newTitle;
  const failed = Object.keys(form.errors).length > 0;
  return (
    <ContentLayout ctx={ctx} title={failed ? c.errorTitle(heading) : heading} section="infoPages">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={INFO_PATH} data-qa="info-back">
          {t.backToList}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{heading}</h1>
      {props.done && <Notice>{t.done[props.done]}</Notice>}
      <ErrorSummary lang={lang} form={form} />
      {page?.published && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/info/${page.slug}`} data-qa="info-view">
            {t.view}
          </a>
        </p>
      )}
      <p class="utrecht-paragraph">{t.formIntro}</p>
      <form
        method="post"
        action={page ? infoPath(page.id) : NEW_INFO_PATH}
        novalidate
        class="ko-form"
        data-qa="info-form"
      >
        <CsrfField token={ctx.csrfToken} />
        {NEWS_LANGUAGES.map((l) => (
          <fieldset key={l} class="utrecht-form-fieldset" data-qa={`info-lang-${l}`}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {c.languageHeading[l]}
            </legend>
            {l !== 'nl' && <p class="utrecht-paragraph ko-hint">{c.optionalHint}</p>}
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
          </fieldset>
        ))}
        <fieldset class="utrecht-form-fieldset" data-qa="info-settings">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t.settingsHeading}
          </legend>
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
        </fieldset>
        <SubmitButton qa="info-save">{page ? c.save : t.create}</SubmitButton>
      </form>
      {page && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={deleteInfoPath(page.id)} data-qa="info-delete">
            {t.delete}
          </a>
        </p>
      )}
    </ContentLayout>
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
