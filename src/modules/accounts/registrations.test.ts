import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { REGISTRATION_NOTICE } from './accounts.queries.ts';
import { linkIn, mailsTo, registerAndConfirm } from './accounts.test-support.ts';
import { purgeEndedRegistrations } from './registrations.job.ts';

describe.each(BACKENDS)('registration mails and pending registrations on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(async () => t.close());

  const registration = (email: string, password = 'a-long-password') => ({
    displayName: 'Lotte Claes',
    email,
    password,
    passwordRepeat: password,
    language: 'nl',
  });

  /** Everything a visitor sees of a registration: the redirect, its cookies and the page it leads to. */
  const answer = async (email: string, password?: string) => {
    const client = new TestClient(t.app, { 'accept-language': 'nl-BE' });
    await client.get('/register');
    const csrf = client.lastCsrf ?? '';
    const res = await client.post('/register', registration(email, password));
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
  const templates = async (email: string) => (await mailsTo(t.deps.db, email)).map((m) => m.template);
  const notices = () =>
    t.deps.db.$count(schema.userTokens, eq(schema.userTokens.purpose, REGISTRATION_NOTICE));

  it('mails a new address once an hour however often it is registered, and answers every time alike', async () => {
    const first = await answer('lotte@example.be', 'the-first-password');
    const again = await answer('lotte@example.be', 'another-password');
    const elsewhere = await answer('other@example.be');
    expect(again).toEqual(first);
    expect(again).toEqual(elsewhere);
    expect(first.location).toBe('/register/sent');
    expect(await templates('lotte@example.be')).toEqual(['account.confirm_registration']);
    expect(await t.deps.db.$count(schema.pendingRegistrations)).toBe(2);

    // The one link mailed creates the account with the password chosen first.
    const [mail] = await mailsTo(t.deps.db, 'lotte@example.be');
    const link = linkIn(mail, '/register/confirm');
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const client = new TestClient(t.app);
    const wrong = await client.post(
      '/register/confirm',
      { token, password: 'another-password' },
      { formPage: link },
    );
    expect(wrong.statusCode).toBe(400);
    t.clock.advanceMinutes(59);
    await answer('new.one@example.be');
    await answer('lotte@example.be', 'a-third-password');
    expect(await templates('lotte@example.be')).toHaveLength(1);

    // An hour after the first mail, the next registration mails again.
    t.clock.advanceMinutes(2);
    expect(await answer('lotte@example.be', 'a-third-password')).toEqual(first);
    expect(await templates('lotte@example.be')).toEqual([
      'account.confirm_registration',
      'account.confirm_registration',
    ]);
  });

  it("tells an account's owner of registration attempts at most once an hour, answering as for a new address", async () => {
    await aUser(t.deps.db, { role: 'parent', email: 'owner@example.be' });
    const fresh = await answer('someone.new@example.be');
    for (let i = 0; i < 3; i++) expect(await answer('owner@example.be')).toEqual(fresh);
    expect(await templates('owner@example.be')).toEqual(['account.registration_attempt']);
    expect(await notices()).toBe(1);

    t.clock.advanceMinutes(61);
    expect(await answer('owner@example.be')).toEqual(fresh);
    expect(await templates('owner@example.be')).toEqual([
      'account.registration_attempt',
      'account.registration_attempt',
    ]);
    // The limit counts each address on its own.
    expect(await templates('someone.new@example.be')).toEqual(['account.confirm_registration']);
  });

  it('mails once when one address is registered from several browsers at the same moment', async () => {
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const client = new TestClient(t.app);
        await client.get('/register');
        return client;
      }),
    );
    const answers = await Promise.all(
      clients.map((c) => c.post('/register', registration('same@example.be'))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(303));
    expect(await templates('same@example.be')).toEqual(['account.confirm_registration']);
    expect(await t.deps.db.$count(schema.pendingRegistrations)).toBe(1);
  });

  it('deletes a registration a week after its link stopped working, and old notices after a day', async () => {
    const used = await registerAndConfirm(new TestClient(t.app), t.deps.db, registration('used@example.be'));
    expect(used.statusCode).toBe(303);
    await answer('open@example.be');
    await aUser(t.deps.db, { role: 'parent', email: 'owner@example.be' });
    await answer('owner@example.be');
    const openLink = linkIn((await mailsTo(t.deps.db, 'open@example.be'))[0], '/register/confirm');
    const pending = async () =>
      (await t.deps.db.select().from(schema.pendingRegistrations)).map((p) => p.email).sort();

    // Six days on: the open link expired four days ago and still says so; nothing goes yet but the
    // notice, which only counted for an hour.
    t.clock.advanceMinutes(6 * 24 * 60);
    expect(await purgeEndedRegistrations(t.deps)).toEqual({ registrations: 0, notices: 1 });
    expect(await pending()).toEqual(['open@example.be', 'used@example.be']);
    const expired = await new TestClient(t.app).get(openLink);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Deze link is verlopen');

    // Eight days on: the used one goes (the account keeps its own data); a new one stays.
    t.clock.advanceMinutes(2 * 24 * 60);
    await answer('fresh@example.be');
    expect(await purgeEndedRegistrations(t.deps)).toEqual({ registrations: 1, notices: 0 });
    expect(await pending()).toEqual(['fresh@example.be', 'open@example.be']);

    // Nine days and a minute on: the expired one goes too; running again changes nothing.
    t.clock.advanceMinutes(24 * 60 + 1);
    expect(await purgeEndedRegistrations(t.deps)).toEqual({ registrations: 1, notices: 0 });
    expect(await purgeEndedRegistrations(t.deps)).toEqual({ registrations: 0, notices: 0 });
    expect(await pending()).toEqual(['fresh@example.be']);
    expect((await new TestClient(t.app).get(openLink)).statusCode).toBe(400);
    await new TestClient(t.app).login('used@example.be', 'a-long-password');
    await new TestClient(t.app).login('owner@example.be', TEST_PASSWORD);
  });
});
