import { LANGUAGES, withColon } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { LocationNav, Notice, TextArea } from '../provider-locations/index.ts';
import { templateMessages } from './mail-templates.messages.ts';
import type { getTemplateOverview, TemplatePageData } from './mail-templates.service.ts';
import type { RenderedMail } from './mail-templates.texts.ts';

const templatePath = (locationId: string, event: string, language: string) =>
  `/provider/locations/${locationId}/mail-templates/${event}/${language}`;

export function MailTemplatesPage(props: {
  ctx: PageContext;
  data: Awaited<ReturnType<typeof getTemplateOverview>>;
  notice?: 'saved' | 'reset';
}) {
  const { ctx, data } = props;
  const t = templateMessages[ctx.lang];
  const title = `${t.templatesTitle} – ${data.location.name}`;
  return (
    <Layout ctx={ctx} title={title}>
      <LocationNav lang={ctx.lang} location={data.location} current="mailTemplates" />
      <h1 class="utrecht-heading-1">{title}</h1>
      {props.notice && <Notice>{props.notice === 'saved' ? t.templateSaved : t.templateReset}</Notice>}
      <p class="utrecht-paragraph">{t.templatesIntro}</p>
      <TableScroll label={title}>
        <table class="utrecht-table ko-table" data-qa="mail-templates">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th scope="col" class="utrecht-table__header-cell">
                {t.templateEvent}
              </th>
              {LANGUAGES.map((l) => (
                <th scope="col" class="utrecht-table__header-cell" key={l}>
                  {t.languageNames[l]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {data.events.map(({ event, templates }) => (
              <tr class="utrecht-table__row" key={event}>
                <th scope="row" class="utrecht-table__header-cell">
                  {t.templateEvents[event]}
                </th>
                {LANGUAGES.map((l) => (
                  <td class="utrecht-table__cell" key={l}>
                    {t.templateSources[templates[l].source]} ·{' '}
                    <a
                      class="utrecht-link"
                      href={templatePath(data.location.id, event, l)}
                      data-qa={`edit-template-${event}-${l}`}
                      aria-label={t.editTemplateLabel(t.templateEvents[event], t.languageNames[l])}
                    >
                      {t.editTemplate}
                    </a>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}

export function MailTemplatePage(props: {
  ctx: PageContext;
  data: TemplatePageData;
  form: FormState;
  preview?: RenderedMail;
}) {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const t = templateMessages[lang];
  const title = t.editTemplateTitle(t.templateEvents[data.event], t.languageNames[data.language]);
  const path = templatePath(data.location.id, data.event, data.language);
  const form: FormState = {
    ...props.form,
    values: { subject: data.template.subject, body: data.template.body, ...props.form.values },
  };
  return (
    <Layout ctx={ctx} title={title}>
      <LocationNav lang={lang} location={data.location} current="mailTemplates" />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/provider/locations/${data.location.id}/mail-templates`}>
          {t.backToTemplates}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph">
        {withColon(lang, t.templateSource)} {t.templateSources[data.template.source]}
      </p>
      {props.preview && (
        <section aria-labelledby="preview" class="ko-mail-preview" data-qa="template-preview">
          <h2 class="utrecht-heading-2" id="preview">
            {t.previewHeading}
          </h2>
          <p class="utrecht-paragraph">{t.previewIntro}</p>
          <div class="ko-mail-preview__mail" lang={data.language}>
            <p class="utrecht-paragraph">
              <strong>{withColon(lang, t.previewSubject)}</strong>{' '}
              <span data-qa="preview-subject">{props.preview.subject}</span>
            </p>
            <div class="ko-pre-line" data-qa="preview-text">
              {props.preview.text}
            </div>
          </div>
        </section>
      )}
      <form method="post" action={path} novalidate class="ko-form" data-qa="template-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="subject" label={t.subjectLabel} required />
        <TextArea
          lang={lang}
          form={form}
          name="body"
          label={t.bodyLabel}
          hint={t.bodyHint}
          rows={8}
          required
        />
        <p class="utrecht-paragraph">{t.placeholdersHint}</p>
        <ul class="utrecht-unordered-list" data-qa="placeholders">
          {data.placeholders.map((p) => (
            <li key={p}>
              <code>{`{${p}}`}</code> – {t.placeholders[p]}
            </li>
          ))}
        </ul>
        <div class="ko-button-row">
          <SubmitButton name="intent" value="preview" qa="preview-template" secondary>
            {t.preview}
          </SubmitButton>
          <SubmitButton name="intent" value="save" qa="save-template">
            {t.saveTemplate}
          </SubmitButton>
        </div>
      </form>
      {data.template.source === 'location' && (
        <form method="post" action={`${path}/reset`} class="ko-form">
          <CsrfField token={ctx.csrfToken} />
          <SubmitButton qa="reset-template" secondary>
            {t.resetTemplate}
          </SubmitButton>
        </form>
      )}
    </Layout>
  );
}
