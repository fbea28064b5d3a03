/** The database handle's types, shared by the server and the embedded database (pglite.ts). */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

export const casing = 'snake_case' as const;

/** The handle every query takes; a transaction has the same type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Raw SQL for the few users outside drizzle (pg-boss, test set-up). */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type DatabaseHandle = {
  kind: 'pglite' | 'postgres';
  /** Set for a server: the connection string. */
  url?: string;
  db: Database;
  executeSql: ExecuteSql;
  /** Several statements without parameters in one string (simple protocol), one result each. */
  execScript(text: string): Promise<{ rows: unknown[] }[]>;
  close(): Promise<void>;
};
