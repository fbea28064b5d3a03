import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';

import { type Database, schema } from '../../platform/db/index.ts';
import type { CarePlan } from '../../platform/db/schema/requests.ts';

const { families, children, requests, preferences, offers, statusEvents, providerLocations, municipalities } =
  schema;

type PreferenceStatus = (typeof schema.preferenceStatusEnum.enumValues)[number];
type RequestStatus = (typeof schema.requestStatusEnum.enumValues)[number];
type OfferStatus = (typeof schema.offerStatusEnum.enumValues)[number];
type Role = (typeof schema.roleEnum.enumValues)[number];

// ——— Reference data for the forms ———

export function getMunicipalities(db: Database) {
  return db
    .select({
      id: municipalities.id,
      name: municipalities.name,
      maxPreferences: municipalities.maxPreferences,
    })
    .from(municipalities)
    .where(eq(municipalities.active, true))
    .orderBy(asc(municipalities.name));
}

/** Every active location of the region(s): parents choose across municipalities. */
export function getSelectableLocations(db: Database) {
  return db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      careType: providerLocations.careType,
      city: providerLocations.city,
      municipalityName: municipalities.name,
    })
    .from(providerLocations)
    .innerJoin(municipalities, eq(municipalities.id, providerLocations.municipalityId))
    .where(eq(providerLocations.active, true))
    .orderBy(asc(municipalities.name), asc(providerLocations.name));
}

export async function getActiveLocationIds(db: Database, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: providerLocations.id })
    .from(providerLocations)
    .where(and(inArray(providerLocations.id, ids), eq(providerLocations.active, true)));
  return rows.map((r) => r.id);
}

// ——— Requests ———

export async function getRequestIdBySubmissionKey(db: Database, key: string): Promise<string | undefined> {
  const rows = await db.select({ id: requests.id }).from(requests).where(eq(requests.submissionKey, key));
  return rows[0]?.id;
}

/**
 * Within a transaction: waits for any other transaction filing with the same submission key to
 * end, then returns the request it filed, if any. A repeated or parallel submit thus finds the
 * first one's request before it writes anything (no second family file, child or parent).
 */
export async function claimSubmissionKey(tx: Database, key: string): Promise<string | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(7401, hashtext(${key}))`);
  return getRequestIdBySubmissionKey(tx, key);
}

/**
 * A new request; it records where the family lives as it is filed (read in the same statement), so
 * that a later move does not change the figures by residence.
 */
export async function insertRequest(db: Database, values: typeof requests.$inferInsert) {
  const residence = (column: 'municipality_id' | 'sub_municipality_id') =>
    sql`(select ${sql.raw(`f.${column}`)} from ${families} f where f.id = ${values.familyId})`;
  const [row] = await db
    .insert(requests)
    .values({
      ...values,
      residenceMunicipalityId: residence('municipality_id'),
      residenceSubMunicipalityId: residence('sub_municipality_id'),
    })
    .onConflictDoNothing({ target: requests.submissionKey })
    .returning({ id: requests.id });
  return row;
}

export async function insertPreferences(db: Database, rows: (typeof preferences.$inferInsert)[]) {
  return db.insert(preferences).values(rows).returning({ id: preferences.id, rank: preferences.rank });
}

export type StatusEventInsert = {
  requestId: string;
  preferenceId?: string | null;
  offerId?: string | null;
  eventType: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  actorUserId: string | null;
  actorRole: Role | null;
  occurredAt: Date;
  details?: Record<string, unknown> | null;
};

export async function insertStatusEvents(db: Database, rows: StatusEventInsert[]) {
  if (rows.length > 0) await db.insert(statusEvents).values(rows);
}

/** The requests of one family, newest first, each with the earliest deadline of its pending offers. */
export function getFamilyRequests(db: Database, familyId: string) {
  return db
    .select({
      id: requests.id,
      status: requests.status,
      desiredStart: requests.desiredStart,
      submittedAt: requests.submittedAt,
      childFirstName: children.firstName,
      childLastName: children.lastName,
      childBirthDate: children.birthDate,
      offerDeadline: sql<string | null>`(
        select min(${offers.answerDeadline})::text from ${offers}
        join ${preferences} on ${preferences.id} = ${offers.preferenceId}
        where ${preferences.requestId} = ${requests.id}
          and ${offers.status} = 'pending' and ${preferences.status} = 'offer_made')`,
    })
    .from(requests)
    .innerJoin(children, eq(children.id, requests.childId))
    .where(eq(requests.familyId, familyId))
    .orderBy(desc(requests.submittedAt));
}

/** One request with its child and family; scoped by the caller (family or location). */
export async function getRequestWithChild(db: Database, requestId: string) {
  const rows = await db
    .select({ request: requests, child: children, family: families })
    .from(requests)
    .innerJoin(children, eq(children.id, requests.childId))
    .innerJoin(families, eq(families.id, requests.familyId))
    .where(eq(requests.id, requestId));
  return rows[0];
}

/** The preferences of a request in rank order, with their location and pending offer. */
export function getPreferencesOfRequest(db: Database, requestId: string) {
  return db
    .select({
      id: preferences.id,
      rank: preferences.rank,
      status: preferences.status,
      statusChangedAt: preferences.statusChangedAt,
      addedFromEmergencyList: preferences.addedFromEmergencyList,
      noPlaceReason: preferences.noPlaceReason,
      noPlaceText: preferences.noPlaceText,
      locationId: providerLocations.id,
      locationName: providerLocations.name,
      careType: providerLocations.careType,
      offerId: offers.id,
      offerStart: offers.startDate,
      offerDeadline: offers.answerDeadline,
      offerMessage: offers.message,
      offerCarePlan: offers.carePlan,
      createdAt: preferences.createdAt,
      offerReminderSentAt: offers.reminderSentAt,
    })
    .from(preferences)
    .innerJoin(providerLocations, eq(providerLocations.id, preferences.providerLocationId))
    .leftJoin(offers, and(eq(offers.preferenceId, preferences.id), eq(offers.status, 'pending')))
    .where(eq(preferences.requestId, requestId))
    .orderBy(sql`${preferences.rank} asc nulls last`, asc(preferences.createdAt));
}

export function getEventsOfRequest(db: Database, requestId: string) {
  return db
    .select({
      id: statusEvents.id,
      eventType: statusEvents.eventType,
      fromStatus: statusEvents.fromStatus,
      toStatus: statusEvents.toStatus,
      occurredAt: statusEvents.occurredAt,
      actorRole: statusEvents.actorRole,
      locationName: providerLocations.name,
      details: statusEvents.details,
    })
    .from(statusEvents)
    .leftJoin(preferences, eq(preferences.id, statusEvents.preferenceId))
    .leftJoin(providerLocations, eq(providerLocations.id, preferences.providerLocationId))
    .where(eq(statusEvents.requestId, requestId))
    .orderBy(asc(statusEvents.occurredAt), asc(statusEvents.id));
}

export async function updateRequestStatus(db: Database, requestId: string, status: RequestStatus, at: Date) {
  await db.update(requests).set({ status, statusChangedAt: at }).where(eq(requests.id, requestId));
}

export type NoPlaceReasonCode = (typeof schema.noPlaceReasonEnum.enumValues)[number];

export async function updatePreferenceStatus(
  db: Database,
  preferenceId: string,
  status: PreferenceStatus,
  at: Date,
  noPlace?: { reason: NoPlaceReasonCode; text: string | null },
) {
  await db
    .update(preferences)
    .set({
      status,
      statusChangedAt: at,
      ...(noPlace ? { noPlaceReason: noPlace.reason, noPlaceText: noPlace.text } : {}),
    })
    .where(eq(preferences.id, preferenceId));
}

/** Locks a request row for the rest of the transaction. */
export async function lockRequest(db: Database, requestId: string) {
  await db.select({ id: requests.id }).from(requests).where(eq(requests.id, requestId)).for('update');
}

/** Locks and returns a pending offer of a request (so two answers cannot both win). */
/** Whether the offer was made on one of the request's preferences. */
export async function isOfferOfRequest(db: Database, requestId: string, offerId: string): Promise<boolean> {
  const rows = await db
    .select({ id: offers.id })
    .from(offers)
    .innerJoin(preferences, eq(preferences.id, offers.preferenceId))
    .where(and(eq(offers.id, offerId), eq(preferences.requestId, requestId)));
  return rows.length > 0;
}

export async function lockPendingOffer(db: Database, requestId: string, offerId: string) {
  const rows = await db
    .select({ offer: offers, preference: preferences, locationName: providerLocations.name })
    .from(offers)
    .innerJoin(preferences, eq(preferences.id, offers.preferenceId))
    .innerJoin(providerLocations, eq(providerLocations.id, preferences.providerLocationId))
    .where(and(eq(offers.id, offerId), eq(preferences.requestId, requestId), eq(offers.status, 'pending')))
    .for('update', { of: offers });
  return rows[0];
}

export async function updateOfferStatus(db: Database, offerId: string, status: OfferStatus, at: Date) {
  await db.update(offers).set({ status, answeredAt: at }).where(eq(offers.id, offerId));
}

/** Withdraws the pending offers of the given preferences (e.g. closed because placed elsewhere). */
export async function withdrawPendingOffers(db: Database, preferenceIds: string[], at: Date) {
  if (preferenceIds.length === 0) return;
  await db
    .update(offers)
    .set({ status: 'withdrawn', answeredAt: at })
    .where(and(inArray(offers.preferenceId, preferenceIds), eq(offers.status, 'pending')));
}

export async function insertOffer(db: Database, values: typeof offers.$inferInsert) {
  const [row] = await db.insert(offers).values(values).returning({ id: offers.id });
  if (!row) throw new Error('offer insert returned nothing');
  return row;
}

// ——— Provider side ———

export function getLocations(db: Database, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      municipalityId: providerLocations.municipalityId,
    })
    .from(providerLocations)
    .where(inArray(providerLocations.id, ids))
    .orderBy(asc(providerLocations.name));
}

/** The waiting list of one location: every request that names it, with the family's priority facts. */
export function getWaitingList(db: Database, locationId: string) {
  return (
    db
      .select({
        requestId: requests.id,
        fileNumber: families.fileNumber,
        requestStatus: requests.status,
        childFirstName: children.firstName,
        childLastName: children.lastName,
        birthDate: children.birthDate,
        expectedBirthDate: children.expectedBirthDate,
        desiredStart: requests.desiredStart,
        desiredEnd: requests.desiredEnd,
        carePlan: requests.carePlan,
        rank: preferences.rank,
        preferenceStatus: preferences.status,
        submittedAt: requests.submittedAt,
        family: {
          singleParent: families.singleParent,
          yearlyIncome: families.yearlyIncome,
          needsCareForWork: families.needsCareForWork,
          disabilityOrSocialReason: families.disabilityOrSocialReason,
          noSecondaryDiploma: families.noSecondaryDiploma,
        },
      })
      .from(preferences)
      .innerJoin(requests, eq(requests.id, preferences.requestId))
      .innerJoin(children, eq(children.id, requests.childId))
      .innerJoin(families, eq(families.id, requests.familyId))
      .where(and(eq(preferences.providerLocationId, locationId), ne(requests.status, 'withdrawn')))
      // Requests still waiting for this location first, then by desired start.
      .orderBy(
        sql`case when ${preferences.status} in ('new', 'seen', 'waiting_list', 'offer_made') then 0 else 1 end`,
        asc(requests.desiredStart),
        asc(requests.submittedAt),
      )
  );
}

/** This location's preference on a request, or undefined when the request does not name it. */
export async function getPreferenceOfLocation(
  db: Database,
  requestId: string,
  locationId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(preferences)
    .where(and(eq(preferences.requestId, requestId), eq(preferences.providerLocationId, locationId)));
  const rows = options.lock ? await query.for('update') : await query;
  return rows[0];
}

export type CarePlanValue = CarePlan;

/** The open requests of a child (at most one, but the birth step does not rely on it). */
export function getOpenRequestsOfChild(db: Database, childId: string) {
  return db
    .select({ id: requests.id, submittedAt: requests.submittedAt, desiredStart: requests.desiredStart })
    .from(requests)
    .where(and(eq(requests.childId, childId), inArray(requests.status, ['active', 'answered'])));
}
