import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { linkIn, mailsTo } from './accounts.test-support.ts';
import { RESET_ANSWER_FLOOR_MS } from './recovery.service.ts';

const NEW_PASSWORD = 'a-brand-new-password';

/** The page without what differs per request anyway (CSRF token, the address typed in). */
const normalise = (body: string, email: string) =>
  body.replace(/name="_csrf" value="[^"]+"/g, '').replaceAll(email, 'ADDRESS');

describe.each(BACKENDS)('password reset on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(async () => t.close());

  async function askForReset(client: TestClient, email: string) {
    const started = performance.now();
    const res = await client.post('/forgot-password', { email }, { formPage: '/forgot-password' });
    return { res, ms: performance.now() - started };
  }

  it('gives the same answer, after the same minimum time, for known and unknown addresses', async () => {
    const user = await aUser(t.deps.db, { role: 'parent', language: 'fr' });
    const client = new TestClient(t.app);
    const known = await askForReset(client, user.email.toUpperCase());
    const unknown = await askForReset(client, 'nobody@example.be');
    expect(known.res.statusCode).toBe(200);
    expect(unknown.res.statusCode).toBe(200);
    expect(normalise(known.res.body, user.email)).toBe(normalise(unknown.res.body, 'nobody@example.be'));
    expect(known.res.body).toContain('Als er een account bestaat met het e-mailadres');
    // The wall-clock floor hides the work for an existing address.
    expect(known.ms).toBeGreaterThanOrEqual(RESET_ANSWER_FLOOR_MS - 5);
    expect(unknown.ms).toBeGreaterThanOrEqual(RESET_ANSWER_FLOOR_MS - 5);
    // Only the existing address gets a mail, in the account's language.
    const mails = await t.deps.db.select().from(schema.outbox);
    expect(mails.map((m) => [m.toAddress, m.template, m.language])).toEqual([
      [user.email, 'account.reset_password', 'fr'],
    ]);
    expect(mails[0]?.subject).toBe('Choisissez un nouveau mot de passe');
  });

  it('opens the link of a French mail in French, whatever the browser says, and the next pages too', async () => {
    const user = await aUser(t.deps.db, { role: 'parent', language: 'fr' });
    await askForReset(new TestClient(t.app), user.email);
    const mail = (await mailsTo(t.deps.db, user.email))[0];
    const link = linkIn(mail, '/reset-password');
    expect(mail?.textBody).toContain(`${link}&lang=fr`);
    expect(mail?.textBody).toContain('Choisir un nouveau mot de passe\u00a0: http');
    expect(mail?.htmlBody).toContain(`${link}&amp;lang=fr`);

    const browser = new TestClient(t.app, { 'accept-language': 'nl-BE,nl;q=0.9' });
    const form = await browser.get(`${link}&lang=fr`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<html lang="fr"');
    expect(form.body).toContain('Choisir un nouveau mot de passe');
    // Without the parameter the next page stays French; a made-up language changes nothing.
    expect((await browser.get('/forgot-password')).body).toContain('<html lang="fr"');
    expect((await browser.get('/forgot-password?lang=xx')).body).toContain('<html lang="fr"');
    expect((await new TestClient(t.app, { 'accept-language': 'nl-BE' }).get(link)).body).toContain(
      '<html lang="nl"',
    );
  });

  it('validates the address with an error summary and keeps the value', async () => {
    const res = await new TestClient(t.app).post(
      '/forgot-password',
      { email: 'not an address' },
      { formPage: '/forgot-password' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Er is een probleem');
    expect(res.body).toContain('Vul een geldig e-mailadres in');
    expect(res.body).toContain('value="not an address"');
  });

  it('sets a new password once, ends every session and tells the owner', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const laptop = new TestClient(t.app);
    const phone = new TestClient(t.app);
    await laptop.login(user.email, TEST_PASSWORD);
    await phone.login(user.email, TEST_PASSWORD);
    await askForReset(new TestClient(t.app), user.email);
    const link = linkIn((await mailsTo(t.deps.db, user.email))[0], '/reset-password');

    const browser = new TestClient(t.app);
    const form = await browser.get(link);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Nieuw wachtwoord kiezen');
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    // The same rules as at registration; passwords are never echoed.
    const short = await browser.post('/reset-password', {
      token,
      password: 'short',
      passwordRepeat: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Kies een wachtwoord van minstens 10 tekens.');
    expect(short.body).not.toContain('value="short"');
    const differ = await browser.post('/reset-password', {
      token,
      password: NEW_PASSWORD,
      passwordRepeat: `${NEW_PASSWORD}x`,
    });
    expect(differ.statusCode).toBe(400);
    expect(differ.body).toContain('De twee wachtwoorden zijn niet gelijk.');
    expect(differ.body).not.toContain(NEW_PASSWORD);

    const done = await browser.post('/reset-password', {
      token,
      password: NEW_PASSWORD,
      passwordRepeat: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/reset-password/done');
    expect((await browser.get('/reset-password/done')).body).toContain('Uw wachtwoord is gewijzigd');

    // Every session of the account ended.
    expect((await laptop.get('/parent')).statusCode).toBe(303);
    expect((await phone.get('/parent')).statusCode).toBe(303);
    expect(await t.deps.db.$count(schema.sessions)).toBe(0);
    // The old password fails, the new one works.
    const old = await new TestClient(t.app).post(
      '/login',
      { email: user.email, password: TEST_PASSWORD },
      { formPage: '/login' },
    );
    expect(old.statusCode).toBe(400);
    await new TestClient(t.app).login(user.email, NEW_PASSWORD);
    // The owner is told.
    const templates = (await mailsTo(t.deps.db, user.email)).map((m) => m.template);
    expect(templates).toEqual(['account.reset_password', 'account.password_changed']);

    // The link works once.
    const reused = await new TestClient(t.app).get(link);
    expect(reused.statusCode).toBe(410);
    expect(reused.body).toContain('Deze link is al gebruikt');
    const reposted = await browser.post(
      '/reset-password',
      { token, password: 'yet-another-password', passwordRepeat: 'yet-another-password' },
      { formPage: '/forgot-password' },
    );
    expect(reposted.statusCode).toBe(410);
    await new TestClient(t.app).login(user.email, NEW_PASSWORD);
  });

  it('refuses a link after an hour, and the older link once a newer one is sent', async () => {
    const user = await aUser(t.deps.db, { role: 'parent', language: 'en' });
    await askForReset(new TestClient(t.app), user.email);
    const first = linkIn((await mailsTo(t.deps.db, user.email))[0], '/reset-password');
    // A second request within the minute is answered the same but sends nothing.
    await askForReset(new TestClient(t.app), user.email);
    expect(await mailsTo(t.deps.db, user.email)).toHaveLength(1);

    t.clock.advanceMinutes(2);
    await askForReset(new TestClient(t.app), user.email);
    const mails = await mailsTo(t.deps.db, user.email);
    expect(mails).toHaveLength(2);
    const second = linkIn(mails[1], '/reset-password');
    const replaced = await new TestClient(t.app, { 'accept-language': 'en' }).get(first);
    expect(replaced.statusCode).toBe(410);
    expect(replaced.body).toContain('stops working once there is a newer one');
    expect(replaced.body).toContain('href="/forgot-password"');

    expect((await new TestClient(t.app).get(second)).statusCode).toBe(200);
    t.clock.advanceMinutes(61);
    const browser = new TestClient(t.app, { 'accept-language': 'en' });
    const expired = await browser.get(second);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link has expired');
    const token = new URL(second, 'http://x').searchParams.get('token') ?? '';
    const posted = await browser.post(
      '/reset-password',
      { token, password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD },
      { formPage: '/forgot-password' },
    );
    expect(posted.statusCode).toBe(410);
    const [row] = await t.deps.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(row?.passwordHash).toBe(user.passwordHash);
  });

  it('lets two simultaneous uses of one link set exactly one password', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    await askForReset(new TestClient(t.app), user.email);
    const link = linkIn((await mailsTo(t.deps.db, user.email))[0], '/reset-password');
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const browsers = [new TestClient(t.app), new TestClient(t.app)];
    for (const b of browsers) await b.get(link);
    const answers = await Promise.all(
      browsers.map((b, i) =>
        b.post('/reset-password', {
          token,
          password: `password-number-${i}`,
          passwordRepeat: `password-number-${i}`,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, 410]);
    const winner = answers.findIndex((a) => a.statusCode === 303);
    await new TestClient(t.app).login(user.email, `password-number-${winner}`);
  });

  it('does not work for an address the account no longer has', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    await askForReset(new TestClient(t.app), user.email);
    const link = linkIn((await mailsTo(t.deps.db, user.email))[0], '/reset-password');
    await t.deps.db
      .update(schema.users)
      .set({ email: 'moved@example.be' })
      .where(eq(schema.users.id, user.id));
    expect((await new TestClient(t.app).get(link)).statusCode).toBe(400);
  });

  it('sends nothing for a disabled account', async () => {
    const user = await aUser(t.deps.db, { role: 'parent' });
    await t.deps.db
      .update(schema.users)
      .set({ disabledAt: t.clock.now() })
      .where(eq(schema.users.id, user.id));
    const { res } = await askForReset(new TestClient(t.app), user.email);
    expect(res.statusCode).toBe(200);
    expect(await t.deps.db.$count(schema.outbox)).toBe(0);
  });
});
