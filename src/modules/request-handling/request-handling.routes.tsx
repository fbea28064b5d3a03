import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { type CurrentUser, locationsFor } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, formValues, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { type ProviderLocationId, parseId, type RequestId } from '../../shared/ids.ts';
import { getLocationsByIds } from '../provider-locations/index.ts';
import { addNote, saveCustomValues } from './annotations.service.ts';
import { getRequestForLocation } from './provider-request.service.ts';
import { handlingMessages } from './request-handling.messages.ts';
import { NoPlaceForm, NoteForm, OfferForm } from './request-handling.schemas.ts';
import {
  makeOffer,
  markEnrolled,
  markNoPlace,
  putOnWaitingList,
  withdrawOffer,
} from './request-handling.service.ts';
import {
  type DoneKey,
  type FailedForm,
  ProviderHomePage,
  ProviderRequestPage,
} from './request-handling.views.tsx';

type RequestParams = { Params: { locationId: string; requestId: string }; Querystring: { done?: string } };

export function locationAndRequest(params: { locationId: string; requestId: string }) {
  const locationId = parseId<ProviderLocationId>(params.locationId);
  const requestId = parseId<RequestId>(params.requestId);
  if (!locationId || !requestId) throw new NotFoundError();
  return { locationId, requestId };
}

function doneKey(value: unknown): DoneKey | undefined {
  return typeof value === 'string' && Object.hasOwn(handlingMessages.nl.done, value)
    ? (value as DoneKey)
    : undefined;
}

/**
 * Provider staff: their locations, a request as their location sees it, and the handling steps.
 * Every step is a POST that redirects back to the request page with a confirmation (`?done=`), or
 * re-renders it with 400 and the messages. The waiting list itself is the waiting-list module.
 */
export function registerRequestHandlingRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/provider', { config: { action: 'provider.home' } }, async (request, reply) => {
    const locations = await getLocationsByIds(
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

  const pagePath = (locationId: string, requestId: string) =>
    `/provider/locations/${locationId}/requests/${requestId}`;

  async function showFailed(
    request: FastifyRequest,
    reply: FastifyReply,
    user: CurrentUser,
    ids: { locationId: string; requestId: string },
    failed: FailedForm,
  ) {
    const detail = await getRequestForLocation(deps, user, ids.locationId, ids.requestId);
    return sendPage(
      reply,
      <ProviderRequestPage ctx={pageContext(request, reply, deps)} detail={detail} failed={failed} />,
      400,
    );
  }

  app.get<RequestParams>(
    '/provider/locations/:locationId/requests/:requestId',
    { config: { action: 'provider.request.read' } },
    async (request, reply) => {
      const { locationId, requestId } = locationAndRequest(request.params);
      const detail = await getRequestForLocation(deps, requireUser(request.user), locationId, requestId);
      const done = doneKey(request.query.done);
      return sendPage(
        reply,
        <ProviderRequestPage
          ctx={pageContext(request, reply, deps)}
          detail={detail}
          {...(done ? { done } : {})}
        />,
      );
    },
  );

  /** A handling step with a form: parse, run, then redirect or re-render that form with 400. */
  function step<I>(
    path: string,
    action: 'provider.preference.handle' | 'provider.request.annotate',
    form: FailedForm['form'],
    done: DoneKey,
    parse: (body: unknown) => { ok: true; value: I } | { ok: false; form: FailedForm['state'] },
    run: (user: CurrentUser, locationId: string, requestId: string, input: I) => Promise<Result<unknown>>,
  ) {
    app.post<RequestParams>(
      `/provider/locations/:locationId/requests/:requestId/${path}`,
      { config: { action } },
      async (request, reply) => {
        const user = requireUser(request.user);
        const ids = locationAndRequest(request.params);
        const parsed = parse(request.body);
        if (!parsed.ok) return showFailed(request, reply, user, ids, { form, state: parsed.form });
        const result = await run(user, ids.locationId, ids.requestId, parsed.value);
        if (result.ok) return reply.redirect(`${pagePath(ids.locationId, ids.requestId)}?done=${done}`, 303);
        return showFailed(request, reply, user, ids, {
          form,
          state: failedForm(request.body, result.errors),
        });
      },
    );
  }

  const noInput = () => ({ ok: true as const, value: undefined });
  step(
    'offer',
    'provider.preference.handle',
    'offer',
    'offer',
    (b) => parseForm(OfferForm, b),
    (u, l, r, input) => makeOffer(deps, u, l, r, input),
  );
  step('waiting-list', 'provider.preference.handle', 'step', 'waitingList', noInput, (u, l, r) =>
    putOnWaitingList(deps, u, l, r),
  );
  step(
    'no-place',
    'provider.preference.handle',
    'noPlace',
    'noPlace',
    (b) => parseForm(NoPlaceForm, b),
    (u, l, r, input) => markNoPlace(deps, u, l, r, input),
  );
  step('withdraw-offer', 'provider.preference.handle', 'step', 'withdrawn', noInput, (u, l, r) =>
    withdrawOffer(deps, u, l, r),
  );
  step('enrolled', 'provider.preference.handle', 'step', 'enrolled', noInput, (u, l, r) =>
    markEnrolled(deps, u, l, r),
  );
  step(
    'notes',
    'provider.request.annotate',
    'note',
    'note',
    (b) => parseForm(NoteForm, b),
    async (u, l, r, input) => {
      await addNote(deps, u, l, r, input.note);
      return { ok: true, value: undefined };
    },
  );
  step(
    'custom-values',
    'provider.request.annotate',
    'custom',
    'custom',
    (b) => ({ ok: true, value: formValues(b) }),
    (u, l, r, values) => saveCustomValues(deps, u, l, r, values),
  );
}
