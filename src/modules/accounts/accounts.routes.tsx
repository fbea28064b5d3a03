import type { FastifyInstance } from 'fastify';
import { homePathFor } from '../../platform/auth/actions.ts';
import { destroySession } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { failedForm, type ParseResult, parseForm } from '../../platform/http/forms.ts';
import { safeRedirectPath } from '../../platform/http/redirects.ts';
import { LANGUAGE_COOKIE, pageContext, sendPage } from '../../platform/http/setup.ts';
import { isLanguage } from '../../platform/i18n/index.ts';
import { emptyForm } from '../../platform/views/forms.tsx';
import { LoginForm, RegisterForm } from './accounts.schemas.ts';
import { authenticate, registerParent } from './accounts.service.ts';
import { LoginPage, RegisterPage } from './accounts.views.tsx';
import { changeLanguage } from './credentials.service.ts';
import { clearSessionCookie, startSession } from './session-cookie.http.ts';

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
      if (!user) {
        // One answer for a wrong password, an unknown address and a locked account.
        const form = failedForm({ email: parsed.value.email }, { email: 'loginRefused' });
        return sendPage(
          reply,
          <LoginPage ctx={pageContext(request, reply, deps)} form={form} next={next} />,
          400,
        );
      }
      await startSession(reply, deps, request.sessionToken, user.id);
      reply.clearCookie(LANGUAGE_COOKIE, { path: '/' });
      // The account's language applies from now on, not the anonymous visitor's choice.
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
      const result = await registerParent(deps, parsed.value);
      if (!result.ok) {
        const form = failedForm(request.body, { email: result.error });
        return sendPage(
          reply,
          <RegisterPage ctx={pageContext(request, reply, deps)} form={form} next={next} />,
          400,
        );
      }
      await startSession(reply, deps, request.sessionToken, result.userId);
      reply.setCookie(LANGUAGE_COOKIE, parsed.value.language, {
        path: '/',
        sameSite: 'lax',
        secure,
        maxAge: 31_536_000,
      });
      return reply.redirect(next ?? '/parent', 303);
    },
  );

  /** Where each role starts; resolved after log-in, when the grants are known. */
  app.get('/account/home', { config: { action: 'account.home' } }, (request, reply) => {
    const user = request.user;
    return reply.redirect(user ? homePathFor(user) : '/', 303);
  });

  /** The language switch: a plain link, so it works without JavaScript; keeps the page. */
  app.get<{ Params: { lang: string }; Querystring: { back?: unknown } }>(
    '/lang/:lang',
    { config: { action: 'public.language' } },
    async (request, reply) => {
      const { lang } = request.params;
      const back = safeRedirectPath(request.query.back) ?? '/';
      if (!isLanguage(lang)) return reply.redirect(back, 303);
      reply.setCookie(LANGUAGE_COOKIE, lang, { path: '/', sameSite: 'lax', secure, maxAge: 31_536_000 });
      if (request.user) await changeLanguage(deps, request.user, lang);
      return reply.redirect(back, 303);
    },
  );
}
