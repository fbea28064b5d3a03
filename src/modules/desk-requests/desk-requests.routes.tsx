import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { parseId, type RequestId } from '../../shared/ids.ts';
import { requireDeskRequest } from '../families/index.ts';
import { registerActingRoutes } from './acting.routes.tsx';

/**
 * Desk staff act for a family of their municipality (it phoned or came by): change, confirm,
 * withdraw, birth data and the answer to an offer, under /desk/requests/:requestId. A request of
 * another municipality answers 404. After each action: back to the family's desk page.
 */
export function registerDeskRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerActingRoutes(app, deps, {
    role: 'desk',
    action: 'desk.request.act',
    path: '/desk/requests/:requestId',
    resolve: async (user, params) => {
      const requestId = parseId<RequestId>(params.requestId ?? '');
      if (!requestId) throw new NotFoundError('request');
      const { family } = await requireDeskRequest(deps.db, user, requestId);
      return { familyId: family.id, requestId };
    },
    base: (ids) => `/desk/requests/${ids.requestId}`,
    back: (ids) => `/desk/families/${ids.familyId}`,
    offers: true,
  });
}
