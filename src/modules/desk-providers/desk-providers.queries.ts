import { and, asc, count, eq, exists, ilike, inArray, isNotNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

/**
 * SQL of a municipality's provider organisations and their locations (invitations:
 * organisation-admin). An organisation belongs to the desk of the municipality that registered it,
 * and is seen too by the desk of every municipality where it has a location; a desk sees only its
 * own municipality's locations.
 */
const {
  municipalities,
  preferences,
  providerLocations,
  providerOrganisations,
  roleGrants,
  subMunicipalities,
  users,
} = schema;

export async function getMunicipalityName(db: Database, municipalityId: string) {
  const [row] = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row?.name;
}

/** Organisations the municipality's desk sees: registered by it, or with a location in it. */
const inMunicipality = (municipalityId: string): SQL =>
  or(
    eq(providerOrganisations.municipalityId, municipalityId),
    exists(
      sql`(select 1 from ${providerLocations} where ${providerLocations.organisationId} = ${providerOrganisations.id} and ${providerLocations.municipalityId} = ${municipalityId})`,
    ),
  ) as SQL;

/** `%` and `_` typed in a filter are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One row per location of the municipality, with its organisation, ordered by location name (the
 * first column), then organisation; an organisation without a location here yet gets one row
 * without location, at the end. The filter matches the organisation's or the location's name.
 */
export function listLocations(db: Database, municipalityId: string, filter: string | undefined) {
  const pattern = filter ? likePattern(filter) : undefined;
  return db
    .select({
      organisationId: providerOrganisations.id,
      organisationName: providerOrganisations.name,
      locationId: providerLocations.id,
      locationName: providerLocations.name,
      careType: providerLocations.careType,
      postcode: providerLocations.postcode,
      city: providerLocations.city,
      capacity: providerLocations.capacity,
      active: providerLocations.active,
    })
    .from(providerOrganisations)
    .leftJoin(
      providerLocations,
      and(
        eq(providerLocations.organisationId, providerOrganisations.id),
        eq(providerLocations.municipalityId, municipalityId),
      ),
    )
    .where(
      and(
        inMunicipality(municipalityId),
        pattern
          ? or(ilike(providerOrganisations.name, pattern), ilike(providerLocations.name, pattern))
          : undefined,
      ),
    )
    .orderBy(sql`${providerLocations.name} asc nulls last`, asc(providerOrganisations.name));
}

export async function getOrganisation(db: Database, municipalityId: string, id: string) {
  const [row] = await db
    .select({
      id: providerOrganisations.id,
      name: providerOrganisations.name,
      kind: providerOrganisations.kind,
      enterpriseNumber: providerOrganisations.enterpriseNumber,
      contactName: providerOrganisations.contactName,
      email: providerOrganisations.email,
      phone: providerOrganisations.phone,
    })
    .from(providerOrganisations)
    .where(and(eq(providerOrganisations.id, id), inMunicipality(municipalityId)));
  return row;
}

/**
 * Whether an organisation the desk sees has this name (case and spacing aside); `exceptId` leaves
 * out the organisation being edited.
 */
export async function organisationNameTaken(
  db: Database,
  municipalityId: string,
  name: string,
  exceptId?: string,
) {
  const rows = await db
    .select({ id: providerOrganisations.id })
    .from(providerOrganisations)
    .where(
      and(
        inMunicipality(municipalityId),
        sql`lower(trim(${providerOrganisations.name})) = lower(${name})`,
        exceptId ? ne(providerOrganisations.id, exceptId) : undefined,
      ),
    );
  return rows.length > 0;
}

export async function updateOrganisation(
  db: Database,
  id: string,
  values: Pick<
    typeof providerOrganisations.$inferInsert,
    'name' | 'kind' | 'enterpriseNumber' | 'contactName' | 'email' | 'phone'
  >,
) {
  await db.update(providerOrganisations).set(values).where(eq(providerOrganisations.id, id));
}

export async function insertOrganisation(db: Database, values: typeof providerOrganisations.$inferInsert) {
  const [row] = await db
    .insert(providerOrganisations)
    .values(values)
    .returning({ id: providerOrganisations.id });
  if (!row) throw new Error('organisation insert failed');
  return row.id;
}

/** The organisation's locations in the municipality. */
export function getOrganisationLocations(db: Database, municipalityId: string, organisationId: string) {
  return db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      careType: providerLocations.careType,
      postcode: providerLocations.postcode,
      city: providerLocations.city,
      capacity: providerLocations.capacity,
      active: providerLocations.active,
    })
    .from(providerLocations)
    .where(
      and(
        eq(providerLocations.organisationId, organisationId),
        eq(providerLocations.municipalityId, municipalityId),
      ),
    )
    .orderBy(asc(providerLocations.name));
}

/** A location of the municipality with its organisation's name; undefined for another municipality's. */
export async function getLocation(db: Database, municipalityId: string, locationId: string) {
  const [row] = await db
    .select({ location: providerLocations, organisationName: providerOrganisations.name })
    .from(providerLocations)
    .innerJoin(providerOrganisations, eq(providerOrganisations.id, providerLocations.organisationId))
    .where(and(eq(providerLocations.id, locationId), eq(providerLocations.municipalityId, municipalityId)));
  return row;
}

export async function insertLocation(db: Database, values: typeof providerLocations.$inferInsert) {
  const [row] = await db.insert(providerLocations).values(values).returning({ id: providerLocations.id });
  if (!row) throw new Error('location insert failed');
  return row.id;
}

/** Replaces the location's profile, name, address and kind of care (the desk's edit form). */
export async function updateLocation(
  db: Database,
  locationId: string,
  values: Partial<typeof providerLocations.$inferInsert>,
) {
  await db.update(providerLocations).set(values).where(eq(providerLocations.id, locationId));
}

export async function setModules(
  db: Database,
  locationId: string,
  modules: { planningEnabled: boolean; attendanceEnabled: boolean; invoicingEnabled: boolean },
) {
  await db.update(providerLocations).set(modules).where(eq(providerLocations.id, locationId));
}

/** Sets whether the location is open; true when it changed (false: it already was). */
export async function setActive(db: Database, locationId: string, active: boolean) {
  const rows = await db
    .update(providerLocations)
    .set({ active })
    .where(and(eq(providerLocations.id, locationId), eq(providerLocations.active, !active)))
    .returning({ id: providerLocations.id });
  return rows.length > 0;
}

/** How many requests name the location (its history, which deactivating keeps). */
export async function countPreferences(db: Database, locationId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(preferences)
    .where(eq(preferences.providerLocationId, locationId));
  return Number(row?.n ?? 0);
}

/** The municipality's sub-municipalities (a new location's postcode must be one of theirs). */
export function getSubMunicipalities(db: Database, municipalityId: string) {
  return db
    .select({ id: subMunicipalities.id, name: subMunicipalities.name, postcode: subMunicipalities.postcode })
    .from(subMunicipalities)
    .where(eq(subMunicipalities.municipalityId, municipalityId));
}

/** People who work at the given locations: one row per account, admin when any grant is. */
export async function getStaff(db: Database, locationIds: string[]) {
  if (locationIds.length === 0) return [];
  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      role: roleGrants.role,
      since: roleGrants.createdAt,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        inArray(roleGrants.providerLocationId, locationIds),
        inArray(roleGrants.role, ['provider_staff', 'provider_admin']),
        isNotNull(roleGrants.providerLocationId),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.email), asc(roleGrants.createdAt));
  const byUser = new Map<
    string,
    { userId: string; displayName: string; email: string; admin: boolean; since: Date }
  >();
  for (const r of rows) {
    const seen = byUser.get(r.userId);
    if (seen) seen.admin ||= r.role === 'provider_admin';
    else byUser.set(r.userId, { ...r, admin: r.role === 'provider_admin' });
  }
  return [...byUser.values()];
}
