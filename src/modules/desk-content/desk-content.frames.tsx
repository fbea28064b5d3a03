import type { ComponentChildren } from 'preact';
import type { Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { CsrfField, ErrorSummary, type FormState, SubmitButton } from '../../platform/views/forms.tsx';
import { TableHead, TableScroll } from '../../platform/views/table-scroll.tsx';
import { Notice } from '../provider-locations/index.ts';
import { ContentLayout, type ContentSection } from './desk-content.layout.tsx';
import { contentMessages } from './desk-content.messages.ts';
import type { NEWS_LANGUAGES } from './desk-content.schemas.ts';

/**
 * The frames the desk's content pages share (news, information pages, sick-child services): a
 * list with a button to add one, and a form for a new or an existing one. Each page fills in its
 * own texts, columns and fields; `qa` prefixes the frame's data-qa names (`news`, `info`, `sick`).
 */

type ContentLanguage = (typeof NEWS_LANGUAGES)[number];

const buttonLink = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action';

/** A list page: heading, what was just done, intro, the add button, then the table or "none yet". */
export function ContentList(props: {
  ctx: PageContext;
  section: ContentSection;
  qa: string;
  title: string;
  /** What the last request did, already in the page's language. */
  notice: string | undefined;
  intro: string;
  newHref: string;
  newLabel: string;
  /** Shown instead of the table when there is nothing yet. */
  none: string;
  /** The table's data-qa (each page kept its own). */
  tableQa: string;
  count: number;
  caption: string;
  heads: string[];
  /** The table's rows. */
  children: ComponentChildren;
}) {
  const { qa } = props;
  return (
    <ContentLayout ctx={props.ctx} title={props.title} section={props.section}>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p class="utrecht-paragraph">{props.intro}</p>
      <p class="utrecht-paragraph">
        <a class={buttonLink} href={props.newHref} data-qa={`${qa}-new`}>
          {props.newLabel}
        </a>
      </p>
      {props.count === 0 ? (
        <p class="utrecht-paragraph" data-qa={`${qa}-none`}>
          {props.none}
        </p>
      ) : (
        <TableScroll label={props.title}>
          <table class="utrecht-table ko-table ko-table--compact" data-qa={props.tableQa}>
            <caption class="utrecht-table__caption">{props.caption}</caption>
            <TableHead heads={props.heads} />
            <tbody class="utrecht-table__body">{props.children}</tbody>
          </table>
        </TableScroll>
      )}
    </ContentLayout>
  );
}

/** A row's heading cell: the link to its form, then a badge per missing translation. */
export function ContentRowHead(props: {
  lang: Language;
  qa: string;
  href: string;
  missing: ContentLanguage[];
  children: ComponentChildren;
}) {
  const c = contentMessages[props.lang];
  return (
    <th scope="row" class="utrecht-table__header-cell">
      <a class="utrecht-link" href={props.href} data-qa={`${props.qa}-edit`}>
        {props.children}
      </a>
      {props.missing.map((l) => (
        <span key={l} class="ko-badge ko-badge--warning" data-qa={`${props.qa}-missing-${l}`}>
          {c.translationMissing[l]}
        </span>
      ))}
    </th>
  );
}

/**
 * One form for a new record and an existing one, without JavaScript: a way back to the list, the
 * heading, what was just done, the error summary (a refused form comes back with 400 and the
 * values as typed), the fields, and for an existing record the link to delete it.
 */
export function ContentForm(props: {
  ctx: PageContext;
  section: ContentSection;
  qa: string;
  form: FormState;
  heading: string;
  backHref: string;
  backLabel: string;
  notice: string | undefined;
  /** Between the error summary and the intro (an information page's link to the public page). */
  before?: ComponentChildren;
  intro: string;
  action: string;
  submitLabel: string;
  /** Absent for a new record. */
  deleteHref: string | undefined;
  deleteLabel: string;
  /** The form's fieldsets. */
  children: ComponentChildren;
}) {
  const { ctx, qa } = props;
  const lang = ctx.lang;
  const failed = Object.keys(props.form.errors).length > 0;
  const title = failed ? contentMessages[lang].errorTitle(props.heading) : props.heading;
  return (
    <ContentLayout ctx={ctx} title={title} section={props.section}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={props.backHref} data-qa={`${qa}-back`}>
          {props.backLabel}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{props.heading}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary lang={lang} form={props.form} />
      {props.before}
      <p class="utrecht-paragraph">{props.intro}</p>
      <form method="post" action={props.action} novalidate class="ko-form" data-qa={`${qa}-form`}>
        <CsrfField token={ctx.csrfToken} />
        {props.children}
        <SubmitButton qa={`${qa}-save`}>{props.submitLabel}</SubmitButton>
      </form>
      {props.deleteHref && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={props.deleteHref} data-qa={`${qa}-delete`}>
            {props.deleteLabel}
          </a>
        </p>
      )}
    </ContentLayout>
  );
}

/** A fieldset with its legend. */
export function ContentFieldset(props: { qa: string; legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="utrecht-form-fieldset" data-qa={props.qa}>
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.legend}
      </legend>
      {props.children}
    </fieldset>
  );
}

/** The fields of one language; other languages than Dutch are optional, which `hint` says. */
export function LanguageFieldset(props: {
  lang: Language;
  language: ContentLanguage;
  qa: string;
  hint: string;
  children: ComponentChildren;
}) {
  const c = contentMessages[props.lang];
  return (
    <ContentFieldset qa={`${props.qa}-lang-${props.language}`} legend={c.languageHeading[props.language]}>
      {props.language !== 'nl' && <p class="utrecht-paragraph ko-hint">{props.hint}</p>}
      {props.children}
    </ContentFieldset>
  );
}
