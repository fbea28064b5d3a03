import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, migrate, openPostgres } from '../src/platform/db/index.ts';
import { pgliteHandle } from '../src/platform/db/pglite.ts';
import { templateDatabase, withDatabase } from './global-setup.ts';

export type Backend = 'pglite' | 'postgres';

/** The engines every database test runs on: always PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A migrated PGlite database as it is after migrating: its data directory and its baseline. */
type PgliteTemplate = { dump: Blob; baseline: Baseline };

let pgliteTemplate: Promise<PgliteTemplate> | undefined;

function template(): Promise<PgliteTemplate> {
  pgliteTemplate ??= (async () => {
    const client = await PGlite.create();
    await migrate(pgliteHandle(client));
    const dump = await client.dumpDataDir('none');
    await client.close();
    // The baseline is read from a copy, the state every test starts from (a sequence read from
    // the copy stands further on than in the instance that migrated: PostgreSQL logs ahead).
    const first = await PGlite.create({ loadDataDir: dump });
    const baseline = await readBaseline(first);
    idle.push(first);
    return { dump, baseline };
  })();
  return pgliteTemplate;
}

/** A migrated PGlite data directory, built once per test process (copying it takes ≈1 s). */
export async function pgliteTemplateDump(): Promise<Blob> {
  return (await template()).dump;
}

/**
 * Starting a PGlite instance from the template costs about a second, more than most tests; so a
 * closed test database goes back to this process's pool, and the next test gets it back reset to
 * the template's state (see resetToBaseline), unless the test changed its schema, in which case
 * it is really closed.
 */
const idle: PGlite[] = [];
const POOL_SIZE = 2;

async function pgliteTestDatabase(): Promise<DatabaseHandle> {
  const { dump, baseline } = await template();
  let client = idle.pop();
  if (client && !(await resetToBaseline(client, baseline))) {
    await client.close();
    client = undefined;
  }
  client ??= await PGlite.create({ loadDataDir: dump });
  // The test gets the instance through a proxy that its close() revokes: a test that timed out
  // and goes on running afterwards fails on its own, and never writes into the next test's data.
  const pooled = client;
  const lease = Proxy.revocable(pooled, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const handle = pgliteHandle(lease.proxy);
  return {
    ...handle,
    close: async () => {
      if (pooled.closed) return;
      lease.revoke();
      if (idle.length < POOL_SIZE) idle.push(pooled);
      else await pooled.close();
    },
  };
}

/** What a migrated, empty database holds: its schema's fingerprint, its rows and its sequences. */
type Baseline = {
  fingerprint: string;
  tables: string[];
  rows: { table: string; columns: string; json: string }[];
  sequences: { name: string; value: string; called: boolean }[];
};

/** Every table, view, index, trigger, function and type outside PostgreSQL's own schemas. */
const FINGERPRINT_SQL = `
  select md5(string_agg(x, ',' order by x)) as fingerprint from (
    select 'n:' || nspname as x from pg_namespace
    union all select 'c:' || c.oid::regclass::text || ':' || c.relkind::text from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
        and n.nspname not like 'pg_temp%'
    union all select 't:' || tgrelid::regclass::text || ':' || tgname || ':' || tgenabled::text from pg_trigger
    union all select 'p:' || p.oid::regprocedure::text from pg_proc p
      join pg_namespace n on n.oid = p.pronamespace
      where n.nspname not in ('pg_catalog', 'information_schema')
    union all select 'a:' || attrelid::regclass::text || ':' || attname || ':' || atttypid
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema', 'drizzle') and n.nspname not like 'pg_toast%'
        and a.attnum > 0 and not a.attisdropped
  ) parts`;

async function readBaseline(client: PGlite): Promise<Baseline> {
  const fingerprint = await fingerprintOf(client);
  const { rows: tables } = await client.query<{ name: string; columns: string }>(`
    select format('%I.%I', n.nspname, c.relname) as name,
      (select string_agg(format('%I', attname), ', ' order by attnum) from pg_attribute
        where attrelid = c.oid and attnum > 0 and not attisdropped and attgenerated = '') as columns
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema', 'drizzle')
      and n.nspname not like 'pg_toast%'
    order by 1`);
  const rows: Baseline['rows'] = [];
  for (const t of tables) {
    const { rows: data } = await client.query<{ json: string | null }>(
      `select json_agg(t)::text as json from ${t.name} t`,
    );
    const json = data[0]?.json;
    if (json) rows.push({ table: t.name, columns: t.columns, json });
  }
  const { rows: sequences } = await client.query<{ name: string; value: string; called: boolean }>(`
    select format('%I.%I', schemaname, sequencename) as name,
      coalesce(last_value, start_value)::text as value, last_value is not null as called
    from pg_sequences`);
  return { fingerprint, tables: tables.map((t) => t.name), rows, sequences };
}

async function fingerprintOf(client: PGlite): Promise<string> {
  const { rows } = await client.query<{ fingerprint: string }>(FINGERPRINT_SQL);
  return rows[0]?.fingerprint ?? '';
}

/**
 * Puts a used test database back in the template's state: the session's settings, locks and
 * temporary tables go; every table is emptied and refilled with the rows the migrations wrote;
 * every sequence is set back. Triggers (the audit log's append-only ones) are off meanwhile.
 * Returns false, and changes nothing, when the test changed the schema.
 */
async function resetToBaseline(client: PGlite, baseline: Baseline): Promise<boolean> {
  try {
    // One statement per call: DISCARD ALL may not run inside a multi-statement string.
    await client.exec('rollback');
    await client.exec('discard all');
    if ((await fingerprintOf(client)) !== baseline.fingerprint) return false;
    await client.transaction(async (tx) => {
      // DELETE, not TRUNCATE: on PGlite's in-memory files it is several times faster here.
      await tx.exec(
        `set local session_replication_role = replica; ${baseline.tables.map((t) => `delete from ${t};`).join(' ')}`,
      );
      for (const r of baseline.rows) {
        await tx.query(
          `insert into ${r.table} (${r.columns}) overriding system value
           select ${r.columns} from json_populate_recordset(null::${r.table}, $1::json)`,
          [r.json],
        );
      }
      for (const s of baseline.sequences) {
        await tx.query('select setval($1::regclass, $2::bigint, $3)', [s.name, s.value, s.called]);
      }
    });
    return true;
  } catch {
    return false;
  }
}

/** A fresh, migrated, empty database of the given engine; close() throws it away. */
export async function createTestDatabase(backend: Backend): Promise<DatabaseHandle> {
  if (backend === 'pglite') return pgliteTestDatabase();
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
