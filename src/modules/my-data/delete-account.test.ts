import { asc, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { registerAndConfirm } from '../accounts/accounts.test-support.ts';
import { aFamilyFile, everyStoredRow } from './my-data.fixtures.ts';

describe.each(BACKENDS)('my data: deleting the account on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
  });
  afterEach(async () => t.close());

  async function parentWithFile() {
    const user = await aUser(t.deps.db, { role: 'parent', language: 'en' });
    const file = await aFamilyFile(t.deps, s, user);
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return { user, file, client };
  }

  it('asks for the password, and keeps everything on a wrong one', async () => {
    const { user, client } = await parentWithFile();
    const page = await client.get('/parent/my-data/delete');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This cannot be undone.');
    const empty = await client.post('/parent/my-data/delete', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Fill in this field.');
    const wrong = await client.post('/parent/my-data/delete', { password: 'not-my-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('This is not your current password.');
    expect(wrong.body).toContain('href="#field-password"');
    expect(wrong.body).not.toContain('not-my-password');
    const [row] = await t.deps.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(row?.disabledAt).toBeNull();
    expect((await client.get('/parent/my-data')).statusCode).toBe(200);
  });

  it('withdraws open requests, anonymises the file, closes the account and ends every session', async () => {
    const { user, file, client } = await parentWithFile();
    const otherDevice = new TestClient(t.app);
    await otherDevice.login(user.email, TEST_PASSWORD);
    // A second family that must stay as it is.
    const neighbour = await aUser(t.deps.db, { role: 'parent' });
    const kept = await aFamilyFile(t.deps, s, neighbour, {
      parent: 'Greet',
      partner: 'Jan',
      child: 'Mats',
      family: 'Peeters',
    });
    const before = await everyStoredRow(t.deps.db);
    const countsBefore = {
      requests: await t.deps.db.$count(schema.requests),
      preferences: await t.deps.db.$count(schema.preferences),
      events: await t.deps.db.$count(schema.statusEvents),
    };

    await client.get('/parent/my-data/delete');
    t.clock.advanceMinutes(5);
    const res = await client.post('/parent/my-data/delete', { password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Your account has been deleted');
    expect(res.body).toContain('data-qa="nav-login"');
    expect(res.cookies.find((c) => c.name === 'ko_session')?.value).toBe('');

    // Every session ended: this browser, and the other device.
    expect((await client.get('/parent')).statusCode).toBe(303);
    expect((await otherDevice.get('/parent')).statusCode).toBe(303);
    expect(await t.deps.db.$count(schema.sessions, eq(schema.sessions.userId, user.id))).toBe(0);
    // The old password no longer opens anything.
    const login = await new TestClient(t.app).post(
      '/login',
      { email: user.email, password: TEST_PASSWORD },
      { formPage: '/login' },
    );
    expect(login.statusCode).toBe(400);

    // Requests withdrawn, with history, so providers see it; the accepted-or-not answers stay.
    const [request] = await t.deps.db
      .select()
      .from(schema.requests)
      .where(eq(schema.requests.id, file.request.id));
    expect(request?.status).toBe('withdrawn');
    const prefs = await t.deps.db
      .select()
      .from(schema.preferences)
      .where(eq(schema.preferences.requestId, file.request.id))
      .orderBy(asc(schema.preferences.rank));
    expect(prefs.map((p) => p.status)).toEqual(['withdrawn', 'withdrawn', 'no_place']);
    const [offer] = await t.deps.db.select().from(schema.offers).where(eq(schema.offers.id, file.offer.id));
    expect(offer?.status).toBe('withdrawn');
    const events = await t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.requestId, file.request.id))
      .orderBy(asc(schema.statusEvents.id));
    expect(
      events.slice(-3).map((e) => [e.eventType, e.fromStatus, e.toStatus, e.actorRole, e.details]),
    ).toEqual([
      ['preference.withdrawn', 'offer_made', 'withdrawn', 'parent', { reason: 'account_deleted' }],
      ['preference.withdrawn', 'waiting_list', 'withdrawn', 'parent', { reason: 'account_deleted' }],
      ['request.withdrawn', 'active', 'withdrawn', 'parent', { reason: 'account_deleted' }],
    ]);
    // Counts for the statistics stay.
    expect(await t.deps.db.$count(schema.requests)).toBe(countsBefore.requests);
    expect(await t.deps.db.$count(schema.preferences)).toBe(countsBefore.preferences);
    expect(await t.deps.db.$count(schema.statusEvents)).toBe(countsBefore.events + 3);

    // No personal value of the family is left anywhere, except the confirmation to the old address.
    const mails = await t.deps.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.template, 'account.deleted'));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: user.email, language: 'en', familyId: null });
    expect(mails[0]?.subject).toBe('Your account has been deleted');
    expect(mails[0]?.textBody).toContain('Your open request has been withdrawn');
    await t.deps.db.delete(schema.outbox).where(eq(schema.outbox.template, 'account.deleted'));
    const after = await everyStoredRow(t.deps.db);
    for (const value of [...file.personal, user.displayName]) {
      expect(before).toContain(value);
      expect(after, value).not.toContain(value);
    }
    // National numbers were never stored in plain text, before or after.
    for (const n of Object.values(file.numbers)) expect(before + after).not.toContain(n);
    // The rows themselves: names replaced, birth date kept to the month, the file marked.
    const [family] = await t.deps.db
      .select()
      .from(schema.families)
      .where(eq(schema.families.id, file.family.id));
    expect(family).toMatchObject({
      street: null,
      houseNumber: null,
      postcode: null,
      city: null,
      yearlyIncome: 24_500,
    });
    expect(family?.anonymisedAt).toEqual(t.clock.now());
    const parents = await t.deps.db
      .select()
      .from(schema.parents)
      .where(eq(schema.parents.familyId, file.family.id));
    for (const p of parents) {
      expect(p).toMatchObject({
        firstName: '—',
        lastName: '—',
        nationalNumberCipher: null,
        nationalNumberHash: null,
        email: null,
        phone: null,
        userId: null,
      });
    }
    const [child] = await t.deps.db
      .select()
      .from(schema.children)
      .where(eq(schema.children.id, file.child.id));
    expect(child).toMatchObject({
      firstName: null,
      lastName: '—',
      birthDate: '2026-06-01',
      nationalNumberHash: null,
    });
    const [account] = await t.deps.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(account).toMatchObject({
      email: `deleted-${user.id}@deleted.invalid`,
      passwordHash: null,
      displayName: '—',
    });
    expect(account?.disabledAt).toEqual(t.clock.now());
    expect(await t.deps.db.$count(schema.roleGrants, eq(schema.roleGrants.userId, user.id))).toBe(0);
    // Audited.
    const [audit] = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'parent.account.delete'));
    expect(audit).toMatchObject({
      familyId: file.family.id,
      actorUserId: user.id,
      details: { withdrawnRequests: 1 },
    });

    // The neighbours' file is untouched.
    for (const value of kept.personal) expect(after).toContain(value);
    const [neighbourRequest] = await t.deps.db
      .select()
      .from(schema.requests)
      .where(eq(schema.requests.id, kept.request.id));
    expect(neighbourRequest?.status).toBe('active');
  });

  it('frees the address: the person can register again and starts empty', async () => {
    const { user, client } = await parentWithFile();
    await client.post(
      '/parent/my-data/delete',
      { password: TEST_PASSWORD },
      { formPage: '/parent/my-data/delete' },
    );
    const again = new TestClient(t.app);
    const res = await registerAndConfirm(again, t.deps.db, {
      displayName: 'Amina',
      email: user.email,
      password: 'a-new-long-password',
      passwordRepeat: 'a-new-long-password',
      language: 'nl',
    });
    expect(res.statusCode).toBe(303);
    const data = (await again.get('/parent/my-data/export.json')).json();
    expect(data.family).toBeNull();
  });

  it('deletes an account without a family file too', async () => {
    const user = await aUser(t.deps.db, { role: 'parent', language: 'fr' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    const res = await client.post(
      '/parent/my-data/delete',
      { password: TEST_PASSWORD },
      { formPage: '/parent/my-data/delete' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Votre compte a été supprimé');
    const [mail] = await t.deps.db.select().from(schema.outbox);
    expect(mail).toMatchObject({ toAddress: user.email, template: 'account.deleted', language: 'fr' });
    expect(mail?.textBody).toContain('Vous n’aviez pas de demande en cours.');
    const [account] = await t.deps.db
      .select()
      .from(schema.users)
      .where(inArray(schema.users.id, [user.id]));
    expect(account?.disabledAt).not.toBeNull();
  });

  it('keeps an enrolled place: only what is still open is withdrawn', async () => {
    const { file, client } = await parentWithFile();
    await t.deps.db
      .update(schema.preferences)
      .set({ status: 'enrolled' })
      .where(eq(schema.preferences.id, file.preferences.waiting.id));
    await t.deps.db
      .update(schema.requests)
      .set({ status: 'answered' })
      .where(eq(schema.requests.id, file.request.id));
    await client.post(
      '/parent/my-data/delete',
      { password: TEST_PASSWORD },
      { formPage: '/parent/my-data/delete' },
    );
    const prefs = await t.deps.db
      .select()
      .from(schema.preferences)
      .where(eq(schema.preferences.requestId, file.request.id))
      .orderBy(asc(schema.preferences.rank));
    expect(prefs.map((p) => p.status)).toEqual(['withdrawn', 'enrolled', 'no_place']);
    // The child has its place: the request stays answered (and anonymised).
    const [request] = await t.deps.db
      .select()
      .from(schema.requests)
      .where(eq(schema.requests.id, file.request.id));
    expect(request?.status).toBe('answered');
  });
});
