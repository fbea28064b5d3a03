import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { invitationLink as invitationLinkIn } from '../../../test/invitations.ts';
import { schema } from '../../platform/db/index.ts';

describe.each(BACKENDS)('the platform admin appoints a region’s policy staff on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let admin: TestClient;
  let adminUser: Awaited<ReturnType<typeof aUser>>;
  let page: string;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    adminUser = await aUser(t.deps.db, { role: 'platform_admin' });
    admin = new TestClient(t.app);
    await admin.login(adminUser.email, TEST_PASSWORD);
    page = `/admin/regions/${s.region.id}`;
  });
  afterEach(async () => t.close());

  const db = () => t.deps.db;
  const changes = async () =>
    (
      await db()
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, 'admin.municipalities.manage'))
    ).map((a) => (a.details as { change: string }).change);
  const regionGrants = (userId: string) =>
    db()
      .select({
        role: schema.roleGrants.role,
        regionId: schema.roleGrants.regionId,
        municipalityId: schema.roleGrants.municipalityId,
      })
      .from(schema.roleGrants)
      .where(eq(schema.roleGrants.userId, userId));
  const invitationLink = (to: string) => invitationLinkIn(db(), 'region.staff.invited', to);

  async function invite(email: string, language: 'nl' | 'fr' | 'en' = 'nl') {
    await admin.get(page);
    return admin.post(`${page}/invitations`, { email, displayName: 'Sara Regio', language });
  }

  /** Invites, then accepts as a new account; the account and a logged-in client. */
  async function appoint(email: string) {
    const res = await invite(email);
    expect(res.statusCode, res.body).toBe(303);
    const [user] = await db().select().from(schema.users).where(eq(schema.users.email, email));
    const userId = user?.id as string;
    expect(await regionGrants(userId)).toEqual([]);
    const { token, link } = await invitationLink(email);
    const invited = new TestClient(t.app);
    const invitation = await invited.get(link);
    expect(invitation.body).toContain('beleidsmedewerker voor de hele regio');
    const accepted = await invited.post('/invitation', {
      token,
      answer: 'accept',
      password: 'een-nieuw-wachtwoord',
      passwordRepeat: 'een-nieuw-wachtwoord',
    });
    expect(accepted.headers.location).toBe('/invitation/done?answer=accepted');
    const client = new TestClient(t.app);
    await client.login(email, 'een-nieuw-wachtwoord');
    return { userId, client };
  }

  it('shows the region with its municipalities, and its policy staff once an invitation is accepted', async () => {
    const bertem = await aMunicipality(db(), { regionId: s.region.id, name: 'Bertem' });
    const overview = await admin.get('/admin/municipalities');
    expect(overview.body).toContain(`href="${page}"`);
    const empty = await admin.get(page);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Deze regio heeft nog geen beleidsmedewerkers.');
    expect(empty.body).toContain(`href="/admin/municipalities/${bertem.id}"`);
    expect(empty.body).toContain(`href="/admin/municipalities/${s.municipality.id}"`);

    const sent = await invite('regio@beleid.example');
    expect(sent.headers.location).toMatch(new RegExp(`^${page}\\?done=invited&invitation=`));
    expect((await admin.get(sent.headers.location as string)).body).toContain(
      'De uitnodiging is verstuurd naar regio@beleid.example.',
    );
    const { mail } = await invitationLink('regio@beleid.example');
    expect(mail?.subject).toBe(`Uitnodiging: cijfers kinderopvang van ${s.region.name}`);
    expect(mail?.textBody).toContain('beleidsmedewerker voor de hele regio (alleen cijfers)');
    const [invitation] = await db().select().from(schema.staffInvitations);
    expect(invitation).toMatchObject({ regionId: s.region.id, role: 'policy', municipalityId: null });
    expect(await changes()).toEqual(['invited']);
  });

  it('gives an accepted policy officer the whole region’s figures, and no family pages', async () => {
    const { userId, client } = await appoint('regio@beleid.example');
    expect(await regionGrants(userId)).toEqual([
      { role: 'policy', regionId: s.region.id, municipalityId: null },
    ]);
    const figures = await client.get('/figures');
    expect(figures.statusCode).toBe(200);
    expect(figures.body).toContain(s.region.name);
    expect((await client.get('/desk')).statusCode).toBe(403);
    expect((await admin.get(page)).body).toMatch(/data-qa="staff-member"[\s\S]*Sara Regio/);
    const responses = await db()
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'staff.invitation.respond'));
    expect(responses[0]?.details).toMatchObject({ regionId: s.region.id, role: 'policy', answer: 'accept' });

    // Already on the team: refused with the reason, no second invitation or mail.
    const again = await invite('regio@beleid.example');
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Deze persoon is al beleidsmedewerker van deze regio');
    expect(await db().select().from(schema.staffInvitations)).toHaveLength(1);
  });

  it('refuses a bad address with a message in the admin’s language, changing nothing', async () => {
    const res = await invite('geen-adres');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#field-email"');
    expect(await db().select().from(schema.staffInvitations)).toEqual([]);
    expect(await changes()).toEqual([]);
  });

  it('removes a policy officer after the confirmation page: the region grant goes, the session ends, a municipality grant stays', async () => {
    const { userId, client } = await appoint('regio@beleid.example');
    await db()
      .insert(schema.roleGrants)
      .values({ userId, role: 'policy', municipalityId: s.municipality.id });
    const removePath = `${page}/staff/${userId}/remove`;
    const confirm = await admin.get(removePath);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`ziet de cijfers van ${s.region.name} niet meer`);
    const unconfirmed = await admin.post(removePath, {});
    expect(unconfirmed.headers.location).toBe(removePath);
    expect(await regionGrants(userId)).toHaveLength(2);

    const removed = await admin.post(removePath, { confirmed: 'yes' });
    expect(removed.headers.location).toBe(`${page}?done=removed`);
    expect(await regionGrants(userId)).toEqual([
      { role: 'policy', regionId: null, municipalityId: s.municipality.id },
    ]);
    const after = await client.get('/figures');
    expect(after.statusCode).toBe(303);
    expect(String(after.headers.location)).toContain('/login');
    expect((await admin.get(`${page}?done=removed`)).body).toContain(
      'ziet de cijfers van deze regio niet meer',
    );
    expect((await admin.post(removePath, { confirmed: 'yes' })).statusCode).toBe(404);
    expect(await changes()).toEqual(['invited', 'removed']);
  });

  it('withdraws an open invitation (mailed in French): its link no longer works', async () => {
    await invite('plus-tard@beleid.example', 'fr');
    const { link, mail } = await invitationLink('plus-tard@beleid.example');
    expect(mail?.subject).toBe(`Invitation\u00a0: chiffres de l’accueil de l’enfance de ${s.region.name}`);
    const [invitation] = await db().select().from(schema.staffInvitations);
    const res = await admin.post(`${page}/invitations/${invitation?.id}/withdraw`, {});
    expect(res.headers.location).toBe(`${page}?done=withdrawn`);
    expect((await new TestClient(t.app).get(link)).statusCode).toBe(410);
    // Another region's page cannot withdraw it.
    expect(
      (
        await admin.post(
          `/admin/regions/00000000-0000-4000-8000-000000000000/invitations/${invitation?.id}/withdraw`,
          {},
        )
      ).statusCode,
    ).toBe(404);
    expect(await changes()).toEqual(['invited', 'withdrawn']);
  });

  it('answers 404 for a region that does not exist and for someone not on its team', async () => {
    expect((await admin.get('/admin/regions/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/admin/regions/not-an-id')).statusCode).toBe(404);
    expect((await admin.get(`${page}/staff/${adminUser.id}/remove`)).statusCode).toBe(404);
  });
});
