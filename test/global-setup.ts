import pg from 'pg';
import { migrate, openPostgres } from '../src/platform/db/index.ts';

/**
 * With TEST_DATABASE_URL, builds one migrated template database on the server; each test then
 * copies it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export const TEMPLATE_DATABASE = 'ko_test_template';

export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return async () => {};
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await dropTestDatabases(admin);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  const handle = openPostgres(withDatabase(url, TEMPLATE_DATABASE), { max: 1 });
  await migrate(handle);
  await handle.close();
  await admin.end();
  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await dropTestDatabases(c);
    await c.end();
  };
}

async function dropTestDatabases(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    `select datname from pg_database where datname like 'ko_test_%'`,
  );
  for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
