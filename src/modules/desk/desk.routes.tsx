import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, formValues, parseForm } from '../../platform/http/forms.ts';
import { safeRedirectPath } from '../../platform/http/redirects.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { type Brand, type FamilyId, parseId } from '../../shared/ids.ts';
import { actingNotice } from '../desk-requests/index.ts';
import { FAMILY_FACTS } from '../families/index.ts';
import { messages, SECTIONS, type Section } from './desk.messages.ts';
import {
  NationalNumberSearchForm,
  NoteForm,
  PriorityFactsForm,
  RevealForm,
  SearchQuery,
} from './desk.schemas.ts';
import {
  addNote,
  completeDeskTask,
  criteriaOf,
  getFile,
  getPriorityFacts,
  getToday,
  recordEmptySearch,
  revealNationalNumber,
  SEARCH_LIMIT,
  savePriorityFacts,
  searchByNationalNumber,
  searchFiles,
} from './desk.service.ts';
import { TodayPage } from './desk.views.tsx';
import { PriorityFactsPage } from './facts.views.tsx';
import { FilePage, type Revealed } from './file.views.tsx';
import { type SearchOutcome, SearchPage } from './search.views.tsx';

type TodayRoute = { Querystring: { section?: string; page?: string; done?: string } };
type FamilyRoute = { Params: { familyId: string }; Querystring: { done?: string; merged?: string } };
type TaskRoute = { Params: { taskId: string } };

/** A national number in a query string: refused, and never echoed (it would sit in logs and history). */
const NN_IN_QUERY = /^(nn|nationalnumber|national_number|rrn|insz)$/i;

function familyIdOf(params: { familyId: string }): FamilyId {
  const id = parseId<FamilyId>(params.familyId);
  if (!id) throw new NotFoundError();
  return id;
}

const isSection = (v: unknown): v is Section =>
  typeof v === 'string' && (SECTIONS as readonly string[]).includes(v);

/** The desk officer's own pages: Today, Find a file, the file (national number, notes, tasks). */
export function registerDeskRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<TodayRoute>('/desk', { config: { action: 'desk.today' } }, async (request, reply) => {
    const { section, page, done } = request.query;
    const only = isSection(section) ? { section, page: Number.parseInt(page ?? '1', 10) || 1 } : undefined;
    const today = await getToday(deps, requireUser(request.user), only);
    const notice = done === 'task' ? messages[request.lang].taskDone : undefined;
    return sendPage(
      reply,
      <TodayPage
        ctx={pageContext(request, reply, deps)}
        today={today}
        paged={Boolean(only)}
        notice={notice}
      />,
    );
  });

  app.post<TaskRoute>(
    '/desk/tasks/:taskId/done',
    { config: { action: 'desk.tasks.done' } },
    async (request, reply) => {
      const taskId = parseId<Brand<string, 'FollowUpTaskId'>>(request.params.taskId);
      if (!taskId) throw new NotFoundError();
      await completeDeskTask(deps, requireUser(request.user), taskId);
      const back = safeRedirectPath(formValues(request.body).back);
      const target = back?.startsWith('/desk') ? back : '/desk';
      return reply.redirect(`${target}${target.includes('?') ? '&' : '?'}done=task`, 303);
    },
  );

  const searchPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    parts: { form?: FormState; nnForm?: FormState; outcome?: SearchOutcome; message?: string },
    status = 200,
  ) =>
    sendPage(
      reply,
      <SearchPage
        ctx={pageContext(request, reply, deps)}
        form={parts.form ?? emptyForm}
        nnForm={parts.nnForm ?? emptyForm}
        outcome={parts.outcome}
        limit={SEARCH_LIMIT}
        message={parts.message}
      />,
      status,
    );

  app.get('/desk/search', { config: { action: 'desk.search' } }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (Object.keys(query).some((k) => NN_IN_QUERY.test(k)))
      return reply.redirect('/desk/search?refused=nn', 303);
    const t = messages[request.lang];
    const message = query.refused === undefined ? undefined : t.nnInUrl;
    const asked = ['name', 'birthDate', 'fileNumber', 'email', 'phone'].some((k) => k in query);
    if (!asked) {
      await recordEmptySearch(deps, requireUser(request.user));
      return searchPage(request, reply, { message });
    }
    const parsed = parseForm(SearchQuery, query);
    if (!parsed.ok) return searchPage(request, reply, { form: parsed.form }, 400);
    const form = { values: formValues(query), errors: {} };
    const criteria = criteriaOf(parsed.value);
    if (!criteria) {
      await recordEmptySearch(deps, requireUser(request.user));
      return searchPage(request, reply, { form, message: t.noCriteria });
    }
    const outcome = await searchFiles(deps, requireUser(request.user), criteria);
    return searchPage(request, reply, { form, outcome });
  });

  app.post('/desk/search', { config: { action: 'desk.search' } }, async (request, reply) => {
    const parsed = parseForm(NationalNumberSearchForm, request.body);
    if (!parsed.ok) return searchPage(request, reply, { nnForm: parsed.form }, 400);
    const result = await searchByNationalNumber(deps, requireUser(request.user), parsed.value.nationalNumber);
    if (!result.ok)
      return searchPage(request, reply, { nnForm: failedForm(request.body, result.errors) }, 400);
    return searchPage(request, reply, { outcome: result.value });
  });

  const filePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    familyId: FamilyId,
    extra: { noteForm?: FormState; revealForm?: FormState; revealed?: Revealed; notice?: string },
    status = 200,
  ) => {
    const outcome = await getFile(deps, requireUser(request.user), familyId);
    if ('redirectTo' in outcome) return reply.redirect(outcome.redirectTo, 303);
    return sendPage(
      reply,
      <FilePage ctx={pageContext(request, reply, deps)} file={outcome.file} {...extra} />,
      status,
    );
  };

  app.get<FamilyRoute>(
    '/desk/families/:familyId',
    { config: { action: 'desk.family.read' } },
    async (request, reply) => {
      const t = messages[request.lang];
      const { done, merged } = request.query;
      const notice =
        done === 'note'
          ? t.noteAdded
          : done === 'task'
            ? t.taskDone
            : done === 'facts'
              ? t.factsSaved
              : merged
                ? t.mergedNotice
                : actingNotice(request.lang, done);
      return filePage(request, reply, familyIdOf(request.params), { notice });
    },
  );

  app.post<FamilyRoute>(
    '/desk/families/:familyId/national-number',
    { config: { action: 'desk.nationalNumber.reveal' } },
    async (request, reply) => {
      const familyId = familyIdOf(request.params);
      const parsed = parseForm(RevealForm, request.body);
      if (!parsed.ok) return filePage(request, reply, familyId, { revealForm: parsed.form }, 400);
      const revealed = await revealNationalNumber(deps, requireUser(request.user), familyId, parsed.value);
      return filePage(request, reply, familyId, { revealed });
    },
  );

  app.post<FamilyRoute>(
    '/desk/families/:familyId/notes',
    { config: { action: 'desk.family.note' } },
    async (request, reply) => {
      const familyId = familyIdOf(request.params);
      const parsed = parseForm(NoteForm, request.body);
      if (!parsed.ok) return filePage(request, reply, familyId, { noteForm: parsed.form }, 400);
      await addNote(deps, requireUser(request.user), familyId, parsed.value.body);
      return reply.redirect(`/desk/families/${familyId}?done=note`, 303);
    },
  );
  app.get<FamilyRoute>(
    '/desk/families/:familyId/priority-facts',
    { config: { action: 'desk.family.facts' } },
    async (request, reply) => {
      const family = await getPriorityFacts(deps, requireUser(request.user), familyIdOf(request.params));
      const values = {
        facts: FAMILY_FACTS.filter((f) => family[f]),
        yearlyIncome: family.yearlyIncome === null ? '' : String(family.yearlyIncome),
      };
      return sendPage(
        reply,
        <PriorityFactsPage
          ctx={pageContext(request, reply, deps)}
          family={family}
          form={{ values, errors: {} }}
        />,
      );
    },
  );

  app.post<FamilyRoute>(
    '/desk/families/:familyId/priority-facts',
    { config: { action: 'desk.family.facts.update' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const familyId = familyIdOf(request.params);
      const parsed = parseForm(PriorityFactsForm, request.body);
      if (!parsed.ok) {
        const family = await getPriorityFacts(deps, user, familyId);
        return sendPage(
          reply,
          <PriorityFactsPage ctx={pageContext(request, reply, deps)} family={family} form={parsed.form} />,
          400,
        );
      }
      await savePriorityFacts(deps, user, familyId, parsed.value);
      return reply.redirect(`/desk/families/${familyId}?done=facts`, 303);
    },
  );
}
