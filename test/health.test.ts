import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { openPostgres } from '../src/platform/db/index.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { BACKENDS } from './db.ts';

describe.each(BACKENDS)('health and readiness endpoints on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(async () => t.close());

  it('answers live and ready, uncached and without a session', async () => {
    for (const url of ['/health/live', '/health/ready']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).body).toBe('ready\n');
  });

  it('turns not ready once the process is shutting down, while it still answers', async () => {
    t.app.lifecycle.draining = true;
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.body).toBe('shutting down\n');
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
  });
});

describe('readiness without a database', () => {
  it('answers 503 when the database cannot be reached, and live still answers', async () => {
    const t = await buildTestApp('pglite');
    const deps = { ...t.deps };
    const app = await buildApp(deps);
    await app.ready();
    // The database goes away after start-up: nothing listens on port 1, every connection is refused.
    const unreachable = openPostgres('postgres://postgres@127.0.0.1:1/none', { onIdleError: () => {} });
    Object.assign(deps, { database: unreachable, db: unreachable.db });
    try {
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.body).toBe('database unavailable\n');
      expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await unreachable.close();
      await t.close();
    }
  });
});
