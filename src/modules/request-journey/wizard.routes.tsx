import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { formValues } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { searchForPreferences } from './location-search.ts';
import {
  discardDraft,
  getStep,
  isStep,
  locationsInOrder,
  postStep,
  type Step,
  type StepPage,
  startWizard,
  submitDraft,
} from './wizard.service.ts';
import { WizardPage } from './wizard.views.tsx';

type StepParams = { Params: { step: string }; Querystring: Record<string, string> };

/** The request wizard: /parent/requests/new, then one address per step. */
export function registerWizardRoutes(app: FastifyInstance, deps: AppDeps): void {
  const config = { action: 'parent.request.create' } as const;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    step: Step,
    page: StepPage,
    form: FormState,
    status: number,
    existingRequestId?: string,
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
      />,
      status,
    );
  }

  app.get<{ Querystring: { preference?: string } }>(
    '/parent/requests/new',
    { config },
    async (request, reply) => {
      const preference = typeof request.query.preference === 'string' ? request.query.preference : undefined;
      return reply.redirect(await startWizard(deps, requireUser(request.user), preference), 303);
    },
  );

  app.post('/parent/requests/new/discard', { config }, async (request, reply) => {
    await discardDraft(deps, requireUser(request.user));
    return reply.redirect('/parent', 303);
  });

  app.get<StepParams>('/parent/requests/new/:step', { config }, async (request, reply) => {
    const { step } = request.params;
    if (!isStep(step)) throw new NotFoundError('step');
    const page = await getStep(deps, requireUser(request.user), step);
    if ('redirect' in page) return reply.redirect(page.redirect, 303);
    return render(request, reply, step, page, emptyForm, 200);
  });

  app.post<StepParams>('/parent/requests/new/:step', { config }, async (request, reply) => {
    const user = requireUser(request.user);
    const { step } = request.params;
    if (!isStep(step)) throw new NotFoundError('step');
    const body = formValues(request.body);
    if (step === 'summary' && body.nav !== 'back') {
      const key = typeof body.submissionKey === 'string' ? body.submissionKey : undefined;
      const result = await submitDraft(deps, user, key);
      if ('step' in result) return render(request, reply, result.step, result.page, result.form, 400);
      if (result.ok) return reply.redirect(`/parent/requests/${result.value}`, 303);
      return reply.redirect('/parent/requests/new', 303);
    }
    const search = new URLSearchParams(request.query).toString();
    const outcome = await postStep(deps, user, step, body, search ? `?${search}` : '');
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    const page = await getStep(deps, user, step);
    if ('redirect' in page) return reply.redirect(page.redirect, 303);
    return render(request, reply, step, page, outcome.invalid, 400, outcome.existingRequestId);
  });
}
