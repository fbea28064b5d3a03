import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { recordAudit } from '../../platform/audit/index.ts';
import type { Action, CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { formValues } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { searchForPreferences } from './location-search.ts';
import {
  discardDraft,
  type Filer,
  familyHasEmail,
  getStep,
  isStep,
  locationsInOrder,
  postStep,
  type Step,
  type StepPage,
  startWizard,
  submitDraft,
} from './wizard.service.ts';
import { type WizardLinks, WizardPage } from './wizard.views.tsx';

type Params = Record<string, string>;

/** `?done=registered`: staff come from registering the family (its first request comes next). */
const REGISTERED = 'registered';
type Route = { Params: Params; Querystring: Record<string, string> };

/**
 * Who files through the wizard and where: the path of its pages (with the family's parameter for
 * staff), the declared action of every route, the scope check that resolves the filer (throws 404
 * for a family outside the staff member's scope), and where each outcome leads.
 */
export type WizardScope = {
  action: Action;
  /** e.g. '/parent/requests/new' or '/desk/families/:familyId/requests/new' */
  path: string;
  filer: (user: CurrentUser, params: Params) => Promise<Filer>;
  /** A request of the family (the chosen child already has one). */
  requestUrl: (filer: Filer, requestId: string) => string;
  /** After filing; `mailed` says whether the parents got an e-mail (staff are told). */
  filed: (filer: Filer, requestId: string, mailed: boolean) => string;
  /** After discarding the draft, and the way back from the wizard for staff. */
  back: (filer: Filer) => string;
};

/** The parent's own wizard: /parent/requests/new, then one address per step. */
export const parentWizard: WizardScope = {
  action: 'parent.request.create',
  path: '/parent/requests/new',
  filer: async (user) => ({ user, base: '/parent/requests/new' }),
  requestUrl: (_filer, id) => `/parent/requests/${id}`,
  filed: (_filer, id) => `/parent/requests/${id}`,
  back: () => '/parent',
};

/**
 * Registers the request wizard for one scope: the parent's own, or staff filing for a family of
 * their scope (the same steps, checks and draft; channel and history name the staff member). For
 * staff, every page shown is a read of the family's data, recorded naming the family.
 */
export function registerWizardRoutes(app: FastifyInstance, deps: AppDeps, scope: WizardScope): void {
  const config = { action: scope.action } as const;

  async function filerOf(request: FastifyRequest<Route>): Promise<Filer> {
    const who = await scope.filer(requireUser(request.user), request.params);
    if (who.staff && request.method === 'GET')
      await recordAudit(deps.db, deps.clock, {
        actorUserId: who.user.id,
        actorRole: who.staff.role,
        action: scope.action,
        subjectType: 'family',
        subjectId: who.staff.family.id,
        familyId: who.staff.family.id,
        details: { read: true },
      });
    return who;
  }

  const linksOf = (who: Filer): WizardLinks => ({
    base: who.base,
    existing: (id) => scope.requestUrl(who, id),
    ...(who.staff ? { family: { fileNumber: who.staff.family.fileNumber, back: scope.back(who) } } : {}),
  });

  async function render(
    request: FastifyRequest<Route>,
    reply: FastifyReply,
    who: Filer,
    step: Step,
    page: StepPage,
    form: FormState,
    status: number,
    existingRequestId?: string,
    registered = false,
  ) {
    const withLocations = step === 'preferences' || step === 'summary';
    const [locations, search] = await Promise.all([
      withLocations ? locationsInOrder(deps, page.preferences) : [],
      step === 'preferences'
        ? searchForPreferences(deps.db, page.municipality.regionId, request.query, page.family.municipalityId)
        : undefined,
    ]);
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <WizardPage
        ctx={ctx}
        step={step}
        page={page}
        form={form}
        locations={locations}
        search={search}
        existingRequestId={existingRequestId}
        registered={registered}
        links={linksOf(who)}
      />,
      status,
    );
  }

  app.get<Route>(scope.path, { config }, async (request, reply) => {
    const who = await filerOf(request);
    const preference = typeof request.query.preference === 'string' ? request.query.preference : undefined;
    // Staff who just registered the family: its first step says so.
    const registered = who.staff && request.query.done === REGISTERED ? `?done=${REGISTERED}` : '';
    return reply.redirect(`${await startWizard(deps, who, preference)}${registered}`, 303);
  });

  app.post<Route>(`${scope.path}/discard`, { config }, async (request, reply) => {
    const who = await filerOf(request);
    await discardDraft(deps, who);
    return reply.redirect(scope.back(who), 303);
  });

  app.get<Route>(`${scope.path}/:step`, { config }, async (request, reply) => {
    const { step } = request.params;
    if (!step || !isStep(step)) throw new NotFoundError('step');
    const who = await filerOf(request);
    const page = await getStep(deps, who, step);
    if ('redirect' in page) return reply.redirect(page.redirect, 303);
    const registered = Boolean(who.staff) && request.query.done === REGISTERED;
    return render(request, reply, who, step, page, emptyForm, 200, undefined, registered);
  });

  app.post<Route>(`${scope.path}/:step`, { config }, async (request, reply) => {
    const { step } = request.params;
    if (!step || !isStep(step)) throw new NotFoundError('step');
    const who = await filerOf(request);
    const body = formValues(request.body);
    if (step === 'summary' && body.nav !== 'back') {
      const key = typeof body.submissionKey === 'string' ? body.submissionKey : undefined;
      const result = await submitDraft(deps, who, key);
      if ('step' in result) return render(request, reply, who, result.step, result.page, result.form, 400);
      if (result.ok) {
        const mailed = who.staff ? await familyHasEmail(deps, who.staff.family.id) : true;
        return reply.redirect(scope.filed(who, result.value, mailed), 303);
      }
      return reply.redirect(who.base, 303);
    }
    const search = new URLSearchParams(request.query).toString();
    const outcome = await postStep(deps, who, step, body, search ? `?${search}` : '');
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    const page = await getStep(deps, who, step);
    if ('redirect' in page) return reply.redirect(page.redirect, 303);
    return render(request, reply, who, step, page, outcome.invalid, 400, outcome.existingRequestId);
  });
}
