import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import { hasIntermediaryGrant } from './invitations.queries.ts';

/** SQL of an organisation's staff accounts and their location grants. */
const {
  intermediaryOrganisations,
  municipalities,
  providerLocations,
  providerOrganisations,
  regions,
  roleGrants,
  staffInvitations,
  users,
} = schema;

export type StaffRole = 'provider_staff' | 'provider_admin';

/** The given locations with their organisation (the ones an admin manages). */
export function getLocations(db: Database, locationIds: string[]) {
  if (locationIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      organisationId: providerLocations.organisationId,
      organisationName: providerOrganisations.name,
    })
    .from(providerLocations)
    .innerJoin(providerOrganisations, eq(providerOrganisations.id, providerLocations.organisationId))
    .where(inArray(providerLocations.id, locationIds))
    .orderBy(asc(providerLocations.name));
}

/** Every provider grant on these locations, with its user. */
export function getGrants(db: Database, locationIds: string[]) {
  return db
    .select({
      grantId: roleGrants.id,
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      language: users.language,
      disabledAt: users.disabledAt,
      hasPassword: users.passwordHash,
      role: roleGrants.role,
      locationId: roleGrants.providerLocationId,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        inArray(roleGrants.providerLocationId, locationIds),
        inArray(roleGrants.role, ['provider_staff', 'provider_admin']),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.email));
}

export async function insertGrants(db: Database, userId: string, role: StaffRole, locationIds: string[]) {
  if (locationIds.length === 0) return;
  await db
    .insert(roleGrants)
    .values(locationIds.map((providerLocationId) => ({ userId, role, providerLocationId })));
}

/** Removes the user's provider grants on these locations only (grants elsewhere stay). */
export async function deleteGrants(db: Database, userId: string, locationIds: string[]) {
  await db
    .delete(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        inArray(roleGrants.providerLocationId, locationIds),
        inArray(roleGrants.role, ['provider_staff', 'provider_admin']),
      ),
    );
}

// ——— Invitations ———

export async function getUserNames(db: Database, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/**
 * An invitation by its token's hash, with the invited account and the organisation's name (a
 * provider organisation's, an intermediary organisation's for the desk's invitations, or a
 * municipality's for the platform admin's).
 */
export async function getInvitationByTokenHash(db: Database, tokenHash: string) {
  const [row] = await db
    .select({
      invitation: staffInvitations,
      providerOrganisationName: providerOrganisations.name,
      intermediaryOrganisationName: intermediaryOrganisations.name,
      municipalityName: municipalities.name,
      regionName: regions.name,
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        language: users.language,
        passwordHash: users.passwordHash,
        disabledAt: users.disabledAt,
      },
    })
    .from(staffInvitations)
    .innerJoin(users, eq(users.id, staffInvitations.userId))
    .leftJoin(providerOrganisations, eq(providerOrganisations.id, staffInvitations.organisationId))
    .leftJoin(
      intermediaryOrganisations,
      eq(intermediaryOrganisations.id, staffInvitations.intermediaryOrganisationId),
    )
    .leftJoin(municipalities, eq(municipalities.id, staffInvitations.municipalityId))
    .leftJoin(regions, eq(regions.id, staffInvitations.regionId))
    .where(eq(staffInvitations.tokenHash, tokenHash));
  if (!row) return undefined;
  const { providerOrganisationName, intermediaryOrganisationName, municipalityName, regionName, ...rest } =
    row;
  const organisationName =
    providerOrganisationName ?? intermediaryOrganisationName ?? municipalityName ?? regionName;
  return organisationName === null ? undefined : { ...rest, organisationName };
}

/**
 * Grants the intermediary role for the organisation (an accepted desk invitation); an existing
 * grant for the same organisation is kept, not doubled.
 */
export async function insertIntermediaryGrant(
  db: Database,
  userId: string,
  intermediaryOrganisationId: string,
) {
  if (await hasIntermediaryGrant(db, userId, intermediaryOrganisationId)) return;
  await db.insert(roleGrants).values({ userId, role: 'intermediary', intermediaryOrganisationId });
}

/**
 * Grants the desk or policy role in the municipality (an accepted invitation of the platform
 * admin); an existing grant of the same role there is kept, not doubled.
 */
export async function insertMunicipalityGrant(
  db: Database,
  userId: string,
  role: 'desk' | 'policy',
  municipalityId: string,
) {
  const existing = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, role),
        eq(roleGrants.municipalityId, municipalityId),
      ),
    );
  if (existing.length > 0) return;
  await db.insert(roleGrants).values({ userId, role, municipalityId });
}

/**
 * Grants the policy role for the whole region (an accepted invitation of the platform admin); an
 * existing grant there is kept, not doubled.
 */
export async function insertRegionPolicyGrant(db: Database, userId: string, regionId: string) {
  const existing = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'policy'), eq(roleGrants.regionId, regionId)),
    );
  if (existing.length > 0) return;
  await db.insert(roleGrants).values({ userId, role: 'policy', regionId });
}

/** Sets the password of an invited account that has none yet (its address is proven by the link). */
export async function setFirstPassword(db: Database, userId: string, passwordHash: string, now: Date) {
  const rows = await db
    .update(users)
    .set({ passwordHash, emailVerifiedAt: now })
    .where(and(eq(users.id, userId), isNull(users.passwordHash)))
    .returning({ id: users.id });
  return rows.length > 0;
}
