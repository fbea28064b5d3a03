import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { languageEnum, parentSituationEnum } from './enums.ts';
import { municipalities, subMunicipalities } from './geography.ts';
import { intermediaryOrganisations } from './providers.ts';

/** Numbers the family files: 'KO-' followed by the next value (see fileNumberFor). */
export const familyFileNumberSeq = pgSequence('family_file_number_seq', { startWith: 10001 });

/** The family file (dossier): one household, its address and the facts used for priority. */
export const families = pgTable(
  'families',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human-readable file number shown to parents, providers and the desk, e.g. 'KO-10042'. */
    fileNumber: text().notNull(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipalities.id),
    subMunicipalityId: uuid().references(() => subMunicipalities.id),
    street: text(),
    houseNumber: text(),
    postcode: text(),
    city: text(),
    singleParent: boolean().notNull().default(false),
    /**
     * The household's yearly gross taxable income in whole euros, as the family gave it; null when
     * not given (then no income criterion holds). Rule sets compare it with their threshold.
     */
    yearlyIncome: integer(),
    fosterChild: boolean().notNull().default(false),
    disabilityOrSocialReason: boolean().notNull().default(false),
    noSecondaryDiploma: boolean().notNull().default(false),
    needsCareForWork: boolean().notNull().default(false),
    homeLanguage: text(),
    siblingsInCare: boolean().notNull().default(false),
    /** When the priority facts above were last given (saved by a parent, an intermediary or the desk). */
    priorityFactsGivenAt: timestamp({ withTimezone: true }),
    /** When the family agreed that providers (and their intermediary) may see the file. */
    consentAt: timestamp({ withTimezone: true }),
    /** Set when a social organisation follows this family (with consent). */
    intermediaryOrganisationId: uuid().references(() => intermediaryOrganisations.id),
    createdByUserId: uuid().references(() => users.id),
    anonymisedAt: timestamp({ withTimezone: true }),
    /** Set when the desk merged this file into another (family_merges says what moved). */
    mergedIntoFamilyId: uuid().references((): AnyPgColumn => families.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('families_file_number_uq').on(t.fileNumber),
    index('families_municipality_idx').on(t.municipalityId),
    check('families_yearly_income_ck', sql`${t.yearlyIncome} is null or ${t.yearlyIncome} >= 0`),
  ],
);

export const parents = pgTable(
  'parents',
  {
    id: uuid().primaryKey().defaultRandom(),
    familyId: uuid()
      .notNull()
      .references(() => families.id),
    /** The parent's own account, when the parent has one. */
    userId: uuid().references(() => users.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    /** National register number: AES-256-GCM ciphertext, and an HMAC for look-up. Never plain. */
    nationalNumberCipher: text(),
    nationalNumberHash: text(),
    email: text(),
    phone: text(),
    language: languageEnum().notNull().default('nl'),
    situation: parentSituationEnum(),
    /** Days per week worked or in training, used for the 4/5 priority rule. */
    daysPerWeek: numeric({ precision: 3, scale: 1 }),
    position: smallint().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('parents_family_idx').on(t.familyId),
    index('parents_user_idx').on(t.userId),
    index('parents_national_number_hash_idx').on(t.nationalNumberHash),
  ],
);

/** A child, born (birth date) or unborn (expected birth date). */
export const children = pgTable(
  'children',
  {
    id: uuid().primaryKey().defaultRandom(),
    familyId: uuid()
      .notNull()
      .references(() => families.id),
    firstName: text(),
    lastName: text().notNull(),
    birthDate: date({ mode: 'string' }),
    expectedBirthDate: date({ mode: 'string' }),
    nationalNumberCipher: text(),
    nationalNumberHash: text(),
    /** When the parent was reminded to complete the birth data of an unborn child. */
    birthDataRemindedAt: timestamp({ withTimezone: true }),
    /** Set when a merge found this child twice: its requests moved to the kept child. */
    mergedIntoChildId: uuid().references((): AnyPgColumn => children.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('children_family_idx').on(t.familyId),
    // Each child is identified once by its national number.
    uniqueIndex('children_national_number_hash_uq')
      .on(t.nationalNumberHash)
      .where(sql`${t.nationalNumberHash} is not null`),
  ],
);
