import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import {
  inviteToOrganisation,
  openInvitations,
  withdrawFromOrganisation,
} from '../organisation-admin/index.ts';
import { staffInvitationMail } from './region-admin.mails.ts';
import * as q from './region-admin.queries.ts';
import type {
  InviteInput,
  MunicipalityInput,
  RegionInput,
  RegionInviteInput,
} from './region-admin.schemas.ts';

/**
 * The platform admin (region operator) sets up regions and municipalities, appoints each
 * municipality's desk and policy staff by a mailed invitation (the grant exists only once accepted;
 * the invitation steps are organisation-admin's), removes them (their sessions end at once), and
 * moves a municipality into another region. Every change is one transaction with its audit row.
 * A municipality's families stay scoped to it: desk access follows the desk grant's municipality,
 * never the region.
 */
const MANAGE = 'admin.municipalities.manage';
const READ = 'admin.municipalities.read';
type Tx = AppDeps['db'];

const actor = (user: CurrentUser) => ({ actorUserId: user.id, actorRole: 'platform_admin' as const });

/** Where staff are appointed: a municipality (desk and policy) or a region (policy). */
type StaffScope = { municipalityId: string } | { regionId: string };

/** The audit row of a change to someone's appointment, naming the scope and the change. */
const staffAudit = (
  tx: Tx,
  deps: AppDeps,
  user: CurrentUser,
  userId: string,
  details: StaffScope & Record<string, unknown>,
) =>
  recordAudit(tx, deps.clock, {
    ...actor(user),
    action: MANAGE,
    subjectType: 'user',
    subjectId: userId,
    details,
  });

/** Withdraws an open invitation of the scope, audited: its link no longer works. Else 404. */
const withdrawIn = (deps: AppDeps, user: CurrentUser, scope: StaffScope, invitationId: string) =>
  withdrawFromOrganisation(deps, scope, invitationId, (tx: Tx, userId) =>
    staffAudit(tx, deps, user, userId, { ...scope, change: 'withdrawn', invitationId }),
  );

/**
 * Takes someone's grants in the scope away (`deleteGrants`, how many went) and ends every session of
 * the person at once, in one transaction with the audit row; 404 when there was none (any more).
 */
async function removeIn(
  deps: AppDeps,
  user: CurrentUser,
  scope: StaffScope,
  userId: string,
  deleteGrants: (tx: Tx) => Promise<number>,
): Promise<void> {
  const removed = await deps.db.transaction(async (tx) => {
    const grants = await deleteGrants(tx);
    if (grants === 0) return false;
    await destroyUserSessions(tx, userId);
    await staffAudit(tx, deps, user, userId, { ...scope, change: 'removed', grants, sessionsEnded: true });
    return true;
  });
  if (!removed) throw new NotFoundError('staff member');
}

export async function getOverview(deps: AppDeps) {
  const [regions, municipalities] = await Promise.all([
    q.listRegions(deps.db),
    q.listMunicipalities(deps.db),
  ]);
  return { regions, municipalities };
}
export type Overview = Awaited<ReturnType<typeof getOverview>>;

export function getRegions(deps: AppDeps) {
  return q.listRegions(deps.db);
}

/** A new region; a code or name another region has is refused. */
export async function createRegion(
  deps: AppDeps,
  user: CurrentUser,
  input: RegionInput,
): Promise<Result<string>> {
  return deps.db.transaction(async (tx): Promise<Result<string>> => {
    const taken = await q.regionTaken(tx, input.code, input.name);
    const errors: Errors = {};
    if (taken.code) errors.code = 'regionCodeTaken';
    if (taken.name) errors.name = 'regionNameTaken';
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const id = await q.insertRegion(tx, { ...input, createdAt: deps.clock.now() });
    await recordAudit(tx, deps.clock, {
      ...actor(user),
      action: MANAGE,
      subjectType: 'region',
      subjectId: id,
      details: { change: 'created', code: input.code },
    });
    return { ok: true, value: id };
  });
}

/** The municipality's short name in addresses: its name in plain lower-case letters and hyphens. */
export function slugOf(name: string, nisCode: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `gemeente-${nisCode}`;
}

/**
 * A new municipality in a region, with its sub-municipalities, and every setting at its default
 * (the columns' defaults: the desk changes them on its settings page). A NIS code or a name another
 * municipality has is refused; nothing is written then.
 */
export async function createMunicipality(
  deps: AppDeps,
  user: CurrentUser,
  input: MunicipalityInput,
): Promise<Result<string>> {
  return deps.db.transaction(async (tx): Promise<Result<string>> => {
    const errors: Errors = {};
    if (!(await q.getRegion(tx, input.regionId))) errors.regionId = 'invalidChoice';
    let slug = slugOf(input.name, input.nisCode);
    const taken = await q.municipalityTaken(tx, input.nisCode, input.name, slug);
    if (taken.nisCode) errors.nisCode = 'nisCodeTaken';
    if (taken.name) errors.name = 'municipalityNameTaken';
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    // Another name with the same letters ("Sint-Genesius-Rode" / "Sint Genesius Rode"): the NIS code tells them apart.
    if (taken.slug) slug = `${slug}-${input.nisCode}`;
    const id = await q.insertMunicipality(tx, {
      regionId: input.regionId,
      nisCode: input.nisCode,
      slug,
      name: input.name,
      createdAt: deps.clock.now(),
    });
    await q.insertSubMunicipalities(tx, id, input.subMunicipalities);
    await recordAudit(tx, deps.clock, {
      ...actor(user),
      action: MANAGE,
      subjectType: 'municipality',
      subjectId: id,
      details: {
        change: 'created',
        nisCode: input.nisCode,
        regionId: input.regionId,
        subMunicipalities: input.subMunicipalities.length,
      },
    });
    return { ok: true, value: id };
  });
}

async function municipalityOf(deps: AppDeps, municipalityId: string) {
  const municipality = await q.getMunicipality(deps.db, municipalityId);
  if (!municipality) throw new NotFoundError('municipality');
  return municipality;
}

/** One municipality: its facts, staff and open invitations; the read of the staff's names is audited. */
export async function getMunicipalityPage(deps: AppDeps, user: CurrentUser, municipalityId: string) {
  const municipality = await municipalityOf(deps, municipalityId);
  const [subMunicipalities, staff, invitations, regions] = await Promise.all([
    q.getSubMunicipalities(deps.db, municipalityId),
    q.getStaff(deps.db, municipalityId),
    openInvitations(deps, { municipalityId }),
    q.listRegions(deps.db),
  ]);
  await recordAudit(deps.db, deps.clock, {
    ...actor(user),
    action: READ,
    subjectType: 'municipality',
    subjectId: municipalityId,
    details: { read: 'staff', users: [...staff.map((s) => s.userId), ...invitations.map((i) => i.userId)] },
  });
  return { municipality, subMunicipalities, staff, invitations, regions };
}
export type MunicipalityData = Awaited<ReturnType<typeof getMunicipalityPage>>;

/**
 * Invites someone to the municipality's desk or policy team. Nothing is granted yet: the person
 * gets a mail with a link to accept or decline (7 days), queued in the same transaction as the
 * invitation; accepting grants the role in this municipality only. The value is the invitation's id.
 */
export async function inviteStaff(
  deps: AppDeps,
  user: CurrentUser,
  municipalityId: string,
  input: InviteInput,
): Promise<Result<string>> {
  const municipality = await municipalityOf(deps, municipalityId);
  return inviteToOrganisation(deps, user, input, {
    organisation: { municipalityId },
    role: input.role,
    locationIds: [],
    refuse: async (tx, existing) => {
      if (existing.disabledAt) return { email: 'notAllowedNow' };
      if (await q.hasGrant(tx, existing.id, input.role, municipalityId))
        return { email: 'municipalityStaffHasAccess' };
      return undefined;
    },
    mail: (invitee, url, newAccount) =>
      staffInvitationMail(
        invitee,
        { inviter: user.displayName, place: municipality.name, role: input.role },
        url,
        newAccount,
      ),
    audit: (tx, invitee, { invitationId, newAccount }) =>
      staffAudit(tx, deps, user, invitee.id, {
        municipalityId,
        change: 'invited',
        role: input.role,
        invitationId,
        newAccount,
      }),
  });
}

/** Withdraws an open invitation to the municipality: its link no longer works. Else 404. */
export async function withdrawInvitation(
  deps: AppDeps,
  user: CurrentUser,
  municipalityId: string,
  invitationId: string,
): Promise<void> {
  await municipalityOf(deps, municipalityId);
  await withdrawIn(deps, user, { municipalityId }, invitationId);
}

/** A staff member of the municipality with their roles there (for the confirmation page); 404 when not one. */
export async function getMember(deps: AppDeps, municipalityId: string, userId: string) {
  const municipality = await municipalityOf(deps, municipalityId);
  const rows = (await q.getStaff(deps.db, municipalityId)).filter((s) => s.userId === userId);
  const [first] = rows;
  if (!first) throw new NotFoundError('staff member');
  return {
    municipality,
    member: { userId, displayName: first.displayName, roles: rows.map((r) => r.role) },
  };
}
export type MemberData = Awaited<ReturnType<typeof getMember>>;

/**
 * Removes a staff member from the municipality: their desk and policy grants there go and every
 * session of the person ends at once (they log in again with whatever access is left), in one
 * transaction with the audit row. The account stays. 404 when the person has no such grant (any more).
 */
export async function removeStaff(
  deps: AppDeps,
  user: CurrentUser,
  municipalityId: string,
  userId: string,
): Promise<void> {
  await getMember(deps, municipalityId, userId);
  await removeIn(deps, user, { municipalityId }, userId, (tx) => q.deleteGrants(tx, userId, municipalityId));
}

/**
 * Moves the municipality into another region ("joins" it): from then on parents across that region
 * can choose its locations, its parents those of the region, and the region's policy staff see its
 * figures. Its families, settings and staff stay its own. The region it already has is refused.
 */
export async function joinRegion(
  deps: AppDeps,
  user: CurrentUser,
  municipalityId: string,
  regionId: string,
): Promise<Result<string>> {
  await municipalityOf(deps, municipalityId);
  return deps.db.transaction(async (tx): Promise<Result<string>> => {
    const current = await q.lockMunicipality(tx, municipalityId);
    if (!current) throw new NotFoundError('municipality');
    const region = await q.getRegion(tx, regionId);
    if (!region) return { ok: false, errors: { regionId: 'invalidChoice' } };
    if (current.regionId === regionId) return { ok: false, errors: { regionId: 'alreadyInRegion' } };
    await q.setRegion(tx, municipalityId, regionId);
    await recordAudit(tx, deps.clock, {
      ...actor(user),
      action: MANAGE,
      subjectType: 'municipality',
      subjectId: municipalityId,
      details: { change: 'joinedRegion', fromRegionId: current.regionId, toRegionId: regionId },
    });
    return { ok: true, value: region.name };
  });
}

// ——— A region's own policy staff ———

async function regionOf(deps: AppDeps, regionId: string) {
  const region = await q.getRegion(deps.db, regionId);
  if (!region) throw new NotFoundError('region');
  return region;
}

/**
 * One region: its municipalities, its own policy staff (who see the figures of every municipality in
 * it) and their open invitations; the read of the staff's names is audited.
 */
export async function getRegionPage(deps: AppDeps, user: CurrentUser, regionId: string) {
  const region = await regionOf(deps, regionId);
  const [municipalities, staff, invitations] = await Promise.all([
    q.getRegionMunicipalities(deps.db, regionId),
    q.getRegionStaff(deps.db, regionId),
    openInvitations(deps, { regionId }),
  ]);
  await recordAudit(deps.db, deps.clock, {
    ...actor(user),
    action: READ,
    subjectType: 'region',
    subjectId: regionId,
    details: { read: 'staff', users: [...staff.map((s) => s.userId), ...invitations.map((i) => i.userId)] },
  });
  return { region, municipalities, staff, invitations };
}
export type RegionData = Awaited<ReturnType<typeof getRegionPage>>;

/**
 * Invites someone to the region's policy team: a mailed link, queued with the invitation in one
 * transaction; accepting grants the policy role for the whole region. The value is the invitation's id.
 */
export async function inviteRegionPolicy(
  deps: AppDeps,
  user: CurrentUser,
  regionId: string,
  input: RegionInviteInput,
): Promise<Result<string>> {
  const region = await regionOf(deps, regionId);
  return inviteToOrganisation(deps, user, input, {
    organisation: { regionId },
    role: 'policy',
    locationIds: [],
    refuse: async (tx, existing) => {
      if (existing.disabledAt) return { email: 'notAllowedNow' };
      if (await q.hasRegionGrant(tx, existing.id, regionId)) return { email: 'regionStaffHasAccess' };
      return undefined;
    },
    mail: (invitee, url, newAccount) =>
      staffInvitationMail(
        invitee,
        { inviter: user.displayName, place: region.name, role: 'regionPolicy' },
        url,
        newAccount,
      ),
    audit: (tx, invitee, { invitationId, newAccount }) =>
      staffAudit(tx, deps, user, invitee.id, {
        regionId,
        change: 'invited',
        role: 'policy',
        invitationId,
        newAccount,
      }),
  });
}

/** Withdraws an open invitation to the region's policy team: its link no longer works. Else 404. */
export async function withdrawRegionInvitation(
  deps: AppDeps,
  user: CurrentUser,
  regionId: string,
  invitationId: string,
): Promise<void> {
  await regionOf(deps, regionId);
  await withdrawIn(deps, user, { regionId }, invitationId);
}

/** A member of the region's policy team (for the confirmation page); 404 when not one. */
export async function getRegionMember(deps: AppDeps, regionId: string, userId: string) {
  const region = await regionOf(deps, regionId);
  const member = (await q.getRegionStaff(deps.db, regionId)).find((s) => s.userId === userId);
  if (!member) throw new NotFoundError('staff member');
  return { region, member: { userId, displayName: member.displayName } };
}
export type RegionMemberData = Awaited<ReturnType<typeof getRegionMember>>;

/**
 * Removes someone from the region's policy team: the region grant goes (a municipality's own grants
 * stay) and every session of the person ends at once, in one transaction with the audit row.
 * 404 when the person has no such grant (any more).
 */
export async function removeRegionPolicy(
  deps: AppDeps,
  user: CurrentUser,
  regionId: string,
  userId: string,
): Promise<void> {
  await getRegionMember(deps, regionId, userId);
  await removeIn(deps, user, { regionId }, userId, (tx) => q.deleteRegionGrants(tx, userId, regionId));
}
