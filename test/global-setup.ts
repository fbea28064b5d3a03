import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openPostgres } from '../src/platform/db/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's database name prefix, e.g. 'ko_test_3fa2c1'. */
    testDatabasePrefix: string;
    /** This run's folder for the test apps' logs, e.g. 'test-results/logs/2026-12-06T05-20-11-3fa2c1'. */
    logFolder: string;
  }
}

const LOGS = join('test-results', 'logs');
/** Runs' log folders older than this are removed when a run starts. */
const KEEP_LOGS_MS = 24 * 60 * 60 * 1000;

/**
 * With TEST_DATABASE_URL, builds one migrated template database on the server; each test then
 * copies it (CREATE DATABASE … TEMPLATE), which takes milliseconds. Every name carries this run's
 * prefix, so runs sharing a server never drop each other's databases.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = randomBytes(3).toString('hex');
  const prefix = `ko_test_${run}`;
  project.provide('testDatabasePrefix', prefix);
  project.provide('logFolder', await logFolder(run));
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return async () => {};
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${templateDatabase(prefix)}`);
  const handle = openPostgres(withDatabase(url, templateDatabase(prefix)), { max: 1 });
  await migrate(handle);
  await handle.close();
  await admin.end();
  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}\\_%`],
    );
    for (const { datname } of rows) await c.query(`drop database if exists "${datname}" with (force)`);
    await c.end();
  };
}

/**
 * A fresh folder for this run's logs (each test app checks its own log when it closes: see
 * test/app.ts; a failure there fails that test file, whereas an error thrown by this setup's
 * teardown would leave vitest's exit status and report untouched). Old runs' folders go.
 */
async function logFolder(run: string): Promise<string> {
  const folder = join(LOGS, `${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}-${run}`);
  await mkdir(LOGS, { recursive: true });
  for (const name of await readdir(LOGS)) {
    const old = join(LOGS, name);
    const info = await stat(old).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > KEEP_LOGS_MS) await rm(old, { recursive: true, force: true });
  }
  await mkdir(folder, { recursive: true });
  return folder;
}

export function templateDatabase(prefix: string): string {
  return `${prefix}_template`;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
