import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { registerParentRequestRoutes } from './requests.routes.parent.tsx';
import { registerProviderRequestRoutes } from './requests.routes.provider.tsx';

export { hasWorkPriority, isPriorityGroup } from './priority.ts';
export * from './provider.ts';
export { requestJobs } from './reminders.service.ts';

export function registerRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerParentRequestRoutes(app, deps);
  registerProviderRequestRoutes(app, deps);
}
