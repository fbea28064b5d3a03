import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

/** SQL of an organisation's staff accounts and their location grants. */
const { providerLocations, providerOrganisations, roleGrants, users, userTokens } = schema;

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

export async function getUserByEmail(db: Database, email: string) {
  const rows = await db.select().from(users).where(eq(users.email, email));
  return rows[0];
}

export async function insertStaffUser(
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

export async function insertInvitationToken(
  db: Database,
  values: { tokenHash: string; userId: string; email: string; createdAt: Date; expiresAt: Date },
) {
  // A set-password link is a password-reset link with a longer life: the same page consumes it.
  await db.insert(userTokens).values({ ...values, purpose: 'reset_password' });
}
