import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { startSmtp } from '../../../test/smtp.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Role } from '../../platform/auth/actions.ts';
import { schema } from '../../platform/db/index.ts';
import { errorText } from '../../platform/i18n/common.ts';
import { createMailTransport, deliverOutbox } from '../../platform/mail/sender.ts';

const ROUTES = [
  ['GET', '/admin'],
  ['GET', '/admin/audit'],
  ['GET', '/admin/audit.csv'],
  ['GET', '/admin/outbox'],
  ['POST', '/admin/outbox/1/retry'],
  ['GET', '/admin/jobs'],
] as const;

/** The audit rows shown on a page: the "who" and "whose file" cells of each row. */
function rowsOf(body: string) {
  return [...body.matchAll(/data-qa="audit-row">([\s\S]*?)<\/tr>/g)].map((m) => m[1] as string);
}

/** The platform admin's pages: audit log with filters and CSV, outbox with retry, job queues. */
describe.each(BACKENDS)('platform admin on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let admin: TestClient;
  let adminId: string;
  let deskUser: Awaited<ReturnType<typeof aUser>>;
  let file: Awaited<ReturnType<typeof aFamilyRequest>>;
  let other: Awaited<ReturnType<typeof aFamilyRequest>>;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    deskUser = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const adminUser = await aUser(t.deps.db, { role: 'platform_admin', language: 'en' });
    adminId = adminUser.id;
    admin = new TestClient(t.app);
    await admin.login(adminUser.email, TEST_PASSWORD);
    const base = { municipalityId: s.municipality.id, locations: [s.first.id] };
    file = await aFamilyRequest(t.deps.db, { ...base, childFirstName: 'Zoë', childLastName: 'Vermeulen' });
    other = await aFamilyRequest(t.deps.db, { ...base, childFirstName: 'Ander', childLastName: 'Kind' });
  });
  afterEach(async () => t.close());

  /** After the clock moved past the idle timeout, the admin logs in again. */
  async function adminAgain() {
    const [row] = await t.deps.db.select().from(schema.users).where(eq(schema.users.id, adminId));
    admin = new TestClient(t.app);
    await admin.login(row?.email as string, TEST_PASSWORD);
  }

  async function deskOpens(familyId: string) {
    const desk = new TestClient(t.app);
    await desk.login(deskUser.email, TEST_PASSWORD);
    const res = await desk.get(`/desk/families/${familyId}`);
    expect(res.statusCode).toBe(200);
  }

  it('lands the admin on the admin home, with links to the three pages', async () => {
    const client = new TestClient(t.app);
    await client.get('/login');
    const res = await client.post('/login', {
      email: (await t.deps.db.select().from(schema.users).where(eq(schema.users.id, adminId)))[0]
        ?.email as string,
      password: TEST_PASSWORD,
    });
    const landing = await client.get(String(res.headers.location));
    expect(landing.headers.location).toBe('/admin');
    const home = await client.get('/admin');
    expect(home.statusCode).toBe(200);
    for (const qa of ['home-audit', 'home-outbox', 'home-jobs'])
      expect(home.body).toContain(`data-qa="${qa}"`);
    expect(home.body).toContain('href="/admin"');
  });

  it('finds who opened a family’s file by its file number, and audits that read naming the filters', async () => {
    await deskOpens(file.family.id);
    await deskOpens(other.family.id);
    const res = await admin.get(`/admin/audit?file=${file.family.fileNumber}&action=desk.family.read`);
    expect(res.statusCode).toBe(200);
    const rows = rowsOf(res.body);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes(file.family.fileNumber))).toBe(true);
    expect(rows.some((r) => r.includes(deskUser.displayName) && r.includes('desk.family.read'))).toBe(true);
    expect(res.body).not.toContain(other.family.fileNumber);
    // No page of the family's own: the file number links nowhere.
    expect(res.body).not.toContain(`/desk/families/${file.family.id}`);
    // The digits alone find it too.
    const digits = await admin.get(
      `/admin/audit?file=${file.family.fileNumber.replace('KO-', '')}&action=desk.family.read`,
    );
    expect(rowsOf(digits.body).length).toBe(rows.length);
    // The admin's own read is in the log too, naming the family.
    const again = await admin.get(`/admin/audit?file=${file.family.fileNumber}&action=admin.audit.read`);
    expect(rowsOf(again.body).length).toBe(2);

    const reads = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'admin.audit.read'), eq(schema.auditLog.actorUserId, adminId)));
    const first = reads[0];
    expect(first?.familyId).toBe(file.family.id);
    expect(first?.details).toMatchObject({
      filters: { family: file.family.id, action: 'desk.family.read' },
      rows: rows.length,
    });
  });

  it('finds a family named in a list’s details.families (a desk search)', async () => {
    const desk = new TestClient(t.app);
    await desk.login(deskUser.email, TEST_PASSWORD);
    expect((await desk.get(`/desk/search?fileNumber=${file.family.fileNumber}`)).statusCode).toBe(200);
    const res = await admin.get(`/admin/audit?file=${file.family.fileNumber}&action=desk.search`);
    const rows = rowsOf(res.body);
    expect(rows.length).toBe(1);
    expect(rows[0]).toContain(deskUser.displayName);
    expect(rows[0]).toContain(file.family.fileNumber);
  });

  it('filters by staff member (e-mail or account) and period', async () => {
    await deskOpens(file.family.id);
    t.clock.advanceDays(2);
    await deskOpens(other.family.id);
    await adminAgain();
    const byEmail = await admin.get(`/admin/audit?staff=${encodeURIComponent(deskUser.email.toUpperCase())}`);
    expect(byEmail.statusCode).toBe(200);
    const all = rowsOf(byEmail.body);
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.every((r) => r.includes(deskUser.displayName))).toBe(true);
    const byId = await admin.get(`/admin/audit?staff=${deskUser.id}`);
    expect(rowsOf(byId.body).length).toBe(all.length);

    // 22 November (the clock's first day) only: the first file, not the second.
    const period = await admin.get(`/admin/audit?staff=${deskUser.id}&from=2026-11-22&until=2026-11-22`);
    const first = rowsOf(period.body);
    expect(first.length).toBeGreaterThan(0);
    expect(first.some((r) => r.includes(file.family.fileNumber))).toBe(true);
    expect(first.some((r) => r.includes(other.family.fileNumber))).toBe(false);
    const later = await admin.get(`/admin/audit?staff=${deskUser.id}&from=2026-11-23`);
    expect(rowsOf(later.body).some((r) => r.includes(file.family.fileNumber))).toBe(false);
    expect(rowsOf(later.body).some((r) => r.includes(other.family.fileNumber))).toBe(true);

    const unknown = await admin.get('/admin/audit?staff=nobody%40test.example');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('data-qa="unknown-staff"');
    expect(rowsOf(unknown.body)).toEqual([]);
  });

  it('pages newest first with a keyset cursor', async () => {
    for (let i = 0; i < 60; i++) {
      t.clock.advanceMinutes(1);
      await recordAudit(t.deps.db, t.clock, {
        actorUserId: deskUser.id,
        actorRole: 'desk',
        action: 'desk.family.read',
        subjectType: 'family',
        familyId: file.family.id,
        details: { n: i },
      });
    }
    await adminAgain();
    const first = await admin.get(`/admin/audit?file=${file.family.fileNumber}&action=desk.family.read`);
    const rows = rowsOf(first.body);
    expect(rows.length).toBe(50);
    expect(rows[0]).toContain('n=59');
    const older = /href="(\/admin\/audit\?[^"]*after=[^"]+)"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
    expect(older).toBeDefined();
    const second = await admin.get(older as string);
    const rest = rowsOf(second.body);
    expect(rest.length).toBe(10);
    expect(rest[0]).toContain('n=9');
    expect(second.body).toContain('data-qa="newest"');
  });

  it('exports the same rows as CSV, formula cells escaped, and audits the export', async () => {
    const sly = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await t.deps.db
      .update(schema.users)
      .set({ displayName: '=HYPERLINK("http://x")' })
      .where(eq(schema.users.id, sly.id));
    const desk = new TestClient(t.app);
    await desk.login(sly.email, TEST_PASSWORD);
    await desk.get(`/desk/families/${file.family.id}`);
    await deskOpens(file.family.id);

    const page = await admin.get(`/admin/audit?file=${file.family.fileNumber}&action=desk.family.read`);
    const csv = await admin.get(`/admin/audit.csv?file=${file.family.fileNumber}&action=desk.family.read`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.length - 1).toBe(rowsOf(page.body).length);
    expect(lines.slice(1).every((l) => l.includes(file.family.fileNumber))).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.body).not.toMatch(/(^|;)=HYPERLINK/m);
    const exports = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'admin.audit.export'));
    expect(exports).toHaveLength(1);
    expect(exports[0]?.details).toMatchObject({
      rows: 2,
      cut: false,
      filters: { action: 'desk.family.read' },
    });
  });

  it('answers bad filters with 400 in the user’s language, never echoing a national number', async () => {
    const badDate = await admin.get('/admin/audit?from=2026-02-31');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain(errorText('en', 'invalidDate'));
    const order = await admin.get('/admin/audit?from=2026-11-22&until=2026-11-01');
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain(errorText('en', 'endBeforeStart'));
    const action = await admin.get('/admin/audit?action=drop.table');
    expect(action.statusCode).toBe(400);
    expect(action.body).toContain(errorText('en', 'invalidChoice'));
    // A national number in the URL: sent away at once, never echoed (not even in the language links).
    for (const nnValue of ['85073003328', '85.07.30-033.28']) {
      const nn = await admin.get(`/admin/audit?file=${encodeURIComponent(nnValue)}`);
      expect(nn.statusCode).toBe(303);
      expect(nn.headers.location).toBe('/admin/audit?refused=nn');
      const refused = await admin.get(String(nn.headers.location));
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(errorText('en', 'invalidFileNumber'));
    }
    const garbage = await admin.get('/admin/audit?file=abc');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.body).toContain(errorText('en', 'invalidFileNumber'));
    for (const q of ['staff=%27%3B--', 'after=abc', 'file=x&file=y', 'until=%00']) {
      const res = await admin.get(`/admin/audit?${q}`);
      expect(res.statusCode, q).toBe(400);
      const csv = await admin.get(`/admin/audit.csv?${q}`);
      expect(csv.statusCode, q).toBe(400);
    }
    const unknownFile = await admin.get('/admin/audit?file=KO-999999');
    expect(unknownFile.statusCode).toBe(200);
    expect(unknownFile.body).toContain('data-qa="unknown-file"');
  });

  it('shows a failed mail with its error; retry makes it pending, audited, and the sender then sends it', async () => {
    const [mail] = await t.deps.db
      .insert(schema.outbox)
      .values({
        toAddress: 'lea.peeters@example.be',
        language: 'nl',
        template: 'request.submitted',
        subject: 'Aanvraag ontvangen voor Zoë',
        textBody: 'Geheime inhoud van de mail',
        htmlBody: '<p>Geheime inhoud van de mail</p>',
        familyId: file.family.id,
        createdAt: t.clock.now(),
        nextAttemptAt: new Date(t.clock.now().getTime() + 3_600_000),
        attempts: 3,
        lastError: '450 Mailbox unavailable <lea.peeters@example.be>',
      })
      .returning();
    const id = mail?.id as number;
    const page = await admin.get('/admin/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-qa="count-failed">1<');
    expect(page.body).toContain('450 Mailbox unavailable &lt;l•••@example.be>');
    expect(page.body).toContain(file.family.fileNumber);
    expect(page.body).not.toContain('lea.peeters');
    expect(page.body).not.toContain('Geheime inhoud');
    expect(page.body).not.toContain('Zoë');

    const noCsrf = await admin.post(`/admin/outbox/${id}/retry`, {}, { csrf: null });
    expect(noCsrf.statusCode).toBe(403);
    const retried = await admin.post(`/admin/outbox/${id}/retry`, {}, { formPage: '/admin/outbox' });
    expect(retried.statusCode).toBe(303);
    expect(retried.headers.location).toBe(`/admin/outbox?done=queued&mail=${id}`);
    expect((await admin.get(String(retried.headers.location))).body).toContain(`Mail ${id} is queued again.`);
    const [row] = await t.deps.db.select().from(schema.outbox).where(eq(schema.outbox.id, id));
    expect(row?.lastError).toBeNull();
    expect(row?.sentAt).toBeNull();
    expect(row?.nextAttemptAt.getTime()).toBe(t.clock.now().getTime());
    expect(t.mailQueuedSignals).toBeGreaterThan(0);
    const audits = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'admin.outbox.retry'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      subjectId: String(id),
      familyId: file.family.id,
      actorUserId: adminId,
    });

    // Not failed any more: a second press changes nothing and says so.
    const again = await admin.post(`/admin/outbox/${id}/retry`, {}, { formPage: '/admin/outbox' });
    expect(again.headers.location).toBe(`/admin/outbox?done=notFailed&mail=${id}`);
    expect(
      (await admin.post('/admin/outbox/987654/retry', {}, { formPage: '/admin/outbox' })).statusCode,
    ).toBe(404);

    const smtp = await startSmtp();
    try {
      const transport = createMailTransport({ smtpUrl: smtp.url });
      if (!transport) throw new Error('no transport');
      const result = await deliverOutbox(t.deps.db, transport, t.clock, { from: 'loket@test.example' });
      expect(result.sent).toBeGreaterThanOrEqual(1);
      expect(smtp.received.some((m) => m.subject === 'Aanvraag ontvangen voor Zoë')).toBe(true);
    } finally {
      await smtp.close();
    }
    const [sent] = await t.deps.db.select().from(schema.outbox).where(eq(schema.outbox.id, id));
    expect(sent?.sentAt).not.toBeNull();
    expect((await admin.get('/admin/outbox')).body).toContain('data-qa="count-sent">1<');
  });

  it('says plainly that the job system is not running in the test app', async () => {
    const res = await admin.get('/admin/jobs');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-qa="jobs-not-running"');
  });

  it('refuses every other role (403) and sends anonymous visitors to log in', async () => {
    const [org] = await t.deps.db
      .insert(schema.intermediaryOrganisations)
      .values({ municipalityId: s.municipality.id, name: 'OCMW Test', kind: 'ocmw' })
      .returning();
    const roles: {
      role: Role;
      municipalityId?: string;
      providerLocationId?: string;
      intermediaryOrganisationId?: string;
    }[] = [
      { role: 'parent' },
      { role: 'intermediary', intermediaryOrganisationId: org?.id },
      { role: 'provider_staff', providerLocationId: s.first.id },
      { role: 'provider_admin', providerLocationId: s.first.id },
      { role: 'desk', municipalityId: s.municipality.id },
      { role: 'policy', municipalityId: s.municipality.id },
    ];
    for (const grant of roles) {
      const user = await aUser(t.deps.db, grant);
      const client = new TestClient(t.app);
      await client.login(user.email, TEST_PASSWORD);
      await client.get('/account');
      for (const [method, url] of ROUTES) {
        const res = method === 'GET' ? await client.get(url) : await client.post(url, {});
        expect(res.statusCode, `${grant.role} ${method} ${url}`).toBe(403);
      }
    }
    const anonymous = new TestClient(t.app);
    for (const [method, url] of ROUTES.filter(([m]) => m === 'GET')) {
      const res = await anonymous.get(url);
      expect(res.statusCode, `${method} ${url}`).toBe(303);
      expect(String(res.headers.location)).toContain('/login');
    }
  });
});
