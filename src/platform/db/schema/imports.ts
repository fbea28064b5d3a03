import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { municipalities } from './geography.ts';
import { providerLocations } from './providers.ts';

/**
 * A provider's existing waiting list imported by the desk (CSV or XLSX) for one location. The
 * parsed file waits here between the steps (upload, mapping, preview, confirmation), bound to the
 * officer's session, never in a form or a URL; `rows` is erased once the import is done or
 * discarded, and a pending upload older than a day is deleted. What stays is the record: who,
 * when, the file's name and the counts (ADR 0023).
 */
export const waitingListImports = pgTable(
  'waiting_list_imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipalities.id),
    providerLocationId: uuid()
      .notNull()
      .references(() => providerLocations.id),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id),
    /** SHA-256 of the session's CSRF binding: another session of the same officer cannot open it. */
    sessionBinding: text().notNull(),
    fileName: text().notNull(),
    /** 'pending' (between the steps), 'imported' or 'discarded'. */
    status: text().notNull().default('pending'),
    /** The file's column names, in order. */
    header: jsonb().$type<string[]>().notNull(),
    /** The file's rows (line number and text cells), until the import is done or discarded. */
    rows: jsonb().$type<{ line: number; cells: string[] }[]>(),
    /** Our field → the file's column index, once chosen. */
    mapping: jsonb().$type<Record<string, number>>(),
    rowCount: integer().notNull(),
    importedCount: integer(),
    refusedCount: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('waiting_list_imports_location_idx').on(t.providerLocationId, t.createdAt),
    check('waiting_list_imports_status_ck', sql`${t.status} in ('pending', 'imported', 'discarded')`),
  ],
);
