import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { type FamilyId, parseId, type RequestId } from '../../shared/ids.ts';
import {
  deskMunicipalityOf,
  getSubMunicipalities,
  requireDeskFamily,
  requireDeskRequest,
} from '../families/index.ts';
import { type Filer, registerWizardRoutes } from '../request-journey/index.ts';
import { registerActingRoutes } from './acting.routes.tsx';
import { PhoneFamilyForm } from './filing.schemas.ts';
import { registerPhoneFamily } from './filing.service.ts';
import { PhoneFamilyPage } from './filing.views.tsx';

function familyIdOf(params: { familyId: string }): FamilyId {
  const id = parseId<FamilyId>(params.familyId);
  if (!id) throw new NotFoundError('family');
  return id;
}

/**
 * Desk staff register a family that phones or comes by, file a request for a family of their
 * municipality through the parent's own wizard (channel `desk`, under
 * /desk/families/:familyId/requests/new), and act for it: change, confirm, withdraw, birth data
 * and the answer to an offer, under /desk/requests/:requestId. Another municipality's family or
 * request answers 404. After each action: back to the family's desk page.
 */
export function registerDeskRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerActingRoutes(app, deps, {
    role: 'desk',
    action: 'desk.request.act',
    path: '/desk/requests/:requestId',
    resolve: async (user, params) => {
      const requestId = parseId<RequestId>(params.requestId ?? '');
      if (!requestId) throw new NotFoundError('request');
      const { family } = await requireDeskRequest(deps.db, user, requestId);
      return { familyId: family.id, requestId };
    },
    base: (ids) => `/desk/requests/${ids.requestId}`,
    back: (ids) => `/desk/families/${ids.familyId}`,
    offers: true,
  });

  const subMunicipalitiesOf = async (user: CurrentUser) => {
    const municipalityId = deskMunicipalityOf(user);
    const all = await getSubMunicipalities(deps.db);
    return all
      .filter((x) => x.municipalityId === municipalityId)
      .map((x) => ({ value: x.id, label: `${x.name} (${x.postcode})` }));
  };
  const familyPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const user = requireUser(request.user);
    const ctx = pageContext(request, reply, deps);
    const subs = await subMunicipalitiesOf(user);
    return sendPage(reply, <PhoneFamilyPage ctx={ctx} form={form} subMunicipalities={subs} />, status);
  };

  app.get('/desk/families/new', { config: { action: 'desk.family.register' } }, (request, reply) =>
    familyPage(request, reply, {
      values: { parent1Language: request.lang, parent2Language: request.lang },
      errors: {},
    }),
  );
  app.post('/desk/families/new', { config: { action: 'desk.family.register' } }, async (request, reply) => {
    const parsed = parseForm(PhoneFamilyForm, request.body);
    const result = parsed.ok
      ? await registerPhoneFamily(deps, requireUser(request.user), parsed.value)
      : undefined;
    if (result?.ok) return reply.redirect(`/desk/families/${result.value}?done=registered`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    return familyPage(request, reply, form, 400);
  });

  // Filing a request for a family of the municipality: the parent's own wizard, channel `desk`.
  registerWizardRoutes(app, deps, {
    action: 'desk.request.file',
    path: '/desk/families/:familyId/requests/new',
    filer: async (user, params) => {
      const family = await requireDeskFamily(deps.db, user, familyIdOf({ familyId: params.familyId ?? '' }));
      return {
        user,
        base: `/desk/families/${family.id}/requests/new`,
        staff: { family, role: 'desk', action: 'desk.request.file' },
      };
    },
    requestUrl: (who) => familyPath(who),
    filed: (who, _id, mailed) => `${familyPath(who)}?done=${mailed ? 'filedMailed' : 'filedNoEmail'}`,
    back: (who) => familyPath(who),
  });
}

const familyPath = (who: Filer) => `/desk/families/${who.staff?.family.id ?? ''}`;
