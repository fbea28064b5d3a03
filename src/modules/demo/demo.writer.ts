/** Set-based writes for the generator: multi-row INSERTs in chunks, never one row at a time. */
import { sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';
import type { Rows } from './demo.rows.ts';

// 1,000 rows of the widest table (provider_locations, 28 columns) stay well below PostgreSQL's
// limit of 65,535 parameters per statement.
const CHUNK = 1_000;

export async function insertAll<T extends PgTable>(db: Database, table: T, rows: readonly PgInsertValue<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insert(table).values(rows.slice(i, i + CHUNK));
  }
}

/** File numbers 'KO-' + nextval('family_file_number_seq'), a block of `n` in one query. */
export async function allocateFileNumbers(db: Database, n: number): Promise<string[]> {
  if (n === 0) return [];
  const result = await db.execute(
    sql`select nextval('family_file_number_seq')::text as v from generate_series(1, ${n}::int)`,
  );
  const values = (result as unknown as { rows: { v: string }[] }).rows.map((row) => BigInt(row.v));
  values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return values.map((v) => `KO-${v}`);
}

/** Writes a batch in foreign-key order and empties it. */
export async function writeRows(db: Database, rows: Rows): Promise<void> {
  const numbers = await allocateFileNumbers(db, rows.families.length);
  rows.families.forEach((family, i) => {
    family.fileNumber = numbers[i] ?? family.fileNumber;
  });
  await insertAll(db, schema.users, rows.users);
  await insertAll(db, schema.roleGrants, rows.roleGrants);
  await insertAll(db, schema.families, rows.families);
  await insertAll(db, schema.parents, rows.parents);
  await insertAll(db, schema.children, rows.children);
  await insertAll(db, schema.requests, rows.requests);
  await insertAll(db, schema.preferences, rows.preferences);
  await insertAll(db, schema.offers, rows.offers);
  await insertAll(db, schema.statusEvents, rows.statusEvents);
  for (const list of Object.values(rows) as unknown[][]) list.length = 0;
}
