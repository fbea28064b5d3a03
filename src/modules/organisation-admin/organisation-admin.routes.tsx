import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { type ProviderOrganisationId, parseId, type UserId } from '../../shared/ids.ts';
import { messages } from './organisation-admin.messages.ts';
import { AccessForm, InviteForm } from './organisation-admin.schemas.ts';
import {
  getMember,
  getStaff,
  inviteStaff,
  removeAccess,
  updateAccess,
} from './organisation-admin.service.ts';
import {
  MemberPage,
  memberForm,
  RemoveConfirmPage,
  type StaffDone,
  StaffPage,
} from './organisation-admin.views.tsx';

type OrgRoute = { Params: { organisationId: string }; Querystring: { done?: string } };
type MemberRoute = { Params: { organisationId: string; userId: string } };

function ids(params: { organisationId: string; userId?: string }) {
  const organisationId = parseId<ProviderOrganisationId>(params.organisationId);
  const userId = params.userId === undefined ? undefined : parseId<UserId>(params.userId);
  if (!organisationId || (params.userId !== undefined && !userId)) throw new NotFoundError();
  return { organisationId, userId: userId as UserId };
}

const doneKey = (v: unknown): StaffDone | undefined =>
  typeof v === 'string' && Object.hasOwn(messages.nl.done, v) ? (v as StaffDone) : undefined;

/** The organisation admin's staff pages: list and invite, change one member's access, remove it. */
export function registerOrganisationAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const base = '/provider/organisations/:organisationId/staff';
  const config = { config: { action: 'provider.organisation.manage' as const } };
  const emptyInvite: FormState = { values: { language: 'nl', role: 'provider_staff' }, errors: {} };

  app.get<OrgRoute>(base, config, async (request, reply) => {
    const { organisationId } = ids(request.params);
    const data = await getStaff(deps, requireUser(request.user), organisationId);
    return sendPage(
      reply,
      <StaffPage
        ctx={pageContext(request, reply, deps)}
        data={data}
        form={emptyInvite}
        done={doneKey(request.query.done)}
      />,
    );
  });

  app.post<OrgRoute>(base, config, async (request, reply) => {
    const user = requireUser(request.user);
    const { organisationId } = ids(request.params);
    const parsed = parseForm(InviteForm, request.body);
    const result = parsed.ok ? await inviteStaff(deps, user, organisationId, parsed.value) : undefined;
    if (result?.ok)
      return reply.redirect(`/provider/organisations/${organisationId}/staff?done=${result.value}`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    const data = await getStaff(deps, user, organisationId);
    return sendPage(
      reply,
      <StaffPage ctx={pageContext(request, reply, deps)} data={data} form={form} />,
      400,
    );
  });

  app.get<MemberRoute>(`${base}/:userId`, config, async (request, reply) => {
    const { organisationId, userId } = ids(request.params);
    const data = await getMember(deps, requireUser(request.user), organisationId, userId);
    return sendPage(
      reply,
      <MemberPage ctx={pageContext(request, reply, deps)} data={data} form={memberForm(data)} />,
    );
  });

  app.post<MemberRoute>(`${base}/:userId`, config, async (request, reply) => {
    const user = requireUser(request.user);
    const { organisationId, userId } = ids(request.params);
    const parsed = parseForm(AccessForm, request.body);
    const result = parsed.ok
      ? await updateAccess(deps, user, organisationId, userId, parsed.value)
      : undefined;
    if (result?.ok) return reply.redirect(`/provider/organisations/${organisationId}/staff?done=saved`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    const data = await getMember(deps, user, organisationId, userId);
    return sendPage(
      reply,
      <MemberPage ctx={pageContext(request, reply, deps)} data={data} form={form} />,
      400,
    );
  });

  // Removing access asks first: the member page's button leads here (GET); the POST acts only
  // with the confirmation page's field, else it sends the user to that page.
  app.get<MemberRoute>(`${base}/:userId/remove`, config, async (request, reply) => {
    const { organisationId, userId } = ids(request.params);
    const data = await getMember(deps, requireUser(request.user), organisationId, userId);
    return sendPage(
      reply,
      <RemoveConfirmPage ctx={pageContext(request, reply, deps)} data={data} form={emptyForm} />,
    );
  });

  app.post<MemberRoute>(`${base}/:userId/remove`, config, async (request, reply) => {
    const user = requireUser(request.user);
    const { organisationId, userId } = ids(request.params);
    const confirmPath = `/provider/organisations/${organisationId}/staff/${userId}/remove`;
    if (!isConfirmed(request.body)) {
      await getMember(deps, user, organisationId, userId); // 404 for a stranger, as the POST would
      return reply.redirect(confirmPath, 303);
    }
    const result = await removeAccess(deps, user, organisationId, userId);
    if (result.ok) return reply.redirect(`/provider/organisations/${organisationId}/staff?done=removed`, 303);
    const data = await getMember(deps, user, organisationId, userId);
    const form = failedForm({}, result.errors);
    return sendPage(
      reply,
      <RemoveConfirmPage ctx={pageContext(request, reply, deps)} data={data} form={form} />,
      400,
    );
  });
}
