/**
 * How public pages are answered. An anonymous page carries nothing personal and may be cached by
 * browsers and shared caches for a minute, so it must not set cookies: no CSRF secret is made for
 * it (only a logged-in visitor's page has a form, the log-out button). A page rendered for a
 * logged-in user, or an error page, is never stored.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { homePathFor } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendPage } from '../../platform/http/setup.ts';
import type { PageContext } from '../../platform/views/context.ts';

export const PUBLIC_MAX_AGE_SECONDS = 60;

export function publicPageContext(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): PageContext {
  const user = request.user;
  return {
    lang: request.lang,
    path: request.url,
    csrfToken: user ? reply.generateCsrf() : '',
    user: user ? { displayName: user.displayName, homePath: homePathFor(user) } : undefined,
    devTools: deps.config.env !== 'production',
  };
}

export function cacheHeaders(request: FastifyRequest, reply: FastifyReply, status = 200): void {
  const shareable = !request.user && status === 200;
  reply.header(
    'cache-control',
    shareable ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}` : 'private, no-cache, no-store',
  );
  // The language comes from a cookie or Accept-Language, the header's log-in state from the cookie.
  reply.header('vary', 'Cookie, Accept-Language');
}

export function sendPublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: VNode,
  status = 200,
): FastifyReply {
  cacheHeaders(request, reply, status);
  return sendPage(reply, page, status);
}
