import type { FastifyInstance } from 'fastify';
import { homePathFor } from '../../platform/auth/actions.ts';
import { destroySession } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { failedForm, type ParseResult, parseForm } from '../../platform/http/forms.ts';
import { safeRedirectPath } from '../../platform/http/redirects.ts';
import { LANGUAGE_COOKIE, pageContext, sendPage } from '../../platform/http/setup.ts';
import { isLanguage } from '../../platform/i18n/index.ts';
import { emptyForm } from '../../platform/views/forms.tsx';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { messages } from './accounts.messages.ts';
import { ConfirmRegistrationForm, LoginForm, RegisterForm } from './accounts.schemas.ts';
import {
  authenticate,
  confirmRegistration,
  registerParent,
  registrationLinkState,
} from './accounts.service.ts';
import { ConfirmRegistrationPage, LoginPage, RegisterPage, RegisterSentPage } from './accounts.views.tsx';
import { LinkProblemPage, linkProblemStatus } from './recovery.views.tsx';
import { stepAfterPassword } from './second-factor.service.ts';
import { clearSessionCookie, startSession } from './session-cookie.http.ts';
import { tokenParam } from './tokens.ts';

/** The page to return to from a submitted log-in or registration form, valid or not. */
function nextOf(parsed: ParseResult<{ next: string | undefined }>): string | undefined {
  return parsed.ok ? parsed.value.next : safeRedirectPath(parsed.form.values.next);
}

/** Log-in, log-out, parent registration and the language switch. */
export function registerLoginRoutes(app: FastifyInstance, deps: AppDeps): void {
  const secure = deps.config.secureCookies;

  app.get<{ Querystring: { next?: unknown } }>(
    '/login',
    { config: { action: 'auth.login' } },
    (request, reply) => {
      if (request.user) return reply.redirect(homePathFor(request.user), 303);
      const ctx = pageContext(request, reply, deps);
      return sendPage(
        reply,
        <LoginPage ctx={ctx} form={emptyForm} next={safeRedirectPath(request.query.next)} />,
      );
    },
  );

  app.post(
    '/login',
    { config: { action: 'auth.login', rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const parsed = parseForm(LoginForm, request.body);
      const next = nextOf(parsed);
      if (!parsed.ok) {
        return sendPage(
          reply,
          <LoginPage ctx={pageContext(request, reply, deps)} form={parsed.form} next={next} />,
          400,
        );
      }
      const user = await authenticate(deps, parsed.value.email, parsed.value.password);
      if (!user || user === 'deactivated') {
        // One answer for a wrong password, an unknown address and a locked account; a deactivated
        // account is named only to whoever gave its right password.
        const error = user === 'deactivated' ? 'accountDeactivated' : 'loginRefused';
        const form = failedForm({ email: parsed.value.email }, { email: error });
        return sendPage(
          reply,
          <LoginPage ctx={pageContext(request, reply, deps)} form={form} next={next} />,
          400,
        );
      }
      const step = await stepAfterPassword(deps, user);
      await startSession(reply, deps, request.sessionToken, user.id, step);
      reply.clearCookie(LANGUAGE_COOKIE, { path: '/' });
      // The account's language applies from now on, not the anonymous visitor's choice.
      if (step) {
        // The second factor is due: a code, or enrolment (ADR 0020).
        return reply.redirect(`/login/${step}${next ? `?next=${encodeURIComponent(next)}` : ''}`, 303);
      }
      return reply.redirect(next ?? '/account/home', 303);
    },
  );

  app.post('/logout', { config: { action: 'auth.logout' } }, async (request, reply) => {
    if (request.sessionToken) await destroySession(deps.db, request.sessionToken);
    clearSessionCookie(reply, deps);
    return reply.redirect('/', 303);
  });

  app.get<{ Querystring: { next?: unknown } }>(
    '/register',
    { config: { action: 'auth.register' } },
    (request, reply) => {
      const ctx = pageContext(request, reply, deps);
      return sendPage(
        reply,
        <RegisterPage ctx={ctx} form={emptyForm} next={safeRedirectPath(request.query.next)} />,
      );
    },
  );

  app.post(
    '/register',
    { config: { action: 'auth.register', rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const parsed = parseForm(RegisterForm, request.body);
      const next = nextOf(parsed);
      if (!parsed.ok) {
        return sendPage(
          reply,
          <RegisterPage ctx={pageContext(request, reply, deps)} form={parsed.form} next={next} />,
          400,
        );
      }
      // The same answer whether or not the address has an account (the mail differs, not the page).
      await registerParent(deps, { ...parsed.value, next });
      reply.setCookie(LANGUAGE_COOKIE, parsed.value.language, {
        path: '/',
        sameSite: 'lax',
        secure,
        maxAge: 31_536_000,
      });
      return reply.redirect('/register/sent', 303);
    },
  );

  app.get('/register/sent', { config: { action: 'auth.register' } }, (request, reply) =>
    sendPage(reply, <RegisterSentPage ctx={pageContext(request, reply, deps)} />),
  );

  // The token travels in the query string and the form, never in the path (the log prints paths).
  app.get<{ Querystring: { token?: unknown } }>(
    '/register/confirm',
    { config: { action: 'auth.register' } },
    async (request, reply) => {
      const token = tokenParam(request.query.token);
      const { state, pending } = await registrationLinkState(deps, token);
      const ctx = pageContext(request, reply, deps);
      if (state !== 'valid' || !pending || !token) {
        const problem = state === 'valid' ? 'invalid' : state;
        return sendPage(
          reply,
          <LinkProblemPage ctx={ctx} kind="register" state={problem} />,
          linkProblemStatus(problem),
        );
      }
      return sendPage(
        reply,
        <ConfirmRegistrationPage ctx={ctx} form={emptyForm} token={token} email={pending.email} />,
      );
    },
  );

  app.post(
    '/register/confirm',
    { config: { action: 'auth.register', rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const parsed = parseForm(ConfirmRegistrationForm, request.body);
      const token = parsed.ok ? parsed.value.token : tokenParam(parsed.form.values.token);
      const result = parsed.ok
        ? await confirmRegistration(deps, parsed.value.token, parsed.value.password)
        : undefined;
      if (result?.ok) {
        await startSession(reply, deps, request.sessionToken, result.userId);
        reply.setCookie(LANGUAGE_COOKIE, result.language, {
          path: '/',
          sameSite: 'lax',
          secure,
          maxAge: 31_536_000,
        });
        return reply.redirect(safeRedirectPath(result.next) ?? '/parent', 303);
      }
      const ctx = pageContext(request, reply, deps);
      const t = messages[ctx.lang];
      if (result?.problem === 'emailTaken') {
        return sendPage(
          reply,
          MessagePage({
            ctx,
            title: t.takenTitle,
            body: t.takenBody,
            link: { href: '/login', label: t.loginButton },
          }),
          409,
        );
      }
      if (result && result.problem !== 'wrongPassword') {
        return sendPage(
          reply,
          <LinkProblemPage ctx={ctx} kind="register" state={result.problem} />,
          linkProblemStatus(result.problem),
        );
      }
      const { state, pending } = await registrationLinkState(deps, token);
      if (state !== 'valid' || !pending || !token) {
        const problem = state === 'valid' ? 'invalid' : state;
        return sendPage(
          reply,
          <LinkProblemPage ctx={ctx} kind="register" state={problem} />,
          linkProblemStatus(problem),
        );
      }
      const form = parsed.ok ? failedForm({}, { password: 'registrationPasswordWrong' }) : parsed.form;
      return sendPage(
        reply,
        <ConfirmRegistrationPage ctx={ctx} form={form} token={token} email={pending.email} />,
        400,
      );
    },
  );

  /** Where each role starts; resolved after log-in, when the grants are known. */
  app.get('/account/home', { config: { action: 'account.home' } }, (request, reply) => {
    const user = request.user;
    return reply.redirect(user ? homePathFor(user) : '/', 303);
  });

  /**
   * The language switch: a plain link, so it works without JavaScript; keeps the page. It changes
   * the pages only (the cookie): the language of the account's e-mails changes on the account page,
   * where the person says so.
   */
  app.get<{ Params: { lang: string }; Querystring: { back?: unknown } }>(
    '/lang/:lang',
    { config: { action: 'public.language' } },
    async (request, reply) => {
      const { lang } = request.params;
      const back = safeRedirectPath(request.query.back) ?? '/';
      if (!isLanguage(lang)) return reply.redirect(back, 303);
      reply.setCookie(LANGUAGE_COOKIE, lang, { path: '/', sameSite: 'lax', secure, maxAge: 31_536_000 });
      return reply.redirect(back, 303);
    },
  );
}
