/**
 * The embedded database (PGlite) behind the same handle as a server. Loaded on demand by index.ts
 * (openPglite, migrate): a process that runs on a PostgreSQL server never loads it.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { casing, type Database, type DatabaseHandle } from './handle.ts';
import * as schema from './schema/index.ts';

export async function openPgliteClient(
  dataDir: string | undefined,
  loadDataDir?: Blob,
): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  return pgliteHandle(client);
}

export function pgliteHandle(client: PGlite): DatabaseHandle {
  const db = drizzlePglite(client, { schema, casing }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    executeSql: (text, values) => client.query(text, values as unknown[]),
    execScript: (text) => client.exec(text),
    close: () => client.close(),
  };
}

export async function migratePglite(handle: DatabaseHandle, migrationsFolder: string): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
  await migrate(handle.db as any, { migrationsFolder });
}
