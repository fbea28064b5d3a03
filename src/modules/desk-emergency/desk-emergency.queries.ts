import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Database, schema } from '../../platform/db/index.ts';
import type { LocalDate } from '../../shared/dates.ts';

/** SQL of the desk's emergency follow-up: the request's facts, notes, contacts and forwards. */
const { requests, children, families, users, deskNotes, requestForwards, providerLocations, preferences } =
  schema;

export type SocialReason = (typeof schema.socialReasonEnum.enumValues)[number];
export type ContactChannel = (typeof schema.contactChannelEnum.enumValues)[number];

const flaggedBy = alias(users, 'flagged_by');

/** The request with its child, file number and the social emergency flag (who set it). */
export async function getEmergencyFile(db: Database, requestId: string) {
  const [row] = await db
    .select({
      requestId: requests.id,
      familyId: requests.familyId,
      municipalityId: requests.municipalityId,
      status: requests.status,
      kind: requests.kind,
      desiredStart: requests.desiredStart,
      desiredEnd: requests.desiredEnd,
      carePlan: requests.carePlan,
      submittedAt: requests.submittedAt,
      channel: requests.channel,
      socialReason: requests.socialReason,
      socialEmergencyAt: requests.socialEmergencyAt,
      socialEmergencyBy: flaggedBy.displayName,
      fileNumber: families.fileNumber,
      childFirstName: children.firstName,
      childLastName: children.lastName,
      birthDate: children.birthDate,
      expectedBirthDate: children.expectedBirthDate,
      placed: sql<boolean>`exists (select 1 from ${preferences} where ${preferences.requestId} = ${requests.id}
        and ${preferences.status} in ('offer_accepted', 'enrolled'))`,
    })
    .from(requests)
    .innerJoin(children, eq(children.id, requests.childId))
    .innerJoin(families, eq(families.id, requests.familyId))
    .leftJoin(flaggedBy, eq(flaggedBy.id, requests.socialEmergencyByUserId))
    .where(eq(requests.id, requestId));
  return row;
}

export type EmergencyFile = NonNullable<Awaited<ReturnType<typeof getEmergencyFile>>>;

/** The confidential notes and the contact log of one request, newest first. */
export function getDeskNotesOfRequest(db: Database, requestId: string) {
  return db
    .select({
      id: deskNotes.id,
      kind: deskNotes.kind,
      contactChannel: deskNotes.contactChannel,
      body: deskNotes.body,
      createdAt: deskNotes.createdAt,
      author: users.displayName,
    })
    .from(deskNotes)
    .leftJoin(users, eq(users.id, deskNotes.authorUserId))
    .where(and(eq(deskNotes.requestId, requestId), inArray(deskNotes.kind, ['social_emergency', 'contact'])))
    .orderBy(desc(deskNotes.createdAt), desc(deskNotes.id));
}

export async function insertDeskNote(db: Database, row: typeof deskNotes.$inferInsert) {
  await db.insert(deskNotes).values(row);
}

/** The locations a request was put forward to, and what each did on it (its preference, if any). */
export function getForwardsOfRequest(db: Database, requestId: string) {
  return db
    .select({
      locationId: requestForwards.providerLocationId,
      locationName: providerLocations.name,
      forwardedAt: requestForwards.forwardedAt,
      forwardedBy: users.displayName,
      preferenceStatus: preferences.status,
      preferenceChangedAt: preferences.statusChangedAt,
    })
    .from(requestForwards)
    .innerJoin(providerLocations, eq(providerLocations.id, requestForwards.providerLocationId))
    .leftJoin(users, eq(users.id, requestForwards.forwardedByUserId))
    .leftJoin(
      preferences,
      and(
        eq(preferences.requestId, requestForwards.requestId),
        eq(preferences.providerLocationId, requestForwards.providerLocationId),
      ),
    )
    .where(eq(requestForwards.requestId, requestId))
    .orderBy(asc(requestForwards.forwardedAt), asc(providerLocations.name));
}

/**
 * Active locations of a municipality the desk may put a request forward to, with their age range
 * and the last-minute places they publish today (the cheap sign of a free place).
 */
export function getForwardableLocations(db: Database, municipalityId: string, today: LocalDate) {
  const { lastMinutePlaces } = schema;
  return db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      email: providerLocations.email,
      languages: providerLocations.languages,
      careType: providerLocations.careType,
      minAgeMonths: providerLocations.minAgeMonths,
      maxAgeMonths: providerLocations.maxAgeMonths,
      lastMinutePlaces: sql<number>`(select count(*)::int from ${lastMinutePlaces}
        where ${lastMinutePlaces.providerLocationId} = ${providerLocations.id}
        and ${lastMinutePlaces.withdrawnAt} is null
        and ${lastMinutePlaces.availableUntil} >= ${today}::date)`,
    })
    .from(providerLocations)
    .where(
      and(
        eq(providerLocations.municipalityId, municipalityId),
        eq(providerLocations.active, true),
        // Emergency requests are for baby and toddler care: never out-of-school care.
        ne(providerLocations.careType, 'out_of_school'),
      ),
    )
    .orderBy(asc(providerLocations.name));
}

/** Sets, changes or (with nulls) lifts the social emergency flag. */
export async function updateSocialFlag(
  db: Database,
  requestId: string,
  flag: { reason: SocialReason | null; at: Date | null; byUserId: string | null },
) {
  await db
    .update(requests)
    .set({ socialReason: flag.reason, socialEmergencyAt: flag.at, socialEmergencyByUserId: flag.byUserId })
    .where(eq(requests.id, requestId));
}

/** Inserts the forwards that do not exist yet; returns the locations newly forwarded to. */
export async function insertForwards(
  db: Database,
  rows: { requestId: string; providerLocationId: string; forwardedByUserId: string; forwardedAt: Date }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(requestForwards)
    .values(rows)
    .onConflictDoNothing({ target: [requestForwards.requestId, requestForwards.providerLocationId] })
    .returning({ locationId: requestForwards.providerLocationId });
  return inserted.map((r) => r.locationId);
}

/** Staff of the given locations (not disabled), for the forward mail in their own language. */
export function getStaffOfLocations(db: Database, locationIds: string[]) {
  const { roleGrants } = schema;
  if (locationIds.length === 0) return Promise.resolve([]);
  return db
    .selectDistinct({
      locationId: roleGrants.providerLocationId,
      email: users.email,
      name: users.displayName,
      language: users.language,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        inArray(roleGrants.providerLocationId, locationIds),
        inArray(roleGrants.role, ['provider_staff', 'provider_admin']),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(users.email);
}
