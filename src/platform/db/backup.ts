import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { DatabaseHandle } from './index.ts';

const run = promisify(execFile);

/**
 * Backup and restore of the whole database, in the engine's own format:
 * - a PostgreSQL server: `pg_dump --format=custom`, restored with `pg_restore` into an empty
 *   database (the PostgreSQL client tools must be installed, of the server's major version or newer);
 * - the embedded database: its data directory as one gzipped tar file (PGlite's own dump), restored
 *   into an empty data directory.
 * The keys of the national-number vault are not in the backup (a backup alone reveals no national
 * number); keep them apart (environment, or DATA_DIR/secrets.json for a local start).
 */
export type BackupTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  if (target.kind === 'postgres') {
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', file, '--dbname', target.url]);
    return;
  }
  if (!existsSync(target.dataDir)) throw new BackupError(`No embedded database in ${target.dataDir}.`);
  const client = await PGlite.create(target.dataDir);
  try {
    const dump = await client.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}

/**
 * Restores a backup into an empty database (a server database without tables, or a data directory
 * that does not exist or is empty): restoring over live data is refused, so a mistyped target
 * never loses anything.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`No backup file ${file}.`);
  if (target.kind === 'postgres') {
    const { stdout } = await run('psql', [
      '--no-psqlrc',
      '--tuples-only',
      '--no-align',
      '--dbname',
      target.url,
      '--command',
      "select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
    ]);
    if (Number(stdout.trim()) > 0) {
      throw new BackupError('The target database is not empty; restore into a new, empty database.');
    }
    await run('pg_restore', [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      '--dbname',
      target.url,
      file,
    ]);
    return;
  }
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    throw new BackupError(`${target.dataDir} is not empty; restore into a new, empty data directory.`);
  }
  const partial = `${target.dataDir}.restoring`;
  const client = await PGlite.create(partial, { loadDataDir: new Blob([readFileSync(file)]) });
  // A query proves the files are a working database before they take the data directory's name.
  await client.query('select 1');
  await client.close();
  renameSync(partial, target.dataDir);
}

/**
 * Per table of the application's schema: its row count and a checksum over its rows in a stable
 * order, to compare a database with its restored copy.
 */
export async function tableChecksums(handle: DatabaseHandle): Promise<Record<string, string>> {
  const { rows } = await handle.executeSql(
    "select tablename from pg_tables where schemaname = 'public' order by tablename",
  );
  const result: Record<string, string> = {};
  for (const { tablename } of rows as { tablename: string }[]) {
    const { rows: sums } = await handle.executeSql(
      `select count(*)::text as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${tablename}" t`,
    );
    const sum = sums[0] as { n: string; sum: string };
    result[tablename] = `${sum.n} ${sum.sum}`;
  }
  return result;
}

export class BackupError extends Error {}
