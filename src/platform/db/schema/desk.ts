import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { contactChannelEnum, deskNoteKindEnum } from './enums.ts';
import { families } from './families.ts';
import { providerLocations } from './providers.ts';
import { requests } from './requests.ts';

/**
 * What the desk writes down about a family: a note, a contact (the contact log of an emergency),
 * or the confidential reason of a social emergency. Desk staff only: no provider, intermediary or
 * parent page reads this table (the parent's data export does, it is their data).
 */
export const deskNotes = pgTable(
  'desk_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    familyId: uuid()
      .notNull()
      .references(() => families.id),
    /** The request the note is about, when it is about one. */
    requestId: uuid().references(() => requests.id),
    kind: deskNoteKindEnum().notNull(),
    /** For a contact: how the desk and the family were in touch. */
    contactChannel: contactChannelEnum(),
    body: text().notNull(),
    authorUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('desk_notes_family_idx').on(t.familyId, t.createdAt)],
);

/**
 * The desk puts an emergency request forward to chosen provider locations: they get a mail and
 * see it on top of their emergency list.
 */
export const requestForwards = pgTable(
  'request_forwards',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    providerLocationId: uuid()
      .notNull()
      .references(() => providerLocations.id),
    forwardedByUserId: uuid().references(() => users.id),
    forwardedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('request_forwards_request_location_uq').on(t.requestId, t.providerLocationId),
    index('request_forwards_location_idx').on(t.providerLocationId),
  ],
);

/**
 * Two family files merged by the desk: the merged file keeps its row (families.merged_into_family_id
 * points at the kept one) and everything it held moved to the kept file. One row per merged file,
 * so two officers merging the same pair at once end with one merge.
 */
export const familyMerges = pgTable(
  'family_merges',
  {
    id: uuid().primaryKey().defaultRandom(),
    keptFamilyId: uuid()
      .notNull()
      .references(() => families.id),
    mergedFamilyId: uuid()
      .notNull()
      .references(() => families.id),
    mergedByUserId: uuid().references(() => users.id),
    mergedAt: timestamp({ withTimezone: true }).notNull(),
    /** What moved: counts per kind of record, and the ids of children merged into others. */
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [uniqueIndex('family_merges_merged_uq').on(t.mergedFamilyId)],
);

/** A pair of files the desk looked at and found to be two different families. */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The pair in a fixed order: the smaller id first. */
    familyAId: uuid()
      .notNull()
      .references(() => families.id),
    familyBId: uuid()
      .notNull()
      .references(() => families.id),
    dismissedByUserId: uuid().references(() => users.id),
    dismissedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('duplicate_dismissals_pair_uq').on(t.familyAId, t.familyBId),
    check('duplicate_dismissals_order_ck', sql`${t.familyAId} < ${t.familyBId}`),
  ],
);
