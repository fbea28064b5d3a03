import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { projectPath } from '../paths.ts';
import { isDatabaseUnavailable } from './errors.ts';
import { casing, type Database, type DatabaseHandle } from './handle.ts';
import * as schema from './schema/index.ts';

export { isUniqueViolation } from './errors.ts';
export type { Database, DatabaseHandle, ExecuteSql } from './handle.ts';
export { preparedStatement } from './prepared.ts';
export { schema };

export const MIGRATIONS_FOLDER = projectPath('migrations');

/** A real PostgreSQL server. */
export function openPostgres(
  url: string,
  options: { max?: number; onIdleError?: (error: Error) => void } = {},
): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection can break (server restart, network); without a listener that crashes the process.
  pool.on(
    'error',
    options.onIdleError ?? ((error) => console.error(`database connection lost: ${error.message}`)),
  );
  // A connection lent out (a transaction between two statements) has no listener of the pool's:
  // the server ending its session then threw an uncaught error, which ended the process. The
  // error also fails the connection's next statement, which is where it is answered (503).
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg(pool, { schema, casing }) as unknown as Database;
  db.transaction = transactionsOn(pool) as Database['transaction'];
  return {
    kind: 'postgres',
    url,
    db,
    executeSql: (text, values) => pool.query(text, values as unknown[]),
    execScript: async (text) => {
      const result = (await pool.query(text)) as unknown as { rows: unknown[] } | { rows: unknown[] }[];
      return Array.isArray(result) ? result : [result];
    },
    close: () => pool.end(),
  };
}

/**
 * Transactions that give their connection back to the pool whatever happens. Drizzle's own, over
 * a pool, sends `begin` before its try block: when the server had just ended that connection
 * (`pg_terminate_backend`, a restart, a failover), `begin` failed and the connection was never
 * released, so that after a few such failures every request waited forever for a connection. A
 * connection that failed is destroyed rather than reused. A transaction whose `begin` met such a
 * dead connection ran nothing yet: it starts again on another connection (at most once per
 * connection the pool may hold), so that the idle connections a restart left behind cost no
 * request a 503. Drizzle over one connection opens the transaction on it; one such instance per
 * connection (building it costs about a millisecond).
 */
function transactionsOn(pool: pg.Pool) {
  const onConnection = new WeakMap<pg.PoolClient, Database>();
  const attempts = (pool.options.max ?? 10) + 1;
  return async <T>(
    run: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<T>,
    config?: Parameters<Database['transaction']>[1],
  ): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      let broken: Error | undefined;
      let began = false;
      try {
        let db = onConnection.get(client);
        if (!db) {
          db = drizzlePg(client, { schema, casing }) as unknown as Database;
          onConnection.set(client, db);
        }
        return await db.transaction((tx) => {
          began = true;
          return run(tx);
        }, config);
      } catch (error) {
        if (isDatabaseUnavailable(error)) broken = error as Error;
        if (broken && !began && attempt < attempts) continue;
        throw error;
      } finally {
        client.release(broken);
      }
    }
  };
}

/**
 * The embedded database; `dataDir` undefined keeps it in memory. Its module (PGlite and its driver,
 * some 40–60 MB of a process's memory) loads only here, so that a process on a server never holds it.
 */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const { openPgliteClient } = await import('./pglite.ts');
  return openPgliteClient(dataDir, loadDataDir);
}

/** Applies pending migrations; on a server, under an advisory lock so parallel starts do not race. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    const { migratePglite } = await import('./pglite.ts');
    await migratePglite(handle, MIGRATIONS_FOLDER);
    return;
  }
  // One dedicated connection, so that the lock and the migration share a session.
  const client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(727274)');
    await migratePg(drizzlePg(client, { schema, casing }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end();
  }
}
