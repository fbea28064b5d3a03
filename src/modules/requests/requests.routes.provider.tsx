import type { FastifyInstance } from 'fastify';
import { locationsFor } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm } from '../../platform/views/forms.tsx';
import { type ProviderLocationId, parseId, type RequestId } from '../../shared/ids.ts';
import { getRequestForLocation, getWaitingListForLocation, makeOffer } from './handling.service.ts';
import { getLocations } from './requests.queries.ts';
import { OfferForm } from './requests.schemas.ts';
import { ProviderHomePage, ProviderRequestPage, WaitingListPage } from './requests.views.provider.tsx';

type LocationParams = { Params: { locationId: string } };
type RequestParams = { Params: { locationId: string; requestId: string } };

function ids(params: { locationId: string; requestId?: string }) {
  const locationId = parseId<ProviderLocationId>(params.locationId);
  const requestId = params.requestId === undefined ? undefined : parseId<RequestId>(params.requestId);
  if (!locationId || (params.requestId !== undefined && !requestId)) throw new NotFoundError();
  return { locationId, requestId: requestId as RequestId };
}

/** Provider staff: their locations, each location's waiting list, a request, and making an offer. */
export function registerProviderRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/provider', { config: { action: 'provider.home' } }, async (request, reply) => {
    const locations = await getLocations(
      deps.db,
      locationsFor(requireUser(request.user), 'provider.waitingList.read'),
    );
    const [only] = locations;
    if (locations.length === 1 && only)
      return reply.redirect(`/provider/locations/${only.id}/waiting-list`, 303);
    return sendPage(
      reply,
      <ProviderHomePage ctx={pageContext(request, reply, deps)} locations={locations} />,
    );
  });

  app.get<LocationParams>(
    '/provider/locations/:locationId/waiting-list',
    { config: { action: 'provider.waitingList.read' } },
    async (request, reply) => {
      const { locationId } = ids(request.params);
      const list = await getWaitingListForLocation(deps, requireUser(request.user), locationId);
      return sendPage(reply, <WaitingListPage ctx={pageContext(request, reply, deps)} list={list} />);
    },
  );

  app.get<RequestParams>(
    '/provider/locations/:locationId/requests/:requestId',
    { config: { action: 'provider.request.read' } },
    async (request, reply) => {
      const { locationId, requestId } = ids(request.params);
      const detail = await getRequestForLocation(deps, requireUser(request.user), locationId, requestId);
      return sendPage(
        reply,
        <ProviderRequestPage ctx={pageContext(request, reply, deps)} detail={detail} form={emptyForm} />,
      );
    },
  );

  app.post<RequestParams>(
    '/provider/locations/:locationId/requests/:requestId/offer',
    { config: { action: 'provider.preference.handle' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const { locationId, requestId } = ids(request.params);
      const parsed = parseForm(OfferForm, request.body);
      const result = parsed.ok ? await makeOffer(deps, user, locationId, requestId, parsed.value) : undefined;
      if (result?.ok) return reply.redirect(`/provider/locations/${locationId}/requests/${requestId}`, 303);
      const form = parsed.ok
        ? failedForm(request.body, result?.ok === false ? result.errors : {})
        : parsed.form;
      const detail = await getRequestForLocation(deps, user, locationId, requestId);
      return sendPage(
        reply,
        <ProviderRequestPage ctx={pageContext(request, reply, deps)} detail={detail} form={form} />,
        400,
      );
    },
  );
}
