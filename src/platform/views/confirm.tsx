import type { ComponentChildren } from 'preact';
import { CONFIRM_FIELD, CONFIRM_VALUE } from '../http/forms.ts';
import { withColon } from '../i18n/index.ts';
import type { PageContext } from './context.ts';
import { CsrfField, ErrorSummary, emptyForm, type FormState, SubmitButton } from './forms.tsx';
import { Layout } from './layout.tsx';

/**
 * A confirmation page (GOV.UK "warning text" before something final): what will happen, one
 * sentence per fact, then the form that does it and a way back that does nothing. `fields` are the
 * form's own inputs (e.g. the reason for "no place"); `nav` the section navigation above the title.
 */
export function ConfirmPage(props: {
  ctx: PageContext;
  title: string;
  nav?: ComponentChildren;
  happens: string[];
  warning?: string;
  warningLabel: string;
  action: string;
  submitLabel: string;
  cancel: { href: string; label: string };
  form?: FormState;
  fields?: ComponentChildren;
  qa: string;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      {props.nav}
      <h1 class="utrecht-heading-1">{props.title}</h1>
      <ErrorSummary lang={ctx.lang} form={props.form ?? emptyForm} />
      <ul class="utrecht-unordered-list ko-confirm-list" data-qa="confirm-happens">
        {props.happens.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {props.warning && (
        <div class="utrecht-alert utrecht-alert--warning ko-notice" data-qa="confirm-warning">
          <p class="utrecht-paragraph">
            <strong>{withColon(ctx.lang, props.warningLabel)} </strong>
            {props.warning}
          </p>
        </div>
      )}
      <form method="post" action={props.action} novalidate class="ko-form" data-qa={props.qa}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
        {props.fields}
        <div class="ko-button-row">
          <SubmitButton qa={`${props.qa}-confirm`}>{props.submitLabel}</SubmitButton>
          <a class="utrecht-link" href={props.cancel.href} data-qa={`${props.qa}-cancel`}>
            {props.cancel.label}
          </a>
        </div>
      </form>
    </Layout>
  );
}
