import { recordAudit } from '../../platform/audit/index.ts';
import { type CurrentUser, locationsFor } from '../../platform/auth/actions.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { hashToken } from '../accounts/index.ts';
import { closeInvitation } from './invitations.queries.ts';
import { inviteToOrganisation, openInvitations, withdrawFromOrganisation } from './invitations.service.ts';
import { invitationMail } from './organisation-admin.mails.ts';
import * as q from './organisation-admin.queries.ts';
import type { AccessInput, InviteInput } from './organisation-admin.schemas.ts';

/**
 * An organisation admin manages who may handle which of the organisation's locations. The scope is
 * the locations where the admin holds `provider_admin` within that organisation: other
 * organisations (and their staff) answer 404, and grants elsewhere are never touched.
 */
const ACTION = 'provider.organisation.manage';

async function scopeOf(deps: AppDeps, user: CurrentUser, organisationId: string) {
  const all = await q.getLocations(deps.db, locationsFor(user, ACTION));
  const locations = all.filter((l) => l.organisationId === organisationId);
  const [first] = locations;
  if (!first) throw new NotFoundError('organisation');
  return { organisation: { id: organisationId, name: first.organisationName }, locations };
}

export type StaffMember = {
  id: string;
  email: string;
  displayName: string;
  invited: boolean;
  grants: { locationId: string; locationName: string; role: q.StaffRole }[];
};

function members(
  rows: Awaited<ReturnType<typeof q.getGrants>>,
  locations: { id: string; name: string }[],
): StaffMember[] {
  const byUser = new Map<string, StaffMember>();
  for (const r of rows) {
    const member = byUser.get(r.userId) ?? {
      id: r.userId,
      email: r.email,
      displayName: r.displayName,
      invited: r.hasPassword === null,
      grants: [],
    };
    const location = locations.find((l) => l.id === r.locationId);
    if (location)
      member.grants.push({
        locationId: location.id,
        locationName: location.name,
        role: r.role as q.StaffRole,
      });
    byUser.set(r.userId, member);
  }
  return [...byUser.values()];
}

/** The organisation's staff as far as the admin manages them; the read of names is audited. */
export async function getStaff(deps: AppDeps, user: CurrentUser, organisationId: string) {
  const scope = await scopeOf(deps, user, organisationId);
  const ids = scope.locations.map((l) => l.id);
  const staff = members(await q.getGrants(deps.db, ids), scope.locations);
  const open = await openInvitations(deps, { providerOrganisationId: organisationId });
  const inviters = await q.getUserNames(
    deps.db,
    open.flatMap((i) => (i.invitedBy ? [i.invitedBy] : [])),
  );
  const invitations = open.map((i) => ({
    id: i.id,
    email: i.email,
    displayName: i.displayName,
    role: i.role as q.StaffRole,
    locations: i.locationIds.flatMap((id) => scope.locations.find((l) => l.id === id)?.name ?? []),
    invitedBy: (i.invitedBy && inviters.get(i.invitedBy)) || '',
    expiresAt: i.expiresAt,
  }));
  await recordAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: 'provider_admin',
    action: ACTION,
    subjectType: 'user',
    details: {
      organisationId,
      read: 'staff',
      rows: staff.length,
      users: [...staff.map((m) => m.id), ...open.map((i) => i.userId)],
    },
  });
  return { ...scope, staff, invitations, self: user.id };
}
export type StaffData = Awaited<ReturnType<typeof getStaff>>;

export async function getMember(deps: AppDeps, user: CurrentUser, organisationId: string, userId: string) {
  const scope = await scopeOf(deps, user, organisationId);
  const ids = scope.locations.map((l) => l.id);
  const member = members(await q.getGrants(deps.db, ids), scope.locations).find((m) => m.id === userId);
  if (!member) throw new NotFoundError('staff member');
  return { ...scope, member, self: user.id };
}
export type MemberData = Awaited<ReturnType<typeof getMember>>;

function chosenLocations(scope: { locations: { id: string; name: string }[] }, wanted: string[]) {
  const chosen = scope.locations.filter((l) => wanted.includes(l.id));
  // A location outside the admin's scope in the form is tampering or a stale page: refuse.
  return chosen.length === new Set(wanted).size ? chosen : undefined;
}

/**
 * Invites someone to work at some of the organisation's locations. Nothing is granted yet: the
 * person gets a mail with a link to accept or decline (7 days). An address without an account gets
 * an account without a password, which it chooses when accepting.
 */
export async function inviteStaff(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  input: InviteInput,
): Promise<Result<'invited'>> {
  const scope = await scopeOf(deps, user, organisationId);
  const chosen = chosenLocations(scope, input.locations);
  if (!chosen) return { ok: false, errors: { locations: 'invalidChoice' } };
  const ids = scope.locations.map((l) => l.id);
  const outcome = await inviteToOrganisation(deps, user, input, {
    organisation: { providerOrganisationId: organisationId },
    role: input.role,
    locationIds: chosen.map((l) => l.id),
    refuse: async (tx, existing) => {
      const grants = await q.getGrants(tx, ids);
      return grants.some((g) => g.userId === existing.id) ? { email: 'staffHasAccess' } : undefined;
    },
    mail: (invitee, url, newAccount) =>
      invitationMail(
        invitee,
        {
          inviter: user.displayName,
          organisation: scope.organisation.name,
          locations: chosen.map((l) => l.name),
          role: input.role,
        },
        url,
        newAccount,
      ),
    audit: (tx, invitee, { invitationId, newAccount }) =>
      audit(tx, deps, user, invitee.id, {
        organisationId,
        change: 'invited',
        invitationId,
        newAccount,
        locations: chosen.length,
      }),
  });
  return outcome.ok ? { ok: true, value: 'invited' } : outcome;
}

/** Withdraws an open invitation of the organisation: it can no longer be accepted. */
export async function withdrawInvitation(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  invitationId: string,
): Promise<void> {
  await scopeOf(deps, user, organisationId);
  await withdrawFromOrganisation(deps, { providerOrganisationId: organisationId }, invitationId, (tx) =>
    audit(tx, deps, user, undefined, { organisationId, change: 'withdrawn', invitationId }),
  );
}

export type InvitationView = {
  token: string;
  organisation: string;
  inviter: string;
  /**
   * A provider role, 'intermediary' for the desk's invitation to an intermediary organisation,
   * 'desk' / 'policy' for the platform admin's to a municipality, 'regionPolicy' for its invitation
   * to a region's policy staff.
   */
  role: q.StaffRole | 'intermediary' | MunicipalityRole | 'regionPolicy';
  locations: string[];
  expiresAt: Date;
  account: { id: string; email: string; hasPassword: boolean };
};

type MunicipalityRole = 'desk' | 'policy';
const municipalityRole = (role: string): MunicipalityRole => (role === 'policy' ? 'policy' : 'desk');

export type InvitationLookup = { state: 'open'; invitation: InvitationView } | { state: 'gone' | 'invalid' };

/** What an invitation link shows: the invitation while it is open, else why not. */
export async function findInvitation(deps: AppDeps, token: string | undefined): Promise<InvitationLookup> {
  if (!token) return { state: 'invalid' };
  const row = await q.getInvitationByTokenHash(deps.db, hashToken(token));
  if (!row || row.user.disabledAt) return { state: 'invalid' };
  const inv = row.invitation;
  const now = deps.clock.now();
  if (inv.acceptedAt || inv.declinedAt || inv.withdrawnAt || inv.expiresAt.getTime() <= now.getTime())
    return { state: 'gone' };
  const locations = inv.organisationId
    ? (await q.getLocations(deps.db, inv.locationIds)).filter((l) => l.organisationId === inv.organisationId)
    : [];
  const names = await q.getUserNames(deps.db, inv.invitedBy ? [inv.invitedBy] : []);
  return {
    state: 'open',
    invitation: {
      token,
      organisation: row.organisationName,
      inviter: (inv.invitedBy && names.get(inv.invitedBy)) || row.organisationName,
      role: inv.intermediaryOrganisationId
        ? 'intermediary'
        : inv.municipalityId
          ? municipalityRole(inv.role)
          : inv.regionId
            ? 'regionPolicy'
            : (inv.role as q.StaffRole),
      locations: locations.map((l) => l.name),
      expiresAt: inv.expiresAt,
      account: { id: row.user.id, email: row.user.email, hasPassword: row.user.passwordHash !== null },
    },
  };
}

export type InvitationAnswer =
  | { ok: true; answer: 'accepted' | 'declined'; userId: string }
  | { ok: false; problem: 'gone' | 'invalid' | 'wrongAccount' | 'login' };

/**
 * Accepts or declines an invitation. An existing account answers only when logged in as itself; a
 * new account (no password yet) accepts by choosing its password, proven by the link. Accepting
 * creates the grants, in one transaction with closing the invitation; declining creates none. The
 * desk's invitation to an intermediary organisation grants the intermediary role for it; the
 * platform admin's to a municipality grants the desk or policy role there, to a region the policy
 * role for the whole region.
 */
export async function answerInvitation(
  deps: AppDeps,
  current: CurrentUser | undefined,
  token: string,
  answer: 'accept' | 'decline',
  password: string | undefined,
): Promise<InvitationAnswer> {
  const found = await findInvitation(deps, token);
  if (found.state !== 'open') return { ok: false, problem: found.state };
  const { account } = found.invitation;
  if (current && current.id !== account.id) return { ok: false, problem: 'wrongAccount' };
  if (account.hasPassword && !current) return { ok: false, problem: 'login' };
  const passwordHash =
    answer === 'accept' && !account.hasPassword && password ? await hashPassword(password) : undefined;
  const row = await q.getInvitationByTokenHash(deps.db, hashToken(token));
  if (!row) return { ok: false, problem: 'invalid' };
  const inv = row.invitation;
  const now = deps.clock.now();
  const closed = await deps.db.transaction(async (tx) => {
    const set = answer === 'accept' ? { acceptedAt: now } : { declinedAt: now };
    if (!(await closeInvitation(tx, { id: inv.id }, set, now))) return false;
    if (answer === 'accept') {
      if (!account.hasPassword) {
        if (!passwordHash || !(await q.setFirstPassword(tx, account.id, passwordHash, now)))
          throw new Error('an invitation of a new account is accepted with its first password');
      }
      if (inv.intermediaryOrganisationId) {
        await q.insertIntermediaryGrant(tx, account.id, inv.intermediaryOrganisationId);
      } else if (inv.municipalityId) {
        await q.insertMunicipalityGrant(tx, account.id, municipalityRole(inv.role), inv.municipalityId);
      } else if (inv.regionId) {
        await q.insertRegionPolicyGrant(tx, account.id, inv.regionId);
      } else {
        const locations = (await q.getLocations(tx, inv.locationIds)).filter(
          (l) => l.organisationId === inv.organisationId,
        );
        const ids = locations.map((l) => l.id);
        await q.deleteGrants(tx, account.id, ids);
        await q.insertGrants(tx, account.id, inv.role as q.StaffRole, ids);
      }
    }
    await recordAudit(tx, deps.clock, {
      actorUserId: account.id,
      actorRole: undefined,
      action: 'staff.invitation.respond',
      subjectType: 'user',
      subjectId: account.id,
      details: {
        ...(inv.intermediaryOrganisationId
          ? { intermediaryOrganisationId: inv.intermediaryOrganisationId }
          : inv.municipalityId
            ? { municipalityId: inv.municipalityId, role: inv.role }
            : inv.regionId
              ? { regionId: inv.regionId, role: inv.role }
              : { organisationId: inv.organisationId }),
        invitationId: inv.id,
        answer,
      },
    });
    return true;
  });
  if (!closed) return { ok: false, problem: 'gone' };
  return { ok: true, answer: answer === 'accept' ? 'accepted' : 'declined', userId: account.id };
}

async function audit(
  tx: AppDeps['db'],
  deps: AppDeps,
  user: CurrentUser,
  subjectId: string | undefined,
  details: Record<string, unknown>,
) {
  await recordAudit(tx, deps.clock, {
    actorUserId: user.id,
    actorRole: 'provider_admin',
    action: ACTION,
    subjectType: 'user',
    subjectId,
    details,
  });
}

/** Replaces a member's grants within the admin's scope (role and locations). */
export async function updateAccess(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  userId: string,
  input: AccessInput,
): Promise<Result<null>> {
  const data = await getMember(deps, user, organisationId, userId);
  if (userId === user.id) return { ok: false, errors: { form: 'cannotChangeSelf' } };
  const chosen = chosenLocations(data, input.locations);
  if (!chosen) return { ok: false, errors: { locations: 'invalidChoice' } };
  const ids = data.locations.map((l) => l.id);
  await deps.db.transaction(async (tx) => {
    await q.deleteGrants(tx, userId, ids);
    await q.insertGrants(
      tx,
      userId,
      input.role,
      chosen.map((l) => l.id),
    );
    await audit(tx, deps, user, userId, {
      organisationId,
      change: 'access',
      role: input.role,
      locations: chosen.length,
    });
  });
  return { ok: true, value: null };
}

export async function removeAccess(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  userId: string,
): Promise<Result<null>> {
  const data = await getMember(deps, user, organisationId, userId);
  if (userId === user.id) return { ok: false, errors: { form: 'cannotChangeSelf' } };
  // Removed from the organisation: the person's sessions end at once, in the same transaction (as
  // when the desk removes an intermediary's staff member); the account itself stays.
  await deps.db.transaction(async (tx) => {
    await q.deleteGrants(
      tx,
      userId,
      data.locations.map((l) => l.id),
    );
    await destroyUserSessions(tx, userId);
    await audit(tx, deps, user, userId, { organisationId, change: 'removed', sessionsEnded: true });
  });
  return { ok: true, value: null };
}
