import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import {
  noPlaceReasonEnum,
  offerStatusEnum,
  preferenceStatusEnum,
  requestChannelEnum,
  requestKindEnum,
  requestStatusEnum,
  roleEnum,
  socialReasonEnum,
} from './enums.ts';
import { children, families } from './families.ts';
import { municipalities, subMunicipalities } from './geography.ts';
import { priorityRuleSets } from './priority.ts';
import { providerLocations } from './providers.ts';

export type DayPart = 'none' | 'half' | 'full';
/** The care plan (opvangplan): per weekday none / half / full day, fixed or variable, early/late. */
export type CarePlan = {
  days: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri', DayPart>;
  fixed: boolean;
  early: boolean;
  late: boolean;
};

/** A request (opvangvraag) for one child. */
export const requests = pgTable(
  'requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    familyId: uuid()
      .notNull()
      .references(() => families.id),
    municipalityId: uuid()
      .notNull()
      .references(() => municipalities.id),
    kind: requestKindEnum().notNull().default('regular'),
    occasionalReason: text(),
    desiredStart: date({ mode: 'string' }).notNull(),
    desiredEnd: date({ mode: 'string' }),
    carePlan: jsonb().$type<CarePlan>().notNull(),
    careNeeds: boolean().notNull().default(false),
    careNeedsText: text(),
    status: requestStatusEnum().notNull().default('active'),
    channel: requestChannelEnum().notNull().default('parent'),
    /** Set by the desk or an intermediary; the category only, the confidential note stays with the desk. */
    socialReason: socialReasonEnum(),
    /** When the desk marked the request as a social emergency (the category is socialReason). */
    socialEmergencyAt: timestamp({ withTimezone: true }),
    socialEmergencyByUserId: uuid().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    lastConfirmedAt: timestamp({ withTimezone: true }).notNull(),
    /** When the parent was last reminded to confirm the request is still current. */
    confirmationRemindedAt: timestamp({ withTimezone: true }),
    statusChangedAt: timestamp({ withTimezone: true }).notNull(),
    /** The one-time key of the form that created it: a double submit creates one request. */
    submissionKey: text(),
    createdByUserId: uuid().references(() => users.id),
    /**
     * Where the family lived when the request was filed (its municipality and sub-municipality), so
     * that the figures by residence do not follow a later move; null where it was not recorded (test
     * fixtures): the figures then read the family's address as it is.
     */
    residenceMunicipalityId: uuid().references(() => municipalities.id),
    residenceSubMunicipalityId: uuid().references(() => subMunicipalities.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('requests_municipality_status_idx').on(t.municipalityId, t.status, t.desiredStart),
    index('requests_family_idx').on(t.familyId),
    // A child's other requests: whether one found a place, for the figures (docs/performance.md).
    index('requests_child_idx').on(t.childId),
    // The waiting list's count leaves out withdrawn requests with one anti-join (docs/performance.md).
    index('requests_withdrawn_idx').on(t.id).where(sql`${t.status} = 'withdrawn'`),
    // The emergency list: a municipality's active requests by desired start (docs/performance.md).
    index('requests_active_municipality_start_idx')
      .on(t.municipalityId, t.desiredStart)
      .where(sql`${t.status} = 'active'`),
    uniqueIndex('requests_submission_key_uq').on(t.submissionKey),
    // The same child never has two open requests.
    uniqueIndex('requests_one_open_per_child_uq')
      .on(t.childId)
      .where(sql`${t.status} in ('active', 'answered')`),
  ],
);

/** One ordered preference of a request for a provider location; its status is the provider's answer. */
export const preferences = pgTable(
  'preferences',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    providerLocationId: uuid()
      .notNull()
      .references(() => providerLocations.id),
    /** 1 = first choice; null when the provider joined from the emergency list. */
    rank: smallint(),
    status: preferenceStatusEnum().notNull().default('new'),
    noPlaceReason: noPlaceReasonEnum(),
    noPlaceText: text(),
    addedFromEmergencyList: boolean().notNull().default(false),
    statusChangedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('preferences_request_location_uq').on(t.requestId, t.providerLocationId),
    index('preferences_location_status_idx').on(t.providerLocationId, t.status),
    // The waiting list opens on a location's open preferences (modules/waiting-list): its count and
    // the page's sort read them from this index alone, never the 5 years of closed ones beside them.
    index('preferences_open_location_idx')
      .on(t.providerLocationId, t.status, t.requestId, t.id, t.rank)
      .where(sql`${t.status} in ('new', 'seen', 'waiting_list', 'offer_made')`),
    // At most one accepted offer per request, also under concurrency.
    uniqueIndex('preferences_one_accepted_per_request_uq')
      .on(t.requestId)
      .where(sql`${t.status} in ('offer_accepted', 'enrolled')`),
  ],
);

export const offers = pgTable(
  'offers',
  {
    id: uuid().primaryKey().defaultRandom(),
    preferenceId: uuid()
      .notNull()
      .references(() => preferences.id),
    startDate: date({ mode: 'string' }).notNull(),
    carePlan: jsonb().$type<CarePlan>().notNull(),
    answerDeadline: date({ mode: 'string' }).notNull(),
    message: text(),
    status: offerStatusEnum().notNull().default('pending'),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    answeredAt: timestamp({ withTimezone: true }),
    /** When the parent was reminded of the answer deadline. */
    reminderSentAt: timestamp({ withTimezone: true }),
    /**
     * How priority was judged when the offer was made (ADR 0018), so that history can be explained
     * later: the rule set valid that day (its id names the code and version; null when no set was
     * valid), the level (2 absolute, 1 priority, 0 none), whether the family counted as vulnerable
     * and the set's criteria it met. A null level: made before offers recorded this.
     */
    priorityRuleSetId: uuid().references(() => priorityRuleSets.id),
    priorityLevel: smallint(),
    priorityVulnerable: boolean(),
    priorityReasons: text().array(),
  },
  (t) => [
    index('offers_preference_idx').on(t.preferenceId),
    uniqueIndex('offers_one_pending_per_preference_uq')
      .on(t.preferenceId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * Every status change of a request, preference or offer, with actor and time. Append-only: the
 * follow-up timeline and the statistics read these.
 */
export const statusEvents = pgTable(
  'status_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    preferenceId: uuid().references(() => preferences.id),
    offerId: uuid().references(() => offers.id),
    /** e.g. request.submitted, preference.offer_made, offer.accepted */
    eventType: text().notNull(),
    fromStatus: text(),
    toStatus: text(),
    actorUserId: uuid().references(() => users.id),
    actorRole: roleEnum(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index('status_events_request_idx').on(t.requestId, t.occurredAt),
    index('status_events_occurred_idx').on(t.occurredAt),
  ],
);
