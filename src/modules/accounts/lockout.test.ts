import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { linkIn, mailsTo } from './accounts.test-support.ts';

/** The answer without what differs per request anyway (CSRF token, the address typed in). */
const normalise = (body: string) =>
  body.replace(/name="_csrf" value="[^"]+"/g, '').replace(/value="[^"@]+@[^"]+"/g, 'value="ADDRESS"');

describe.each(BACKENDS)('log-in lockout on %s', (backend) => {
  let t: TestApp;
  let client: TestClient;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    client = new TestClient(t.app);
    await client.get('/login');
  });
  afterEach(async () => t.close());

  const attempt = (email: string, password: string) => client.post('/login', { email, password });
  const row = async (id: string) =>
    (await t.deps.db.select().from(schema.users).where(eq(schema.users.id, id)))[0];

  it('locks after 5 failures in a row for 15 minutes, even for the right password', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    for (let i = 1; i <= 4; i++) {
      expect((await attempt(user.email, `wrong-${i}`)).statusCode).toBe(400);
      t.clock.advanceMinutes(1);
    }
    expect((await row(user.id))?.failedLogins).toBe(4);
    expect((await attempt(user.email, 'wrong-5')).statusCode).toBe(400);
    const locked = await row(user.id);
    expect(locked?.lockedUntil).toEqual(new Date(t.clock.now().getTime() + 15 * 60_000));

    const refused = await attempt(user.email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('of het account is tijdelijk geblokkeerd na 5 mislukte pogingen');
    t.clock.advanceMinutes(14);
    expect((await attempt(user.email, TEST_PASSWORD)).statusCode).toBe(400);
    // Attempts during the lock do not extend it.
    t.clock.advanceMinutes(1);
    const back = await attempt(user.email, TEST_PASSWORD);
    expect(back.statusCode).toBe(303);
    const after = await row(user.id);
    expect(after?.failedLogins).toBe(0);
    expect(after?.lockedUntil).toBeNull();
  });

  it('answers a locked account, a wrong password and an unknown address identically', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const wrongPassword = normalise((await attempt(user.email, 'wrong')).body);
    const unknown = normalise((await attempt('nobody@example.be', 'wrong')).body);
    for (let i = 0; i < 5; i++) await attempt(user.email, 'wrong');
    const lockedRight = normalise((await attempt(user.email, TEST_PASSWORD)).body);
    for (let i = 0; i < 6; i++) await attempt('nobody@example.be', 'wrong');
    const unknownAfterMany = normalise((await attempt('nobody@example.be', TEST_PASSWORD)).body);
    expect(unknown).toBe(wrongPassword);
    expect(lockedRight).toBe(wrongPassword);
    expect(unknownAfterMany).toBe(wrongPassword);
  });

  it('starts counting again after a success', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    for (let i = 0; i < 4; i++) await attempt(user.email, 'wrong');
    const ok = new TestClient(t.app);
    await ok.login(user.email, TEST_PASSWORD);
    expect((await row(user.id))?.failedLogins).toBe(0);
    for (let i = 0; i < 4; i++) await attempt(user.email, 'wrong');
    await new TestClient(t.app).login(user.email, TEST_PASSWORD);
  });

  it('lifts the lock when the owner sets a new password through a reset link', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    for (let i = 0; i < 5; i++) await attempt(user.email, 'wrong');
    await new TestClient(t.app).post(
      '/forgot-password',
      { email: user.email },
      { formPage: '/forgot-password' },
    );
    const link = linkIn((await mailsTo(t.deps.db, user.email))[0], '/reset-password');
    const browser = new TestClient(t.app);
    await browser.get(link);
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    await browser.post('/reset-password', {
      token,
      password: 'new-password-42',
      passwordRepeat: 'new-password-42',
    });
    await new TestClient(t.app).login(user.email, 'new-password-42');
  });

  it('keeps the per-address rate limit on the log-in form', async () => {
    let status = 0;
    for (let i = 0; i < 21; i++) status = (await attempt(`nobody${i}@example.be`, 'wrong')).statusCode;
    expect(status).toBe(429);
  });
});
