import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../db/index.ts';

const registration = {
  displayName: 'Amina El Idrissi',
  email: 'amina@example.be',
  password: 'a-long-password',
  passwordRepeat: 'a-long-password',
  language: 'nl',
};

describe.each(BACKENDS)('CSRF tokens bound to the session on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(async () => t.close());

  const languageOf = async (userId: string) =>
    (await t.deps.db.select().from(schema.users).where(eq(schema.users.id, userId)))[0]?.language;

  it('refuses, with a friendly 403, a token that another browser got before logging in', async () => {
    const a = new TestClient(t.app);
    await a.get('/register');
    const tokenOfA = a.lastCsrf;
    const b = new TestClient(t.app);
    await b.get('/register');

    const res = await b.post('/register', registration, { csrf: tokenOfA });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formulier verlopen');
    expect(res.body).toContain('Laad de pagina opnieuw');
    // Without any cookie of its own, or with A's pre-session id in a cookie it did not get signed.
    const c = new TestClient(t.app);
    expect((await c.post('/register', registration, { csrf: tokenOfA })).statusCode).toBe(403);
    const signed = a.cookies.get('ko_presession') as string;
    c.cookies.set('ko_presession', signed.slice(0, signed.lastIndexOf('.')));
    expect((await c.post('/register', registration, { csrf: tokenOfA })).statusCode).toBe(403);
    expect(await t.deps.db.$count(schema.users)).toBe(0);

    expect(await t.deps.db.$count(schema.pendingRegistrations)).toBe(0);

    // Each browser's own token works (the account waits for the mailed link).
    expect((await b.post('/register', registration)).statusCode).toBe(303);
    expect(await t.deps.db.$count(schema.pendingRegistrations)).toBe(1);
  });

  it('refuses a token of another session, even of the same account', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const a = new TestClient(t.app);
    const b = new TestClient(t.app);
    await a.login(user.email, TEST_PASSWORD);
    await b.login(user.email, TEST_PASSWORD);
    await a.get('/account');
    await b.get('/account');

    const res = await b.post('/account/language', { language: 'fr' }, { csrf: a.lastCsrf });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formulier verlopen');
    expect(await languageOf(user.id)).toBe('nl');
    expect((await b.post('/account/language', { language: 'fr' })).statusCode).toBe(303);
    expect(await languageOf(user.id)).toBe('fr');
  });

  it('refuses tampered and malformed tokens', async () => {
    const client = new TestClient(t.app);
    await client.get('/register');
    const token = client.lastCsrf as string;
    const flipped = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const csrf of [flipped, token.split('.')[0] as string, `${token}.x`, '.', 'x'.repeat(300)]) {
      expect((await client.post('/register', registration, { csrf })).statusCode, csrf).toBe(403);
    }
    expect(await t.deps.db.$count(schema.users)).toBe(0);
  });

  it('rotates at log-in: tokens from before no longer work, nor those of an ended session', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app);
    await client.get('/login');
    const beforeLogin = client.lastCsrf;
    expect(client.cookies.has('ko_presession')).toBe(true);
    await client.login(user.email, TEST_PASSWORD);
    // The pre-session is forgotten; the session is the binding now.
    expect(client.cookies.has('ko_presession')).toBe(false);
    expect(
      (await client.post('/account/language', { language: 'fr' }, { csrf: beforeLogin })).statusCode,
    ).toBe(403);

    await client.get('/account');
    const firstSession = client.lastCsrf;
    expect((await client.post('/logout', {})).statusCode).toBe(303);
    await client.login(user.email, TEST_PASSWORD);
    expect(
      (await client.post('/account/language', { language: 'fr' }, { csrf: firstSession })).statusCode,
    ).toBe(403);
    expect(await languageOf(user.id)).toBe('nl');
  });

  it('keeps the pre-session in an HttpOnly cookie, __Host- and Secure behind https', async () => {
    const plain = await new TestClient(t.app).get('/login');
    const cookie = plain.cookies.find((c) => c.name === 'ko_presession');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const https = await buildTestApp(backend, { env: { PUBLIC_URL: 'https://kinderopvang.example' } });
    try {
      const res = await new TestClient(https.app).get('/login');
      const secure = res.cookies.find((c) => c.name === '__Host-ko_presession');
      expect(secure).toMatchObject({ httpOnly: true, secure: true, path: '/' });
      expect(secure).not.toHaveProperty('domain');
    } finally {
      await https.close();
    }
  });
});
