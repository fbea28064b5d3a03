import type { FastifyReply } from 'fastify';
import { createSession, destroySession, type PendingStep } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { clearPreSessionCookie } from '../../platform/http/csrf.ts';
import { sessionCookieName } from '../../platform/http/setup.ts';

/**
 * Starts a session for a user: a new id at every log-in (no fixation); the old session ends, and
 * so does the pre-session, so that no CSRF token issued before the log-in works after it.
 */
export async function startSession(
  reply: FastifyReply,
  deps: AppDeps,
  previousToken: string | undefined,
  userId: string,
  /** The second step still due (ADR 0020), if any: until done, the session grants nothing else. */
  pendingStep: PendingStep | null = null,
): Promise<void> {
  const secure = deps.config.secureCookies;
  if (previousToken) await destroySession(deps.db, previousToken);
  const token = await createSession(deps.db, deps.clock, userId, pendingStep);
  reply.setCookie(sessionCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
  });
  clearPreSessionCookie(reply, secure);
}

/** Forgets the session cookie in the browser (the server-side session is ended by the caller). */
export function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  const secure = deps.config.secureCookies;
  // A __Host- cookie is only replaced by a Set-Cookie with the same Secure and path attributes.
  reply.clearCookie(sessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'lax' });
}
