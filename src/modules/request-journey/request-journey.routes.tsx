import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, formValues, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { type OfferId, parseId, type RequestId } from '../../shared/ids.ts';
import { requireFamily } from '../families/index.ts';
import {
  AcceptOfferForm,
  acceptOffer,
  CarePlanForm,
  cancelPreferenceEdit,
  changeCarePlan,
  changeDates,
  confirmRequest,
  declineOffer,
  editPreferences,
  getPreferenceEditor,
  parsePreferenceOp,
  requireOfferOfRequest,
  requireOwnRequest,
  savePreferences,
  WhenForm,
  withdrawRequest,
} from '../requests/index.ts';
import { CarePlanPage, DatesPage, PreferencesPage } from './changes.views.tsx';
import { DeclineOfferPage, WithdrawPage } from './confirm.views.tsx';
import { searchForPreferences } from './location-search.ts';
import { getParentOverview, getRequestForParent } from './request-journey.service.ts';
import { FollowUpPage, ParentHomePage } from './request-journey.views.tsx';

type RequestParams = { Params: { requestId: string }; Querystring: Record<string, string> };
type OfferParams = { Params: { requestId: string; offerId: string } };

/** A step that cannot be taken back acts only when posted from its confirmation page. */

function requestIdOf(params: { requestId: string }): RequestId {
  const id = parseId<RequestId>(params.requestId);
  if (!id) throw new NotFoundError();
  return id;
}

/** The parent's request of this family (404 for anyone else's). */
async function ownRequest(deps: AppDeps, user: CurrentUser, requestId: string) {
  const own = await requireFamily(deps, user);
  return requireOwnRequest(deps.db, own.family.id, requestId);
}

/**
 * The parent's pages: home, family file, the wizard, the follow-up page, answering offers, and
 * changing, confirming or withdrawing a request.
 */
export function registerParentRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/parent', { config: { action: 'parent.home' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const overview = await getParentOverview(deps, user);
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <ParentHomePage ctx={ctx} overview={overview} emailUnverified={user.emailVerified === false} />,
    );
  });

  async function followUp(request: FastifyRequest, reply: FastifyReply, requestId: string, form: FormState) {
    const detail = await getRequestForParent(deps, requireUser(request.user), requestId);
    const status = Object.keys(form.errors).length > 0 ? 400 : 200;
    return sendPage(
      reply,
      <FollowUpPage ctx={pageContext(request, reply, deps)} detail={detail} form={form} />,
      status,
    );
  }

  app.get<RequestParams>(
    '/parent/requests/:requestId',
    { config: { action: 'parent.request.read' } },
    async (request, reply) => followUp(request, reply, requestIdOf(request.params), emptyForm),
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post<OfferParams>(
      `/parent/requests/:requestId/offers/:offerId/${answer}`,
      { config: { action: 'parent.offer.answer' } },
      async (request, reply) => {
        const user = requireUser(request.user);
        const requestId = requestIdOf(request.params);
        const offerId = parseId<OfferId>(request.params.offerId);
        if (!offerId) throw new NotFoundError();
        const detail = await ownRequest(deps, user, requestId);
        await requireOfferOfRequest(deps.db, requestId, offerId);
        // Declining cannot be taken back: without the confirmation page's `confirmed=yes`, go there.
        if (answer === 'decline' && !isConfirmed(request.body))
          return reply.redirect(`/parent/requests/${requestId}/offers/${offerId}/decline`, 303);
        const parsed = parseForm(AcceptOfferForm, request.body);
        const keepHigher =
          parsed.ok && parsed.value.keepHigher ? parsed.value.keepHigher === 'yes' : undefined;
        const result =
          answer === 'accept'
            ? await acceptOffer(deps, user, detail.family.id, requestId, offerId, keepHigher)
            : await declineOffer(deps, user, detail.family.id, requestId, offerId);
        if (result.ok) return reply.redirect(`/parent/requests/${requestId}`, 303);
        return followUp(request, reply, requestId, failedForm(request.body, result.errors));
      },
    );
  }

  /** The confirmation page before declining: what happens to this request, then confirm or go back. */
  app.get<OfferParams>(
    '/parent/requests/:requestId/offers/:offerId/decline',
    { config: { action: 'parent.offer.answer' } },
    async (request, reply) => {
      const requestId = requestIdOf(request.params);
      const offerId = parseId<OfferId>(request.params.offerId);
      if (!offerId) throw new NotFoundError();
      const detail = await getRequestForParent(deps, requireUser(request.user), requestId);
      await requireOfferOfRequest(deps.db, requestId, offerId);
      const offered = detail.preferences.find((p) => p.offerId === offerId && p.status === 'offer_made');
      // Answered or expired meanwhile: the follow-up page says what is so.
      if (!offered) return reply.redirect(`/parent/requests/${requestId}`, 303);
      return sendPage(
        reply,
        <DeclineOfferPage
          ctx={pageContext(request, reply, deps)}
          detail={detail}
          offered={offered}
          form={emptyForm}
        />,
      );
    },
  );

  /** The confirmation page before withdrawing the whole request; the POST acts only when confirmed. */
  app.get<RequestParams>(
    '/parent/requests/:requestId/withdraw',
    { config: { action: 'parent.request.withdraw' } },
    async (request, reply) => {
      const requestId = requestIdOf(request.params);
      const detail = await getRequestForParent(deps, requireUser(request.user), requestId);
      if (!detail.canChange) return reply.redirect(`/parent/requests/${requestId}`, 303);
      return sendPage(
        reply,
        <WithdrawPage ctx={pageContext(request, reply, deps)} detail={detail} form={emptyForm} />,
      );
    },
  );

  app.post<RequestParams>(
    '/parent/requests/:requestId/withdraw',
    { config: { action: 'parent.request.withdraw' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const requestId = requestIdOf(request.params);
      await ownRequest(deps, user, requestId);
      if (!isConfirmed(request.body)) return reply.redirect(`/parent/requests/${requestId}/withdraw`, 303);
      const result = await withdrawRequest(deps, user, requestId);
      if (result.ok) return reply.redirect(`/parent/requests/${requestId}`, 303);
      const detail = await getRequestForParent(deps, user, requestId);
      const form = failedForm(request.body, result.errors);
      return sendPage(
        reply,
        <WithdrawPage ctx={pageContext(request, reply, deps)} detail={detail} form={form} />,
        400,
      );
    },
  );

  /** A change page: GET shows the form, POST applies it (400 with the form on a refusal). */
  function changePage(
    path: string,
    action: 'parent.request.update',
    view: typeof DatesPage,
    apply: (
      user: CurrentUser,
      requestId: string,
      body: unknown,
    ) => Promise<Result<void> | { form: FormState }>,
  ) {
    app.get<RequestParams>(
      `/parent/requests/:requestId/${path}`,
      { config: { action } },
      async (request, reply) => {
        const requestId = requestIdOf(request.params);
        const detail = await ownRequest(deps, requireUser(request.user), requestId);
        if (!['active', 'answered'].includes(detail.request.status))
          return reply.redirect(`/parent/requests/${requestId}`, 303);
        return sendPage(reply, view({ ctx: pageContext(request, reply, deps), detail, form: emptyForm }));
      },
    );
    app.post<RequestParams>(
      `/parent/requests/:requestId/${path}`,
      { config: { action } },
      async (request, reply) => {
        const user = requireUser(request.user);
        const requestId = requestIdOf(request.params);
        const outcome = await apply(user, requestId, request.body);
        if ('ok' in outcome && outcome.ok) return reply.redirect(`/parent/requests/${requestId}`, 303);
        const form = 'form' in outcome ? outcome.form : failedForm(request.body, outcome.errors);
        const detail = await ownRequest(deps, user, requestId);
        return sendPage(reply, view({ ctx: pageContext(request, reply, deps), detail, form }), 400);
      },
    );
  }

  changePage('dates', 'parent.request.update', DatesPage, async (user, requestId, body) => {
    const parsed = parseForm(WhenForm.pick({ desiredStart: true, desiredEnd: true }), body);
    return parsed.ok ? changeDates(deps, user, requestId, parsed.value) : { form: parsed.form };
  });
  changePage('care-plan', 'parent.request.update', CarePlanPage, async (user, requestId, body) => {
    const parsed = parseForm(CarePlanForm, body);
    return parsed.ok ? changeCarePlan(deps, user, requestId, parsed.value) : { form: parsed.form };
  });

  app.post<RequestParams>(
    '/parent/requests/:requestId/confirm',
    { config: { action: 'parent.request.confirm' } },
    async (request, reply) => {
      const requestId = requestIdOf(request.params);
      const result = await confirmRequest(deps, requireUser(request.user), requestId);
      if (result.ok) return reply.redirect(`/parent/requests/${requestId}`, 303);
      return followUp(request, reply, requestId, failedForm(request.body, result.errors));
    },
  );

  async function preferencesPage(
    request: FastifyRequest<RequestParams>,
    reply: FastifyReply,
    form: FormState,
  ) {
    const user = requireUser(request.user);
    const editor = await getPreferenceEditor(deps, user, requestIdOf(request.params));
    const search = await searchForPreferences(
      deps.db,
      editor.municipality.regionId,
      request.query,
      editor.family.municipalityId,
    );
    const status = Object.keys(form.errors).length > 0 ? 400 : 200;
    return sendPage(
      reply,
      <PreferencesPage ctx={pageContext(request, reply, deps)} editor={editor} search={search} form={form} />,
      status,
    );
  }

  app.get<RequestParams>(
    '/parent/requests/:requestId/preferences',
    { config: { action: 'parent.request.update' } },
    (request, reply) => preferencesPage(request, reply, emptyForm),
  );

  app.post<RequestParams>(
    '/parent/requests/:requestId/preferences',
    { config: { action: 'parent.request.update' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const requestId = requestIdOf(request.params);
      const body = formValues(request.body);
      const here = `/parent/requests/${requestId}/preferences`;
      const query = new URLSearchParams(request.query).toString();
      if (body.op === 'cancel') {
        await cancelPreferenceEdit(deps, user, requestId);
        return reply.redirect(`/parent/requests/${requestId}`, 303);
      }
      const op = parsePreferenceOp(body.op);
      const result =
        body.op === 'save'
          ? await savePreferences(deps, user, requestId)
          : op
            ? await editPreferences(deps, user, requestId, op)
            : ({ ok: false, errors: { preferences: 'invalidChoice' } } as const);
      if (result.ok)
        return reply.redirect(
          body.op === 'save' ? `/parent/requests/${requestId}` : `${here}${query ? `?${query}` : ''}`,
          303,
        );
      return preferencesPage(request, reply, { values: {}, errors: result.errors });
    },
  );
}
