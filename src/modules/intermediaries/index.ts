import type { FastifyInstance } from 'fastify';

import type { AppDeps } from '../../platform/deps.ts';
import { registerIntermediaryStaffRoutes } from './intermediaries.routes.tsx';
import { registerTakeOverRoutes } from './take-over.routes.tsx';

export { intermediaryJobs, purgeAbandonedDrafts } from './drafts.job.ts';
export { createIntermediaryStaff } from './setup.service.ts';

/** Intermediaries (toeleiders): their staff's pages, and the parent's take-over of a handed-over file. */
export function registerIntermediaryRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerIntermediaryStaffRoutes(app, deps);
  registerTakeOverRoutes(app, deps);
}
