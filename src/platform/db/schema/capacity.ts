import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { providerLocations } from './providers.ts';

/**
 * A location's places from a date on: one row whenever its capacity is set (registered or changed),
 * written in the same transaction as the location. The places valid on a day are those of the row
 * with the latest `valid_from` on or before it; the figures read them, so a past year shows that
 * year's places. A second change on the same day replaces that day's row. Deactivating and
 * reactivating the location write a row too (`active`), so a past period counts the places of the
 * locations open then, not of those open today.
 */
export const locationCapacities = pgTable(
  'location_capacities',
  {
    locationId: uuid()
      .notNull()
      .references(() => providerLocations.id),
    validFrom: date({ mode: 'string' }).notNull(),
    capacity: integer().notNull(),
    /** Whether the location was open (not deactivated by the desk) from this day on. */
    active: boolean().notNull().default(true),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.locationId, t.validFrom] }),
    check('location_capacities_capacity_ck', sql`${t.capacity} > 0`),
  ],
);
