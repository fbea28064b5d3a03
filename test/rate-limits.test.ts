import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { schema } from '../src/platform/db/index.ts';
import { purgeRateLimits } from '../src/platform/http/rate-limit.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { BACKENDS } from './db.ts';

/** The log-in form takes 20 attempts a minute per client address (accounts.routes.tsx). */
const LOGIN_LIMIT = 20;

const attempt = (app: TestApp['app'], headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: 'email=nobody%40example.be&password=wrong',
  });

describe.each(BACKENDS)('rate limits on %s', (backend) => {
  let t: TestApp;
  afterEach(async () => t.close());

  describe('without a proxy', () => {
    beforeEach(async () => {
      t = await buildTestApp(backend);
    });

    it('holds across two app processes on one database, and X-Forwarded-For does not escape it', async () => {
      // A second app on the same database: what a second node behind the load balancer is.
      const second = await buildApp(t.deps);
      try {
        // The attempts are refused for the form (no CSRF token): counting comes first.
        for (let i = 0; i < LOGIN_LIMIT; i++) {
          const res = await attempt(i % 2 === 0 ? t.app : second);
          expect(res.statusCode, `attempt ${i + 1}`).not.toBe(429);
        }
        // A made-up client address from a caller that is not a trusted proxy changes nothing.
        const refused = await attempt(second, { 'x-forwarded-for': '203.0.113.9' });
        expect(refused.statusCode).toBe(429);
        expect(refused.headers['retry-after']).toMatch(/^\d+$/);
        expect(refused.body).toContain('Te veel pogingen');
        expect((await attempt(t.app)).statusCode).toBe(429);
        // Another form keeps its own count.
        const register = await t.app.inject({
          method: 'POST',
          url: '/register',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'email=nobody%40example.be',
        });
        expect(register.statusCode).not.toBe(429);
      } finally {
        await second.close();
      }
    });

    it('keeps no client address, and the hourly purge drops counters of past windows only', async () => {
      await attempt(t.app, {});
      const rows = await t.deps.db.select().from(schema.rateLimitCounters);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.key).not.toContain('127.0.0.1');
      expect(rows[0]?.hits).toBe(1);
      expect(await purgeRateLimits(t.deps.db, new FixedClock(new Date().toISOString()))).toBe(0);
      const tomorrow = new FixedClock(new Date(Date.now() + 25 * 3_600_000).toISOString());
      expect(await purgeRateLimits(t.deps.db, tomorrow)).toBe(1);
      expect(await t.deps.db.select().from(schema.rateLimitCounters)).toHaveLength(0);
    });
  });

  describe('behind a proxy named in TRUST_PROXY', () => {
    beforeEach(async () => {
      // app.inject comes from 127.0.0.1: the proxy here.
      t = await buildTestApp(backend, { env: { TRUST_PROXY: '127.0.0.1' } });
    });

    it('counts each client the proxy names apart', async () => {
      const client = { 'x-forwarded-for': '198.51.100.7' };
      for (let i = 0; i < LOGIN_LIMIT; i++) expect((await attempt(t.app, client)).statusCode).not.toBe(429);
      expect((await attempt(t.app, client)).statusCode).toBe(429);
      expect((await attempt(t.app, { 'x-forwarded-for': '198.51.100.8' })).statusCode).not.toBe(429);
    });
  });
});
