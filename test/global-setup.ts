import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openPostgres } from '../src/platform/db/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's database name prefix, e.g. 'ko_test_3fa2c1'. */
    testDatabasePrefix: string;
  }
}

/**
 * With TEST_DATABASE_URL, builds one migrated template database on the server; each test then
 * copies it (CREATE DATABASE … TEMPLATE), which takes milliseconds. Every name carries this run's
 * prefix, so runs sharing a server never drop each other's databases.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prefix = `ko_test_${randomBytes(3).toString('hex')}`;
  project.provide('testDatabasePrefix', prefix);
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

export function templateDatabase(prefix: string): string {
  return `${prefix}_template`;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
