import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

/**
 * SQL of staff invitations, shared by the two kinds of organisation that invite staff: a provider
 * organisation (its admin invites to locations) and an intermediary organisation (the desk invites).
 */
const { roleGrants, staffInvitations, users } = schema;

/**
 * The organisation an invitation is for: a provider organisation's id, an intermediary one's, a
 * municipality's (the platform admin appoints its desk and policy staff) or a region's (its policy
 * staff).
 */
export type InvitingOrganisation =
  | { providerOrganisationId: string }
  | { intermediaryOrganisationId: string }
  | { municipalityId: string }
  | { regionId: string };

const ofOrganisation = (organisation: InvitingOrganisation) =>
  'providerOrganisationId' in organisation
    ? eq(staffInvitations.organisationId, organisation.providerOrganisationId)
    : 'intermediaryOrganisationId' in organisation
      ? eq(staffInvitations.intermediaryOrganisationId, organisation.intermediaryOrganisationId)
      : 'municipalityId' in organisation
        ? eq(staffInvitations.municipalityId, organisation.municipalityId)
        : eq(staffInvitations.regionId, organisation.regionId);

/** The invitation's column naming its organisation. */
export const organisationColumns = (organisation: InvitingOrganisation) =>
  'providerOrganisationId' in organisation
    ? { organisationId: organisation.providerOrganisationId }
    : 'intermediaryOrganisationId' in organisation
      ? { intermediaryOrganisationId: organisation.intermediaryOrganisationId }
      : 'municipalityId' in organisation
        ? { municipalityId: organisation.municipalityId }
        : { regionId: organisation.regionId };

const open = (now: Date) =>
  and(
    isNull(staffInvitations.acceptedAt),
    isNull(staffInvitations.declinedAt),
    isNull(staffInvitations.withdrawnAt),
    gt(staffInvitations.expiresAt, now),
  );

export async function getUserByEmail(db: Database, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

/** An account without a password: the invited person chooses it when accepting. */
export async function insertInvitedUser(
  db: Database,
  values: { email: string; displayName: string; language: 'nl' | 'fr' | 'en'; createdAt: Date },
) {
  const [row] = await db
    .insert(users)
    .values({ ...values, passwordHash: null })
    .returning({ id: users.id });
  if (!row) throw new Error('user insert failed');
  return row.id;
}

export async function insertInvitation(db: Database, values: typeof staffInvitations.$inferInsert) {
  const [row] = await db.insert(staffInvitations).values(values).returning({ id: staffInvitations.id });
  if (!row) throw new Error('invitation insert failed');
  return row.id;
}

/** The organisation's invitations nobody answered yet, that still work. */
export function getOpenInvitations(db: Database, organisation: InvitingOrganisation, now: Date) {
  return db
    .select({
      id: staffInvitations.id,
      userId: staffInvitations.userId,
      email: users.email,
      displayName: users.displayName,
      role: staffInvitations.role,
      locationIds: staffInvitations.locationIds,
      invitedBy: staffInvitations.invitedBy,
      createdAt: staffInvitations.createdAt,
      expiresAt: staffInvitations.expiresAt,
    })
    .from(staffInvitations)
    .innerJoin(users, eq(users.id, staffInvitations.userId))
    .where(and(ofOrganisation(organisation), open(now)))
    .orderBy(asc(users.displayName), asc(users.email));
}

export async function hasOpenInvitation(
  db: Database,
  userId: string,
  organisation: InvitingOrganisation,
  now: Date,
) {
  const rows = await db
    .select({ id: staffInvitations.id })
    .from(staffInvitations)
    .where(and(eq(staffInvitations.userId, userId), ofOrganisation(organisation), open(now)));
  return rows.length > 0;
}

/**
 * Closes an open invitation with an answer (of the organisation, when given); the invitation with
 * its invited user, or undefined when it was not open (any more).
 */
export async function closeInvitation(
  db: Database,
  where: { id: string; organisation?: InvitingOrganisation },
  set: { acceptedAt: Date } | { declinedAt: Date } | { withdrawnAt: Date },
  now: Date,
) {
  const [row] = await db
    .update(staffInvitations)
    .set(set)
    .where(
      and(
        eq(staffInvitations.id, where.id),
        where.organisation ? ofOrganisation(where.organisation) : undefined,
        open(now),
      ),
    )
    .returning({ id: staffInvitations.id, userId: staffInvitations.userId });
  return row;
}

/** Whether the user works for the intermediary organisation (inviting refuses, accepting keeps one). */
export async function hasIntermediaryGrant(db: Database, userId: string, intermediaryOrganisationId: string) {
  const rows = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, 'intermediary'),
        eq(roleGrants.intermediaryOrganisationId, intermediaryOrganisationId),
      ),
    );
  return rows.length > 0;
}
