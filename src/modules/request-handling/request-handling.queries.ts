import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';

import { type Database, schema } from '../../platform/db/index.ts';

// The request's own writes and locks are shared with the parent side: one definition each.
export {
  getPreferenceOfLocation,
  insertOffer,
  insertStatusEvents,
  lockRequest,
  type NoPlaceReasonCode,
  updateOfferStatus,
  updatePreferenceStatus,
} from '../requests/index.ts';

/**
 * SQL of the provider side of a request: the request page, the handling steps, notes, own
 * column values and mail templates. Callers scope every read by location first.
 */
const {
  families,
  children,
  requests,
  preferences,
  offers,
  providerLocations,
  municipalities,
  subMunicipalities,
  providerNotes,
  customColumns,
  customColumnValues,
  users,
  statusEvents,
  intermediaryOrganisations,
  priorityRuleSets,
} = schema;

export type PreferenceStatus = (typeof schema.preferenceStatusEnum.enumValues)[number];
export type OfferStatus = (typeof schema.offerStatusEnum.enumValues)[number];

/** A location with the settings of its municipality that handling needs. */
export async function getLocationWithSettings(db: Database, locationId: string) {
  const rows = await db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      municipalityId: providerLocations.municipalityId,
      active: providerLocations.active,
      municipalityName: municipalities.name,
      offerDeadlineDays: municipalities.offerDeadlineDays,
      firstAnswerDays: municipalities.firstAnswerDays,
      emergencyWindowDays: municipalities.emergencyWindowDays,
    })
    .from(providerLocations)
    .innerJoin(municipalities, eq(municipalities.id, providerLocations.municipalityId))
    .where(eq(providerLocations.id, locationId));
  return rows[0];
}

/** A request with its child, family and the family's sub-municipality. */
export async function getRequestDetail(db: Database, requestId: string) {
  const rows = await db
    .select({
      request: requests,
      child: children,
      family: families,
      subMunicipalityName: subMunicipalities.name,
    })
    .from(requests)
    .innerJoin(children, eq(children.id, requests.childId))
    .innerJoin(families, eq(families.id, requests.familyId))
    .leftJoin(subMunicipalities, eq(subMunicipalities.id, families.subMunicipalityId))
    .where(eq(requests.id, requestId));
  return rows[0];
}

/**
 * The request's latest status event (by time, then insertion order): whether anything happened
 * after a "no place" decides whether it may be undone.
 */
export async function getLastStatusEvent(db: Database, requestId: string) {
  const rows = await db
    .select({
      id: statusEvents.id,
      preferenceId: statusEvents.preferenceId,
      eventType: statusEvents.eventType,
      fromStatus: statusEvents.fromStatus,
      details: statusEvents.details,
    })
    .from(statusEvents)
    .where(eq(statusEvents.requestId, requestId))
    .orderBy(desc(statusEvents.occurredAt), desc(statusEvents.id))
    .limit(1);
  return rows[0];
}

/** Puts a preference back in the status it had before "no place", without the reason. */
export async function restorePreferenceFromNoPlace(
  db: Database,
  preferenceId: string,
  status: PreferenceStatus,
  at: Date,
) {
  await db
    .update(preferences)
    .set({ status, statusChangedAt: at, noPlaceReason: null, noPlaceText: null })
    .where(and(eq(preferences.id, preferenceId), eq(preferences.status, 'no_place')));
}

/** The name of the social organisation that follows a family (for "… gets a phone task"). */
export async function getIntermediaryOrganisationName(db: Database, organisationId: string | null) {
  if (!organisationId) return null;
  const rows = await db
    .select({ name: intermediaryOrganisations.name })
    .from(intermediaryOrganisations)
    .where(eq(intermediaryOrganisations.id, organisationId));
  return rows[0]?.name ?? null;
}

/** Adds a location to a request (from the emergency list: no rank). */
export async function insertPreference(db: Database, values: typeof preferences.$inferInsert) {
  const [row] = await db.insert(preferences).values(values).returning();
  if (!row) throw new Error('preference insert returned nothing');
  return row;
}

/** The pending offer of a preference, locked for the transaction. */
export async function lockPendingOfferOfPreference(db: Database, preferenceId: string) {
  const rows = await db
    .select()
    .from(offers)
    .where(and(eq(offers.preferenceId, preferenceId), eq(offers.status, 'pending')))
    .for('update');
  return rows[0];
}

/** The offer a parent accepted for this preference (for the enrolment mail). */
export async function getAcceptedOffer(db: Database, preferenceId: string) {
  const rows = await db
    .select()
    .from(offers)
    .where(and(eq(offers.preferenceId, preferenceId), eq(offers.status, 'accepted')))
    .orderBy(desc(offers.createdAt))
    .limit(1);
  return rows[0];
}

// ——— Private notes and own columns ———

export function getNotes(db: Database, locationId: string, requestId: string) {
  return db
    .select({
      id: providerNotes.id,
      text: providerNotes.text,
      createdAt: providerNotes.createdAt,
      authorName: users.displayName,
    })
    .from(providerNotes)
    .leftJoin(users, eq(users.id, providerNotes.createdByUserId))
    .where(and(eq(providerNotes.providerLocationId, locationId), eq(providerNotes.requestId, requestId)))
    .orderBy(desc(providerNotes.createdAt));
}

export async function insertNote(db: Database, values: typeof providerNotes.$inferInsert) {
  await db.insert(providerNotes).values(values);
}

export function getCustomColumns(db: Database, locationId: string) {
  return db
    .select({ id: customColumns.id, name: customColumns.name, kind: customColumns.kind })
    .from(customColumns)
    .where(eq(customColumns.providerLocationId, locationId))
    .orderBy(asc(customColumns.sortOrder), asc(customColumns.createdAt));
}

export async function getCustomValues(db: Database, requestId: string, columnIds: string[]) {
  if (columnIds.length === 0) return [];
  return db
    .select({ columnId: customColumnValues.columnId, value: customColumnValues.value })
    .from(customColumnValues)
    .where(and(eq(customColumnValues.requestId, requestId), inArray(customColumnValues.columnId, columnIds)));
}

/** Sets (or, for an empty value, clears) one own-column value of a request. */
export async function setCustomValue(
  db: Database,
  columnId: string,
  requestId: string,
  value: string,
  at: Date,
) {
  if (value === '') {
    await db
      .delete(customColumnValues)
      .where(and(eq(customColumnValues.columnId, columnId), eq(customColumnValues.requestId, requestId)));
    return;
  }
  await db
    .insert(customColumnValues)
    .values({ columnId, requestId, value, updatedAt: at })
    .onConflictDoUpdate({
      target: [customColumnValues.columnId, customColumnValues.requestId],
      set: { value, updatedAt: at },
    });
}

/**
 * How priority was judged when each offer of the request was made (ADR 0018), keyed by the
 * status event that made it: the recorded level, vulnerability and reasons, and the rule set with
 * its version. Offers made before offers recorded this are left out.
 */
export async function getOfferPriorityRecords(db: Database, requestId: string) {
  return db
    .select({
      eventId: statusEvents.id,
      level: offers.priorityLevel,
      vulnerable: offers.priorityVulnerable,
      reasons: offers.priorityReasons,
      ruleSetName: priorityRuleSets.name,
      ruleSetVersion: priorityRuleSets.version,
      reservedSharePercent: priorityRuleSets.reservedSharePercent,
    })
    .from(statusEvents)
    .innerJoin(offers, eq(offers.id, statusEvents.offerId))
    .leftJoin(priorityRuleSets, eq(priorityRuleSets.id, offers.priorityRuleSetId))
    .where(
      and(
        eq(statusEvents.requestId, requestId),
        eq(statusEvents.eventType, 'preference.offer_made'),
        isNotNull(offers.priorityLevel),
      ),
    );
}

export type OfferPriorityRecord = Awaited<ReturnType<typeof getOfferPriorityRecords>>[number];
