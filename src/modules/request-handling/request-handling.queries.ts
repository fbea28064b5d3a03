import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n/index.ts';

// The request's own writes and locks are shared with the parent side: one definition each.
export {
  getPreferenceOfLocation,
  insertOffer,
  insertStatusEvents,
  lockRequest,
  type NoPlaceReasonCode,
  updateOfferStatus,
  updatePreferenceStatus,
} from '../requests/requests.queries.ts';

/**
 * SQL of the provider side of a request: the request page, the handling steps, notes, own
 * column values and mail templates. Callers scope every read by location first.
 */
const {
  families,
  parents,
  children,
  requests,
  preferences,
  offers,
  statusEvents,
  providerLocations,
  municipalities,
  subMunicipalities,
  providerNotes,
  customColumns,
  customColumnValues,
  mailTemplates,
  users,
} = schema;

export type PreferenceStatus = (typeof schema.preferenceStatusEnum.enumValues)[number];
export type OfferStatus = (typeof schema.offerStatusEnum.enumValues)[number];
type Role = (typeof schema.roleEnum.enumValues)[number];

export function getLocationsByIds(db: Database, ids: string[]) {
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

/** The parents of a family as staff may see them (never the national number), in order. */
export function getParentsOfFamily(db: Database, familyId: string) {
  return db
    .select({
      id: parents.id,
      firstName: parents.firstName,
      lastName: parents.lastName,
      email: parents.email,
      phone: parents.phone,
      language: parents.language,
      situation: parents.situation,
      daysPerWeek: parents.daysPerWeek,
      userId: parents.userId,
      position: parents.position,
    })
    .from(parents)
    .where(eq(parents.familyId, familyId))
    .orderBy(asc(parents.position));
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
      offerId: offers.id,
      offerStart: offers.startDate,
      offerDeadline: offers.answerDeadline,
      offerCarePlan: offers.carePlan,
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
      details: statusEvents.details,
      locationName: providerLocations.name,
    })
    .from(statusEvents)
    .leftJoin(preferences, eq(preferences.id, statusEvents.preferenceId))
    .leftJoin(providerLocations, eq(providerLocations.id, preferences.providerLocationId))
    .where(eq(statusEvents.requestId, requestId))
    .orderBy(asc(statusEvents.occurredAt), asc(statusEvents.id));
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

/** Adds a location to a request (from the emergency list: no rank). */
export async function insertPreference(db: Database, values: typeof preferences.$inferInsert) {
  const [row] = await db.insert(preferences).values(values).returning();
  if (!row) throw new Error('preference insert returned nothing');
  return row;
}

/** The pending offer of a preference, locked for the transaction. */
export async function lockPendingOffer(db: Database, preferenceId: string) {
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

// ——— Mail templates ———

/** The location's and its municipality's texts (of one event, or all). */
export function getTemplateRows(
  db: Database,
  scope: { locationId: string; municipalityId: string },
  event?: string,
) {
  return db
    .select({
      providerLocationId: mailTemplates.providerLocationId,
      event: mailTemplates.event,
      language: mailTemplates.language,
      subject: mailTemplates.subject,
      body: mailTemplates.body,
    })
    .from(mailTemplates)
    .where(
      and(
        or(
          eq(mailTemplates.providerLocationId, scope.locationId),
          and(
            isNull(mailTemplates.providerLocationId),
            eq(mailTemplates.municipalityId, scope.municipalityId),
          ),
        ),
        event ? eq(mailTemplates.event, event) : undefined,
      ),
    );
}

export async function upsertLocationTemplate(
  db: Database,
  values: {
    locationId: string;
    event: string;
    language: Language;
    subject: string;
    body: string;
    userId: string;
    at: Date;
  },
) {
  await db
    .insert(mailTemplates)
    .values({
      providerLocationId: values.locationId,
      event: values.event,
      language: values.language,
      subject: values.subject,
      body: values.body,
      updatedByUserId: values.userId,
      updatedAt: values.at,
    })
    .onConflictDoUpdate({
      target: [mailTemplates.providerLocationId, mailTemplates.event, mailTemplates.language],
      targetWhere: sql`${mailTemplates.providerLocationId} is not null`,
      set: {
        subject: values.subject,
        body: values.body,
        updatedByUserId: values.userId,
        updatedAt: values.at,
      },
    });
}

export async function deleteLocationTemplate(
  db: Database,
  locationId: string,
  event: string,
  language: Language,
) {
  await db
    .delete(mailTemplates)
    .where(
      and(
        eq(mailTemplates.providerLocationId, locationId),
        eq(mailTemplates.event, event),
        eq(mailTemplates.language, language),
      ),
    );
}
