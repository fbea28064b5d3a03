import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { NewPasswordFields } from './password-fields.tsx';
import { messages } from './recovery.messages.ts';
import type { TokenState } from './tokens.ts';

export function ForgotPasswordPage(props: { ctx: PageContext; form: FormState }) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.forgotTitle}>
      <h1 class="utrecht-heading-1">{t.forgotTitle}</h1>
      <ErrorSummary lang={ctx.lang} form={form} />
      <p class="utrecht-paragraph">{t.forgotIntro}</p>
      <form method="post" action="/forgot-password" novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={ctx.lang}
          form={form}
          name="email"
          type="email"
          label={t.email}
          autocomplete="email"
          required
        />
        <SubmitButton qa="forgot-password-submit">{t.forgotButton}</SubmitButton>
      </form>
    </Layout>
  );
}

export function ForgotPasswordSentPage(props: { ctx: PageContext; email: string }) {
  const { ctx } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.forgotSentTitle}>
      <h1 class="utrecht-heading-1">{t.forgotSentTitle}</h1>
      <p class="utrecht-paragraph" data-qa="forgot-password-sent">
        {t.forgotSentBody(props.email)}
      </p>
      <p class="utrecht-paragraph">{t.forgotSentHint}</p>
    </Layout>
  );
}

export function ResetPasswordPage(props: { ctx: PageContext; form: FormState; token: string }) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.resetTitle}>
      <h1 class="utrecht-heading-1">{t.resetTitle}</h1>
      <ErrorSummary lang={ctx.lang} form={form} />
      <p class="utrecht-paragraph">{t.resetIntro}</p>
      <form method="post" action="/reset-password" novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <NewPasswordFields
          lang={ctx.lang}
          form={form}
          label={t.password}
          hint={t.passwordHint}
          repeatLabel={t.passwordRepeat}
        />
        <SubmitButton qa="reset-password-submit">{t.resetButton}</SubmitButton>
      </form>
    </Layout>
  );
}

export type LinkKind = 'verify' | 'reset' | 'change' | 'register';

/** The page for a mailed link that cannot be used (any more), saying why and what to do next. */
export function LinkProblemPage(props: {
  ctx: PageContext;
  kind: LinkKind;
  state: Exclude<TokenState, 'valid'>;
}) {
  const { ctx, kind, state } = props;
  const t = messages[ctx.lang];
  const title =
    state === 'used' ? t.linkUsedTitle : state === 'expired' ? t.linkExpiredTitle : t.linkInvalidTitle;
  const bodies: Record<LinkKind, Record<'used' | 'expired', string>> = {
    verify: { used: t.verifyUsedBody, expired: t.verifyExpiredBody },
    reset: { used: t.resetUsedBody, expired: t.resetExpiredBody },
    change: { used: t.changeUsedBody, expired: t.changeExpiredBody },
    register: { used: t.registerUsedBody, expired: t.registerExpiredBody },
  };
  const body = state === 'invalid' ? t.linkInvalidBody : bodies[kind][state];
  const link =
    kind === 'reset'
      ? { href: '/forgot-password', label: t.newResetLink }
      : kind === 'register' && state === 'expired'
        ? { href: '/register', label: t.registerAgain }
        : ctx.user
          ? { href: '/account', label: t.toAccount }
          : { href: '/login', label: t.loginLink };
  return MessagePage({ ctx, title, body, link });
}

/** 410 Gone for a link that worked once; 400 for one that never did. */
export function linkProblemStatus(state: Exclude<TokenState, 'valid'>): number {
  return state === 'invalid' ? 400 : 410;
}
