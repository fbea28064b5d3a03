import type { FastifyReply } from 'fastify';
import { createSession, destroySession } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sessionCookieName } from '../../platform/http/setup.ts';

/** Starts a session for a user: a new id at every log-in (no fixation); the old session ends. */
export async function startSession(
  reply: FastifyReply,
  deps: AppDeps,
  previousToken: string | undefined,
  userId: string,
): Promise<void> {
  const secure = deps.config.secureCookies;
  if (previousToken) await destroySession(deps.db, previousToken);
  const token = await createSession(deps.db, deps.clock, userId);
  reply.setCookie(sessionCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
  });
}

/** Forgets the session cookie in the browser (the server-side session is ended by the caller). */
export function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  reply.clearCookie(sessionCookieName(deps.config.secureCookies), { path: '/' });
}
