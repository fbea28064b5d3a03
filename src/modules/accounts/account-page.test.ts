import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { linkIn, mailsTo } from './accounts.test-support.ts';

const NEW_PASSWORD = 'another-long-password';
const NEW_EMAIL = 'new.address@example.be';

describe.each(BACKENDS)('the account page on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(async () => t.close());

  async function loggedIn(options: Parameters<typeof aUser>[1] = { role: 'parent' }) {
    const user = await aUser(t.deps.db, options);
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return { user, client };
  }
  const userRow = async (id: string) =>
    (await t.deps.db.select().from(schema.users).where(eq(schema.users.id, id)))[0];

  /** A family file whose parent record belongs to the account. */
  async function parentRecord(userId: string, email: string) {
    const s = await aScenario(t.deps.db);
    const [family] = await t.deps.db
      .insert(schema.families)
      .values({ fileNumber: `KO-T${Date.now()}`, municipalityId: s.municipality.id })
      .returning();
    if (!family) throw new Error('no family');
    const [parent] = await t.deps.db
      .insert(schema.parents)
      .values({ familyId: family.id, userId, firstName: 'Sam', lastName: 'Test', email })
      .returning();
    if (!parent) throw new Error('no parent');
    return parent;
  }

  it('shows name, address, language and roles to every role, with the changes it offers', async () => {
    const s = await aScenario(t.deps.db);
    const { user, client } = await loggedIn({ role: 'provider_staff', providerLocationId: s.first.id });
    const res = await client.get('/account');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(user.displayName);
    expect(res.body).toContain(`<span data-qa="account-email">${user.email}</span>`);
    expect(res.body).toContain('href="/account/email"');
    expect(res.body).toContain('href="/account/password"');
    expect(res.body).toContain('Medewerker opvang');
    expect(res.body).toContain('name="language" value="nl" checked');
    // "My data" is for parents only.
    expect(res.body).not.toContain('href="/parent/my-data"');
    expect((await client.get('/parent/my-data')).statusCode).toBe(403);
  });

  it('changes the language of the account and of the parent record, and validates the choice', async () => {
    const { user, client } = await loggedIn();
    const parent = await parentRecord(user.id, user.email);
    await client.get('/account');
    const bad = await client.post('/account/language', { language: 'de' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Kies een van de mogelijkheden.');
    const res = await client.post('/account/language', { language: 'fr' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account?done=languageChanged');
    const page = await client.get('/account?done=languageChanged');
    expect(page.body).toContain('<html lang="fr"');
    expect(page.body).toContain('Votre langue a été enregistrée.');
    expect((await userRow(user.id))?.language).toBe('fr');
    const [record] = await t.deps.db.select().from(schema.parents).where(eq(schema.parents.id, parent.id));
    expect(record?.language).toBe('fr');
    // An unknown notice in the address is ignored: not shown, escaped or not.
    const unknown = (await client.get('/account?done=%3Cscript%3E')).body;
    expect(unknown).not.toContain('&lt;script&gt;');
    expect(unknown.match(/<script/g)?.length).toBe(page.body.match(/<script/g)?.length);
  });

  describe('changing the password', () => {
    it('needs the current password, follows the registration rules and never echoes', async () => {
      const { client } = await loggedIn();
      await client.get('/account/password');
      const wrong = await client.post('/account/password', {
        currentPassword: 'not-it',
        password: NEW_PASSWORD,
        passwordRepeat: NEW_PASSWORD,
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('Dit is niet uw huidige wachtwoord.');
      expect(wrong.body).not.toContain(NEW_PASSWORD);
      expect(wrong.body).not.toContain('not-it');
      const short = await client.post('/account/password', {
        currentPassword: TEST_PASSWORD,
        password: 'short',
        passwordRepeat: 'short',
      });
      expect(short.statusCode).toBe(400);
      expect(short.body).toContain('Kies een wachtwoord van minstens 10 tekens.');
      expect(short.body).toContain('href="#field-password"');
      const empty = await client.post('/account/password', {});
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('href="#field-currentPassword"');
    });

    it('ends the other sessions, keeps this one, and tells the owner', async () => {
      const { user, client } = await loggedIn();
      const other = new TestClient(t.app);
      await other.login(user.email, TEST_PASSWORD);
      await client.get('/account/password');
      const res = await client.post('/account/password', {
        currentPassword: TEST_PASSWORD,
        password: NEW_PASSWORD,
        passwordRepeat: NEW_PASSWORD,
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/account?done=passwordChanged');
      expect((await client.get('/account?done=passwordChanged')).body).toContain(
        'Uw wachtwoord is gewijzigd.',
      );
      expect((await other.get('/account')).statusCode).toBe(303);
      expect(await t.deps.db.$count(schema.sessions)).toBe(1);
      await new TestClient(t.app).login(user.email, NEW_PASSWORD);
      const mails = await mailsTo(t.deps.db, user.email);
      expect(mails.map((m) => m.template)).toEqual(['account.password_changed']);
    });
  });

  describe('changing the e-mail address', () => {
    it('validates, needs the current password, refuses the same or a taken address', async () => {
      const { user, client } = await loggedIn();
      const taken = await aUser(t.deps.db, { role: 'parent' });
      await client.get('/account/email');
      const cases: [Record<string, string>, string][] = [
        [{ email: 'nope', currentPassword: TEST_PASSWORD }, 'Vul een geldig e-mailadres in'],
        [{ email: NEW_EMAIL, currentPassword: 'wrong' }, 'Dit is niet uw huidige wachtwoord.'],
        [{ email: user.email, currentPassword: TEST_PASSWORD }, 'Dit is al het e-mailadres van uw account.'],
        [
          { email: taken.email, currentPassword: TEST_PASSWORD },
          'Er bestaat al een account met dit e-mailadres.',
        ],
      ];
      for (const [form, message] of cases) {
        const res = await client.post('/account/email', form);
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain(message);
        expect(res.body).toContain('Er is een probleem');
        expect(res.body).toContain(`value="${form.email}"`);
        expect(res.body).not.toContain(`value="${form.currentPassword}"`);
      }
      expect(await t.deps.db.$count(schema.outbox)).toBe(0);
    });

    it('mails a link to the new address and a notice to the old; changes on confirmation', async () => {
      const { user, client } = await loggedIn({ role: 'parent', language: 'en' });
      const parent = await parentRecord(user.id, user.email);
      await client.get('/account/email');
      const res = await client.post('/account/email', {
        email: NEW_EMAIL.toUpperCase(),
        currentPassword: TEST_PASSWORD,
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/account?done=emailChangeRequested');
      // Nothing changes until the new address confirms.
      expect((await userRow(user.id))?.email).toBe(user.email);
      const [toNew] = await mailsTo(t.deps.db, NEW_EMAIL);
      expect(toNew).toMatchObject({ template: 'account.change_email', language: 'en' });
      const [toOld] = await mailsTo(t.deps.db, user.email);
      expect(toOld).toMatchObject({ template: 'account.change_email_notice', language: 'en' });
      expect(toOld?.textBody).toContain(`change its e-mail address to ${NEW_EMAIL}`);
      expect(toOld?.textBody).not.toContain('/account/email/confirm');
      const link = linkIn(toNew, '/account/email/confirm');

      // The link needs the owner's session: someone else is sent to log in, or sees an invalid link.
      const anonymous = await new TestClient(t.app).get(link);
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe(`/login?next=${encodeURIComponent(link)}`);
      const stranger = await loggedIn({ role: 'parent' });
      expect((await stranger.client.get(link)).statusCode).toBe(400);

      const confirm = await client.get(link);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain(`Do you want to use ${NEW_EMAIL} for your account from now on?`);
      const done = await client.post('/account/email/confirm', {
        token: new URL(link, 'http://x').searchParams.get('token') ?? '',
      });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/account?done=emailChanged');
      const row = await userRow(user.id);
      expect(row?.email).toBe(NEW_EMAIL);
      expect(row?.emailVerifiedAt).toEqual(t.clock.now());
      const [record] = await t.deps.db.select().from(schema.parents).where(eq(schema.parents.id, parent.id));
      expect(record?.email).toBe(NEW_EMAIL);
      // The new address logs in; the old one no longer does.
      await new TestClient(t.app).login(NEW_EMAIL, TEST_PASSWORD);
      const old = await new TestClient(t.app).post(
        '/login',
        { email: user.email, password: TEST_PASSWORD },
        { formPage: '/login' },
      );
      expect(old.statusCode).toBe(400);
      // The change is audited against the family.
      const [audit] = await t.deps.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.familyId, parent.familyId));
      expect(audit).toMatchObject({ action: 'account.manage', details: { change: 'email' } });
      // The link works once.
      const reused = await client.get(link);
      expect(reused.statusCode).toBe(410);
      expect(reused.body).toContain('This link has already been used');
    });

    it('refuses an expired link, and an address taken in the meantime', async () => {
      const { user, client } = await loggedIn();
      await client.get('/account/email');
      await client.post('/account/email', { email: NEW_EMAIL, currentPassword: TEST_PASSWORD });
      const link = linkIn((await mailsTo(t.deps.db, NEW_EMAIL))[0], '/account/email/confirm');
      const token = new URL(link, 'http://x').searchParams.get('token') ?? '';

      // Someone registers the address before the owner confirms.
      await aUser(t.deps.db, { role: 'parent', email: NEW_EMAIL });
      await client.get(link);
      const taken = await client.post('/account/email/confirm', { token });
      expect(taken.statusCode).toBe(409);
      expect(taken.body).toContain('Dit adres is al in gebruik');
      expect((await userRow(user.id))?.email).toBe(user.email);

      // A link older than 24 hours (the session is renewed meanwhile).
      await client.post('/account/email', { email: 'third@example.be', currentPassword: TEST_PASSWORD });
      const third = linkIn((await mailsTo(t.deps.db, 'third@example.be'))[0], '/account/email/confirm');
      t.clock.advanceMinutes(24 * 60 + 1);
      await client.login(user.email, TEST_PASSWORD);
      const expired = await client.get(third);
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('Deze link is verlopen');
      expect((await userRow(user.id))?.email).toBe(user.email);
    });
  });
});
