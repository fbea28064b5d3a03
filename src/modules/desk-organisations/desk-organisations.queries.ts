import { and, asc, count, countDistinct, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

/** SQL of a municipality's intermediary organisations, their staff grants and invitations. */
const { families, intermediaryOrganisations, municipalities, roleGrants, staffInvitations, users } = schema;

export async function getMunicipalityName(db: Database, municipalityId: string) {
  const [row] = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row?.name;
}

/** The municipality's organisations with how many staff (grants) and followed families each has. */
export async function listOrganisations(db: Database, municipalityId: string) {
  const orgs = await db
    .select({
      id: intermediaryOrganisations.id,
      name: intermediaryOrganisations.name,
      kind: intermediaryOrganisations.kind,
    })
    .from(intermediaryOrganisations)
    .where(eq(intermediaryOrganisations.municipalityId, municipalityId))
    .orderBy(asc(intermediaryOrganisations.name));
  if (orgs.length === 0) return [];
  const staff = await db
    .select({ id: roleGrants.intermediaryOrganisationId, n: countDistinct(roleGrants.userId) })
    .from(roleGrants)
    .innerJoin(
      intermediaryOrganisations,
      eq(intermediaryOrganisations.id, roleGrants.intermediaryOrganisationId),
    )
    .where(
      and(eq(roleGrants.role, 'intermediary'), eq(intermediaryOrganisations.municipalityId, municipalityId)),
    )
    .groupBy(roleGrants.intermediaryOrganisationId);
  const followed = await db
    .select({ id: families.intermediaryOrganisationId, n: count() })
    .from(families)
    .innerJoin(
      intermediaryOrganisations,
      eq(intermediaryOrganisations.id, families.intermediaryOrganisationId),
    )
    .where(
      and(
        eq(intermediaryOrganisations.municipalityId, municipalityId),
        isNull(families.anonymisedAt),
        isNull(families.mergedIntoFamilyId),
      ),
    )
    .groupBy(families.intermediaryOrganisationId);
  const staffOf = new Map(staff.map((r) => [r.id, Number(r.n)]));
  const familiesOf = new Map(followed.map((r) => [r.id, Number(r.n)]));
  return orgs.map((o) => ({ ...o, staff: staffOf.get(o.id) ?? 0, families: familiesOf.get(o.id) ?? 0 }));
}

/** One organisation of the municipality; undefined for another municipality's (or none). */
export async function getOrganisation(db: Database, municipalityId: string, id: string) {
  const [row] = await db
    .select({
      id: intermediaryOrganisations.id,
      name: intermediaryOrganisations.name,
      kind: intermediaryOrganisations.kind,
    })
    .from(intermediaryOrganisations)
    .where(
      and(eq(intermediaryOrganisations.id, id), eq(intermediaryOrganisations.municipalityId, municipalityId)),
    );
  return row;
}

/** Whether the municipality has an organisation of this name (case and spacing aside). */
export async function organisationNameTaken(db: Database, municipalityId: string, name: string) {
  const rows = await db
    .select({ id: intermediaryOrganisations.id })
    .from(intermediaryOrganisations)
    .where(
      and(
        eq(intermediaryOrganisations.municipalityId, municipalityId),
        sql`lower(trim(${intermediaryOrganisations.name})) = lower(${name})`,
      ),
    );
  return rows.length > 0;
}

export async function insertOrganisation(
  db: Database,
  values: { municipalityId: string; name: string; kind: string; createdAt: Date },
) {
  const [row] = await db
    .insert(intermediaryOrganisations)
    .values(values)
    .returning({ id: intermediaryOrganisations.id });
  if (!row) throw new Error('organisation insert failed');
  return row.id;
}

/** The organisation's staff: one row per account with an intermediary grant for it. */
export function getStaff(db: Database, organisationId: string) {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      since: sql<Date>`min(${roleGrants.createdAt})`.mapWith(roleGrants.createdAt),
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(eq(roleGrants.role, 'intermediary'), eq(roleGrants.intermediaryOrganisationId, organisationId)),
    )
    .groupBy(users.id, users.displayName, users.email)
    .orderBy(asc(users.displayName), asc(users.email));
}

export async function hasGrant(db: Database, userId: string, organisationId: string) {
  const rows = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, 'intermediary'),
        eq(roleGrants.intermediaryOrganisationId, organisationId),
      ),
    );
  return rows.length > 0;
}

/** Removes the user's intermediary grant(s) for this organisation only; how many went. */
export async function deleteGrant(db: Database, userId: string, organisationId: string) {
  const rows = await db
    .delete(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, 'intermediary'),
        eq(roleGrants.intermediaryOrganisationId, organisationId),
      ),
    )
    .returning({ id: roleGrants.id });
  return rows.length;
}

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

// ——— Invitations ———

const open = (now: Date) =>
  and(
    isNull(staffInvitations.acceptedAt),
    isNull(staffInvitations.declinedAt),
    isNull(staffInvitations.withdrawnAt),
    gt(staffInvitations.expiresAt, now),
  );

export async function insertInvitation(
  db: Database,
  values: {
    tokenHash: string;
    userId: string;
    intermediaryOrganisationId: string;
    invitedBy: string;
    createdAt: Date;
    expiresAt: Date;
  },
) {
  const [row] = await db
    .insert(staffInvitations)
    .values({ ...values, role: 'intermediary', locationIds: [] })
    .returning({ id: staffInvitations.id });
  if (!row) throw new Error('invitation insert failed');
  return row.id;
}

/** The organisation's invitations nobody answered yet, that still work. */
export function getOpenInvitations(db: Database, organisationId: string, now: Date) {
  return db
    .select({
      id: staffInvitations.id,
      userId: staffInvitations.userId,
      email: users.email,
      displayName: users.displayName,
      createdAt: staffInvitations.createdAt,
      expiresAt: staffInvitations.expiresAt,
    })
    .from(staffInvitations)
    .innerJoin(users, eq(users.id, staffInvitations.userId))
    .where(and(eq(staffInvitations.intermediaryOrganisationId, organisationId), open(now)))
    .orderBy(asc(users.displayName), asc(users.email));
}

export async function hasOpenInvitation(db: Database, userId: string, organisationId: string, now: Date) {
  const rows = await db
    .select({ id: staffInvitations.id })
    .from(staffInvitations)
    .where(
      and(
        eq(staffInvitations.userId, userId),
        eq(staffInvitations.intermediaryOrganisationId, organisationId),
        open(now),
      ),
    );
  return rows.length > 0;
}

/** Withdraws an open invitation of the organisation; false when it was not open (any more). */
export async function withdrawInvitation(db: Database, organisationId: string, id: string, now: Date) {
  const rows = await db
    .update(staffInvitations)
    .set({ withdrawnAt: now })
    .where(
      and(
        eq(staffInvitations.id, id),
        eq(staffInvitations.intermediaryOrganisationId, organisationId),
        open(now),
      ),
    )
    .returning({ id: staffInvitations.id, userId: staffInvitations.userId });
  return rows[0];
}
