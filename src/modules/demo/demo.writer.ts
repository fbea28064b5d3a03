/**
 * Set-based writes for the generator. Each chunk of rows travels as ONE JSON parameter and is
 * expanded by json_to_recordset: drizzle's `insert().values()` spends ≈150 µs per row building the
 * statement, which would make the Flanders scale (millions of rows) take many minutes, and a
 * multi-row VALUES list is also capped at 65,535 parameters.
 */
import { type Column, getTableColumns, getTableName, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';
import type { Rows } from './demo.rows.ts';

const CHUNK = 2_000;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Inserts rows whose keys are the table's drizzle keys. Within a chunk, a key that is missing
 * from one row but present in another becomes null there, not the column default.
 */
export async function insertAll<T extends PgTable>(
  db: Database,
  table: T,
  rows: readonly PgInsertValue<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns: Record<string, Column> = getTableColumns(table);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const keys = new Set<string>();
    for (const row of chunk) {
      for (const [key, value] of Object.entries(row)) if (value !== undefined) keys.add(key);
    }
    const targets: string[] = [];
    const sources: string[] = [];
    const definitions: string[] = [];
    for (const key of keys) {
      const column = columns[key];
      if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
      targets.push(quote(column.keyAsName ? toSnakeCase(column.name) : column.name));
      sources.push(quote(key));
      definitions.push(`${quote(key)} ${column.getSQLType()}`);
    }
    await db.execute(
      sql`insert into ${table} (${sql.raw(targets.join(', '))})
          select ${sql.raw(sources.join(', '))}
            from json_to_recordset(${JSON.stringify(chunk)}::json) as x(${sql.raw(definitions.join(', '))})`,
    );
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
