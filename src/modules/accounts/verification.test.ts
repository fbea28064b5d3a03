import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { queueVerificationMail } from './accounts.service.ts';
import { linkIn, mailsTo } from './accounts.test-support.ts';
import { hashToken } from './tokens.ts';

const EMAIL = 'sofie@example.be';
const PASSWORD = TEST_PASSWORD;

describe.each(BACKENDS)('e-mail verification on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(async () => t.close());

  /**
   * An account whose address is not confirmed yet (registrations now confirm the address before
   * the account exists; older accounts, and staff accounts, may still be unconfirmed), with the
   * confirmation mail queued as "send again" would, and its owner logged in.
   */
  async function register(language: 'nl' | 'fr' | 'en' = 'nl') {
    const created = await aUser(t.deps.db, { role: 'parent', email: EMAIL, language });
    const [row] = await t.deps.db
      .update(schema.users)
      .set({ emailVerifiedAt: null, displayName: 'Sofie Peeters' })
      .where(eq(schema.users.id, created.id))
      .returning();
    if (!row) throw new Error('no user');
    await t.deps.db.transaction((tx) => queueVerificationMail(tx, t.deps, row));
    const client = new TestClient(t.app);
    await client.login(EMAIL, PASSWORD);
    return client;
  }
  const user = async () => {
    const [row] = await t.deps.db.select().from(schema.users).where(eq(schema.users.email, EMAIL));
    if (!row) throw new Error('no user');
    return row;
  };

  it('confirms the address through the mailed link, in any browser, and only stores the token’s hash', async () => {
    await register('fr');
    const [mail] = await mailsTo(t.deps.db, EMAIL);
    expect(mail?.subject).toBe('Confirmez votre adresse e-mail');
    const link = linkIn(mail, '/verify-email');
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const [stored] = await t.deps.db.select().from(schema.userTokens);
    expect(stored).toMatchObject({
      tokenHash: hashToken(token),
      purpose: 'verify_email',
      email: EMAIL,
      usedAt: null,
    });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored?.expiresAt.getTime()).toBe(t.clock.now().getTime() + 48 * 3_600_000);

    const elsewhere = new TestClient(t.app, { 'accept-language': 'fr' });
    const res = await elsewhere.get(link);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Adresse e-mail confirmée');
    expect((await user()).emailVerifiedAt).toEqual(t.clock.now());
  });

  it('shows a notice with a "send again" button until the address is confirmed', async () => {
    const client = await register('en');
    const account = await client.get('/account');
    expect(account.body).toContain('data-qa="verify-email-notice"');
    expect(account.body).toContain('not confirmed yet');
    expect(account.body).toContain('action="/account/verify-email"');
    await new TestClient(t.app).get(linkIn((await mailsTo(t.deps.db, EMAIL))[0], '/verify-email'));
    const after = await client.get('/account');
    expect(after.body).not.toContain('data-qa="verify-email-notice"');
    expect(after.body).toContain('(<span data-qa="account-email-status">confirmed</span>)');
  });

  it('answers a used link clearly, and an already confirmed address kindly', async () => {
    await register();
    const link = linkIn((await mailsTo(t.deps.db, EMAIL))[0], '/verify-email');
    const client = new TestClient(t.app);
    expect((await client.get(link)).statusCode).toBe(200);
    const again = await client.get(link);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('E-mailadres al bevestigd');
  });

  it('refuses an expired link with a page that says what to do, and confirms nothing', async () => {
    await register();
    const link = linkIn((await mailsTo(t.deps.db, EMAIL))[0], '/verify-email');
    t.clock.advanceMinutes(48 * 60 + 1);
    const res = await new TestClient(t.app).get(link);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('Deze link is verlopen');
    expect(res.body).toContain('vraag op uw accountpagina een nieuwe bevestigingsmail aan');
    expect((await user()).emailVerifiedAt).toBeNull();
  });

  it('refuses an unknown or mangled link', async () => {
    const client = new TestClient(t.app);
    for (const url of [
      '/verify-email',
      '/verify-email?token=abc',
      `/verify-email?token=${'x'.repeat(500)}`,
    ]) {
      const res = await client.get(url);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Deze link werkt niet');
    }
  });

  it('sends again at most every 5 minutes and 5 times a day; a new link replaces the old one', async () => {
    const client = await register();
    const first = linkIn((await mailsTo(t.deps.db, EMAIL))[0], '/verify-email');
    await client.get('/account');
    // Right after registering: too soon.
    const soon = await client.post('/account/verify-email', {});
    expect(soon.headers.location).toBe('/account?done=verificationThrottled');
    expect((await client.get(String(soon.headers.location))).body).toContain(
      'We stuurden u onlangs al een bevestigingsmail.',
    );
    expect(await mailsTo(t.deps.db, EMAIL)).toHaveLength(1);

    t.clock.advanceMinutes(5);
    const sent = await client.post('/account/verify-email', {});
    expect(sent.headers.location).toBe('/account?done=verificationSent');
    const mails = await mailsTo(t.deps.db, EMAIL);
    expect(mails.map((m) => m.template)).toEqual(['account.verify_email', 'account.verify_email']);
    const second = linkIn(mails[1], '/verify-email');
    expect(second).not.toBe(first);
    // The first link no longer works; the second does.
    expect((await new TestClient(t.app).get(first)).statusCode).toBe(410);
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMinutes(5);
      await client.post('/account/verify-email', {});
    }
    expect(await mailsTo(t.deps.db, EMAIL)).toHaveLength(5);
    t.clock.advanceMinutes(5);
    expect((await client.post('/account/verify-email', {})).headers.location).toBe(
      '/account?done=verificationThrottled',
    );
    expect(await mailsTo(t.deps.db, EMAIL)).toHaveLength(5);
    // A day after the first mail, one more may go.
    t.clock.advanceMinutes(24 * 60 - 25);
    await client.login(EMAIL, PASSWORD); // the session ended meanwhile
    await client.get('/account');
    expect((await client.post('/account/verify-email', {})).headers.location).toBe(
      '/account?done=verificationSent',
    );

    const latest = linkIn((await mailsTo(t.deps.db, EMAIL)).at(-1), '/verify-email');
    expect((await new TestClient(t.app).get(latest)).statusCode).toBe(200);
    expect((await client.post('/account/verify-email', {})).headers.location).toBe(
      '/account?done=alreadyVerified',
    );
  });

  it('does not confirm an address the account no longer has', async () => {
    await register();
    const link = linkIn((await mailsTo(t.deps.db, EMAIL))[0], '/verify-email');
    await t.deps.db
      .update(schema.users)
      .set({ email: 'other@example.be' })
      .where(eq(schema.users.email, EMAIL));
    expect((await new TestClient(t.app).get(link)).statusCode).toBe(400);
    const [row] = await t.deps.db.select().from(schema.users);
    expect(row?.emailVerifiedAt).toBeNull();
  });
});
