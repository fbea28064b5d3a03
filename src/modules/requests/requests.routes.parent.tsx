import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm } from '../../platform/views/forms.tsx';
import { type OfferId, parseId, type RequestId } from '../../shared/ids.ts';
import { getFamilyOfUser } from './requests.queries.ts';
import { AcceptOfferForm, NewRequestForm } from './requests.schemas.ts';
import {
  acceptOffer,
  declineOffer,
  getParentOverview,
  getRequestFormData,
  getRequestForParent,
  submitRequest,
} from './requests.service.ts';
import { FollowUpPage, NewRequestPage, ParentHomePage } from './requests.views.parent.tsx';

type OfferParams = { Params: { requestId: string; offerId: string } };

/** The parent's pages: overview, the request form, the follow-up page and answering offers. */
export function registerParentRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/parent', { config: { action: 'parent.home' } }, async (request, reply) => {
    const overview = await getParentOverview(deps, requireUser(request.user));
    return sendPage(reply, <ParentHomePage ctx={pageContext(request, reply, deps)} overview={overview} />);
  });

  app.get('/parent/requests/new', { config: { action: 'parent.request.create' } }, async (request, reply) => {
    const data = await getRequestFormData(deps, requireUser(request.user));
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <NewRequestPage ctx={ctx} form={emptyForm} data={data} submissionKey={randomUUID()} />,
    );
  });

  app.post('/parent/requests', { config: { action: 'parent.request.create' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const parsed = parseForm(NewRequestForm, request.body);
    const result = parsed.ok ? await submitRequest(deps, user, parsed.value) : undefined;
    if (result?.ok) return reply.redirect(`/parent/requests/${result.value}`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    const data = await getRequestFormData(deps, user);
    const key = typeof form.values.submissionKey === 'string' ? form.values.submissionKey : randomUUID();
    const ctx = pageContext(request, reply, deps);
    return sendPage(reply, <NewRequestPage ctx={ctx} form={form} data={data} submissionKey={key} />, 400);
  });

  app.get<{ Params: { requestId: string } }>(
    '/parent/requests/:requestId',
    { config: { action: 'parent.request.read' } },
    async (request, reply) => {
      const requestId = parseId<RequestId>(request.params.requestId);
      if (!requestId) throw new NotFoundError();
      const detail = await getRequestForParent(deps, requireUser(request.user), requestId);
      return sendPage(
        reply,
        <FollowUpPage ctx={pageContext(request, reply, deps)} detail={detail} form={emptyForm} />,
      );
    },
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post<OfferParams>(
      `/parent/requests/:requestId/offers/:offerId/${answer}`,
      { config: { action: 'parent.offer.answer' } },
      async (request, reply) => {
        const user = requireUser(request.user);
        const requestId = parseId<RequestId>(request.params.requestId);
        const offerId = parseId<OfferId>(request.params.offerId);
        const family = await getFamilyOfUser(deps.db, user.id);
        if (!requestId || !offerId || !family) throw new NotFoundError();
        // Scope: the request must belong to the parent's own family (404 otherwise).
        const detail = await getRequestForParent(deps, user, requestId);
        const parsed = parseForm(AcceptOfferForm, request.body);
        const keepHigher =
          parsed.ok && parsed.value.keepHigher ? parsed.value.keepHigher === 'yes' : undefined;
        const result =
          answer === 'accept'
            ? await acceptOffer(deps, user, family.family.id, requestId, offerId, keepHigher)
            : await declineOffer(deps, user, family.family.id, requestId, offerId);
        if (result.ok) return reply.redirect(`/parent/requests/${requestId}`, 303);
        const form = failedForm(request.body, result.errors);
        return sendPage(
          reply,
          <FollowUpPage ctx={pageContext(request, reply, deps)} detail={detail} form={form} />,
          400,
        );
      },
    );
  }
}
