import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { languageEnum } from './enums.ts';
import { municipalities } from './geography.ts';
import { providerLocations } from './providers.ts';
import { requests } from './requests.ts';

/** One staff member's view of a location's waiting list: hidden and ordered columns, filters. */
export const waitingListSettings = pgTable(
  'waiting_list_settings',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerLocationId: uuid()
      .notNull()
      .references(() => providerLocations.id),
    hiddenColumns: text().array().notNull().default([]),
    columnOrder: text().array().notNull().default([]),
    filters: jsonb().$type<Record<string, string>>().notNull().default({}),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.providerLocationId] })],
);

/** A provider-defined column on its waiting list (e.g. "visited"), with a value per request. */
export const customColumns = pgTable(
  'custom_columns',
  {
    id: uuid().primaryKey().defaultRandom(),
    providerLocationId: uuid()
      .notNull()
      .references(() => providerLocations.id),
    name: text().notNull(),
    /** text | yes_no | date */
    kind: text().notNull().default('text'),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custom_columns_location_name_uq').on(t.providerLocationId, t.name)],
);

export const customColumnValues = pgTable(
  'custom_column_values',
  {
    columnId: uuid()
      .notNull()
      .references(() => customColumns.id, { onDelete: 'cascade' }),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    value: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.columnId, t.requestId] })],
);

/** Private notes of a location's staff on a request (never shown to the parent or others). */
export const providerNotes = pgTable(
  'provider_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    providerLocationId: uuid()
      .notNull()
      .references(() => providerLocations.id),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    text: text().notNull(),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('provider_notes_location_request_idx').on(t.providerLocationId, t.requestId)],
);

/**
 * Mail texts per event and language: a location's own, else its municipality's default, else the
 * built-in text. Placeholders such as {child}, {startDate}, {deadline} are filled when sending.
 */
export const mailTemplates = pgTable(
  'mail_templates',
  {
    id: uuid().primaryKey().defaultRandom(),
    providerLocationId: uuid().references(() => providerLocations.id),
    municipalityId: uuid().references(() => municipalities.id),
    event: text().notNull(),
    language: languageEnum().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    updatedByUserId: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_templates_location_uq')
      .on(t.providerLocationId, t.event, t.language)
      .where(sqlNotNull('provider_location_id')),
    uniqueIndex('mail_templates_municipality_uq')
      .on(t.municipalityId, t.event, t.language)
      .where(sqlNotNull('municipality_id')),
  ],
);

function sqlNotNull(column: string) {
  return sql.raw(`${column} is not null`);
}
