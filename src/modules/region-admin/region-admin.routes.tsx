import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { type MunicipalityId, parseId, type RegionId, type UserId } from '../../shared/ids.ts';
import {
  InviteForm,
  JoinForm,
  MunicipalityForm,
  RegionForm,
  RegionInviteForm,
} from './region-admin.schemas.ts';
import {
  createMunicipality,
  createRegion,
  getMember,
  getMunicipalityPage,
  getOverview,
  getRegionMember,
  getRegionPage,
  getRegions,
  inviteRegionPolicy,
  inviteStaff,
  joinRegion,
  type MunicipalityData,
  type RegionData,
  removeRegionPolicy,
  removeStaff,
  withdrawInvitation,
  withdrawRegionInvitation,
} from './region-admin.service.ts';
import {
  JoinRegionPage,
  MUNICIPALITIES_PATH,
  type MunicipalityDone,
  MunicipalityFormPage,
  MunicipalityPage,
  municipalityPath,
  OverviewPage,
  type RegionDone,
  RegionFormPage,
  RegionPage,
  RegionRemoveConfirmPage,
  RemoveConfirmPage,
  regionPath,
} from './region-admin.views.tsx';

type MunicipalityRoute = {
  Params: { municipalityId: string };
  Querystring: { done?: unknown; invitation?: unknown };
};
type MemberRoute = { Params: { municipalityId: string; userId: string } };

function municipalityIdOf(params: { municipalityId: string }) {
  const id = parseId<MunicipalityId>(params.municipalityId);
  if (!id) throw new NotFoundError();
  return id;
}

type RegionRoute = {
  Params: { regionId: string };
  Querystring: { done?: unknown; invitation?: unknown };
};
type RegionMemberRoute = { Params: { regionId: string; userId: string } };

function regionIdOf(params: { regionId: string }) {
  const id = parseId<RegionId>(params.regionId);
  if (!id) throw new NotFoundError();
  return id;
}

/** The region page's notice after a change; "invitation sent to …" only while it is still open. */
function regionDoneOf(query: RegionRoute['Querystring'], data: RegionData): RegionDone | undefined {
  const { done, invitation } = query;
  if (done === 'withdrawn' || done === 'removed') return { key: done };
  return done === 'invited' ? invitedOf(invitation, data.invitations) : undefined;
}

/** "Invitation sent to …", only for an invitation that is still open. */
function invitedOf(invitation: unknown, open: { id: string; email: string }[]) {
  const sent = typeof invitation === 'string' ? open.find((i) => i.id === invitation) : undefined;
  return sent ? { key: 'invited' as const, email: sent.email } : undefined;
}

function userIdOf(params: { userId: string }) {
  const id = parseId<UserId>(params.userId);
  if (!id) throw new NotFoundError();
  return id;
}

/** The notice after a change; "invitation sent to …" only for an invitation that is still open. */
function doneOf(
  query: MunicipalityRoute['Querystring'],
  data: MunicipalityData,
): MunicipalityDone | undefined {
  const { done, invitation } = query;
  if (done === 'created' || done === 'withdrawn' || done === 'removed') return { key: done };
  if (done === 'joined') return { key: 'joined', region: data.municipality.regionName };
  return done === 'invited' ? invitedOf(invitation, data.invitations) : undefined;
}

const emptyInvite: FormState = { values: { language: 'nl', role: 'desk' }, errors: {} };

/**
 * The platform admin's pages for regions and municipalities: the overview, a new region, a new
 * municipality; one municipality with its desk and policy staff and the invite form; removing a
 * staff member and moving the municipality to another region, each behind a confirmation page.
 * Refused input answers 400 with the page and its messages; nothing is changed then.
 */
export function registerRegionAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const read = { config: { action: 'admin.municipalities.read' as const } };
  const manage = { config: { action: 'admin.municipalities.manage' as const } };

  app.get<{ Querystring: { done?: unknown } }>(MUNICIPALITIES_PATH, read, async (request, reply) => {
    const data = await getOverview(deps);
    return sendPage(
      reply,
      <OverviewPage
        ctx={pageContext(request, reply, deps)}
        data={data}
        regionCreated={request.query.done === 'regionCreated'}
      />,
    );
  });

  // ——— New region ———
  const regionPage = (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    sendPage(reply, <RegionFormPage ctx={pageContext(request, reply, deps)} form={form} />, status);

  app.get('/admin/regions/new', manage, async (request, reply) => regionPage(request, reply, emptyForm));

  app.post('/admin/regions', manage, async (request, reply) => {
    const parsed = parseForm(RegionForm, request.body);
    const result = parsed.ok ? await createRegion(deps, requireUser(request.user), parsed.value) : undefined;
    if (result?.ok) return reply.redirect(`${MUNICIPALITIES_PATH}?done=regionCreated`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    return regionPage(request, reply, form, 400);
  });

  // ——— New municipality ———
  const municipalityForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) =>
    sendPage(
      reply,
      <MunicipalityFormPage
        ctx={pageContext(request, reply, deps)}
        form={form}
        regions={await getRegions(deps)}
      />,
      status,
    );

  app.get(`${MUNICIPALITIES_PATH}/new`, manage, async (request, reply) =>
    municipalityForm(request, reply, emptyForm),
  );

  app.post(MUNICIPALITIES_PATH, manage, async (request, reply) => {
    const parsed = parseForm(MunicipalityForm, request.body);
    const result = parsed.ok
      ? await createMunicipality(deps, requireUser(request.user), parsed.value)
      : undefined;
    if (result?.ok) return reply.redirect(`${municipalityPath(result.value)}?done=created`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    return municipalityForm(request, reply, form, 400);
  });

  // ——— One municipality and its staff ———
  app.get<MunicipalityRoute>(`${MUNICIPALITIES_PATH}/:municipalityId`, read, async (request, reply) => {
    const data = await getMunicipalityPage(deps, requireUser(request.user), municipalityIdOf(request.params));
    return sendPage(
      reply,
      <MunicipalityPage
        ctx={pageContext(request, reply, deps)}
        data={data}
        form={emptyInvite}
        done={doneOf(request.query, data)}
      />,
    );
  });

  app.post<MunicipalityRoute>(
    `${MUNICIPALITIES_PATH}/:municipalityId/invitations`,
    manage,
    async (request, reply) => {
      const user = requireUser(request.user);
      const municipalityId = municipalityIdOf(request.params);
      const parsed = parseForm(InviteForm, request.body);
      const result = parsed.ok ? await inviteStaff(deps, user, municipalityId, parsed.value) : undefined;
      if (result?.ok)
        return reply.redirect(
          `${municipalityPath(municipalityId)}?done=invited&invitation=${encodeURIComponent(result.value)}`,
          303,
        );
      const form = parsed.ok
        ? failedForm(request.body, result?.ok === false ? result.errors : {})
        : parsed.form;
      const data = await getMunicipalityPage(deps, user, municipalityId);
      return sendPage(
        reply,
        <MunicipalityPage ctx={pageContext(request, reply, deps)} data={data} form={form} />,
        400,
      );
    },
  );

  app.post<{ Params: { municipalityId: string; invitationId: string } }>(
    `${MUNICIPALITIES_PATH}/:municipalityId/invitations/:invitationId/withdraw`,
    manage,
    async (request, reply) => {
      const municipalityId = municipalityIdOf(request.params);
      const invitationId = parseId<UserId>(request.params.invitationId);
      if (!invitationId) throw new NotFoundError();
      await withdrawInvitation(deps, requireUser(request.user), municipalityId, invitationId);
      return reply.redirect(`${municipalityPath(municipalityId)}?done=withdrawn`, 303);
    },
  );

  // Removing a staff member asks first: the municipality page links here (GET); the POST acts only
  // with the confirmation page's field, else it sends the admin to that page.
  const removePath = `${MUNICIPALITIES_PATH}/:municipalityId/staff/:userId/remove`;
  app.get<MemberRoute>(removePath, manage, async (request, reply) => {
    const data = await getMember(deps, municipalityIdOf(request.params), userIdOf(request.params));
    return sendPage(
      reply,
      <RemoveConfirmPage ctx={pageContext(request, reply, deps)} data={data} form={emptyForm} />,
    );
  });

  app.post<MemberRoute>(removePath, manage, async (request, reply) => {
    const municipalityId = municipalityIdOf(request.params);
    const userId = userIdOf(request.params);
    if (!isConfirmed(request.body)) {
      await getMember(deps, municipalityId, userId); // 404 for a stranger, as the POST would
      return reply.redirect(`${municipalityPath(municipalityId)}/staff/${userId}/remove`, 303);
    }
    await removeStaff(deps, requireUser(request.user), municipalityId, userId);
    return reply.redirect(`${municipalityPath(municipalityId)}?done=removed`, 303);
  });

  // ——— Joining another region ———
  const joinPath = `${MUNICIPALITIES_PATH}/:municipalityId/region`;
  app.get<MunicipalityRoute>(joinPath, manage, async (request, reply) => {
    const data = await getMunicipalityPage(deps, requireUser(request.user), municipalityIdOf(request.params));
    return sendPage(
      reply,
      <JoinRegionPage ctx={pageContext(request, reply, deps)} data={data} form={emptyForm} />,
    );
  });

  app.post<MunicipalityRoute>(joinPath, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const municipalityId = municipalityIdOf(request.params);
    if (!isConfirmed(request.body)) return reply.redirect(`${municipalityPath(municipalityId)}/region`, 303);
    const parsed = parseForm(JoinForm, request.body);
    const result = parsed.ok
      ? await joinRegion(deps, user, municipalityId, parsed.value.regionId)
      : undefined;
    if (result?.ok) return reply.redirect(`${municipalityPath(municipalityId)}?done=joined`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    const data = await getMunicipalityPage(deps, user, municipalityId);
    return sendPage(
      reply,
      <JoinRegionPage ctx={pageContext(request, reply, deps)} data={data} form={form} />,
      400,
    );
  });

  // ——— One region and its own policy staff ———
  const regionBase = '/admin/regions/:regionId';
  const regionPageWith = async (
    request: FastifyRequest<RegionRoute>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) => {
    const data = await getRegionPage(deps, requireUser(request.user), regionIdOf(request.params));
    const done = status === 200 ? regionDoneOf(request.query, data) : undefined;
    return sendPage(
      reply,
      <RegionPage ctx={pageContext(request, reply, deps)} data={data} form={form} done={done} />,
      status,
    );
  };

  app.get<RegionRoute>(regionBase, read, async (request, reply) =>
    regionPageWith(request, reply, emptyInvite),
  );

  app.post<RegionRoute>(`${regionBase}/invitations`, manage, async (request, reply) => {
    const regionId = regionIdOf(request.params);
    const parsed = parseForm(RegionInviteForm, request.body);
    const result = parsed.ok
      ? await inviteRegionPolicy(deps, requireUser(request.user), regionId, parsed.value)
      : undefined;
    if (result?.ok)
      return reply.redirect(
        `${regionPath(regionId)}?done=invited&invitation=${encodeURIComponent(result.value)}`,
        303,
      );
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    return regionPageWith(request, reply, form, 400);
  });

  app.post<{ Params: { regionId: string; invitationId: string } }>(
    `${regionBase}/invitations/:invitationId/withdraw`,
    manage,
    async (request, reply) => {
      const regionId = regionIdOf(request.params);
      const invitationId = parseId<UserId>(request.params.invitationId);
      if (!invitationId) throw new NotFoundError();
      await withdrawRegionInvitation(deps, requireUser(request.user), regionId, invitationId);
      return reply.redirect(`${regionPath(regionId)}?done=withdrawn`, 303);
    },
  );

  // Removing someone from the region's policy team asks first, as for a municipality.
  const regionRemovePath = `${regionBase}/staff/:userId/remove`;
  app.get<RegionMemberRoute>(regionRemovePath, manage, async (request, reply) => {
    const data = await getRegionMember(deps, regionIdOf(request.params), userIdOf(request.params));
    return sendPage(
      reply,
      <RegionRemoveConfirmPage ctx={pageContext(request, reply, deps)} data={data} form={emptyForm} />,
    );
  });

  app.post<RegionMemberRoute>(regionRemovePath, manage, async (request, reply) => {
    const regionId = regionIdOf(request.params);
    const userId = userIdOf(request.params);
    if (!isConfirmed(request.body)) {
      await getRegionMember(deps, regionId, userId); // 404 for a stranger, as the POST would
      return reply.redirect(`${regionPath(regionId)}/staff/${userId}/remove`, 303);
    }
    await removeRegionPolicy(deps, requireUser(request.user), regionId, userId);
    return reply.redirect(`${regionPath(regionId)}?done=removed`, 303);
  });
}
