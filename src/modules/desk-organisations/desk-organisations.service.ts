import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { deskActor, deskMunicipalityOf } from '../families/index.ts';
import {
  hasIntermediaryGrant,
  inviteToOrganisation,
  openInvitations,
  withdrawFromOrganisation,
} from '../organisation-admin/index.ts';
import { intermediaryInvitationMail } from './desk-organisations.mails.ts';
import * as q from './desk-organisations.queries.ts';
import type { InviteInput, OrganisationInput } from './desk-organisations.schemas.ts';

/**
 * The desk administers the intermediary organisations of its own municipality (the one of its desk
 * grant): another municipality's organisation answers 404, as one that does not exist. Every change
 * is one transaction with its audit row; staff get access only by accepting a mailed invitation.
 */
const MANAGE = 'desk.organisations.manage';

export async function listOrganisations(deps: AppDeps, user: CurrentUser) {
  const municipalityId = deskMunicipalityOf(user);
  const [municipality, organisations] = await Promise.all([
    q.getMunicipalityName(deps.db, municipalityId),
    q.listOrganisations(deps.db, municipalityId),
  ]);
  if (municipality === undefined) throw new NotFoundError('municipality');
  return { municipality, organisations };
}
export type ListData = Awaited<ReturnType<typeof listOrganisations>>;

/** Adds an organisation to the municipality; a name it already has is refused. */
export async function createOrganisation(
  deps: AppDeps,
  user: CurrentUser,
  input: OrganisationInput,
): Promise<Result<string>> {
  const municipalityId = deskMunicipalityOf(user);
  return deps.db.transaction(async (tx): Promise<Result<string>> => {
    if (await q.organisationNameTaken(tx, municipalityId, input.name))
      return { ok: false, errors: { name: 'organisationNameTaken' } };
    const id = await q.insertOrganisation(tx, {
      municipalityId,
      name: input.name,
      kind: input.kind,
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: MANAGE,
      subjectType: 'intermediary_organisation',
      subjectId: id,
      details: { change: 'created', kind: input.kind },
    });
    return { ok: true, value: id };
  });
}

async function organisationOf(deps: AppDeps, user: CurrentUser, organisationId: string) {
  const organisation = await q.getOrganisation(deps.db, deskMunicipalityOf(user), organisationId);
  if (!organisation) throw new NotFoundError('organisation');
  return organisation;
}

/** The organisation's page: its staff and open invitations; the read of their names is audited. */
export async function getOrganisation(deps: AppDeps, user: CurrentUser, organisationId: string) {
  const organisation = await organisationOf(deps, user, organisationId);
  const [staff, invitations, counts] = await Promise.all([
    q.getStaff(deps.db, organisationId),
    openInvitations(deps, { intermediaryOrganisationId: organisationId }),
    q.listOrganisations(deps.db, deskMunicipalityOf(user)),
  ]);
  const families = counts.find((o) => o.id === organisationId)?.families ?? 0;
  await recordAudit(deps.db, deps.clock, {
    ...deskActor(user),
    action: 'desk.organisations.read',
    subjectType: 'intermediary_organisation',
    subjectId: organisationId,
    details: { read: 'staff', users: [...staff.map((s) => s.userId), ...invitations.map((i) => i.userId)] },
  });
  return { organisation, staff, invitations, families };
}
export type OrganisationData = Awaited<ReturnType<typeof getOrganisation>>;

/**
 * Invites someone to work for the organisation. Nothing is granted yet: the person gets a mail
 * with a link to accept or decline (7 days), queued in the same transaction as the invitation. An
 * address without an account gets an account without a password, which it chooses when accepting.
 * The value is the invitation's id (the page names the address it was sent to).
 */
export async function inviteStaff(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  input: InviteInput,
): Promise<Result<string>> {
  const organisation = await organisationOf(deps, user, organisationId);
  const municipality = await q.getMunicipalityName(deps.db, deskMunicipalityOf(user));
  return inviteToOrganisation(deps, user, input, {
    organisation: { intermediaryOrganisationId: organisationId },
    role: 'intermediary',
    locationIds: [],
    refuse: async (tx, existing) => {
      if (existing.disabledAt) return { email: 'notAllowedNow' };
      if (await hasIntermediaryGrant(tx, existing.id, organisationId))
        return { email: 'intermediaryHasAccess' };
      return undefined;
    },
    mail: (invitee, url, newAccount) =>
      intermediaryInvitationMail(
        invitee,
        { inviter: user.displayName, municipality: municipality ?? '', organisation: organisation.name },
        url,
        newAccount,
      ),
    audit: (tx, invitee, { invitationId, newAccount }) =>
      recordAudit(tx, deps.clock, {
        ...deskActor(user),
        action: MANAGE,
        subjectType: 'user',
        subjectId: invitee.id,
        details: { intermediaryOrganisationId: organisationId, change: 'invited', invitationId, newAccount },
      }),
  });
}

/** Withdraws an open invitation of the organisation: its link no longer works. Else 404. */
export async function withdrawInvitation(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  invitationId: string,
): Promise<void> {
  await organisationOf(deps, user, organisationId);
  await withdrawFromOrganisation(
    deps,
    { intermediaryOrganisationId: organisationId },
    invitationId,
    (tx, userId) =>
      recordAudit(tx, deps.clock, {
        ...deskActor(user),
        action: MANAGE,
        subjectType: 'user',
        subjectId: userId,
        details: { intermediaryOrganisationId: organisationId, change: 'withdrawn', invitationId },
      }),
  );
}

/** A staff member of the organisation (for the confirmation page); 404 when not one. */
export async function getMember(deps: AppDeps, user: CurrentUser, organisationId: string, userId: string) {
  const organisation = await organisationOf(deps, user, organisationId);
  const member = (await q.getStaff(deps.db, organisationId)).find((s) => s.userId === userId);
  if (!member) throw new NotFoundError('staff member');
  return { organisation, member };
}
export type MemberData = Awaited<ReturnType<typeof getMember>>;

/**
 * Removes a staff member from the organisation: the grant goes and every session of the person
 * ends at once (they log in again with whatever access is left), in one transaction with the audit
 * row. The account stays. 404 when the person does not (any more) work for the organisation.
 */
export async function removeStaff(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  userId: string,
): Promise<MemberData> {
  const data = await getMember(deps, user, organisationId, userId);
  const removed = await deps.db.transaction(async (tx) => {
    const grants = await q.deleteGrant(tx, userId, organisationId);
    if (grants === 0) return false;
    await destroyUserSessions(tx, userId);
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: MANAGE,
      subjectType: 'user',
      subjectId: userId,
      details: { intermediaryOrganisationId: organisationId, change: 'removed', sessionsEnded: true },
    });
    return true;
  });
  if (!removed) throw new NotFoundError('staff member');
  return data;
}
