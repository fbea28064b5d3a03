import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { homePathFor } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { type ProviderOrganisationId, parseId, type UserId } from '../../shared/ids.ts';
import { tokenParam } from '../accounts/index.ts';
import { messages } from './organisation-admin.messages.ts';
import { AccessForm, AnswerForm, FirstPasswordForm, InviteForm } from './organisation-admin.schemas.ts';
import {
  answerInvitation,
  findInvitation,
  getMember,
  getStaff,
  inviteStaff,
  removeAccess,
  updateAccess,
  withdrawInvitation,
} from './organisation-admin.service.ts';
import {
  InvitationPage,
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

  app.post<{ Params: { organisationId: string; invitationId: string } }>(
    `${base}/invitations/:invitationId/withdraw`,
    config,
    async (request, reply) => {
      const { organisationId } = ids(request.params);
      const invitationId = parseId<UserId>(request.params.invitationId);
      if (!invitationId) throw new NotFoundError();
      await withdrawInvitation(deps, requireUser(request.user), organisationId, invitationId);
      return reply.redirect(`/provider/organisations/${organisationId}/staff?done=withdrawn`, 303);
    },
  );

  registerInvitationRoutes(app, deps);
}

/** A page saying why an invitation link cannot be answered (any more). */
function invitationProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  problem: 'gone' | 'invalid' | 'wrongAccount',
) {
  const ctx = pageContext(request, reply, deps);
  const t = messages[ctx.lang];
  const [title, body, status] =
    problem === 'wrongAccount'
      ? [t.wrongAccountTitle, t.wrongAccountBody, 403]
      : problem === 'gone'
        ? [t.invitationGoneTitle, t.invitationGoneBody, 410]
        : [t.invitationInvalidTitle, t.invitationInvalidBody, 400];
  return sendPage(reply, MessagePage({ ctx, title, body }), status);
}

const loginFor = (token: string) =>
  `/login?next=${encodeURIComponent(`/invitation?token=${encodeURIComponent(token)}`)}`;

/**
 * The invited person's pages. The token travels in the query string and the form, never in the
 * path (the request log prints paths only). An existing account answers only when logged in as
 * itself; another logged-in account is refused; a new account answers by choosing its password.
 */
function registerInvitationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const config = { config: { action: 'staff.invitation.respond' as const } };

  app.get<{ Querystring: { token?: unknown } }>('/invitation', config, async (request, reply) => {
    const token = tokenParam(request.query.token);
    const found = await findInvitation(deps, token);
    if (found.state !== 'open') return invitationProblem(request, reply, deps, found.state);
    const { account } = found.invitation;
    if (request.user && request.user.id !== account.id)
      return invitationProblem(request, reply, deps, 'wrongAccount');
    if (account.hasPassword && !request.user) return reply.redirect(loginFor(found.invitation.token), 303);
    return sendPage(
      reply,
      <InvitationPage
        ctx={pageContext(request, reply, deps)}
        invitation={found.invitation}
        form={emptyForm}
      />,
    );
  });

  app.post(
    '/invitation',
    { config: { ...config.config, rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const parsed = parseForm(AnswerForm, request.body);
      if (!parsed.ok) return invitationProblem(request, reply, deps, 'invalid');
      const { token, answer } = parsed.value;
      const found = await findInvitation(deps, token);
      if (found.state !== 'open') return invitationProblem(request, reply, deps, found.state);
      let password: string | undefined;
      if (answer === 'accept' && !found.invitation.account.hasPassword && !request.user) {
        const pw = parseForm(FirstPasswordForm, request.body);
        if (!pw.ok) {
          return sendPage(
            reply,
            <InvitationPage
              ctx={pageContext(request, reply, deps)}
              invitation={found.invitation}
              form={{ values: {}, errors: pw.form.errors }}
            />,
            400,
          );
        }
        password = pw.value.password;
      }
      const result = await answerInvitation(deps, request.user, token, answer, password);
      if (!result.ok) {
        if (result.problem === 'login') return reply.redirect(loginFor(token), 303);
        return invitationProblem(request, reply, deps, result.problem);
      }
      return reply.redirect(`/invitation/done?answer=${result.answer}`, 303);
    },
  );

  app.get<{ Querystring: { answer?: unknown } }>('/invitation/done', config, (request, reply) => {
    const ctx = pageContext(request, reply, deps);
    const t = messages[ctx.lang];
    const answer = request.query.answer;
    if (answer !== 'accepted' && answer !== 'declined') throw new NotFoundError();
    const accepted = answer === 'accepted';
    const link = request.user
      ? { href: homePathFor(request.user), label: t.toStart }
      : { href: '/login', label: t.loginAction };
    return sendPage(
      reply,
      MessagePage({
        ctx,
        title: accepted ? t.acceptedTitle : t.declinedTitle,
        body: accepted ? t.acceptedBody : t.declinedBody,
        link,
      }),
    );
  });
}
