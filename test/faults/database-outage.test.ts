import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../app.ts';
import { aUser, TEST_PASSWORD } from '../builders.ts';

/**
 * The database server goes away under a running app (its connections killed, new ones refused)
 * and comes back: every request in between gets a page that says so (503, in the user's
 * language, never a 500), and the app recovers by itself, without a restart.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('a PostgreSQL outage under a running app', () => {
  let t: TestApp;
  let database: string;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  beforeAll(async () => {
    t = await buildTestApp('postgres');
    database = new URL(t.deps.database.url as string).pathname.slice(1);
  });
  afterAll(async () => {
    await admin(`alter database ${database} allow_connections true`);
    await t.close();
  });

  it('answers 503 with a page while the database is unreachable, and recovers without a restart', async () => {
    const user = await aUser(t.deps.db, { role: 'parent', language: 'en' });
    const parent = new TestClient(t.app);
    await parent.login(user.email, TEST_PASSWORD);
    expect((await parent.get('/account')).statusCode).toBe(200);
    // The language chosen in this browser holds also when the account cannot be read.
    await parent.get('/lang/en?back=/account');

    await admin(`alter database ${database} allow_connections false`);
    await admin(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}' and pid <> pg_backend_pid()`,
    );

    for (const path of ['/account', '/parent', '/']) {
      const res = await parent.get(path);
      expect({ path, status: res.statusCode }).toEqual({ path, status: 503 });
      expect(res.headers['retry-after']).toBe('60');
      expect(res.body).toContain('The service is unavailable for a moment');
    }

    await admin(`alter database ${database} allow_connections true`);
    const back = await parent.get('/account');
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain(user.email);
  });
});
