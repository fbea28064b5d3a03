import { randomUUID } from 'node:crypto';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { type Brand, type FamilyId, type OfferId, parseId, type RequestId } from '../../shared/ids.ts';
import { actingNotice, registerActingRoutes } from '../desk-requests/index.ts';
import { getSubMunicipalities, subMunicipalityOptions } from '../families/index.ts';
import { type Filer, registerWizardRoutes } from '../request-journey/index.ts';
import { getMunicipalities } from '../requests/index.ts';
import { DeclineForFamilyPage } from './decline.views.tsx';
import { FamilyPage, RequestPage } from './family.views.tsx';
import { messages } from './intermediaries.messages.ts';
import * as q from './intermediaries.queries.ts';
import { HandOverForm, NewFamilyForm, OfferAnswerForm } from './intermediaries.schemas.ts';
import {
  answerOfferForFamily,
  completeTask,
  getFamilyFile,
  getHome,
  getRequestFollowUp,
  getTaskList,
  handOver,
  requireClient,
  requireClientOffer,
  requireClientRequest,
} from './intermediaries.service.ts';
import { HomePage, TasksPage } from './intermediaries.views.tsx';
import { registerFamily } from './new-family.service.ts';
import { type FormChoices, NewFamilyPage } from './new-family.views.tsx';
import { organisationOf } from './scope.ts';

type FamilyRoute = { Params: { familyId: string }; Querystring: { done?: string } };

type RequestRoute = { Params: { familyId: string; requestId: string }; Querystring: { done?: string } };
type OfferRoute = { Params: { familyId: string; requestId: string; offerId: string } };
type TaskRoute = { Params: { taskId: string } };

function familyIdOf(params: { familyId: string }): FamilyId {
  const id = parseId<FamilyId>(params.familyId);
  if (!id) throw new NotFoundError();
  return id;
}

async function formChoices(deps: AppDeps): Promise<FormChoices> {
  const [municipalities, subMunicipalities] = await Promise.all([
    getMunicipalities(deps.db),
    getSubMunicipalities(deps.db),
  ]);
  return {
    municipalities,
    subMunicipalities: subMunicipalityOptions({ municipalities, subMunicipalities }),
  };
}

/** The intermediary's pages: the families, filing on their behalf, follow-up, tasks, hand-over. */
export function registerIntermediaryStaffRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/intermediary', { config: { action: 'intermediary.home' } }, async (request, reply) => {
    const home = await getHome(deps, requireUser(request.user));
    return sendPage(reply, <HomePage ctx={pageContext(request, reply, deps)} home={home} />);
  });

  app.get(
    '/intermediary/families/new',
    { config: { action: 'intermediary.family.create' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const organisation = await q.getOrganisation(deps.db, organisationOf(user));
      const form: FormState = {
        values: {
          submissionKey: randomUUID(),
          municipalityId: organisation?.municipalityId ?? '',
          consentDate: deps.clock.today(),
          parent1Language: request.lang,
          parent2Language: request.lang,
        },
        errors: {},
      };
      return sendPage(
        reply,
        <NewFamilyPage
          ctx={pageContext(request, reply, deps)}
          form={form}
          choices={await formChoices(deps)}
        />,
      );
    },
  );

  // The family file only; its first request is filed next, in the wizard for this family.
  app.post(
    '/intermediary/families',
    { config: { action: 'intermediary.family.create' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const parsed = parseForm(NewFamilyForm, request.body);
      const result = parsed.ok ? await registerFamily(deps, user, parsed.value) : undefined;
      if (result?.ok)
        return reply.redirect(`/intermediary/families/${result.value}/requests/new?done=registered`, 303);
      const form = parsed.ok
        ? failedForm(request.body, result?.ok === false ? result.errors : {})
        : parsed.form;
      return sendPage(
        reply,
        <NewFamilyPage
          ctx={pageContext(request, reply, deps)}
          form={form}
          choices={await formChoices(deps)}
        />,
        400,
      );
    },
  );

  const familyPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    familyId: FamilyId,
    form: FormState,
    notice?: string,
  ) => {
    const file = await getFamilyFile(deps, requireUser(request.user), familyId);
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <FamilyPage ctx={ctx} file={file} form={form} notice={notice} />,
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get<FamilyRoute>(
    '/intermediary/families/:familyId',
    { config: { action: 'intermediary.family.read' } },
    async (request, reply) => {
      const done = request.query.done;
      const notice =
        done === 'handOver' ? messages[request.lang].handOverSent : actingNotice(request.lang, done);
      return familyPage(
        request,
        reply,
        familyIdOf(request.params),
        { values: { language: request.lang }, errors: {} },
        notice,
      );
    },
  );

  app.get<RequestRoute>(
    '/intermediary/families/:familyId/requests/:requestId',
    { config: { action: 'intermediary.family.read' } },
    async (request, reply) => {
      const familyId = familyIdOf(request.params);
      const requestId = parseId<RequestId>(request.params.requestId);
      if (!requestId) throw new NotFoundError();
      const detail = await getRequestFollowUp(deps, requireUser(request.user), familyId, requestId);
      const notice = request.query.done === 'answered' ? messages[request.lang].answered : undefined;
      return sendPage(
        reply,
        <RequestPage ctx={pageContext(request, reply, deps)} detail={detail} notice={notice} />,
      );
    },
  );

  app.post<OfferRoute>(
    '/intermediary/families/:familyId/requests/:requestId/offers/:offerId/answer',
    { config: { action: 'intermediary.offer.answer' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const familyId = familyIdOf(request.params);
      const requestId = parseId<RequestId>(request.params.requestId);
      const offerId = parseId<OfferId>(request.params.offerId);
      if (!requestId || !offerId) throw new NotFoundError();
      // Another organisation's family, or an offer of another request: 404 before the form is read.
      await requireClientOffer(deps, user, familyId, requestId, offerId);
      const parsed = parseForm(OfferAnswerForm, request.body);
      const page = `/intermediary/families/${familyId}/requests/${requestId}`;
      // Declining cannot be taken back: without the confirmation page's `confirmed=yes`, go there.
      if (parsed.ok && parsed.value.answer === 'decline' && !isConfirmed(request.body))
        return reply.redirect(`${page}/offers/${offerId}/decline`, 303);
      const result = parsed.ok
        ? await answerOfferForFamily(deps, user, familyId, requestId, offerId, parsed.value)
        : undefined;
      if (result?.ok) return reply.redirect(`${page}?done=answered`, 303);
      const form = parsed.ok
        ? failedForm(request.body, result?.ok === false ? result.errors : {})
        : parsed.form;
      const detail = await getRequestFollowUp(deps, user, familyId, requestId);
      return sendPage(
        reply,
        <RequestPage ctx={pageContext(request, reply, deps)} detail={detail} form={form} />,
        400,
      );
    },
  );

  /** What declining does to the family's request, before staff record it. */
  app.get<OfferRoute>(
    '/intermediary/families/:familyId/requests/:requestId/offers/:offerId/decline',
    { config: { action: 'intermediary.offer.answer' } },
    async (request, reply) => {
      const familyId = familyIdOf(request.params);
      const requestId = parseId<RequestId>(request.params.requestId);
      const offerId = parseId<OfferId>(request.params.offerId);
      if (!requestId || !offerId) throw new NotFoundError();
      await requireClientOffer(deps, requireUser(request.user), familyId, requestId, offerId);
      const detail = await getRequestFollowUp(deps, requireUser(request.user), familyId, requestId);
      const offered = detail.preferences.find((p) => p.offerId === offerId && p.status === 'offer_made');
      // Answered or expired meanwhile: the request's page shows how things stand.
      if (!offered) return reply.redirect(`/intermediary/families/${familyId}/requests/${requestId}`, 303);
      return sendPage(
        reply,
        <DeclineForFamilyPage ctx={pageContext(request, reply, deps)} detail={detail} offered={offered} />,
      );
    },
  );

  // Staff act for a family their organisation follows on one of its requests (change, confirm,
  // withdraw, birth data); another organisation's family, or a request of another family, is 404.
  registerActingRoutes(app, deps, {
    role: 'intermediary',
    action: 'intermediary.request.act',
    path: '/intermediary/families/:familyId/requests/:requestId',
    resolve: async (user, params) => {
      const familyId = familyIdOf({ familyId: params.familyId ?? '' });
      const requestId = parseId<RequestId>(params.requestId);
      if (!requestId) throw new NotFoundError('request');
      await requireClientRequest(deps, user, familyId, requestId);
      return { familyId, requestId };
    },
    base: (ids) => `/intermediary/families/${ids.familyId}/requests/${ids.requestId}`,
    back: (ids) => `/intermediary/families/${ids.familyId}`,
    offers: false,
  });

  // Staff file a request for a family their organisation follows through the parent's own wizard
  // (channel `intermediary`); another organisation's family is 404.
  const familyPath = (who: Filer) => `/intermediary/families/${who.staff?.family.id ?? ''}`;
  registerWizardRoutes(app, deps, {
    action: 'intermediary.request.file',
    path: '/intermediary/families/:familyId/requests/new',
    filer: async (user, params) => {
      const familyId = familyIdOf({ familyId: params.familyId ?? '' });
      const { family } = await requireClient(deps, user, familyId);
      return {
        user,
        base: `/intermediary/families/${family.id}/requests/new`,
        staff: { family, role: 'intermediary', action: 'intermediary.request.file' },
      };
    },
    requestUrl: (who, id) => `${familyPath(who)}/requests/${id}`,
    filed: (who, _id, mailed) => `${familyPath(who)}?done=${mailed ? 'filedMailed' : 'filedNoEmail'}`,
    back: familyPath,
  });

  app.post<FamilyRoute>(
    '/intermediary/families/:familyId/hand-over',
    { config: { action: 'intermediary.family.handOver' } },
    async (request, reply) => {
      const familyId = familyIdOf(request.params);
      const parsed = parseForm(HandOverForm, request.body);
      if (!parsed.ok) return familyPage(request, reply, familyId, parsed.form);
      await handOver(deps, requireUser(request.user), familyId, parsed.value);
      return reply.redirect(`/intermediary/families/${familyId}?done=handOver`, 303);
    },
  );

  app.get<{ Querystring: { done?: string } }>(
    '/intermediary/tasks',
    { config: { action: 'intermediary.tasks.read' } },
    async (request, reply) => {
      const tasks = await getTaskList(deps, requireUser(request.user));
      const notice = request.query.done === '1' ? messages[request.lang].taskDone : undefined;
      return sendPage(
        reply,
        <TasksPage ctx={pageContext(request, reply, deps)} tasks={tasks} notice={notice} />,
      );
    },
  );

  app.post<TaskRoute>(
    '/intermediary/tasks/:taskId/done',
    { config: { action: 'intermediary.tasks.done' } },
    async (request, reply) => {
      const taskId = parseId<Brand<string, 'FollowUpTaskId'>>(request.params.taskId);
      if (!taskId) throw new NotFoundError();
      await completeTask(deps, requireUser(request.user), taskId);
      return reply.redirect('/intermediary/tasks?done=1', 303);
    },
  );
}
