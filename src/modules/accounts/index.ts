import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { registerAccountPageRoutes } from './account.routes.tsx';
import { registerLoginRoutes } from './accounts.routes.tsx';
import { registerDeactivationRoutes } from './deactivation.routes.tsx';
import { registerRecoveryRoutes } from './recovery.routes.tsx';
import { registerSecondFactorRoutes } from './second-factor.routes.tsx';

export { VerifyEmailNotice } from './account.views.tsx';
export { NewPasswordFields } from './password-fields.tsx';
export { accountJobs } from './registrations.job.ts';
export { clearSessionCookie } from './session-cookie.http.ts';
export { hashToken, newToken, tokenParam } from './tokens.ts';

/** Log-in, registration, the account page, and the pages behind mailed links. */
export function registerAccountRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerLoginRoutes(app, deps);
  registerAccountPageRoutes(app, deps);
  registerRecoveryRoutes(app, deps);
  registerSecondFactorRoutes(app, deps);
  registerDeactivationRoutes(app, deps);
}
