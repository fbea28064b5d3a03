import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

describe.each(BACKENDS)('the platform admin deactivates a staff account on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let admin: TestClient;
  let adminUser: Awaited<ReturnType<typeof aUser>>;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    adminUser = await aUser(t.deps.db, { role: 'platform_admin' });
    admin = new TestClient(t.app);
    await admin.login(adminUser.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  const db = () => t.deps.db;
  const sessionsOf = (userId: string) =>
    db().select().from(schema.sessions).where(eq(schema.sessions.userId, userId));
  const loginAnswer = (email: string, password: string) =>
    new TestClient(t.app).post('/login', { email, password }, { formPage: '/login' });

  it('ends an open session at once, refuses log-in with a clear message, and reactivates', async () => {
    const officer = await aUser(db(), { role: 'desk', municipalityId: s.municipality.id });
    const desk = new TestClient(t.app);
    await desk.login(officer.email, TEST_PASSWORD);
    expect((await desk.get('/desk')).statusCode).toBe(200);

    // Found by e-mail address (posted, not in the URL), then its page.
    const found = await admin.post(
      '/admin/accounts',
      { email: officer.email.toUpperCase() },
      { formPage: '/admin/accounts' },
    );
    expect(found.statusCode).toBe(303);
    const page = `/admin/accounts/${officer.id}`;
    expect(found.headers.location).toBe(page);
    const shown = await admin.get(page);
    expect(shown.body).toContain(officer.displayName);
    expect(shown.body).toContain('Medewerker loket');

    const path = `${page}/deactivate`;
    const confirm = await admin.get(path);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('meteen afgemeld');
    // Without the confirmation page's field: back to that page, nothing changed.
    expect((await admin.post(path, {})).headers.location).toBe(path);
    expect((await desk.get('/desk')).statusCode).toBe(200);

    const done = await admin.post(path, { confirmed: 'yes' });
    expect(done.headers.location).toBe(`${page}?done=deactivated`);
    // The officer's open session is refused at once, on the very next request.
    const after = await desk.get('/desk');
    expect(after.statusCode).toBe(303);
    expect(String(after.headers.location)).toContain('/login');
    expect(await sessionsOf(officer.id)).toHaveLength(0);
    expect((await admin.get(`${page}?done=deactivated`)).body).toContain('is gedeactiveerd');

    // Log-in: the right password learns why; a wrong one gets the usual answer only.
    const right = await loginAnswer(officer.email, TEST_PASSWORD);
    expect(right.statusCode).toBe(400);
    expect(right.body).toContain('Dit account is gedeactiveerd');
    expect(await sessionsOf(officer.id)).toHaveLength(0);
    const wrong = await loginAnswer(officer.email, 'not the password at all');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).not.toContain('gedeactiveerd');
    expect(wrong.body).toContain('horen niet bij elkaar');
    const unknown = await loginAnswer('nobody-here@test.example', 'not the password at all');
    expect(unknown.body).toContain('horen niet bij elkaar');

    const audits = await db().select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, officer.id));
    expect(audits.map((a) => a.action)).toContain('admin.accounts.deactivate');
    expect(audits.find((a) => a.action === 'admin.accounts.deactivate')).toMatchObject({
      actorUserId: adminUser.id,
      subjectType: 'user',
    });

    // Reactivated: the same roles, log-in works again.
    expect((await admin.get(`${page}/reactivate`)).body).toContain('dezelfde rollen');
    const back = await admin.post(`${page}/reactivate`, { confirmed: 'yes' });
    expect(back.headers.location).toBe(`${page}?done=reactivated`);
    const again = new TestClient(t.app);
    await again.login(officer.email, TEST_PASSWORD);
    expect((await again.get('/desk')).statusCode).toBe(200);
    const actions = (
      await db().select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, officer.id))
    ).map((a) => a.action);
    expect(actions).toContain('admin.accounts.reactivate');
  });

  it('refuses an unknown or parent address, an unknown id and the admin’s own account', async () => {
    const parent = await aUser(db(), { role: 'parent' });
    for (const email of [parent.email, 'nobody@test.example']) {
      const res = await admin.post('/admin/accounts', { email }, { formPage: '/admin/accounts' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('geen account van een medewerker');
    }
    const bad = await admin.post('/admin/accounts', { email: 'no address' }, { formPage: '/admin/accounts' });
    expect(bad.statusCode).toBe(400);
    expect((await admin.get(`/admin/accounts/${parent.id}/deactivate`)).statusCode).toBe(404);
    expect(
      (await admin.post(`/admin/accounts/${parent.id}/deactivate`, { confirmed: 'yes' })).statusCode,
    ).toBe(404);
    expect((await admin.get('/admin/accounts/not-an-id')).statusCode).toBe(404);

    const own = `/admin/accounts/${adminUser.id}`;
    expect((await admin.get(own)).body).toContain('uw eigen account');
    await admin.get(own);
    expect((await admin.post(`${own}/deactivate`, { confirmed: 'yes' })).headers.location).toBe(own);
    const [row] = await db().select().from(schema.users).where(eq(schema.users.id, adminUser.id));
    expect(row?.disabledAt).toBeNull();
    expect((await admin.get('/admin')).statusCode).toBe(200);
  });
});
