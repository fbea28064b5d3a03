import { common } from '../../platform/i18n/common.ts';
import { LANGUAGES } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { messages } from './accounts.messages.ts';
import { NewPasswordFields } from './password-fields.tsx';

export function LoginPage(props: { ctx: PageContext; form: FormState; next: string | undefined }) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.loginTitle}>
      <h1 class="utrecht-heading-1">{t.loginTitle}</h1>
      <ErrorSummary lang={ctx.lang} form={form} />
      <p class="utrecht-paragraph">{t.loginIntro}</p>
      <form method="post" action="/login" novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <TextField
          lang={ctx.lang}
          form={form}
          name="email"
          type="email"
          label={t.email}
          autocomplete="username"
          required
        />
        <TextField
          lang={ctx.lang}
          form={form}
          name="password"
          type="password"
          label={t.password}
          autocomplete="current-password"
          value=""
          required
        />
        <SubmitButton qa="login-submit">{t.loginButton}</SubmitButton>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/forgot-password" data-qa="forgot-password-link">
          {t.forgotPasswordLink}
        </a>
      </p>
      <p class="utrecht-paragraph">
        {t.noAccount}{' '}
        <a class="utrecht-link" href="/register" data-qa="register-link">
          {t.registerLink}
        </a>
      </p>
    </Layout>
  );
}

export function RegisterPage(props: { ctx: PageContext; form: FormState; next?: string | undefined }) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  const languageOptions = LANGUAGES.map((l) => ({ value: l, label: common[ctx.lang].languageNames[l] }));
  return (
    <Layout ctx={ctx} title={t.registerTitle}>
      <h1 class="utrecht-heading-1">{t.registerTitle}</h1>
      <ErrorSummary lang={ctx.lang} form={form} />
      <p class="utrecht-paragraph">{t.registerIntro}</p>
      <form method="post" action="/register" novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <TextField
          lang={ctx.lang}
          form={form}
          name="displayName"
          label={t.displayName}
          autocomplete="name"
          required
        />
        <TextField
          lang={ctx.lang}
          form={form}
          name="email"
          type="email"
          label={t.email}
          autocomplete="email"
          required
        />
        <NewPasswordFields
          lang={ctx.lang}
          form={form}
          label={t.password}
          hint={t.passwordHint}
          repeatLabel={t.passwordRepeat}
        />
        <ChoiceGroup
          lang={ctx.lang}
          form={{ ...form, values: { language: ctx.lang, ...form.values } }}
          name="language"
          legend={t.language}
          options={languageOptions}
          required
        />
        <SubmitButton qa="register-submit">{t.registerButton}</SubmitButton>
      </form>
      <p class="utrecht-paragraph">
        {t.haveAccount}{' '}
        <a class="utrecht-link" href="/login">
          {t.loginButton}
        </a>
      </p>
    </Layout>
  );
}

/** After a registration, whatever the address: only what happened, the same for everyone. */
export function RegisterSentPage(props: { ctx: PageContext }) {
  const t = messages[props.ctx.lang];
  return (
    <Layout ctx={props.ctx} title={t.registerSentTitle}>
      <h1 class="utrecht-heading-1">{t.registerSentTitle}</h1>
      <p class="utrecht-paragraph" data-qa="register-sent">
        {t.registerSentBody}
      </p>
    </Layout>
  );
}

/** Behind the mailed registration link: the chosen password, typed again, creates the account. */
export function ConfirmRegistrationPage(props: {
  ctx: PageContext;
  form: FormState;
  token: string;
  email: string;
}) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.confirmTitle}>
      <h1 class="utrecht-heading-1">{t.confirmTitle}</h1>
      <ErrorSummary lang={ctx.lang} form={form} />
      <p class="utrecht-paragraph">{t.confirmIntro(props.email)}</p>
      <form method="post" action="/register/confirm" novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <TextField
          lang={ctx.lang}
          form={form}
          name="password"
          type="password"
          label={t.confirmPassword}
          autocomplete="current-password"
          value=""
          required
        />
        <SubmitButton qa="confirm-registration-submit">{t.confirmButton}</SubmitButton>
      </form>
    </Layout>
  );
}
