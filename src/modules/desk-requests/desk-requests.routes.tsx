import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { type FamilyId, parseId, type RequestId } from '../../shared/ids.ts';
import {
  deskActor,
  deskMunicipalityOf,
  getMunicipality,
  getSubMunicipalities,
  requireDeskFamily,
  requireDeskRequest,
} from '../families/index.ts';
import { getSelectableLocations, MAX_PREFERENCE_FIELDS } from '../requests/index.ts';
import { registerActingRoutes } from './acting.routes.tsx';
import { PhoneFamilyForm, PhoneRequestForm } from './filing.schemas.ts';
import { filePhoneRequest, registerPhoneFamily } from './filing.service.ts';
import { PhoneFamilyPage, PhoneRequestPage } from './filing.views.tsx';

type FamilyRoute = { Params: { familyId: string } };

function familyIdOf(params: { familyId: string }): FamilyId {
  const id = parseId<FamilyId>(params.familyId);
  if (!id) throw new NotFoundError('family');
  return id;
}

/**
 * Desk staff register a family that phones or comes by and file a request for it (channel
 * `desk`), and act for a family of their municipality: change, confirm,
 * withdraw, birth data and the answer to an offer, under /desk/requests/:requestId. A request of
 * another municipality answers 404. After each action: back to the family's desk page.
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

  const requestPage = async (
    request: FastifyRequest<FamilyRoute>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) => {
    const user = requireUser(request.user);
    const family = await requireDeskFamily(deps.db, user, familyIdOf(request.params));
    const [municipality, locations] = await Promise.all([
      getMunicipality(deps.db, family.municipalityId),
      getSelectableLocations(deps.db),
    ]);
    await recordAudit(deps.db, deps.clock, {
      ...deskActor(user),
      action: 'desk.request.file',
      subjectType: 'family',
      subjectId: family.id,
      familyId: family.id,
      details: { read: true },
    });
    return sendPage(
      reply,
      <PhoneRequestPage
        ctx={pageContext(request, reply, deps)}
        familyId={family.id}
        fileNumber={family.fileNumber}
        form={form}
        locations={locations.map((l) => ({ value: l.id, label: `${l.name} (${l.municipalityName})` }))}
        maxPreferences={Math.min(
          municipality?.maxPreferences ?? MAX_PREFERENCE_FIELDS,
          MAX_PREFERENCE_FIELDS,
        )}
      />,
      status,
    );
  };

  app.get<FamilyRoute>(
    '/desk/families/:familyId/requests/new',
    { config: { action: 'desk.request.file' } },
    (request, reply) =>
      requestPage(request, reply, {
        values: {
          submissionKey: randomUUID(),
          childBorn: 'yes',
          kind: 'regular',
          fixed: 'fixed',
          careNeeds: 'no',
        },
        errors: {},
      }),
  );
  app.post<FamilyRoute>(
    '/desk/families/:familyId/requests/new',
    { config: { action: 'desk.request.file' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const familyId = familyIdOf(request.params);
      await requireDeskFamily(deps.db, user, familyId);
      const parsed = parseForm(PhoneRequestForm, request.body);
      const result = parsed.ok ? await filePhoneRequest(deps, user, familyId, parsed.value) : undefined;
      if (result?.ok) return reply.redirect(`/desk/families/${familyId}?done=filed`, 303);
      const form = parsed.ok
        ? failedForm(request.body, result?.ok === false ? result.errors : {})
        : parsed.form;
      return requestPage(request, reply, form, 400);
    },
  );
}
