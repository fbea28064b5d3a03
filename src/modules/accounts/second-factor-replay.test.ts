import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aMunicipality, aRegion, aUser, TEST_PASSWORD, TEST_TOTP_SECRET } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { totpCode } from '../../platform/auth/totp.ts';
import { schema } from '../../platform/db/index.ts';

describe.each(BACKENDS)('the second factor’s replay guard on %s', (backend) => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof aUser>>;
  beforeEach(async () => {
    // 09:00:10: the middle of a 30-second step, so "30 s later" is the next step.
    t = await buildTestApp(backend, {
      now: '2026-11-22T09:00:10Z',
      env: { STAFF_SECOND_FACTOR: 'required' },
    });
    const region = await aRegion(t.deps.db);
    const municipality = await aMunicipality(t.deps.db, { regionId: region.id });
    user = await aUser(t.deps.db, { role: 'desk', municipalityId: municipality.id, secondFactor: true });
  });
  afterEach(async () => t.close());

  const codeAt = (msLater = 0) => totpCode(TEST_TOTP_SECRET, new Date(t.clock.now().getTime() + msLater));
  /** A client past the password step, on the code page. */
  const atCodeStep = async () => {
    const client = new TestClient(t.app);
    const res = await client.post(
      '/login',
      { email: user.email, password: TEST_PASSWORD },
      { formPage: '/login' },
    );
    expect(res.headers.location).toBe('/login/code');
    await client.get('/login/code');
    return client;
  };
  const lastStep = async () =>
    (await t.deps.db.select().from(schema.users).where(eq(schema.users.id, user.id)))[0]?.totpLastStep;

  it('refuses a code that already logged in, within its window; the next code works', async () => {
    const first = await atCodeStep();
    const code = codeAt();
    expect((await first.post('/login/code', { code })).headers.location).toBe('/account/home');
    expect((await first.get('/desk')).statusCode).toBe(200);

    // Someone who saw the code (and has the password) tries it again, 10 s later: refused.
    t.clock.advanceMinutes(10 / 60);
    const second = await atCodeStep();
    const replay = await second.post('/login/code', { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('Deze code is niet juist of al gebruikt');
    expect((await second.get('/desk')).headers.location).toBe('/login/code');
    // The code before it is older than the one used: refused too.
    expect((await second.post('/login/code', { code: codeAt(-30_000) })).statusCode).toBe(400);

    // The app's next code (30 s later) logs in; then that one is used up as well.
    t.clock.advanceMinutes(0.5);
    const next = codeAt();
    expect(next).not.toBe(code);
    expect((await second.post('/login/code', { code: next })).headers.location).toBe('/account/home');
    const third = await atCodeStep();
    expect((await third.post('/login/code', { code: next })).statusCode).toBe(400);
  });

  it('lets only one of two concurrent uses of the same code through', async () => {
    const [a, b] = [await atCodeStep(), await atCodeStep()];
    const code = codeAt();
    const answers = await Promise.all([a.post('/login/code', { code }), b.post('/login/code', { code })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([303, 400]);
    const pages = await Promise.all([a.get('/desk'), b.get('/desk')]);
    expect(pages.map((r) => r.statusCode).sort()).toEqual([200, 303]);
    expect(await lastStep()).toBe(Math.floor(t.clock.now().getTime() / 30_000));
  });

  it('counts the enrolling code as used', async () => {
    await t.deps.db
      .update(schema.users)
      .set({ totpSecretCipher: null, totpEnrolledAt: null })
      .where(eq(schema.users.id, user.id));
    const client = new TestClient(t.app);
    await client.post('/login', { email: user.email, password: TEST_PASSWORD }, { formPage: '/login' });
    const page = await client.get('/login/enrol');
    const secret = (/data-qa="totp-secret"[^>]*>([^<]+)</.exec(page.body)?.[1] ?? '').replace(/\s/g, '');
    const code = totpCode(secret, t.clock.now());
    expect((await client.post('/login/enrol', { code })).statusCode).toBe(200);
    const again = new TestClient(t.app);
    await again.post('/login', { email: user.email, password: TEST_PASSWORD }, { formPage: '/login' });
    await again.get('/login/code');
    expect((await again.post('/login/code', { code })).statusCode).toBe(400);
  });
});
