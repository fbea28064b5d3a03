import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A deployment serves one or more regions (e.g. an intermunicipal association). */
export const regions = pgTable('regions', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Translated = { nl: string; fr?: string; en?: string };

/** Each municipality runs its own desk with its own settings. */
export const municipalities = pgTable('municipalities', {
  id: uuid().primaryKey().defaultRandom(),
  regionId: uuid()
    .notNull()
    .references(() => regions.id),
  nisCode: text().notNull().unique(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  /** A request without place whose start is within this many days is on the emergency list. */
  emergencyWindowDays: integer().notNull().default(30),
  maxPreferences: integer().notNull().default(5),
  offerDeadlineDays: integer().notNull().default(7),
  /** How long a provider has for a first answer before the request is overdue. */
  firstAnswerDays: integer().notNull().default(21),
  /** How often (months) a parent must confirm that a request is still current. */
  confirmationIntervalMonths: integer().notNull().default(3),
  /** Requests further ahead than this many months get a warning. */
  maxMonthsAhead: integer().notNull().default(24),
  /** Days after the desired start before a request without a place counts as unanswered (figures). */
  unansweredGraceDays: integer().notNull().default(30),
  deskEmail: text(),
  deskPhone: text(),
  deskAddress: text(),
  deskOpeningHours: jsonb().$type<Translated>(),
  logoUrl: text(),
  brandColour: text(),
  /**
   * Out-of-school care locations take requests through the desk only when this is on; off, parents
   * ask the organiser directly and those locations cannot be chosen as a preference.
   */
  outOfSchoolRequests: boolean().notNull().default(false),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const subMunicipalities = pgTable(
  'sub_municipalities',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipalities.id),
    name: text().notNull(),
    postcode: text().notNull(),
    /** Children aged 0–3 living here, for coverage figures; dated because it changes yearly. */
    children0to3: integer(),
    children0to3Date: date({ mode: 'string' }),
  },
  (t) => [uniqueIndex('sub_municipalities_name_uq').on(t.municipalityId, t.name)],
);

/**
 * Births per municipality per calendar year, entered or imported by the desk: the demand
 * forecast's base (figures for local policy, figure 10).
 */
export const municipalityBirths = pgTable(
  'municipality_births',
  {
    municipalityId: uuid()
      .notNull()
      .references(() => municipalities.id),
    year: integer().notNull(),
    births: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.year] }),
    check('municipality_births_births_ck', sql`${t.births} >= 0`),
  ],
);
