import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * CSRF tokens bound to the visitor's session (ADR 0015). A token is a random salt and an HMAC over
 * the salt and a binding: the session token for a logged-in user, else the random id of a
 * pre-session cookie set the first time an anonymous visitor gets a form. A token from another
 * browser names another binding and is refused; log-in starts a new session (and forgets the
 * pre-session), so every token issued before it stops working.
 */
export function preSessionCookieName(secure: boolean): string {
  return secure ? '__Host-ko_presession' : 'ko_presession';
}

/** A form whose token is missing, forged or issued to another session: answered 403. */
export class CsrfError extends Error {
  readonly statusCode = 403;
  constructor() {
    super('Invalid CSRF token');
  }
}

export type CsrfGuard = {
  /** The binding of a request whose session or pre-session cookie was read (onRequest). */
  bindingOf(request: FastifyRequest): string | undefined;
  /** A fresh token for the page being rendered; sets the pre-session cookie when there is none. */
  generate(request: FastifyRequest, reply: FastifyReply): string;
  /** Throws CsrfError unless the submitted `_csrf` belongs to this request's binding. */
  check(request: FastifyRequest): void;
};

export function createCsrfGuard(options: { secret: string; secure: boolean }): CsrfGuard {
  // Its own key: the cookie signatures use the session secret itself.
  const key = createHmac('sha256', options.secret).update('ko csrf token key').digest();
  const cookieName = preSessionCookieName(options.secure);
  const mac = (binding: string, salt: string) =>
    createHmac('sha256', key).update(`${binding}\n${salt}`).digest();

  function bindingOf(request: FastifyRequest): string | undefined {
    if ((request.user || request.pendingUser) && request.sessionToken)
      return `session:${request.sessionToken}`;
    const raw = request.cookies[cookieName];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    return unsigned?.valid && unsigned.value ? `pre-session:${unsigned.value}` : undefined;
  }

  return {
    bindingOf,
    generate(request, reply) {
      let binding = request.csrfBinding;
      if (!binding) {
        const id = randomBytes(32).toString('base64url');
        reply.setCookie(cookieName, id, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secure,
          signed: true,
        });
        binding = `pre-session:${id}`;
        request.csrfBinding = binding;
      }
      const salt = randomBytes(16).toString('base64url');
      return `${salt}.${mac(binding, salt).toString('base64url')}`;
    },
    check(request) {
      const body = request.body as { _csrf?: unknown } | undefined;
      const token = body?._csrf;
      const binding = request.csrfBinding;
      if (typeof token !== 'string' || !binding || token.length > 200) throw new CsrfError();
      const [salt, given, ...rest] = token.split('.');
      if (!salt || !given || rest.length > 0) throw new CsrfError();
      const expected = mac(binding, salt);
      const actual = Buffer.from(given, 'base64url');
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new CsrfError();
    },
  };
}

/** Forgets the pre-session at log-in: from then on the session is the binding. */
export function clearPreSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(preSessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'lax' });
}
