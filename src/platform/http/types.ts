import type { Action, CurrentUser } from '../auth/actions.ts';
import type { PendingUser } from '../auth/sessions.ts';
import type { Language } from '../i18n/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The one catalogue action this route performs; a route without one is refused (500). */
    action?: Action;
  }
  interface FastifyInstance {
    /** Every route with the action it declares, for the access-control test. */
    registeredRoutes: { method: string; url: string; action: unknown }[];
    /** `draining`: shutting down; the readiness check answers 503 so the load balancer moves on. */
    lifecycle: { draining: boolean };
  }
  interface FastifyRequest {
    user: CurrentUser | undefined;
    /** A session whose second step (code or enrolment) is still due; then `user` is undefined. */
    pendingUser: PendingUser | undefined;
    lang: Language;
    sessionToken: string | undefined;
    /** What this request's CSRF tokens are bound to: its session, or its pre-session cookie. */
    csrfBinding: string | undefined;
  }
  interface FastifyReply {
    /** A CSRF token for a form on the page being rendered (platform/http/csrf.ts). */
    generateCsrf(): string;
  }
}
