import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { LANGUAGE_COOKIE, pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { type AccountNotice, isAccountNotice, messages } from './account.messages.ts';
import {
  AccountPage,
  ChangeEmailPage,
  ChangePasswordPage,
  ConfirmEmailChangePage,
} from './account.views.tsx';
import { ChangeEmailForm, ChangePasswordForm, LanguageForm, TokenForm } from './accounts.schemas.ts';
import {
  changeLanguage,
  changePassword,
  confirmEmailChange,
  emailChangeLink,
  getAccountDetails,
  requestEmailChange,
} from './credentials.service.ts';
import { LinkProblemPage, linkProblemStatus } from './recovery.views.tsx';
import { factorStatus } from './second-factor.service.ts';
import { tokenParam } from './tokens.ts';
import { resendVerification } from './verification.service.ts';

// Forms that check the current password are limited per address, like the log-in form.
const PASSWORD_FORM_LIMIT = { max: 10, timeWindow: '1 minute' };

/** The account page of every role, and the changes made from it. */
export function registerAccountPageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const secure = deps.config.secureCookies;

  async function accountPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { notice?: AccountNotice; languageForm?: FormState; status?: number } = {},
  ) {
    const user = requireUser(request.user);
    const details = await getAccountDetails(deps, user);
    const secondFactor = await factorStatus(deps, user.id);
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <AccountPage
        ctx={ctx}
        user={user}
        details={details}
        notice={options.notice}
        languageForm={options.languageForm ?? emptyForm}
        secondFactor={secondFactor}
      />,
      options.status,
    );
  }

  const done = (reply: FastifyReply, notice: AccountNotice) => reply.redirect(`/account?done=${notice}`, 303);

  app.get<{ Querystring: { done?: string } }>(
    '/account',
    { config: { action: 'account.home' } },
    (request, reply) => {
      const notice = isAccountNotice(request.query.done) ? request.query.done : undefined;
      return accountPage(request, reply, { notice });
    },
  );

  app.post('/account/language', { config: { action: 'account.manage' } }, async (request, reply) => {
    const parsed = parseForm(LanguageForm, request.body);
    if (!parsed.ok) return accountPage(request, reply, { languageForm: parsed.form, status: 400 });
    await changeLanguage(deps, requireUser(request.user), parsed.value.language);
    reply.setCookie(LANGUAGE_COOKIE, parsed.value.language, {
      path: '/',
      sameSite: 'lax',
      secure,
      maxAge: 31_536_000,
    });
    return done(reply, 'languageChanged');
  });

  app.post(
    '/account/verify-email',
    { config: { action: 'account.manage', rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const outcome = await resendVerification(deps, requireUser(request.user));
      const notices = {
        sent: 'verificationSent',
        throttled: 'verificationThrottled',
        alreadyVerified: 'alreadyVerified',
      } as const;
      return done(reply, notices[outcome]);
    },
  );

  // ——— Change e-mail address ———

  const emailPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const details = await getAccountDetails(deps, requireUser(request.user));
    const ctx = pageContext(request, reply, deps);
    return sendPage(reply, <ChangeEmailPage ctx={ctx} form={form} currentEmail={details.email} />, status);
  };

  app.get('/account/email', { config: { action: 'account.manage' } }, (request, reply) =>
    emailPage(request, reply, emptyForm),
  );

  app.post(
    '/account/email',
    { config: { action: 'account.manage', rateLimit: PASSWORD_FORM_LIMIT } },
    async (request, reply) => {
      const parsed = parseForm(ChangeEmailForm, request.body);
      if (!parsed.ok) return emailPage(request, reply, parsed.form, 400);
      const result = await requestEmailChange(deps, requireUser(request.user), parsed.value);
      if (!result.ok) return emailPage(request, reply, failedForm(request.body, result.errors), 400);
      return done(reply, 'emailChangeRequested');
    },
  );

  /** The link mailed to the new address; the owner must be logged in to use it. */
  app.get<{ Querystring: { token?: string } }>(
    '/account/email/confirm',
    { config: { action: 'account.manage' } },
    async (request, reply) => {
      const token = tokenParam(request.query.token);
      const link = await emailChangeLink(deps, requireUser(request.user), token);
      const ctx = pageContext(request, reply, deps);
      if (link.state !== 'valid' || !token || !link.email) {
        const state = link.state === 'valid' ? 'invalid' : link.state;
        return sendPage(
          reply,
          <LinkProblemPage ctx={ctx} kind="change" state={state} />,
          linkProblemStatus(state),
        );
      }
      return sendPage(reply, <ConfirmEmailChangePage ctx={ctx} token={token} email={link.email} />);
    },
  );

  app.post('/account/email/confirm', { config: { action: 'account.manage' } }, async (request, reply) => {
    const parsed = parseForm(TokenForm, request.body);
    const result = await confirmEmailChange(
      deps,
      requireUser(request.user),
      parsed.ok ? parsed.value.token : undefined,
    );
    if (result.ok) return done(reply, 'emailChanged');
    const ctx = pageContext(request, reply, deps);
    if (result.state === 'emailTaken') {
      const t = messages[ctx.lang];
      return sendPage(
        reply,
        MessagePage({
          ctx,
          title: t.emailTakenTitle,
          body: t.emailTakenBody,
          link: { href: '/account', label: t.backToAccount },
        }),
        409,
      );
    }
    const state = result.state === 'valid' ? 'invalid' : result.state;
    return sendPage(
      reply,
      <LinkProblemPage ctx={ctx} kind="change" state={state} />,
      linkProblemStatus(state),
    );
  });

  // ——— Change password ———

  app.get('/account/password', { config: { action: 'account.manage' } }, (request, reply) =>
    sendPage(reply, <ChangePasswordPage ctx={pageContext(request, reply, deps)} form={emptyForm} />),
  );

  app.post(
    '/account/password',
    { config: { action: 'account.manage', rateLimit: PASSWORD_FORM_LIMIT } },
    async (request, reply) => {
      const parsed = parseForm(ChangePasswordForm, request.body);
      const result = parsed.ok
        ? await changePassword(deps, requireUser(request.user), request.sessionToken, parsed.value)
        : undefined;
      if (result?.ok) return done(reply, 'passwordChanged');
      const form = parsed.ok
        ? failedForm(request.body, result?.ok === false ? result.errors : {})
        : parsed.form;
      return sendPage(reply, <ChangePasswordPage ctx={pageContext(request, reply, deps)} form={form} />, 400);
    },
  );
}
