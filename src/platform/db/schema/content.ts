import {
  boolean,
  customType,
  date,
  doublePrecision,
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
import { municipalities, regions, type Translated } from './geography.ts';
import { providerLocations } from './providers.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * News on the public home page: region-wide, or for one municipality. Shown from `publishedAt`
 * (the desk picks a day: the start of that day in Brussels) through `publishUntil` (a last day,
 * inclusive; none = until removed).
 */
export const newsItems = pgTable(
  'news_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    municipalityId: uuid().references(() => municipalities.id),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    publishUntil: date({ mode: 'string' }),
    title: jsonb().$type<Translated>().notNull(),
    body: jsonb().$type<Translated>().notNull(),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('news_items_region_published_idx').on(t.regionId, t.publishedAt),
    index('news_items_municipality_published_idx').on(t.municipalityId, t.publishedAt),
  ],
);

/**
 * Information pages maintained by the desk (how childcare works, prices, priority rules, FAQ…).
 * The address (`slug`) is unique within the region, whose public site lists them all; a page
 * belongs to the municipality whose desk wrote it (none: region-wide). Unpublished pages stay off
 * the public site.
 */
export const infoPages = pgTable(
  'info_pages',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    municipalityId: uuid().references(() => municipalities.id),
    slug: text().notNull(),
    title: jsonb().$type<Translated>().notNull(),
    body: jsonb().$type<Translated>().notNull(),
    sortOrder: integer().notNull().default(0),
    published: boolean().notNull().default(true),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('info_pages_region_slug_uq').on(t.regionId, t.slug),
    index('info_pages_municipality_idx').on(t.municipalityId),
  ],
);

/**
 * Organisations that care for a sick child at home, maintained by the desk of the municipality
 * they are listed for (none: region-wide). Texts per language, Dutch required where present.
 */
export const sickChildServices = pgTable(
  'sick_child_services',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    municipalityId: uuid().references(() => municipalities.id),
    name: text().notNull(),
    /** A contact person or an e-mail address, as the desk writes it. */
    contact: text(),
    phone: text().notNull(),
    website: text(),
    description: jsonb().$type<Translated>(),
    area: jsonb().$type<Translated>(),
    conditions: jsonb().$type<Translated>(),
    hours: jsonb().$type<Translated>(),
    sortOrder: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('sick_child_services_municipality_idx').on(t.municipalityId)],
);

/** Bundled postcode centroids, so a visitor can search by postcode without an outside service. */
export const postcodes = pgTable(
  'postcodes',
  {
    postcode: text().notNull(),
    name: text().notNull(),
    municipalityId: uuid().references(() => municipalities.id),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.postcode, t.name] })],
);

/** A free place a provider publishes for short notice or a short period; it expires by itself. */
export const lastMinutePlaces = pgTable(
  'last_minute_places',
  {
    id: uuid().primaryKey().defaultRandom(),
    providerLocationId: uuid()
      .notNull()
      .references(() => providerLocations.id),
    availableFrom: date({ mode: 'string' }).notNull(),
    availableUntil: date({ mode: 'string' }).notNull(),
    /** Weekdays offered, e.g. ['mon', 'tue']. */
    days: text().array().notNull(),
    minAgeMonths: integer().notNull().default(0),
    maxAgeMonths: integer().notNull().default(36),
    note: jsonb().$type<Translated>(),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('last_minute_places_until_idx').on(t.availableUntil)],
);

/** Photos of a location's profile, stored in the database (small, checked on upload). */
export const providerPhotos = pgTable(
  'provider_photos',
  {
    id: uuid().primaryKey().defaultRandom(),
    providerLocationId: uuid()
      .notNull()
      .references(() => providerLocations.id),
    contentType: text().notNull(),
    bytes: bytea().notNull(),
    alt: jsonb().$type<Translated>().notNull(),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('provider_photos_location_idx').on(t.providerLocationId)],
);
