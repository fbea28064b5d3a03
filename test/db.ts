import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, migrate, openPostgres, pgliteHandle } from '../src/platform/db/index.ts';
import { templateDatabase, withDatabase } from './global-setup.ts';

export type Backend = 'pglite' | 'postgres';

/** The engines every database test runs on: always PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let pgliteTemplate: Promise<Blob> | undefined;

/** A migrated PGlite data directory, built once per test process and copied for each test (≈1 s). */
export function pgliteTemplateDump(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const client = await PGlite.create();
    await migrate(pgliteHandle(client));
    const dump = await client.dumpDataDir('none');
    await client.close();
    return dump;
  })();
  return pgliteTemplate;
}

/** A fresh, migrated, empty database of the given engine; close() throws it away. */
export async function createTestDatabase(backend: Backend): Promise<DatabaseHandle> {
  if (backend === 'pglite') {
    const client = await PGlite.create({ loadDataDir: await pgliteTemplateDump() });
    return pgliteHandle(client);
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const prefix = inject('testDatabasePrefix');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${templateDatabase(prefix)}`);
  await admin.end();
  // Dropping the database ends its connections; that is expected here.
  const handle = openPostgres(withDatabase(url, name), { max: 5, onIdleError: () => {} });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
