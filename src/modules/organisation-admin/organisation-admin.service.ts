import { recordAudit } from '../../platform/audit/index.ts';
import { type CurrentUser, locationsFor } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { newToken } from '../accounts/index.ts';
import { accessGrantedMail, invitationMail } from './organisation-admin.mails.ts';
import * as q from './organisation-admin.queries.ts';
import type { AccessInput, InviteInput } from './organisation-admin.schemas.ts';

/**
 * An organisation admin manages who may handle which of the organisation's locations. The scope is
 * the locations where the admin holds `provider_admin` within that organisation: other
 * organisations (and their staff) answer 404, and grants elsewhere are never touched.
 */
const ACTION = 'provider.organisation.manage';
const INVITATION_DAYS = 7;

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
  await recordAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: 'provider_admin',
    action: ACTION,
    subjectType: 'user',
    details: { organisationId, read: 'staff', rows: staff.length },
  });
  return { ...scope, staff, self: user.id };
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
 * Invites a staff member: a new account without a password gets a set-password link (the reset
 * mechanism, valid 7 days); an existing account only gets the grants and a notice.
 */
export async function inviteStaff(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  input: InviteInput,
): Promise<Result<'invited' | 'granted'>> {
  const scope = await scopeOf(deps, user, organisationId);
  const chosen = chosenLocations(scope, input.locations);
  if (!chosen) return { ok: false, errors: { locations: 'invalidChoice' } };
  const ids = scope.locations.map((l) => l.id);
  const now = deps.clock.now();
  const access = { organisation: scope.organisation.name, locations: chosen.map((l) => l.name) };
  const outcome = await deps.db.transaction(async (tx): Promise<Result<'invited' | 'granted'>> => {
    const existing = await q.getUserByEmail(tx, input.email);
    if (existing) {
      const grants = await q.getGrants(tx, ids);
      if (grants.some((g) => g.userId === existing.id))
        return { ok: false, errors: { email: 'staffHasAccess' } };
      await q.insertGrants(
        tx,
        existing.id,
        input.role,
        chosen.map((l) => l.id),
      );
      await enqueueMail(
        tx,
        deps.clock,
        accessGrantedMail(
          { email: existing.email, name: existing.displayName, language: existing.language },
          access,
          `${deps.config.publicUrl}/login`,
        ),
      );
      await audit(tx, deps, user, existing.id, {
        organisationId,
        change: 'granted',
        locations: chosen.length,
      });
      return { ok: true, value: 'granted' };
    }
    const userId = await q.insertStaffUser(tx, {
      email: input.email,
      displayName: input.displayName,
      language: input.language,
      createdAt: now,
    });
    await q.insertGrants(
      tx,
      userId,
      input.role,
      chosen.map((l) => l.id),
    );
    const { token, tokenHash } = newToken();
    await q.insertInvitationToken(tx, {
      tokenHash,
      userId,
      email: input.email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    });
    await enqueueMail(
      tx,
      deps.clock,
      invitationMail(
        { email: input.email, name: input.displayName, language: input.language },
        access,
        `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
      ),
    );
    await audit(tx, deps, user, userId, { organisationId, change: 'invited', locations: chosen.length });
    return { ok: true, value: 'invited' };
  });
  if (outcome.ok) deps.jobs.mailQueued();
  return outcome;
}

async function audit(
  tx: AppDeps['db'],
  deps: AppDeps,
  user: CurrentUser,
  subjectId: string,
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
  await deps.db.transaction(async (tx) => {
    await q.deleteGrants(
      tx,
      userId,
      data.locations.map((l) => l.id),
    );
    await audit(tx, deps, user, userId, { organisationId, change: 'removed' });
  });
  return { ok: true, value: null };
}
