import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const {
  users,
  roleGrants,
  families,
  parents,
  children,
  requests,
  preferences,
  offers,
  statusEvents,
  outbox,
  auditLog,
  municipalities,
  subMunicipalities,
  providerLocations,
  intermediaryOrganisations,
} = schema;

export async function getUser(db: Database, userId: string) {
  const rows = await db.select().from(users).where(eq(users.id, userId));
  return rows[0];
}

/** The family file of a parent account (not an anonymised one), with its place names. */
export async function getFamilyOfUser(db: Database, userId: string) {
  const rows = await db
    .select({
      family: families,
      municipalityName: municipalities.name,
      subMunicipalityName: subMunicipalities.name,
      intermediaryName: intermediaryOrganisations.name,
    })
    .from(parents)
    .innerJoin(families, eq(families.id, parents.familyId))
    .innerJoin(municipalities, eq(municipalities.id, families.municipalityId))
    .leftJoin(subMunicipalities, eq(subMunicipalities.id, families.subMunicipalityId))
    .leftJoin(
      intermediaryOrganisations,
      eq(intermediaryOrganisations.id, families.intermediaryOrganisationId),
    )
    .where(and(eq(parents.userId, userId), isNull(families.anonymisedAt)))
    .limit(1);
  return rows[0];
}

/** Locks the family row: a deletion and a change of the same file do not interleave. */
export async function lockFamily(db: Database, familyId: string) {
  await db.select({ id: families.id }).from(families).where(eq(families.id, familyId)).for('update');
}

export function getParents(db: Database, familyId: string) {
  return db.select().from(parents).where(eq(parents.familyId, familyId)).orderBy(asc(parents.position));
}

export function getChildren(db: Database, familyId: string) {
  return db
    .select()
    .from(children)
    .where(eq(children.familyId, familyId))
    .orderBy(asc(children.createdAt), asc(children.id));
}

export function getRequests(db: Database, familyId: string) {
  return db
    .select({ request: requests, municipalityName: municipalities.name })
    .from(requests)
    .innerJoin(municipalities, eq(municipalities.id, requests.municipalityId))
    .where(eq(requests.familyId, familyId))
    .orderBy(asc(requests.submittedAt), asc(requests.id));
}

export function getPreferences(db: Database, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .select({ preference: preferences, locationName: providerLocations.name })
    .from(preferences)
    .innerJoin(providerLocations, eq(providerLocations.id, preferences.providerLocationId))
    .where(inArray(preferences.requestId, requestIds))
    .orderBy(asc(preferences.rank), asc(preferences.createdAt));
}

export function getOffers(db: Database, preferenceIds: string[]) {
  if (preferenceIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(offers)
    .where(inArray(offers.preferenceId, preferenceIds))
    .orderBy(asc(offers.createdAt));
}

export function getStatusEvents(db: Database, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .select({ event: statusEvents, locationName: providerLocations.name })
    .from(statusEvents)
    .leftJoin(preferences, eq(preferences.id, statusEvents.preferenceId))
    .leftJoin(providerLocations, eq(providerLocations.id, preferences.providerLocationId))
    .where(inArray(statusEvents.requestId, requestIds))
    .orderBy(asc(statusEvents.occurredAt), asc(statusEvents.id));
}

/** The mails about this family, as they were sent. */
export function getFamilyMails(db: Database, familyId: string) {
  return db.select().from(outbox).where(eq(outbox.familyId, familyId)).orderBy(asc(outbox.id));
}

export function getAuditTrail(db: Database, familyId: string) {
  return db.select().from(auditLog).where(eq(auditLog.familyId, familyId)).orderBy(asc(auditLog.id));
}

/**
 * Where the people who touched the file work: for each actor, the places of their grants
 * (a provider location, a municipality's desk, an intermediary organisation). Their names are
 * not given out; their role and organisation are.
 */
export function getActorPlaces(db: Database, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      userId: roleGrants.userId,
      role: roleGrants.role,
      locationName: providerLocations.name,
      municipalityName: municipalities.name,
      intermediaryName: intermediaryOrganisations.name,
    })
    .from(roleGrants)
    .leftJoin(providerLocations, eq(providerLocations.id, roleGrants.providerLocationId))
    .leftJoin(municipalities, eq(municipalities.id, roleGrants.municipalityId))
    .leftJoin(
      intermediaryOrganisations,
      eq(intermediaryOrganisations.id, roleGrants.intermediaryOrganisationId),
    )
    .where(inArray(roleGrants.userId, userIds));
}
