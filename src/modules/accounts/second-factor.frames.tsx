import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { messages } from './second-factor.messages.ts';

/**
 * The frame the second-factor pages share (the code at log-in, enrolment, the recovery codes, the
 * admin's reset): the heading, the error summary when the page has a form, then the page's parts.
 */
export function SecondFactorFrame(props: {
  ctx: PageContext;
  title: string;
  /** Absent on a page without a form. */
  form?: FormState;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      {props.form && <ErrorSummary lang={ctx.lang} form={props.form} />}
      {props.children}
    </Layout>
  );
}

/**
 * A form asking for one code (of the app, or a recovery code); the field always starts empty and
 * `next` (where the log-in goes on) travels along.
 */
export function CodeForm(props: {
  ctx: PageContext;
  form: FormState;
  action: string;
  next: string | undefined;
  label: string;
  hint?: string;
  inputMode?: 'numeric';
  qa: string;
  button: string;
}) {
  const { ctx } = props;
  return (
    <form method="post" action={props.action} novalidate class="ko-form">
      <CsrfField token={ctx.csrfToken} />
      {props.next && <input type="hidden" name="next" value={props.next} />}
      <TextField
        lang={ctx.lang}
        form={props.form}
        name="code"
        label={props.label}
        hint={props.hint}
        autocomplete="one-time-code"
        inputMode={props.inputMode}
        value=""
        required
      />
      <SubmitButton qa={props.qa}>{props.button}</SubmitButton>
    </form>
  );
}

/** Log-out from a half-logged-in page (the header shows no account menu there). */
export function LogoutForm(props: { ctx: PageContext }) {
  const t = messages[props.ctx.lang];
  return (
    <form method="post" action="/logout" class="ko-form">
      <CsrfField token={props.ctx.csrfToken} />
      <SubmitButton qa="second-factor-logout" secondary>
        {t.logoutButton}
      </SubmitButton>
    </form>
  );
}
