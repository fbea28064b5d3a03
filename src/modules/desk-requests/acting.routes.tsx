import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Action, CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, formValues, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { compareDates, type LocalDate } from '../../shared/dates.ts';
import { type OfferId, parseId } from '../../shared/ids.ts';
import { getMunicipality } from '../families/index.ts';
import { searchForPreferences } from '../request-journey/index.ts';
import {
  type Acting,
  acceptOffer,
  BirthForm,
  CarePlanForm,
  cancelPreferenceEdit,
  changeCarePlan,
  changeDates,
  completeBirthData,
  confirmationDueDate,
  confirmRequest,
  declineOffer,
  editPreferences,
  getPreferenceEditor,
  getPreferencesOfRequest,
  getRequestWithChild,
  parsePreferenceOp,
  savePreferences,
  WhenForm,
  withdrawRequest,
} from '../requests/index.ts';
import {
  type ActingDetail,
  type ActingLinks,
  BirthForFamilyPage,
  ChangePage,
  ConfirmRequestPage,
  DeclineForFamilyPage,
  OfferAnswerPage,
  type OpenOffer,
  PreferencesForFamilyPage,
  WithdrawRequestPage,
} from './acting.views.tsx';
import type { ActingDone } from './desk-requests.messages.ts';

type Params = Record<string, string>;

/**
 * Who acts and where: the path of one request's pages (with its parameters), the declared action
 * of every route, and the scope check that resolves the request's family or throws 404 (another
 * municipality's desk, another organisation, a missing request answer alike).
 */
export type ActingScope = {
  role: 'desk' | 'intermediary';
  action: Action;
  /** e.g. '/desk/requests/:requestId' */
  path: string;
  resolve: (user: CurrentUser, params: Params) => Promise<{ familyId: string; requestId: string }>;
  /** The pages' base for these ids (the path with its parameters filled in). */
  base: (ids: { familyId: string; requestId: string }) => string;
  /** Where staff land after an action, with `?done=` stating what happened. */
  back: (ids: { familyId: string; requestId: string }) => string;
  /** Whether staff may answer offers here (intermediaries have their own offer pages). */
  offers: boolean;
};

const OPEN_STATUSES = ['active', 'answered'];

const ChangeParts = z.object({ part: z.enum(['dates', 'carePlan'], 'invalidChoice') });
const OfferAnswer = z.object({
  offerId: z.string().uuid('invalidChoice'),
  answer: z.enum(['accept', 'decline'], 'invalidChoice'),
  keepHigher: z.enum(['yes', 'no'], 'invalidChoice').optional(),
});

/**
 * Registers the pages on which staff act for a family on one of its requests: change (dates, care
 * plan), preferences, confirm, withdraw, birth data and (for the desk) the answer to an offer. Every route
 * declares the scope's action and resolves the request through the scope before anything else.
 */
export function registerActingRoutes(app: FastifyInstance, deps: AppDeps, scope: ActingScope): void {
  type Route = { Params: Params; Querystring: Record<string, string> };
  const opts = { config: { action: scope.action } };

  async function load(request: FastifyRequest<Route>) {
    const user = requireUser(request.user);
    const ids = await scope.resolve(user, request.params);
    const detail = await getRequestWithChild(deps.db, ids.requestId);
    if (!detail) throw new NotFoundError('request');
    const links: ActingLinks = { base: scope.base(ids), back: scope.back(ids) };
    const acting: Acting = { role: scope.role, action: scope.action, familyId: ids.familyId };
    // Showing a page of the request is a read of the family's data: recorded naming the family.
    if (request.method === 'GET')
      await recordAudit(deps.db, deps.clock, {
        actorUserId: user.id,
        actorRole: scope.role,
        action: scope.action,
        subjectType: 'request',
        subjectId: ids.requestId,
        familyId: ids.familyId,
        details: { read: true },
      });
    return { user, ids, detail, links, acting };
  }
  type Loaded = Awaited<ReturnType<typeof load>>;
  const backTo = (reply: FastifyReply, l: Loaded, done: ActingDone) =>
    reply.redirect(`${l.links.back}?done=${done}`, 303);
  const asDetail = (l: Loaded): ActingDetail => l.detail as unknown as ActingDetail;
  const isOpen = (l: Loaded) => OPEN_STATUSES.includes(l.detail.request.status);

  // Change: dates and care plan.
  app.get<Route>(`${scope.path}/change`, opts, async (request, reply) => {
    const l = await load(request);
    if (!isOpen(l)) return reply.redirect(l.links.back, 303);
    const ctx = pageContext(request, reply, deps);
    return sendPage(reply, <ChangePage ctx={ctx} detail={asDetail(l)} links={l.links} form={emptyForm} />);
  });
  app.post<Route>(`${scope.path}/change`, opts, async (request, reply) => {
    const l = await load(request);
    const which = parseForm(ChangeParts, request.body);
    const part = which.ok ? which.value.part : 'dates';
    let outcome: Result<void> | { form: FormState };
    let done: ActingDone = 'unchanged';
    if (part === 'dates') {
      const parsed = parseForm(WhenForm.pick({ desiredStart: true, desiredEnd: true }), request.body);
      if (parsed.ok) {
        const r = l.detail.request;
        if (
          parsed.value.desiredStart !== r.desiredStart ||
          (parsed.value.desiredEnd ?? null) !== r.desiredEnd
        )
          done = 'dates';
        outcome = await changeDates(deps, l.user, l.ids.requestId, parsed.value, l.acting);
      } else outcome = { form: parsed.form };
    } else {
      const parsed = parseForm(CarePlanForm, request.body);
      done = 'carePlan';
      outcome = parsed.ok
        ? await changeCarePlan(deps, l.user, l.ids.requestId, parsed.value, l.acting)
        : { form: parsed.form };
    }
    if ('ok' in outcome && outcome.ok) {
      // A save that changed nothing says so; the service wrote nothing either.
      const after = await getRequestWithChild(deps.db, l.ids.requestId);
      const same = JSON.stringify(after?.request) === JSON.stringify(l.detail.request);
      return backTo(reply, l, same ? 'unchanged' : done);
    }
    const form = 'form' in outcome ? outcome.form : failedForm(request.body, outcome.errors);
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <ChangePage ctx={ctx} detail={asDetail(l)} links={l.links} form={form} part={part} />,
      400,
    );
  });

  // Preferences: the parent's editor, on a working copy of this staff member's, saved at once.
  const preferencesPage = async (
    request: FastifyRequest<Route>,
    reply: FastifyReply,
    l: Loaded,
    form: FormState,
  ) => {
    const editor = await getPreferenceEditor(deps, l.user, l.ids.requestId, l.acting);
    const search = await searchForPreferences(
      deps.db,
      editor.municipality.regionId,
      request.query,
      editor.family.municipalityId,
    );
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <PreferencesForFamilyPage
        ctx={ctx}
        detail={asDetail(l)}
        links={l.links}
        editor={editor}
        search={search}
        form={form}
      />,
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };
  /** The ranked list as it stands, to tell a save that changed something from one that did not. */
  const rankedList = async (requestId: string) =>
    (await getPreferencesOfRequest(deps.db, requestId))
      .map((p) => `${p.id}:${p.rank}:${p.status}`)
      .sort()
      .join();
  app.get<Route>(`${scope.path}/preferences`, opts, async (request, reply) => {
    const l = await load(request);
    if (!isOpen(l)) return reply.redirect(l.links.back, 303);
    return preferencesPage(request, reply, l, emptyForm);
  });
  app.post<Route>(`${scope.path}/preferences`, opts, async (request, reply) => {
    const l = await load(request);
    const body = formValues(request.body);
    if (body.op === 'cancel') {
      await cancelPreferenceEdit(deps, l.user, l.ids.requestId, l.acting);
      return backTo(reply, l, 'unchanged');
    }
    if (body.op === 'save') {
      const before = await rankedList(l.ids.requestId);
      const saved = await savePreferences(deps, l.user, l.ids.requestId, l.acting);
      if (saved.ok) {
        const same = (await rankedList(l.ids.requestId)) === before;
        return backTo(reply, l, same ? 'unchanged' : 'preferences');
      }
      return preferencesPage(request, reply, l, { values: {}, errors: saved.errors });
    }
    const op = parsePreferenceOp(body.op);
    const result = op
      ? await editPreferences(deps, l.user, l.ids.requestId, op, l.acting)
      : ({ ok: false, errors: { preferences: 'invalidChoice' } } as const);
    if (!result.ok) return preferencesPage(request, reply, l, { values: {}, errors: result.errors });
    const query = new URLSearchParams(request.query).toString();
    return reply.redirect(`${l.links.base}/preferences${query ? `?${query}` : ''}`, 303);
  });

  // Confirm: a confirmation page, then the POST with `confirmed=yes`.
  const confirmPage = async (
    request: FastifyRequest<Route>,
    reply: FastifyReply,
    l: Loaded,
    form?: FormState,
  ) => {
    const municipality = await getMunicipality(deps.db, l.detail.request.municipalityId);
    const due = confirmationDueDate(deps.clock.now(), municipality?.confirmationIntervalMonths ?? 3);
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <ConfirmRequestPage ctx={ctx} detail={asDetail(l)} links={l.links} due={due} form={form} />,
      form ? 400 : 200,
    );
  };
  app.get<Route>(`${scope.path}/confirm`, opts, async (request, reply) => {
    const l = await load(request);
    if (l.detail.request.status !== 'active') return reply.redirect(l.links.back, 303);
    return confirmPage(request, reply, l);
  });
  app.post<Route>(`${scope.path}/confirm`, opts, async (request, reply) => {
    const l = await load(request);
    if (!isConfirmed(request.body)) return reply.redirect(`${l.links.base}/confirm`, 303);
    const result = await confirmRequest(deps, l.user, l.ids.requestId, l.acting);
    if (result.ok) return backTo(reply, l, 'confirmed');
    return confirmPage(request, reply, l, failedForm(request.body, result.errors));
  });

  // Withdraw: a confirmation page, then the POST with `confirmed=yes`.
  app.get<Route>(`${scope.path}/withdraw`, opts, async (request, reply) => {
    const l = await load(request);
    if (!isOpen(l)) return reply.redirect(l.links.back, 303);
    const ctx = pageContext(request, reply, deps);
    return sendPage(reply, <WithdrawRequestPage ctx={ctx} detail={asDetail(l)} links={l.links} />);
  });
  app.post<Route>(`${scope.path}/withdraw`, opts, async (request, reply) => {
    const l = await load(request);
    if (!isConfirmed(request.body)) return reply.redirect(`${l.links.base}/withdraw`, 303);
    const result = await withdrawRequest(deps, l.user, l.ids.requestId, l.acting);
    if (result.ok) return backTo(reply, l, 'withdrawn');
    const ctx = pageContext(request, reply, deps);
    const form = failedForm(request.body, result.errors);
    return sendPage(
      reply,
      <WithdrawRequestPage ctx={ctx} detail={asDetail(l)} links={l.links} form={form} />,
      400,
    );
  });

  // Birth data of a child filed as unborn.
  app.get<Route>(`${scope.path}/birth`, opts, async (request, reply) => {
    const l = await load(request);
    if (l.detail.child.birthDate) return reply.redirect(l.links.back, 303);
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <BirthForFamilyPage ctx={ctx} detail={asDetail(l)} links={l.links} form={emptyForm} />,
    );
  });
  app.post<Route>(`${scope.path}/birth`, opts, async (request, reply) => {
    const l = await load(request);
    const parsed = parseForm(BirthForm, request.body);
    const result = parsed.ok
      ? await completeBirthData(deps, l.user, l.detail.child.id, parsed.value, l.acting)
      : undefined;
    if (result?.ok) return backTo(reply, l, 'birth');
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <BirthForFamilyPage ctx={ctx} detail={asDetail(l)} links={l.links} form={form} />,
      400,
    );
  });

  if (!scope.offers) return;

  const openOffers = async (l: Loaded): Promise<OpenOffer[]> => {
    const rows = await getPreferencesOfRequest(deps.db, l.ids.requestId);
    const today = deps.clock.today();
    return rows.flatMap((p) =>
      p.status === 'offer_made' &&
      p.offerId &&
      p.offerStart &&
      p.offerDeadline &&
      compareDates(p.offerDeadline as LocalDate, today) >= 0
        ? [{ offerId: p.offerId, provider: p.locationName, start: p.offerStart, deadline: p.offerDeadline }]
        : [],
    );
  };
  const offerPage = async (
    request: FastifyRequest<Route>,
    reply: FastifyReply,
    l: Loaded,
    form: FormState,
    postedOfferId?: string,
  ) => {
    const ctx = pageContext(request, reply, deps);
    const offers = await openOffers(l);
    return sendPage(
      reply,
      <OfferAnswerPage
        ctx={ctx}
        detail={asDetail(l)}
        links={l.links}
        offers={offers}
        form={form}
        postedOfferId={postedOfferId}
      />,
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };
  app.get<Route>(`${scope.path}/offer`, opts, async (request, reply) =>
    offerPage(request, reply, await load(request), emptyForm),
  );
  app.post<Route>(`${scope.path}/offer`, opts, async (request, reply) => {
    const l = await load(request);
    const parsed = parseForm(OfferAnswer, request.body);
    if (!parsed.ok) {
      const posted = (request.body as Record<string, unknown> | undefined)?.offerId;
      return offerPage(request, reply, l, parsed.form, typeof posted === 'string' ? posted : undefined);
    }
    const offerId = parseId<OfferId>(parsed.value.offerId);
    const offer = (await openOffers(l)).find((o) => o.offerId === offerId);
    if (!offerId || !offer)
      return offerPage(request, reply, l, { values: {}, errors: { form: 'offerNoLongerOpen' } });
    const onBehalf = { role: scope.role, action: scope.action };
    if (parsed.value.answer === 'decline') {
      // Declining cannot be taken back: first the confirmation page.
      if (!isConfirmed(request.body)) {
        const ctx = pageContext(request, reply, deps);
        return sendPage(
          reply,
          <DeclineForFamilyPage ctx={ctx} detail={asDetail(l)} links={l.links} offer={offer} />,
        );
      }
      const result = await declineOffer(deps, l.user, l.ids.familyId, l.ids.requestId, offerId, onBehalf);
      if (result.ok) return backTo(reply, l, 'declined');
      return offerPage(request, reply, l, failedForm(request.body, result.errors), offerId);
    }
    const keepHigher = parsed.value.keepHigher === undefined ? undefined : parsed.value.keepHigher === 'yes';
    const result = await acceptOffer(
      deps,
      l.user,
      l.ids.familyId,
      l.ids.requestId,
      offerId,
      keepHigher,
      onBehalf,
    );
    if (result.ok) return backTo(reply, l, 'accepted');
    return offerPage(request, reply, l, failedForm(request.body, result.errors), offerId);
  });
}
