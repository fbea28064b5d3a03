import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { errorText } from '../../platform/i18n/common.ts';
import { emptyForm } from '../../platform/views/forms.tsx';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { type ProviderLocationId, parseId, type RequestId } from '../../shared/ids.ts';
import { OfferForm } from '../request-handling/index.ts';
import { messages } from './emergency-list.messages.ts';
import {
  getEmergencyList,
  getEmergencyRequest,
  offerFromEmergencyList,
  offersFromList,
} from './emergency-list.service.ts';
import { EmergencyListPage, EmergencyOfferPage } from './emergency-list.views.tsx';

type ListRoute = { Params: { locationId: string }; Querystring: { page?: string } };
type RequestRoute = { Params: { locationId: string; requestId: string } };

function ids(params: { locationId: string; requestId?: string }) {
  const locationId = parseId<ProviderLocationId>(params.locationId);
  const requestId = params.requestId === undefined ? undefined : parseId<RequestId>(params.requestId);
  if (!locationId || (params.requestId !== undefined && !requestId)) throw new NotFoundError();
  return { locationId, requestId: requestId as RequestId };
}

/**
 * The emergency list of the municipality of a location the user works at, and an offer from it.
 * After the offer the request is on the location's own list: the redirect goes to its page.
 */
export function registerEmergencyListRoutes(app: FastifyInstance, deps: AppDeps): void {
  const base = '/provider/locations/:locationId/emergency-list';

  app.get<ListRoute>(base, { config: { action: 'provider.emergencyList.read' } }, async (request, reply) => {
    const { locationId } = ids(request.params);
    const page = Number.parseInt(request.query.page ?? '1', 10);
    const list = await getEmergencyList(
      deps,
      requireUser(request.user),
      locationId,
      Number.isSafeInteger(page) ? page : 1,
    );
    return sendPage(reply, <EmergencyListPage ctx={pageContext(request, reply, deps)} list={list} />);
  });

  app.get<RequestRoute>(
    `${base}/:requestId`,
    { config: { action: 'provider.emergencyList.offer' } },
    async (request, reply) => {
      const { locationId, requestId } = ids(request.params);
      const data = await getEmergencyRequest(deps, requireUser(request.user), locationId, requestId);
      if (!offersFromList(data.row))
        return reply.redirect(`/provider/locations/${locationId}/requests/${requestId}`, 303);
      return sendPage(
        reply,
        <EmergencyOfferPage ctx={pageContext(request, reply, deps)} data={data} form={emptyForm} />,
      );
    },
  );

  app.post<RequestRoute>(
    `${base}/:requestId/offer`,
    { config: { action: 'provider.emergencyList.offer' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const { locationId, requestId } = ids(request.params);
      const parsed = parseForm(OfferForm, request.body);
      const result = parsed.ok
        ? await offerFromEmergencyList(deps, user, locationId, requestId, parsed.value)
        : undefined;
      if (result?.ok)
        return reply.redirect(
          `/provider/locations/${locationId}/requests/${requestId}?done=offer&told=${result.value}`,
          303,
        );
      const form = parsed.ok
        ? failedForm(request.body, result?.ok === false ? result.errors : {})
        : parsed.form;
      const ctx = pageContext(request, reply, deps);
      const data = await getEmergencyRequest(deps, user, locationId, requestId).catch((error: unknown) => {
        if (error instanceof NotFoundError && form.errors.form === 'notOnEmergencyList') return undefined;
        throw error;
      });
      if (!data) {
        // Placed or offered in the meantime: say so, rather than a bare "not found".
        const t = messages[ctx.lang];
        const page = MessagePage({
          ctx,
          title: t.offerTitle,
          body: errorText(ctx.lang, 'notOnEmergencyList'),
          link: { href: `/provider/locations/${locationId}/emergency-list`, label: t.backToList },
        });
        return sendPage(reply, page, 400);
      }
      return sendPage(reply, <EmergencyOfferPage ctx={ctx} data={data} form={form} />, 400);
    },
  );
}
