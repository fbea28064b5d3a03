import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { registerDeskRequestRoutes } from './desk-requests.routes.tsx';

/**
 * Desk staff and intermediaries act for a family on its requests: change dates and care plan,
 * confirm, withdraw, complete the birth data, answer an offer (desk). One implementation of the
 * pages (registerActingRoutes) serves both, each with its own path, action and scope check; the
 * rules and writes are the requests module's, which records who acted for whom.
 */

export { type ActingScope, registerActingRoutes } from './acting.routes.tsx';
export { RequestActions } from './acting.views.tsx';
export { actingNotice, messages as deskRequestMessages } from './desk-requests.messages.ts';

export function registerDeskRequestsRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerDeskRequestRoutes(app, deps);
}
