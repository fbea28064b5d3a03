import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

describe.each(BACKENDS)('accounts and sessions on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(async () => t.close());

  it('registers a parent, logs them in and remembers the chosen language', async () => {
    const client = new TestClient(t.app);
    const res = await client.post(
      '/register',
      {
        displayName: 'Amina El Idrissi',
        email: 'Amina@Example.be',
        password: 'a-long-password',
        passwordRepeat: 'a-long-password',
        language: 'en',
      },
      { formPage: '/register' },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/parent');
    const home = await client.get('/parent');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="en"');
    expect(home.body).toContain('My requests');
    const [user] = await t.deps.db.select().from(schema.users);
    expect(user?.email).toBe('amina@example.be');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    // A link to confirm the address, in the chosen language; the account works meanwhile.
    expect(user?.emailVerifiedAt).toBeNull();
    const mails = await t.deps.db.select().from(schema.outbox);
    expect(mails.map((m) => [m.toAddress, m.template, m.language, m.subject])).toEqual([
      ['amina@example.be', 'account.verify_email', 'en', 'Confirm your e-mail address'],
    ]);
    expect(mails[0]?.textBody).toMatch(/^Dear Amina El Idrissi,/);
    expect(mails[0]?.textBody).toMatch(/http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{43}/);
    expect(t.mailQueuedSignals).toBe(1);
  });

  it('returns after registering to a page of this site it came from, never to another site', async () => {
    const register = (email: string, next: string) =>
      new TestClient(t.app).post(
        '/register',
        {
          displayName: 'Jonas',
          email,
          password: 'a-long-password',
          passwordRepeat: 'a-long-password',
          language: 'nl',
          next,
        },
        { formPage: `/register?next=${encodeURIComponent(next)}` },
      );
    expect((await register('a@example.be', '/take-over?token=abc')).headers.location).toBe(
      '/take-over?token=abc',
    );
    expect((await register('b@example.be', '//evil.example/')).headers.location).toBe('/parent');
    expect((await register('c@example.be', 'https://evil.example/')).headers.location).toBe('/parent');
  });

  it('refuses a second account for the same e-mail address, with the values kept', async () => {
    await aUser(t.deps.db, { role: 'parent', email: 'taken@example.be' });
    const client = new TestClient(t.app);
    const res = await client.post(
      '/register',
      {
        displayName: 'X',
        email: 'taken@example.be',
        password: 'a-long-password',
        passwordRepeat: 'a-long-password',
        language: 'nl',
      },
      { formPage: '/register' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Er bestaat al een account met dit e-mailadres.');
    expect(res.body).toContain('value="taken@example.be"');
    expect(res.body).not.toContain('a-long-password');
  });

  it('answers a wrong password with 400 and a message, and never says which part was wrong', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app, { 'accept-language': 'fr-BE,fr;q=0.9' });
    const wrong = await client.post(
      '/login',
      { email: user.email, password: 'nope' },
      { formPage: '/login' },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain(
      'Cette adresse e-mail et ce mot de passe ne correspondent pas, ou le compte',
    );
    const unknown = await client.post('/login', { email: 'nobody@example.be', password: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain(
      'Cette adresse e-mail et ce mot de passe ne correspondent pas, ou le compte',
    );
    expect(unknown.body).not.toContain('nope');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, a new one at every log-in, and ends it on log-out', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app);
    await client.get('/login');
    const res = await client.post('/login', { email: user.email, password: TEST_PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'ko_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const first = client.cookies.get('ko_session');
    // Logging in again from a logged-in browser (the form's token is bound to the session then).
    await client.post('/login', { email: user.email, password: TEST_PASSWORD }, { formPage: '/account' });
    const second = client.cookies.get('ko_session');
    expect(second).not.toBe(first);
    expect(await t.deps.db.$count(schema.sessions)).toBe(1);

    const stolen = new TestClient(t.app);
    stolen.cookies.set('ko_session', second as string);
    expect((await stolen.get('/parent')).statusCode).toBe(200);
    await client.get('/parent');
    expect((await client.post('/logout', {})).statusCode).toBe(303);
    // The server forgot the session: the old cookie no longer works anywhere.
    const after = await stolen.get('/parent');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/login?next=%2Fparent');
  });

  it('ends a session after 30 minutes without a request', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    t.clock.advanceMinutes(29);
    expect((await client.get('/parent')).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await client.get('/parent')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    expect((await client.get('/parent')).statusCode).toBe(303);
    expect(await t.deps.db.$count(schema.sessions)).toBe(0);
  });

  it('refuses a form without a valid CSRF token and changes nothing', async () => {
    const client = new TestClient(t.app);
    await client.get('/register');
    const res = await client.post(
      '/register',
      {
        displayName: 'X',
        email: 'x@example.be',
        password: 'a-long-password',
        passwordRepeat: 'a-long-password',
        language: 'nl',
      },
      { csrf: 'forged' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formulier verlopen');
    expect(await t.deps.db.$count(schema.users)).toBe(0);
  });

  it('returns to a same-site page after log-in, never to another site', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app);
    const back = await client.post(
      '/login',
      { email: user.email, password: TEST_PASSWORD, next: '/parent/requests/new' },
      { formPage: '/login' },
    );
    expect(back.headers.location).toBe('/parent/requests/new');
    const other = new TestClient(t.app);
    const evil = await other.post(
      '/login',
      { email: user.email, password: TEST_PASSWORD, next: '//evil.example/' },
      { formPage: '/login' },
    );
    expect(evil.headers.location).toBe('/account/home');
  });

  it('switches language with a plain link, keeps the page, and stores it on the account', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    const res = await client.get('/lang/fr?back=%2Fparent');
    expect(res.headers.location).toBe('/parent');
    expect((await client.get('/parent')).body).toContain('Mes demandes');
    const [row] = await t.deps.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(row?.language).toBe('fr');
    expect((await client.get('/lang/xx?back=https://evil.example')).headers.location).toBe('/');
  });

  it('keeps every return target on this site, however it is written', async () => {
    const client = new TestClient(t.app);
    for (const back of [
      '/%09/host/phish',
      '%2F%09%2Fhost%2Fphish',
      '/%5Chost/phish',
      '%2F%252F%252Fhost',
      '/%0D%0A/host',
      '//host/phish',
      '/.//host/phish',
      'https:%2F%2Fhost',
    ]) {
      const res = await client.get(`/lang/en?back=${back}`);
      // A control character (tab, CR/LF) in the URL is refused at the edge; the rest go home.
      if (/%09|%0D|%0A/i.test(back)) {
        expect(res.statusCode, back).toBe(400);
        expect(res.headers.location, back).toBeUndefined();
      } else {
        expect(res.statusCode, back).toBe(303);
        expect(res.headers.location, back).toBe('/');
      }
    }
    // A repeated parameter arrives as an array: refused, not a server error.
    expect((await client.get('/lang/fr?back=/parent&back=/account')).headers.location).toBe('/');
    expect((await client.get('/lang/nl?back=%2Fsearch%3Fq%3D100%2525')).headers.location).toBe(
      '/search?q=100%25',
    );
    const login = await client.get(`/login?next=${encodeURIComponent('/\\host/phish')}`);
    expect(login.statusCode).toBe(200);
    expect(login.body).not.toContain('name="next"');
    expect((await client.get('/register?next=/a&next=/b')).statusCode).toBe(200);

    const user = await aUser(t.deps.db, { role: 'parent' });
    const res = await client.post(
      '/login',
      { email: user.email, password: TEST_PASSWORD, next: '/\t/host/phish' },
      { formPage: '/login' },
    );
    expect(res.headers.location).toBe('/account/home');
    const registered = await new TestClient(t.app).post(
      '/register',
      {
        displayName: 'Jonas',
        email: 'jonas@example.be',
        password: 'a-long-password',
        passwordRepeat: 'a-long-password',
        language: 'nl',
        next: ['/parent', '/%2F%2Fhost'],
      },
      { formPage: '/register' },
    );
    expect(registered.headers.location).toBe('/parent');
  });

  it('shows a disabled account no pages', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    await t.deps.db.update(schema.users).set({ disabledAt: new Date() }).where(eq(schema.users.id, user.id));
    expect((await client.get('/parent')).statusCode).toBe(303);
  });
});
