import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { linkIn, mailsTo, registerAndConfirm } from './accounts.test-support.ts';
import { hashToken } from './tokens.ts';

describe.each(BACKENDS)('accounts and sessions on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(async () => t.close());

  const registration = (email: string, extra: Record<string, string | string[]> = {}) => ({
    displayName: 'Amina El Idrissi',
    email,
    password: 'a-long-password',
    passwordRepeat: 'a-long-password',
    language: 'en',
    ...extra,
  });

  it('registers a parent from the mailed link with the chosen password, logs them in and remembers the language', async () => {
    const client = new TestClient(t.app);
    const res = await client.post('/register', registration('Amina@Example.be'), { formPage: '/register' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/register/sent');
    const sent = await client.get('/register/sent');
    expect(sent.body).toContain('<html lang="en"');
    expect(sent.body).toContain(
      'If this e-mail address can be used, we have sent a mail to it. Open the link in that mail to confirm your account',
    );
    // Nothing exists until the link is used; the pending registration keeps only the token's hash.
    expect(await t.deps.db.$count(schema.users)).toBe(0);
    const mails = await mailsTo(t.deps.db, 'amina@example.be');
    expect(mails.map((m) => [m.template, m.language, m.subject])).toEqual([
      ['account.confirm_registration', 'en', 'Confirm your new account'],
    ]);
    expect(mails[0]?.textBody).toMatch(/^Dear Amina El Idrissi,/);
    const link = linkIn(mails[0], '/register/confirm');
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const [pending] = await t.deps.db.select().from(schema.pendingRegistrations);
    expect(pending?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(pending)).not.toContain(token);
    expect(pending?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(t.mailQueuedSignals).toBe(1);

    // The link asks for the chosen password again: a wrong one creates nothing.
    const page = await client.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Enter the password you chose when registering.');
    expect(page.body).toContain('amina@example.be');
    const wrong = await client.post('/register/confirm', { token, password: 'not-the-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('This is not the password you chose when registering.');
    expect(wrong.body).not.toContain('not-the-password');
    expect(await t.deps.db.$count(schema.users)).toBe(0);

    const done = await client.post('/register/confirm', { token, password: 'a-long-password' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/parent');
    const home = await client.get('/parent');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="en"');
    expect(home.body).toContain('My requests');
    const [user] = await t.deps.db.select().from(schema.users);
    expect(user?.email).toBe('amina@example.be');
    expect(user?.passwordHash).toBe(pending?.passwordHash);
    // The link proved the address.
    expect(user?.emailVerifiedAt).toEqual(t.clock.now());
    // The link works once.
    const again = await new TestClient(t.app).get(link);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('het account bestaat');
  });

  it('answers an address that has an account exactly like a new one, mails its owner, and makes no second account', async () => {
    const owner = await aUser(t.deps.db, { role: 'parent', email: 'taken@example.be', language: 'fr' });
    const answer = async (email: string) => {
      const client = new TestClient(t.app, { 'accept-language': 'nl-BE' });
      await client.get('/register');
      const csrf = client.lastCsrf ?? '';
      const res = await client.post('/register', registration(email, { language: 'nl' }));
      const page = await client.get(String(res.headers.location));
      return {
        status: res.statusCode,
        location: res.headers.location,
        body: res.body,
        cookies: res.cookies.map((c) => `${c.name}=${c.name === 'ko_lang' ? c.value : ''}`).sort(),
        pageStatus: page.statusCode,
        page: page.body.replaceAll(client.lastCsrf ?? '', '').replaceAll(csrf, ''),
      };
    };
    const known = await answer('Taken@Example.be');
    const fresh = await answer('new@example.be');
    expect(known).toEqual(fresh);
    expect(known.status).toBe(303);
    expect(known.page).toContain(
      'Als dit e-mailadres gebruikt kan worden, hebben we er een e-mail naartoe gestuurd.',
    );
    expect(known.page).not.toContain('taken@example.be');

    // The owner learns of it, in their own language, with the ways in; no link that acts.
    const [notice, ...more] = await mailsTo(t.deps.db, 'taken@example.be');
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ template: 'account.registration_attempt', language: 'fr' });
    expect(notice?.subject).toBe('Quelqu’un a essayé de créer un compte avec votre adresse e-mail');
    expect(notice?.textBody).toContain('http://localhost:3000/login');
    expect(notice?.textBody).toContain('http://localhost:3000/forgot-password');
    expect(notice?.textBody).not.toContain('token=');
    expect(await mailsTo(t.deps.db, 'new@example.be')).toHaveLength(1);
    // No second account, no pending registration for the known address; the owner's password stays.
    expect(await t.deps.db.$count(schema.users)).toBe(1);
    const pending = await t.deps.db.select().from(schema.pendingRegistrations);
    expect(pending.map((p) => p.email)).toEqual(['new@example.be']);
    await new TestClient(t.app).login(owner.email, TEST_PASSWORD);
  });

  it('refuses an expired registration link, and one whose address got an account meanwhile', async () => {
    const client = new TestClient(t.app);
    await client.post('/register', registration('late@example.be'), { formPage: '/register' });
    await client.post('/register', registration('twice@example.be'), { formPage: '/register' });
    // Again once the hourly limit allows a second mail to the address.
    t.clock.advanceMinutes(61);
    await client.post('/register', registration('twice@example.be'), { formPage: '/register' });
    const linkTo = async (email: string, i: number) =>
      linkIn((await mailsTo(t.deps.db, email))[i], '/register/confirm');
    const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token') ?? '';
    const [first, second] = [await linkTo('twice@example.be', 0), await linkTo('twice@example.be', 1)];
    expect(
      (
        await client.post(
          '/register/confirm',
          { token: tokenOf(second), password: 'a-long-password' },
          { formPage: second },
        )
      ).headers.location,
    ).toBe('/parent');
    const other = new TestClient(t.app);
    const taken = await other.get(first);
    expect(taken.statusCode).toBe(410);
    expect(await t.deps.db.$count(schema.users)).toBe(1);

    t.clock.advanceMinutes(48 * 60 + 1);
    const late = await linkTo('late@example.be', 0);
    const expired = await other.get(late);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Deze link is verlopen');
    expect(expired.body).toContain('href="/register"');
    const posted = await other.post(
      '/register/confirm',
      {
        token: tokenOf(late),
        password: 'a-long-password',
      },
      { formPage: '/register' },
    );
    expect(posted.statusCode).toBe(410);
    expect(await t.deps.db.$count(schema.users)).toBe(1);
    for (const url of ['/register/confirm', '/register/confirm?token=abc']) {
      expect((await other.get(url)).statusCode).toBe(400);
    }
  });

  it('returns after registering to a page of this site it came from, never to another site', async () => {
    const register = async (email: string, next: string) =>
      (
        await registerAndConfirm(
          new TestClient(t.app),
          t.deps.db,
          registration(email, { next }),
          `/register?next=${encodeURIComponent(next)}`,
        )
      ).headers.location;
    expect(await register('a@example.be', '/take-over?token=abc')).toBe('/take-over?token=abc');
    expect(await register('b@example.be', '//evil.example/')).toBe('/parent');
    expect(await register('c@example.be', 'https://evil.example/')).toBe('/parent');
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

  it('switches the pages’ language with a plain link, keeps the page, and leaves the mail language alone', async () => {
    const user = await aUser(t.deps.db, { role: 'parent', language: 'nl' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    const res = await client.get('/lang/fr?back=%2Fparent');
    expect(res.headers.location).toBe('/parent');
    expect((await client.get('/parent')).body).toContain('Mes demandes');
    // The account's e-mails stay Dutch: that changes on the account page only.
    const [row] = await t.deps.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(row?.language).toBe('nl');
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
    const registered = await registerAndConfirm(
      new TestClient(t.app),
      t.deps.db,
      registration('jonas@example.be', { next: ['/parent', '/%2F%2Fhost'] }),
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
