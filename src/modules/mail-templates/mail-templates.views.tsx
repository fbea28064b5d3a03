import type { ComponentChildren, JSX } from 'preact';
import { LANGUAGES, type Language, withColon } from '../../platform/i18n/index.ts';
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
import type { TemplateEditData } from './mail-templates.service.ts';
import type {
  MailTemplateText,
  RenderedMail,
  TemplateEvent,
  TemplateSource,
} from './mail-templates.texts.ts';

/**
 * Where the texts being edited belong: a location (its own texts over the municipality's) or a
 * municipality (its default texts over the built-in ones). The same pages serve both; the scope
 * gives the paths, the page frame with its navigation, and the words that differ.
 */
export type TemplateScope = {
  level: 'location' | 'municipality';
  /** The overview; an edit page is `${listPath}/${event}/${language}`. */
  listPath: string;
  /** The overview's title, e.g. "E-mail texts – De Speelvogel". */
  title: string;
  Frame: (props: { ctx: PageContext; title: string; children: ComponentChildren }) => JSX.Element;
};

/** The provider's pages: the location's navigation above. */
export function locationScope(
  ctx: PageContext,
  location: { id: string; name: string; careType: string },
): TemplateScope {
  return {
    level: 'location',
    listPath: `/provider/locations/${location.id}/mail-templates`,
    title: `${templateMessages[ctx.lang].templatesTitle} – ${location.name}`,
    Frame: (props) => (
      <Layout ctx={props.ctx} title={props.title}>
        <LocationNav lang={props.ctx.lang} location={location} current="mailTemplates" />
        {props.children}
      </Layout>
    ),
  };
}

/** The text a scope can take back (the location's own, or the municipality's default). */
const ownSource = (scope: TemplateScope): TemplateSource => scope.level;

export function MailTemplatesPage(props: {
  ctx: PageContext;
  scope: TemplateScope;
  events: {
    event: TemplateEvent;
    templates: Record<Language, MailTemplateText & { source: TemplateSource }>;
  }[];
  notice?: 'saved' | 'reset';
}) {
  const { ctx, scope } = props;
  const t = templateMessages[ctx.lang];
  const words = t.levels[scope.level];
  const { Frame } = scope;
  return (
    <Frame ctx={ctx} title={scope.title}>
      <h1 class="utrecht-heading-1">{scope.title}</h1>
      {props.notice && <Notice>{props.notice === 'saved' ? words.saved : words.reset}</Notice>}
      <p class="utrecht-paragraph">{words.intro}</p>
      <TableScroll label={scope.title}>
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
            {props.events.map(({ event, templates }) => (
              <tr class="utrecht-table__row" key={event}>
                <th scope="row" class="utrecht-table__header-cell">
                  {t.templateEvents[event]}
                </th>
                {LANGUAGES.map((l) => (
                  <td class="utrecht-table__cell" key={l} data-qa={`template-source-${event}-${l}`}>
                    {t.templateSources[templates[l].source]} ·{' '}
                    <a
                      class="utrecht-link"
                      href={`${scope.listPath}/${event}/${l}`}
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
    </Frame>
  );
}

export function MailTemplatePage(props: {
  ctx: PageContext;
  scope: TemplateScope;
  data: TemplateEditData;
  form: FormState;
  preview?: RenderedMail;
}) {
  const { ctx, data, scope } = props;
  const lang = ctx.lang;
  const t = templateMessages[lang];
  const title = t.editTemplateTitle(t.templateEvents[data.event], t.languageNames[data.language]);
  const path = `${scope.listPath}/${data.event}/${data.language}`;
  const { Frame } = scope;
  const form: FormState = {
    ...props.form,
    values: { subject: data.template.subject, body: data.template.body, ...props.form.values },
  };
  return (
    <Frame ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={scope.listPath} data-qa="back-to-templates">
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
              <code>{`{${p}}`}</code> –{' '}
              {p === 'provider' ? t.levels[scope.level].providerPlaceholder : t.placeholders[p]}
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
      {data.template.source === ownSource(scope) && (
        <form method="post" action={`${path}/reset`} class="ko-form">
          <CsrfField token={ctx.csrfToken} />
          <SubmitButton qa="reset-template" secondary>
            {t.resetTemplate}
          </SubmitButton>
        </form>
      )}
    </Frame>
  );
}
