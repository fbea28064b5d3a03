import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../db/index.ts';
import { absoluteLifetimeMs, purgeIdleSessions } from './sessions.ts';

const HOUR = 60;
const grant = (role: Parameters<typeof absoluteLifetimeMs>[0][number]['role']) => ({ role });

describe('absolute session lifetime by role', () => {
  it('gives parents 30 days and every other role, or a mix, 12 hours', () => {
    expect(absoluteLifetimeMs([grant('parent')])).toBe(30 * 24 * 3_600_000);
    for (const role of [
      'provider_staff',
      'provider_admin',
      'intermediary',
      'desk',
      'policy',
      'platform_admin',
    ] as const)
      expect(absoluteLifetimeMs([grant(role)]), role).toBe(12 * 3_600_000);
    expect(absoluteLifetimeMs([grant('parent'), grant('provider_staff')])).toBe(12 * 3_600_000);
    expect(absoluteLifetimeMs([])).toBe(12 * 3_600_000);
  });
});

describe.each(BACKENDS)('session lifetime on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(async () => t.close());

  /** A browser that keeps using the site: a request every 20 minutes until `minutes` have passed. */
  async function stayActive(client: TestClient, url: string, minutes: number): Promise<void> {
    for (let spent = 0; spent < minutes; spent += 20) {
      t.clock.advanceMinutes(20);
      const res = await client.get(url);
      expect(res.statusCode, `${url} after ${spent + 20} minutes`).toBe(200);
    }
  }

  it('logs staff out 12 hours after log-in, however active, and sends them back to the page', async () => {
    const user = await aUser(t.deps.db, { role: 'platform_admin' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    await stayActive(client, '/account', 12 * HOUR - 20);
    t.clock.advanceMinutes(20);
    const res = await client.get('/account');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Faccount');
    expect(await t.deps.db.$count(schema.sessions)).toBe(0);
    // Logging in again starts a new day.
    await client.login(user.email, TEST_PASSWORD);
    expect((await client.get('/account')).statusCode).toBe(200);
  });

  it('keeps an active parent logged in past 12 hours, and asks again after 30 days', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app);
    const loggedInAt = t.clock.now().getTime();
    await client.login(user.email, TEST_PASSWORD);
    await stayActive(client, '/account', 13 * HOUR);
    // Days of activity, compressed: the session was last used a minute ago.
    const seenJustNow = async () => {
      const now = t.clock.now();
      await t.deps.db.update(schema.sessions).set({ lastSeenAt: new Date(now.getTime() - 60_000) });
    };
    t.clock.set(new Date(loggedInAt + (30 * 24 - 1) * 3_600_000));
    await seenJustNow();
    expect((await client.get('/parent')).statusCode).toBe(200);
    t.clock.advanceMinutes(2 * HOUR);
    await seenJustNow();
    const res = await client.get('/parent');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fparent');
  });

  it('applies the staff lifetime at once to a parent who is also staff', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    await stayActive(client, '/account', 12 * HOUR + 20);
    await t.deps.db.insert(schema.roleGrants).values({ userId: user.id, role: 'platform_admin' });
    t.clock.advanceMinutes(1);
    expect((await client.get('/account')).statusCode).toBe(303);
  });

  it('purges sessions idle too long or older than the longest lifetime', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const idle = new TestClient(t.app);
    await idle.login(user.email, TEST_PASSWORD);
    t.clock.advanceMinutes(31);
    const active = new TestClient(t.app);
    await active.login(user.email, TEST_PASSWORD);
    await purgeIdleSessions(t.deps.db, t.clock);
    expect(await t.deps.db.$count(schema.sessions)).toBe(1);

    t.clock.advanceDays(31);
    await t.deps.db
      .update(schema.sessions)
      .set({ lastSeenAt: t.clock.now() })
      .where(eq(schema.sessions.userId, user.id));
    await purgeIdleSessions(t.deps.db, t.clock);
    expect(await t.deps.db.$count(schema.sessions)).toBe(0);
  });
});
