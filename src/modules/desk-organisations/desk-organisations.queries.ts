import { and, asc, count, countDistinct, eq, isNull, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

/** SQL of a municipality's intermediary organisations and their staff grants (invitations: organisation-admin). */
const { families, intermediaryOrganisations, municipalities, roleGrants, users } = schema;

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
