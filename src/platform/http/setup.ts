import { createHash } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import {
  homePathFor,
  isAction,
  mayAttempt,
  mayBeSharedCached,
  PENDING_STEP_ACTIONS,
} from '../auth/actions.ts';
import { loadSessionState } from '../auth/sessions.ts';
import { isDatabaseUnavailable, isInvalidInputError, loggableError, sqlState } from '../db/errors.ts';
import type { AppDeps } from '../deps.ts';
import { common } from '../i18n/common.ts';
import { isLanguage, type Language, negotiateLanguage } from '../i18n/index.ts';
import { projectPath } from '../paths.ts';
import type { PageContext } from '../views/context.ts';
import { JS_FLAG_SCRIPT } from '../views/layout.tsx';
import { MessagePage } from '../views/message-page.tsx';
import { renderPage } from '../views/render.tsx';
import { styleSheet, styleSheetVariant } from '../views/styles.ts';
import { CsrfError, createCsrfGuard } from './csrf.ts';
import { postgresRateLimitStore } from './rate-limit.ts';
import { InvalidInputError, registerEdgeValidation } from './validation.ts';
import './types.ts';

const PUBLIC_DIR = projectPath('public');

/** brotli, else gzip, else none, as the browser's Accept-Encoding allows (`;q=0` refuses). */
export function acceptedEncoding(header: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => !/;\s*q=0(\.0*)?$/.test(part))
      .map((part) => part.split(';')[0]?.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/**
 * A public answer (one a shared cache may keep) gets an ETag derived from what it shows, and a
 * request that already holds that version gets 304 without a body: a proxy or browser revalidates
 * a search or a profile for a few bytes, and a changed profile has a new tag. Answers the route
 * streams (files) keep @fastify/static's own validators.
 */
function withValidator(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (reply.statusCode !== 200 || reply.hasHeader('etag')) return payload;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  const tag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', tag);
  const held = request.headers['if-none-match'];
  if (held?.split(',').some((t) => t.trim().replace(/^W\//, '') === tag)) {
    reply.code(304);
    return '';
  }
  return payload;
}

export function sessionCookieName(secure: boolean): string {
  // The __Host- prefix makes the browser refuse the cookie unless Secure, path=/ and no domain.
  return secure ? '__Host-ko_session' : 'ko_session';
}
export const LANGUAGE_COOKIE = 'ko_lang';

/** 'https://{s}.tile.example/{z}/{x}/{y}.png' → 'https://*.tile.example' (for the CSP). */
function tileOrigin(template: string): string {
  const match = /^(https?:\/\/)([^/]+)/.exec(template);
  return match ? `${match[1]}${(match[2] ?? '').replace('{s}', '*')}` : "'none'";
}

export type RegisteredRoute = { method: string; url: string; action: unknown };

/** Everything a page render needs from the request. */
export function pageContext(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): PageContext {
  return {
    lang: request.lang,
    path: request.url,
    csrfToken: reply.generateCsrf(),
    user: request.user
      ? { displayName: request.user.displayName, homePath: homePathFor(request.user) }
      : undefined,
    devTools: deps.config.devMailbox,
  };
}

export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderPage(page));
}

/**
 * The platform part of every request, registered in this order: security headers, cookies, forms,
 * CSRF, rate limits, static files; then language, session and the access check; then error pages.
 */
export async function registerPlatform(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const secure = deps.config.secureCookies;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The one inline script: the layout's JavaScript mark, allowed by its hash alone.
        scriptSrc: ["'self'", `'sha256-${createHash('sha256').update(JS_FLAG_SCRIPT).digest('base64')}'`],
        styleSrc: ["'self'"],
        // Map tiles (public site) come from the configured tile server's origin, if any.
        imgSrc: ["'self'", 'data:', ...(deps.config.mapTileUrl ? [tileOrigin(deps.config.mapTileUrl)] : [])],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    hsts: secure,
  });
  await app.register(fastifyCookie, { secret: deps.config.secrets.sessionSecret });
  await app.register(fastifyFormbody);
  // CSRF tokens bound to the session, or to a pre-session cookie before log-in (ADR 0015).
  const csrf = createCsrfGuard({ secret: deps.config.secrets.sessionSecret, secure });
  app.decorateReply('generateCsrf', function (this: FastifyReply) {
    return csrf.generate(this.request, this);
  });
  const csrfProtection = async (request: FastifyRequest) => csrf.check(request);
  // Counted in PostgreSQL, so a limit holds across every app process (rate-limit.ts).
  await app.register(fastifyRateLimit, { global: false, store: postgresRateLimitStore(deps.db) });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, serve: false });

  // Deny by default: every route must name a catalogue action, and non-GET routes check CSRF.
  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);
  app.decorate('lifecycle', { draining: false });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) registered.push({ method, url: route.url, action: route.config?.action });
    if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) {
      const existing = route.preHandler
        ? Array.isArray(route.preHandler)
          ? route.preHandler
          : [route.preHandler]
        : [];
      route.preHandler = [csrfProtection, ...existing];
    }
  });

  app.decorateRequest('user', undefined);
  app.decorateRequest('pendingUser', undefined);
  app.decorateRequest('lang', 'nl');
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('csrfBinding', undefined);

  app.addHook('onRequest', async (request, reply) => {
    // A link from a mail carries the mail's language (`?lang=fr`): the page opens in it, and the
    // pages after it too (the language cookie), whatever the browser or the account says.
    const linked = linkedLanguage(request.method, request.query);
    if (linked && linked !== request.cookies[LANGUAGE_COOKIE]) {
      reply.setCookie(LANGUAGE_COOKIE, linked, { path: '/', sameSite: 'lax', secure, maxAge: 31_536_000 });
    }
    // The browser's language first, so that even a failure to read the session answers in it.
    request.lang = negotiateLanguage(
      linked ?? request.cookies[LANGUAGE_COOKIE],
      request.headers['accept-language'],
    );
    const raw = request.cookies[sessionCookieName(secure)];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    if (unsigned?.valid && unsigned.value) {
      request.sessionToken = unsigned.value;
      const state = await loadSessionState(deps.db, deps.clock, unsigned.value);
      request.user = state?.user;
      request.pendingUser = state?.pending;
    }
    request.csrfBinding = csrf.bindingOf(request);
    request.lang = negotiateLanguage(
      linked ?? request.cookies[LANGUAGE_COOKIE] ?? (request.user ?? request.pendingUser)?.language,
      request.headers['accept-language'],
    );
    const action = request.routeOptions.config?.action;
    if (request.is404) return;
    if (!isAction(action)) {
      // A route without a declared action is a programming error; never serve it.
      throw new Error(`Route ${request.routeOptions.url} declares no action`);
    }
    // Half logged in (the second step is due): that step, log-out and assets; every other page,
    // public ones too, sends to the step (ADR 0020).
    if (request.pendingUser) {
      if (PENDING_STEP_ACTIONS.has(action)) return;
      const step = request.pendingUser.step === 'code' ? '/login/code' : '/login/enrol';
      return reply.redirect(step, 303);
    }
    if (mayAttempt(request.user, action)) return;
    if (!request.user) {
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/login${next}`, 303);
    }
    const ctx = pageContext(request, reply, deps);
    const t = common[request.lang];
    return sendPage(reply, MessagePage({ ctx, title: t.forbiddenTitle, body: t.forbiddenBody }), 403);
  });

  registerEdgeValidation(app);

  // Nothing personal in any cache: every answer but a public page or asset (see the catalogue's
  // `sharedCache`) is no-store — also redirects to log-in, error pages, unknown URLs, and any
  // answer that sets a cookie (the cookie plugin's onSend hook ran before this one).
  app.addHook('onSend', async (request, reply, payload) => {
    const action = request.routeOptions.config?.action;
    const shared =
      isAction(action) &&
      !request.is404 &&
      reply.statusCode < 400 &&
      !reply.hasHeader('set-cookie') &&
      mayBeSharedCached(action, request.user);
    if (shared) return withValidator(request, reply, payload);
    if (!String(reply.getHeader('cache-control') ?? '').includes('no-store'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
  // Every text answer (pages, CSV, scripts) compressed for the browsers that accept it; the style
  // sheet comes compressed already. Registered after the hook above, so that a public page's
  // validator is taken over what it shows, not over its compressed bytes.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });

  // The one style sheet (styles.ts): its name changes with its content, so it is cached for a year.
  app.get<{ Params: { name: string } }>(
    '/assets/styles/:name',
    { config: { action: 'public.asset' } },
    async (request, reply) => {
      const variant = styleSheetVariant(request.params.name);
      if (!variant) return reply.callNotFound();
      const sheet = await styleSheet(variant);
      const encoding = acceptedEncoding(request.headers['accept-encoding']);
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('vary', 'accept-encoding');
      if (encoding === 'identity') return reply.send(sheet.css);
      return reply.header('content-encoding', encoding).send(encoding === 'br' ? sheet.brotli : sheet.gzip);
    },
  );
  app.get<{ Params: { '*': string } }>(
    '/assets/*',
    { config: { action: 'public.asset' } },
    (request, reply) => reply.sendFile(request.params['*']),
  );

  app.setNotFoundHandler((request, reply) => {
    const t = common[request.lang];
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      MessagePage({
        ctx,
        title: t.notFoundTitle,
        body: t.notFoundBody,
        link: { href: '/', label: t.backToHome },
      }),
      404,
    );
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const t = common[request.lang];
    const status = error.statusCode ?? 500;
    const ctx = () => pageContext(request, reply, deps);
    if (error instanceof CsrfError) {
      return sendPage(
        reply,
        MessagePage({ ctx: ctx(), title: t.invalidFormTitle, body: t.invalidFormBody }),
        403,
      );
    }
    if (status === 404) {
      return sendPage(
        reply,
        MessagePage({
          ctx: ctx(),
          title: t.notFoundTitle,
          body: t.notFoundBody,
          link: { href: '/', label: t.backToHome },
        }),
        404,
      );
    }
    if (status === 403) {
      return sendPage(
        reply,
        MessagePage({ ctx: ctx(), title: t.forbiddenTitle, body: t.forbiddenBody }),
        403,
      );
    }
    if (status === 429) {
      return sendPage(
        reply,
        MessagePage({ ctx: ctx(), title: t.tooManyRequests, body: t.tooManyRequests }),
        429,
      );
    }
    // Refused at the edge, or by the database itself (a value no schema caught): the user's input,
    // not our failure. Logged with the field or the SQLSTATE only, never the value.
    if (error instanceof InvalidInputError || isInvalidInputError(error)) {
      request.log.info(
        {
          field: error instanceof InvalidInputError ? `${error.where}.${error.field}` : undefined,
          sqlState: sqlState(error),
        },
        'input refused',
      );
      return sendPage(
        reply,
        MessagePage({ ctx: ctx(), title: t.invalidInputTitle, body: t.invalidInputBody }),
        400,
      );
    }
    if (status >= 400 && status < 500) {
      return sendPage(
        reply,
        MessagePage({ ctx: ctx(), title: t.invalidInputTitle, body: t.invalidInputBody }),
        status,
      );
    }
    // The database is unreachable (restarting, connections killed, pool exhausted): a page that
    // says so, and the next request tries again on a new connection — no restart needed.
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: loggableError(error) }, 'database unavailable');
      reply.header('Retry-After', '60');
      return sendPage(
        reply,
        MessagePage({ ctx: ctx(), title: t.unavailableTitle, body: t.unavailableBody }),
        503,
      );
    }
    // Kind, codes and stack frames only: never a value the error quotes (see loggableError).
    request.log.error({ err: loggableError(error) }, 'request failed');
    return sendPage(reply, MessagePage({ ctx: ctx(), title: t.errorTitle, body: t.errorBody }), 500);
  });
}

/** The language a GET link asks for (`?lang=fr`, added to the links in mails), if it is one. */
function linkedLanguage(method: string, query: unknown): Language | undefined {
  if (method !== 'GET' || !query || typeof query !== 'object') return undefined;
  const lang = (query as Record<string, unknown>).lang;
  return isLanguage(lang) ? lang : undefined;
}
