import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { type CurrentUser, locationsFor } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, formValues, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { emptyForm } from '../../platform/views/forms.tsx';
import { type ProviderLocationId, parseId, type RequestId } from '../../shared/ids.ts';
import type { Notified } from '../families/index.ts';
import { getLocationsByIds } from '../provider-locations/index.ts';
import { addNote, saveCustomValues } from './annotations.service.ts';
import { NoPlaceConfirmPage, WithdrawOfferConfirmPage } from './provider-request.confirm.tsx';
import {
  assertRequestOfLocation,
  getRequestForLocation,
  type RequestForLocation,
} from './provider-request.service.ts';
import { handlingMessages } from './request-handling.messages.ts';
import { NoPlaceForm, NoteForm, OfferForm } from './request-handling.schemas.ts';
import {
  makeOffer,
  markEnrolled,
  markNoPlace,
  putOnWaitingList,
  undoNoPlace,
  withdrawOffer,
} from './request-handling.service.ts';
import {
  type DoneKey,
  type FailedForm,
  ProviderHomePage,
  ProviderRequestPage,
} from './request-handling.views.tsx';

type RequestParams = {
  Params: { locationId: string; requestId: string };
  Querystring: { done?: string; told?: string };
};

type ConfirmView = typeof NoPlaceConfirmPage;

export function locationAndRequest(params: { locationId: string; requestId: string }) {
  const locationId = parseId<ProviderLocationId>(params.locationId);
  const requestId = parseId<RequestId>(params.requestId);
  if (!locationId || !requestId) throw new NotFoundError();
  return { locationId, requestId };
}

const NOTIFIED: readonly Notified[] = ['mailed', 'task', 'none'];
const notified = (value: unknown): Notified | undefined => NOTIFIED.find((n) => n === value);

function doneKey(value: unknown): DoneKey | undefined {
  return typeof value === 'string' && Object.hasOwn(handlingMessages.nl.done, value)
    ? (value as DoneKey)
    : undefined;
}

/**
 * Provider staff: their locations, a request as their location sees it, and the handling steps.
 * Every step is a POST that redirects back to the request page with a confirmation (`?done=`,
 * and `&told=` saying how the family was told), or re-renders it with 400 and the messages. "No
 * place" and withdrawing an offer go through a confirmation page first (GET); their POST acts only
 * with the confirmation page's field and otherwise sends the user there. The waiting list itself
 * is the waiting-list module.
 */
export function registerRequestHandlingRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/provider', { config: { action: 'provider.home' } }, async (request, reply) => {
    // A location the desk deactivated leaves the list of open locations; its pages stay reachable.
    const locations = (
      await getLocationsByIds(deps.db, locationsFor(requireUser(request.user), 'provider.waitingList.read'))
    ).filter((l) => l.active);
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
      const told = done ? notified(request.query.told) : undefined;
      return sendPage(
        reply,
        <ProviderRequestPage
          ctx={pageContext(request, reply, deps)}
          detail={detail}
          {...(done ? { done } : {})}
          {...(told ? { told } : {})}
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
    confirm?: { page: ConfirmView },
  ) {
    app.post<RequestParams>(
      `/provider/locations/:locationId/requests/:requestId/${path}`,
      { config: { action } },
      async (request, reply) => {
        const user = requireUser(request.user);
        const ids = locationAndRequest(request.params);
        const stepPath = `${pagePath(ids.locationId, ids.requestId)}/${path}`;
        // Not from the confirmation page (an old form, a crafted request): nothing happens yet,
        // but a request of another location is still not found (the access matrix checks this).
        if (confirm && !isConfirmed(request.body)) {
          await assertRequestOfLocation(deps, user, ids.locationId, ids.requestId);
          return reply.redirect(stepPath, 303);
        }
        const failed = async (state: FailedForm['state']) => {
          if (!confirm) return showFailed(request, reply, user, ids, { form, state });
          const detail = await getRequestForLocation(deps, user, ids.locationId, ids.requestId);
          const Page = confirm.page;
          return sendPage(
            reply,
            <Page ctx={pageContext(request, reply, deps)} detail={detail} form={state} />,
            400,
          );
        };
        const parsed = parse(request.body);
        if (!parsed.ok) return failed(parsed.form);
        const result = await run(user, ids.locationId, ids.requestId, parsed.value);
        if (result.ok) {
          const told = notified(result.value);
          const query = `?done=${done}${told ? `&told=${told}` : ''}`;
          return reply.redirect(`${pagePath(ids.locationId, ids.requestId)}${query}`, 303);
        }
        return failed(failedForm(request.body, result.errors));
      },
    );
  }

  /**
   * The confirmation page of a step (GET): only while the step is allowed; otherwise back to the
   * request page, which shows what is possible now.
   */
  function confirmPage(path: string, Page: ConfirmView, allowed: (detail: RequestForLocation) => boolean) {
    app.get<RequestParams>(
      `/provider/locations/:locationId/requests/:requestId/${path}`,
      { config: { action: 'provider.preference.handle' } },
      async (request, reply) => {
        const ids = locationAndRequest(request.params);
        const detail = await getRequestForLocation(
          deps,
          requireUser(request.user),
          ids.locationId,
          ids.requestId,
        );
        if (!allowed(detail)) return reply.redirect(pagePath(ids.locationId, ids.requestId), 303);
        return sendPage(
          reply,
          <Page ctx={pageContext(request, reply, deps)} detail={detail} form={emptyForm} />,
        );
      },
    );
  }
  confirmPage('no-place', NoPlaceConfirmPage, (d) => d.allowed.noPlace);
  confirmPage('withdraw-offer', WithdrawOfferConfirmPage, (d) => d.allowed.withdraw);

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
    { page: NoPlaceConfirmPage },
  );
  step(
    'withdraw-offer',
    'provider.preference.handle',
    'step',
    'withdrawn',
    noInput,
    (u, l, r) => withdrawOffer(deps, u, l, r),
    { page: WithdrawOfferConfirmPage },
  );
  step('undo-no-place', 'provider.preference.handle', 'step', 'noPlaceUndone', noInput, (u, l, r) =>
    undoNoPlace(deps, u, l, r),
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
