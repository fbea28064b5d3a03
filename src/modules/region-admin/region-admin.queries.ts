import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

/** SQL of the platform admin's regions and municipalities, and the municipalities' desk and policy staff. */
const { municipalities, providerLocations, regions, roleGrants, subMunicipalities, users } = schema;

const STAFF_ROLES = ['desk', 'policy'] as const;

export function listRegions(db: Database) {
  return db
    .select({
      id: regions.id,
      code: regions.code,
      name: regions.name,
      municipalities:
        sql<number>`(select count(*) from ${municipalities} m where m.region_id = ${regions.id})`.mapWith(
          Number,
        ),
    })
    .from(regions)
    .orderBy(asc(regions.name));
}

/** Every municipality with its region and how many desk staff, policy staff and active locations it has. */
export function listMunicipalities(db: Database) {
  const grants = (role: 'desk' | 'policy') =>
    sql<number>`(select count(distinct g.user_id) from ${roleGrants} g
      where g.municipality_id = ${municipalities.id} and g.role = ${role})`.mapWith(Number);
  return db
    .select({
      id: municipalities.id,
      nisCode: municipalities.nisCode,
      name: municipalities.name,
      regionId: municipalities.regionId,
      regionName: regions.name,
      desk: grants('desk'),
      policy: grants('policy'),
      locations: sql<number>`(select count(*) from ${providerLocations} l
        where l.municipality_id = ${municipalities.id} and l.active)`.mapWith(Number),
    })
    .from(municipalities)
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .orderBy(asc(regions.name), asc(municipalities.name));
}

export async function getRegion(db: Database, id: string) {
  const [row] = await db.select().from(regions).where(eq(regions.id, id));
  return row;
}

/** Whether a region has this code, or this name (case and spacing aside). */
export async function regionTaken(db: Database, code: string, name: string) {
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(sql`${regions.code} = ${code} or lower(trim(${regions.name})) = lower(${name})`);
  return {
    code: rows.some((r) => r.code === code),
    name: rows.some((r) => r.name.trim().toLowerCase() === name.toLowerCase()),
  };
}

export async function insertRegion(db: Database, values: { code: string; name: string; createdAt: Date }) {
  const [row] = await db.insert(regions).values(values).returning({ id: regions.id });
  if (!row) throw new Error('region insert failed');
  return row.id;
}

/** A municipality with its region's name; undefined when there is none. */
export async function getMunicipality(db: Database, id: string) {
  const [row] = await db
    .select({
      id: municipalities.id,
      nisCode: municipalities.nisCode,
      slug: municipalities.slug,
      name: municipalities.name,
      regionId: municipalities.regionId,
      regionName: regions.name,
    })
    .from(municipalities)
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .where(eq(municipalities.id, id));
  return row;
}

/** The same row locked until the transaction ends: two admins moving it at once take turns. */
export async function lockMunicipality(tx: Database, id: string) {
  const [row] = await tx
    .select({ id: municipalities.id, regionId: municipalities.regionId })
    .from(municipalities)
    .where(eq(municipalities.id, id))
    .for('update');
  return row;
}

/** Which of the NIS code, the name (case and spacing aside) and the slug another municipality has. */
export async function municipalityTaken(db: Database, nisCode: string, name: string, slug: string) {
  const rows = await db
    .select({ nisCode: municipalities.nisCode, name: municipalities.name, slug: municipalities.slug })
    .from(municipalities)
    .where(
      sql`${municipalities.nisCode} = ${nisCode} or lower(trim(${municipalities.name})) = lower(${name})
        or ${municipalities.slug} = ${slug}`,
    );
  return {
    nisCode: rows.some((r) => r.nisCode === nisCode),
    name: rows.some((r) => r.name.trim().toLowerCase() === name.toLowerCase()),
    slug: rows.some((r) => r.slug === slug),
  };
}

export async function insertMunicipality(
  db: Database,
  values: { regionId: string; nisCode: string; slug: string; name: string; createdAt: Date },
) {
  const [row] = await db.insert(municipalities).values(values).returning({ id: municipalities.id });
  if (!row) throw new Error('municipality insert failed');
  return row.id;
}

export async function insertSubMunicipalities(
  db: Database,
  municipalityId: string,
  rows: { postcode: string; name: string }[],
) {
  await db.insert(subMunicipalities).values(rows.map((r) => ({ municipalityId, ...r })));
}

export function getSubMunicipalities(db: Database, municipalityId: string) {
  return db
    .select({ id: subMunicipalities.id, name: subMunicipalities.name, postcode: subMunicipalities.postcode })
    .from(subMunicipalities)
    .where(eq(subMunicipalities.municipalityId, municipalityId))
    .orderBy(asc(subMunicipalities.postcode), asc(subMunicipalities.name));
}

export async function setRegion(tx: Database, municipalityId: string, regionId: string) {
  await tx.update(municipalities).set({ regionId }).where(eq(municipalities.id, municipalityId));
}

/** The municipality's desk and policy staff: one row per account and role. */
export function getStaff(db: Database, municipalityId: string) {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      role: roleGrants.role,
      since: sql<Date>`min(${roleGrants.createdAt})`.mapWith(roleGrants.createdAt),
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.municipalityId, municipalityId), inArray(roleGrants.role, [...STAFF_ROLES])))
    .groupBy(users.id, users.displayName, users.email, roleGrants.role)
    .orderBy(asc(users.displayName), asc(users.email), asc(roleGrants.role));
}

/** Whether the user already holds this role in the municipality. */
export async function hasGrant(
  db: Database,
  userId: string,
  role: 'desk' | 'policy',
  municipalityId: string,
) {
  const rows = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, role),
        eq(roleGrants.municipalityId, municipalityId),
      ),
    );
  return rows.length > 0;
}

/** Removes the user's desk and policy grants in this municipality only; how many went. */
export async function deleteGrants(tx: Database, userId: string, municipalityId: string) {
  const rows = await tx
    .delete(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.municipalityId, municipalityId),
        inArray(roleGrants.role, [...STAFF_ROLES]),
      ),
    )
    .returning({ id: roleGrants.id });
  return rows.length;
}

/** The region's municipalities, by name. */
export function getRegionMunicipalities(db: Database, regionId: string) {
  return db
    .select({ id: municipalities.id, name: municipalities.name, nisCode: municipalities.nisCode })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId))
    .orderBy(asc(municipalities.name));
}

/** The region's own policy staff (a policy grant for the whole region): one row per account. */
export function getRegionStaff(db: Database, regionId: string) {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      since: sql<Date>`min(${roleGrants.createdAt})`.mapWith(roleGrants.createdAt),
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.regionId, regionId), eq(roleGrants.role, 'policy')))
    .groupBy(users.id, users.displayName, users.email)
    .orderBy(asc(users.displayName), asc(users.email));
}

/** Whether the user already holds the policy role for the whole region. */
export async function hasRegionGrant(db: Database, userId: string, regionId: string) {
  const rows = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'policy'), eq(roleGrants.regionId, regionId)),
    );
  return rows.length > 0;
}

/** Removes the user's policy grant for the region (their municipality grants stay); how many went. */
export async function deleteRegionGrants(tx: Database, userId: string, regionId: string) {
  const rows = await tx
    .delete(roleGrants)
    .where(
      and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'policy'), eq(roleGrants.regionId, regionId)),
    )
    .returning({ id: roleGrants.id });
  return rows.length;
}
