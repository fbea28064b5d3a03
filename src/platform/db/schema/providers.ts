import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { careTypeEnum } from './enums.ts';
import { municipalities, subMunicipalities, type Translated } from './geography.ts';

/** The organiser; one organisation may run several locations. */
export const providerOrganisations = pgTable('provider_organisations', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  enterpriseNumber: text(),
  /** The municipality whose desk registered the organisation (null: seeded before the desk did this). */
  municipalityId: uuid().references(() => municipalities.id),
  /** Legal kind: local_authority · non_profit · company · self_employed (desk-providers). */
  kind: text(),
  contactName: text(),
  email: text(),
  phone: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Opening hours per weekday as 'HH:MM' pairs; a missing day means closed. */
export type OpeningHours = Partial<
  Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat', { opens: string; closes: string }>
>;

/** The out-of-school care a location offers, each with its times; a missing service is not offered. */
export const OUT_OF_SCHOOL_SERVICES = [
  'beforeSchool',
  'afterSchool',
  'wednesdayAfternoon',
  'schoolHolidays',
] as const;
export type OutOfSchoolService = (typeof OUT_OF_SCHOOL_SERVICES)[number];
export type OutOfSchoolHours = Partial<Record<OutOfSchoolService, { opens: string; closes: string }>>;

export type ClosingPeriod = { from: string; until: string; reason?: Translated };

/**
 * A childcare location: a daycare centre (group care), a childminder (family care), or out-of-school
 * care for school children (care type `out_of_school`, with its services and schools served).
 */
export const providerLocations = pgTable(
  'provider_locations',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => providerOrganisations.id),
    municipalityId: uuid()
      .notNull()
      .references(() => municipalities.id),
    subMunicipalityId: uuid().references(() => subMunicipalities.id),
    name: text().notNull(),
    careType: careTypeEnum().notNull(),
    /** 0 none · 1 basic · 2 income-related tariff · 3 income-related tariff plus. */
    subsidyLevel: smallint().notNull(),
    street: text().notNull(),
    houseNumber: text().notNull(),
    postcode: text().notNull(),
    city: text().notNull(),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
    capacity: integer().notNull(),
    minAgeMonths: integer().notNull().default(0),
    maxAgeMonths: integer().notNull().default(36),
    openingHours: jsonb().$type<OpeningHours>().notNull().default({}),
    languages: text().array().notNull().default(sql`'{nl}'::text[]`),
    inclusiveCare: boolean().notNull().default(false),
    occasionalCare: boolean().notNull().default(false),
    description: jsonb().$type<Translated>(),
    /** Price information in plain words, per language. */
    priceInfo: jsonb().$type<Translated>(),
    /** Closing periods, e.g. [{ from: '2026-12-24', until: '2027-01-01', reason: { nl: 'Kerstverlof' } }]. */
    closingPeriods: jsonb().$type<ClosingPeriod[]>().notNull().default([]),
    /** Out-of-school care only: the services offered with their times (empty for baby/toddler care). */
    outOfSchoolHours: jsonb().$type<OutOfSchoolHours>().notNull().default({}),
    /** Out-of-school care only: the schools whose pupils it serves (names as the desk typed them). */
    schoolsServed: text().array().notNull().default(sql`'{}'::text[]`),
    email: text(),
    phone: text(),
    website: text(),
    /** False once the desk deactivated it: out of the search and the lists of open locations; its history stays. */
    active: boolean().notNull().default(true),
    /** Optional modules the desk switches on per location (read by later issues). */
    planningEnabled: boolean().notNull().default(false),
    attendanceEnabled: boolean().notNull().default(false),
    invoicingEnabled: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('provider_locations_municipality_idx').on(t.municipalityId),
    // The search's distance box (longitude, then latitude): a few hundred index entries instead of
    // reading every location (docs/performance.md).
    index('provider_locations_position_idx').on(t.longitude, t.latitude),
    // Out-of-school care locations are few among thousands: their search and the school field's
    // suggestions read them from here, not from every location.
    // (No partial index: a predicate naming 'out_of_school' fails on a fresh database, where the
    // migration that added that enum value runs in the same transaction.)
    index('provider_locations_care_type_idx').on(t.careType, t.municipalityId),
    check('provider_locations_subsidy_level_ck', sql`${t.subsidyLevel} between 0 and 3`),
    check('provider_locations_capacity_ck', sql`${t.capacity} > 0`),
  ],
);

/** Social organisations whose staff file requests on behalf of families. */
export const intermediaryOrganisations = pgTable('intermediary_organisations', {
  id: uuid().primaryKey().defaultRandom(),
  municipalityId: uuid()
    .notNull()
    .references(() => municipalities.id),
  name: text().notNull(),
  /** e.g. ocmw, caw, vdab, integration, huis_van_het_kind */
  kind: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
