import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { type IntermediaryOrganisationId, parseId, type UserId } from '../../shared/ids.ts';
import { InviteForm, OrganisationForm } from './desk-organisations.schemas.ts';
import {
  createOrganisation,
  getMember,
  getOrganisation,
  inviteStaff,
  listOrganisations,
  type OrganisationData,
  removeStaff,
  withdrawInvitation,
} from './desk-organisations.service.ts';
import {
  ListPage,
  ORGANISATIONS_PATH,
  type OrganisationDone,
  OrganisationPage,
  organisationPath,
  RemoveConfirmPage,
} from './desk-organisations.views.tsx';

type OrgRoute = {
  Params: { organisationId: string };
  Querystring: { done?: unknown; invitation?: unknown };
};
type MemberRoute = { Params: { organisationId: string; userId: string } };

function organisationIdOf(params: { organisationId: string }) {
  const id = parseId<IntermediaryOrganisationId>(params.organisationId);
  if (!id) throw new NotFoundError();
  return id;
}

function userIdOf(params: { userId: string }) {
  const id = parseId<UserId>(params.userId);
  if (!id) throw new NotFoundError();
  return id;
}

/**
 * The notice after a change. "Invitation sent to …" only names an invitation that is still open
 * (its mail was queued with it); an unknown or stale value shows nothing.
 */
function doneOf(query: OrgRoute['Querystring'], data: OrganisationData): OrganisationDone | undefined {
  const { done, invitation } = query;
  if (done === 'created' || done === 'withdrawn' || done === 'removed') return { key: done };
  if (done === 'invited' && typeof invitation === 'string') {
    const sent = data.invitations.find((i) => i.id === invitation);
    if (sent) return { key: 'invited', email: sent.email };
  }
  return undefined;
}

const emptyInvite: FormState = { values: { language: 'nl' }, errors: {} };

/**
 * The desk's pages for the municipality's intermediary organisations: the list and a form to add
 * one; an organisation's staff and open invitations, a form to invite; removing a staff member
 * behind a confirmation page. Refused input answers 400 with the page and its messages.
 */
export function registerDeskOrganisationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const read = { config: { action: 'desk.organisations.read' as const } };
  const manage = { config: { action: 'desk.organisations.manage' as const } };

  app.get(ORGANISATIONS_PATH, read, async (request, reply) => {
    const data = await listOrganisations(deps, requireUser(request.user));
    return sendPage(reply, <ListPage ctx={pageContext(request, reply, deps)} data={data} form={emptyForm} />);
  });

  app.post(ORGANISATIONS_PATH, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const parsed = parseForm(OrganisationForm, request.body);
    const result = parsed.ok ? await createOrganisation(deps, user, parsed.value) : undefined;
    if (result?.ok) return reply.redirect(`${organisationPath(result.value)}?done=created`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    const data = await listOrganisations(deps, user);
    return sendPage(reply, <ListPage ctx={pageContext(request, reply, deps)} data={data} form={form} />, 400);
  });

  app.get<OrgRoute>(`${ORGANISATIONS_PATH}/:organisationId`, read, async (request, reply) => {
    const data = await getOrganisation(deps, requireUser(request.user), organisationIdOf(request.params));
    return sendPage(
      reply,
      <OrganisationPage
        ctx={pageContext(request, reply, deps)}
        data={data}
        form={emptyInvite}
        done={doneOf(request.query, data)}
      />,
    );
  });

  app.post<OrgRoute>(`${ORGANISATIONS_PATH}/:organisationId/invitations`, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const organisationId = organisationIdOf(request.params);
    const parsed = parseForm(InviteForm, request.body);
    const result = parsed.ok ? await inviteStaff(deps, user, organisationId, parsed.value) : undefined;
    if (result?.ok)
      return reply.redirect(
        `${organisationPath(organisationId)}?done=invited&invitation=${encodeURIComponent(result.value)}`,
        303,
      );
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    const data = await getOrganisation(deps, user, organisationId);
    return sendPage(
      reply,
      <OrganisationPage ctx={pageContext(request, reply, deps)} data={data} form={form} />,
      400,
    );
  });

  app.post<{ Params: { organisationId: string; invitationId: string } }>(
    `${ORGANISATIONS_PATH}/:organisationId/invitations/:invitationId/withdraw`,
    manage,
    async (request, reply) => {
      const organisationId = organisationIdOf(request.params);
      const invitationId = parseId<UserId>(request.params.invitationId);
      if (!invitationId) throw new NotFoundError();
      await withdrawInvitation(deps, requireUser(request.user), organisationId, invitationId);
      return reply.redirect(`${organisationPath(organisationId)}?done=withdrawn`, 303);
    },
  );

  // Removing a staff member asks first: the organisation page links here (GET); the POST acts
  // only with the confirmation page's field, else it sends the user to that page.
  const removePath = `${ORGANISATIONS_PATH}/:organisationId/staff/:userId/remove`;
  app.get<MemberRoute>(removePath, manage, async (request, reply) => {
    const data = await getMember(
      deps,
      requireUser(request.user),
      organisationIdOf(request.params),
      userIdOf(request.params),
    );
    return sendPage(
      reply,
      <RemoveConfirmPage ctx={pageContext(request, reply, deps)} data={data} form={emptyForm} />,
    );
  });

  app.post<MemberRoute>(removePath, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const organisationId = organisationIdOf(request.params);
    const userId = userIdOf(request.params);
    if (!isConfirmed(request.body)) {
      await getMember(deps, user, organisationId, userId); // 404 for a stranger, as the POST would
      return reply.redirect(`${organisationPath(organisationId)}/staff/${userId}/remove`, 303);
    }
    await removeStaff(deps, user, organisationId, userId);
    return reply.redirect(`${organisationPath(organisationId)}?done=removed`, 303);
  });
}
