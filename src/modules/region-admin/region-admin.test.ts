import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import {
  aFamilyRequest,
  aMunicipality,
  aProviderLocation,
  aRegion,
  aScenario,
  aUser,
  TEST_PASSWORD,
} from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { invitationLink as invitationLinkIn } from '../../../test/invitations.ts';
import { schema } from '../../platform/db/index.ts';
import { searchLocations } from '../requests/index.ts';

const LIST = '/admin/municipalities';

describe.each(BACKENDS)('the platform admin’s regions and municipalities on %s', (backend) => {
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
  const audits = () =>
    db().select().from(schema.auditLog).where(eq(schema.auditLog.action, 'admin.municipalities.manage'));
  const changes = async () => (await audits()).map((a) => (a.details as { change: string }).change);
  const invitationLink = (to: string) => invitationLinkIn(db(), 'municipality.staff.invited', to);
  const grantsOf = (userId: string) =>
    db()
      .select({ role: schema.roleGrants.role, municipalityId: schema.roleGrants.municipalityId })
      .from(schema.roleGrants)
      .where(eq(schema.roleGrants.userId, userId));

  const newMunicipality = {
    name: 'Bertem',
    nisCode: '24009',
    subMunicipalities: '3060 Bertem\n3060 Korbeek-Dijle\r\n3061 Leefdaal\n',
  };

  /** Creates a municipality through the form; its id. */
  async function create(values: Record<string, string> = {}) {
    await admin.get(`${LIST}/new`);
    const res = await admin.post(LIST, { ...newMunicipality, regionId: s.region.id, ...values });
    expect(res.statusCode, res.body).toBe(303);
    const id = /\/admin\/municipalities\/([0-9a-f-]{36})\?done=created$/.exec(
      String(res.headers.location),
    )?.[1];
    if (!id) throw new Error('no municipality id');
    return id;
  }

  /** Invites through the form and accepts as a new account with a password; the account id. */
  async function appoint(municipalityId: string, email: string, role: 'desk' | 'policy') {
    await admin.get(`${LIST}/${municipalityId}`);
    const res = await admin.post(`${LIST}/${municipalityId}/invitations`, {
      email,
      displayName: `Nieuwe ${role}`,
      language: 'nl',
      role,
    });
    expect(res.statusCode, res.body).toBe(303);
    const [user] = await db().select().from(schema.users).where(eq(schema.users.email, email));
    expect(await grantsOf(user?.id as string)).toEqual([]);
    const { token, link } = await invitationLink(email);
    const invited = new TestClient(t.app);
    expect((await invited.get(link)).statusCode).toBe(200);
    const accepted = await invited.post('/invitation', {
      token,
      answer: 'accept',
      password: 'een-nieuw-wachtwoord',
      passwordRepeat: 'een-nieuw-wachtwoord',
    });
    expect(accepted.headers.location).toBe('/invitation/done?answer=accepted');
    const client = new TestClient(t.app);
    await client.login(email, 'een-nieuw-wachtwoord');
    return { id: user?.id as string, client };
  }

  it('creates a region, and refuses a code or name another region has, changing nothing', async () => {
    await admin.get('/admin/regions/new');
    const res = await admin.post('/admin/regions', { name: 'Interleuven', code: 'interleuven' });
    expect(res.headers.location).toBe(`${LIST}?done=regionCreated`);
    const list = await admin.get(res.headers.location as string);
    expect(list.body).toContain('De regio is toegevoegd.');
    expect(list.body).toMatch(/data-qa="region"[\s\S]*Interleuven/);
    const [region] = await db().select().from(schema.regions).where(eq(schema.regions.code, 'interleuven'));
    expect(await audits()).toEqual([
      expect.objectContaining({
        actorUserId: adminUser.id,
        actorRole: 'platform_admin',
        subjectType: 'region',
        subjectId: region?.id,
      }),
    ]);

    const again = await admin.post('/admin/regions', { name: ' interleuven ', code: 'interleuven' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Er is al een regio met deze code.');
    expect(again.body).toContain('Er is al een regio met deze naam.');
    const bad = await admin.post('/admin/regions', { name: '', code: 'Inter Leuven!' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vul een korte code in');
    expect(await db().select().from(schema.regions)).toHaveLength(2);
    expect(await audits()).toHaveLength(1);
  });

  it('creates a municipality with its sub-municipalities and the default settings', async () => {
    expect((await admin.get('/admin')).body).toContain(`href="${LIST}"`);
    const id = await create();
    const [row] = await db().select().from(schema.municipalities).where(eq(schema.municipalities.id, id));
    expect(row).toMatchObject({
      name: 'Bertem',
      nisCode: '24009',
      slug: 'bertem',
      regionId: s.region.id,
      emergencyWindowDays: 30,
      maxPreferences: 5,
      active: true,
    });
    const subs = await db()
      .select({ name: schema.subMunicipalities.name, postcode: schema.subMunicipalities.postcode })
      .from(schema.subMunicipalities)
      .where(eq(schema.subMunicipalities.municipalityId, id));
    expect(subs).toEqual(
      expect.arrayContaining([
        { name: 'Bertem', postcode: '3060' },
        { name: 'Korbeek-Dijle', postcode: '3060' },
        { name: 'Leefdaal', postcode: '3061' },
      ]),
    );
    expect(subs).toHaveLength(3);
    const page = await admin.get(`${LIST}/${id}?done=created`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('De gemeente is toegevoegd.');
    expect(page.body).toContain('Deze gemeente heeft nog geen medewerkers.');
    expect((await admin.get(LIST)).body).toMatch(/Bertem<\/a>[\s\S]*?24009/);
    // The only region: nowhere to move to yet, so the page says to add one first.
    expect((await admin.get(`${LIST}/${id}/region`)).body).toContain('Er is nog geen andere regio.');
    expect(await audits()).toEqual([
      expect.objectContaining({ subjectType: 'municipality', subjectId: id, actorUserId: adminUser.id }),
    ]);
  });

  it('refuses a duplicate NIS code, an empty name and bad sub-municipality lines, changing nothing', async () => {
    await create();
    const before = await db().select().from(schema.municipalities);
    const french = await aUser(db(), { role: 'platform_admin', language: 'fr' });
    const fr = new TestClient(t.app);
    await fr.login(french.email, TEST_PASSWORD);
    await fr.get(`${LIST}/new`);
    const duplicate = await fr.post(LIST, {
      name: 'Autre',
      nisCode: '24009',
      regionId: s.region.id,
      subMunicipalities: '3000 Ailleurs',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('Une commune a déjà ce code INS.');
    const empty = await admin.post(
      LIST,
      { name: '  ', nisCode: '24062', regionId: s.region.id, subMunicipalities: '3000 Leuven' },
      { formPage: `${LIST}/new` },
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('ko-error-summary"');
    expect(empty.body).toContain('href="#field-name"');
    const sameName = await admin.post(LIST, {
      name: 'bertem',
      nisCode: '24062',
      regionId: s.region.id,
      subMunicipalities: '3000 Leuven',
    });
    expect(sameName.body).toContain('Er is al een gemeente met deze naam.');
    const lines = await admin.post(LIST, {
      name: 'Leuven',
      nisCode: '2406',
      regionId: 'not-a-region',
      subMunicipalities: 'Leuven zonder postcode',
    });
    expect(lines.statusCode).toBe(400);
    expect(lines.body).toContain('Vul de NIS-code in: vijf cijfers');
    expect(lines.body).toContain('Schrijf één regel per deelgemeente');
    expect(lines.body).toContain('Kies een van de mogelijkheden.');
    const unknownRegion = await admin.post(LIST, {
      name: 'Leuven',
      nisCode: '24062',
      regionId: '00000000-0000-4000-8000-000000000000',
      subMunicipalities: '3000 Leuven',
    });
    expect(unknownRegion.statusCode).toBe(400);
    expect(await db().select().from(schema.municipalities)).toEqual(before);
    expect(await audits()).toHaveLength(1);
  });

  it('appoints a desk officer who, once accepted, works in the new municipality at once', async () => {
    const id = await create();
    const { id: officerId, client: officer } = await appoint(id, 'loket@bertem.example', 'desk');
    expect(await grantsOf(officerId)).toEqual([{ role: 'desk', municipalityId: id }]);
    const { mail } = await invitationLink('loket@bertem.example');
    expect(mail?.subject).toContain('Bertem');
    expect(mail?.textBody).toContain('tweede factor');

    const today = await officer.get('/desk');
    expect(today.statusCode).toBe(200);
    expect((await officer.get('/desk/settings')).statusCode).toBe(200);
    expect((await officer.get('/desk/settings')).body).toContain('Korbeek-Dijle');
    expect((await officer.get('/desk/providers')).statusCode).toBe(200);
    expect((await officer.get('/desk/organisations')).statusCode).toBe(200);

    const page = await admin.get(`${LIST}/${id}`);
    expect(page.body).toMatch(/data-qa="staff-member"[\s\S]*Nieuwe desk/);
    expect(page.body).toContain('Er zijn geen openstaande uitnodigingen.');
    // Already has the role: refused, no second mail.
    const again = await admin.post(`${LIST}/${id}/invitations`, {
      email: 'loket@bertem.example',
      displayName: 'X',
      language: 'nl',
      role: 'desk',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Deze persoon heeft deze rol al in deze gemeente');
    expect(await changes()).toEqual(['created', 'invited']);
    const responses = await db()
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'staff.invitation.respond'));
    expect(responses[0]?.details).toMatchObject({ municipalityId: id, role: 'desk', answer: 'accept' });
  });

  it('appoints a policy officer, who sees the figures and no family pages', async () => {
    const id = await create();
    const { id: policyId, client } = await appoint(id, 'beleid@bertem.example', 'policy');
    expect(await grantsOf(policyId)).toEqual([{ role: 'policy', municipalityId: id }]);
    expect((await client.get('/figures')).statusCode).toBe(200);
    expect((await client.get('/desk')).statusCode).toBe(403);
  });

  it('removes a desk officer after the confirmation page: the grant goes and the session ends', async () => {
    const id = await create();
    const { id: officerId, client: officer } = await appoint(id, 'loket@bertem.example', 'desk');
    expect((await officer.get('/desk')).statusCode).toBe(200);
    const removePath = `${LIST}/${id}/staff/${officerId}/remove`;
    const confirm = await admin.get(removePath);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('meteen afgemeld');
    // Without the confirmation field: back to the confirmation page, nothing removed.
    const unconfirmed = await admin.post(removePath, {});
    expect(unconfirmed.headers.location).toBe(removePath);
    expect(await grantsOf(officerId)).toHaveLength(1);

    const removed = await admin.post(removePath, { confirmed: 'yes' });
    expect(removed.headers.location).toBe(`${LIST}/${id}?done=removed`);
    expect(await grantsOf(officerId)).toEqual([]);
    const after = await officer.get('/desk');
    expect(after.statusCode).toBe(303);
    expect(String(after.headers.location)).toContain('/login');
    expect(
      await db().select().from(schema.sessions).where(eq(schema.sessions.userId, officerId)),
    ).toHaveLength(0);
    expect((await admin.get(`${LIST}/${id}?done=removed`)).body).toContain('is afgemeld');
    // Not (any more) staff of this municipality: 404.
    expect((await admin.post(removePath, { confirmed: 'yes' })).statusCode).toBe(404);
    const stranger = await aUser(db(), { role: 'desk', municipalityId: s.municipality.id });
    expect((await admin.get(`${LIST}/${id}/staff/${stranger.id}/remove`)).statusCode).toBe(404);
    expect(await grantsOf(stranger.id)).toHaveLength(1);
    const rows = await audits();
    expect(rows.at(-1)).toMatchObject({
      subjectType: 'user',
      subjectId: officerId,
      details: expect.objectContaining({ municipalityId: id, change: 'removed', sessionsEnded: true }),
    });
  });

  it('withdraws an open invitation: its link no longer works', async () => {
    const id = await create();
    await admin.get(`${LIST}/${id}`);
    await admin.post(`${LIST}/${id}/invitations`, {
      email: 'later@bertem.example',
      displayName: 'Later',
      language: 'fr',
      role: 'policy',
    });
    const { link, mail } = await invitationLink('later@bertem.example');
    expect(mail?.subject).toContain('Invitation\u00a0: guichet');
    const [invitation] = await db().select().from(schema.staffInvitations);
    expect(invitation).toMatchObject({ municipalityId: id, role: 'policy', organisationId: null });
    const res = await admin.post(`${LIST}/${id}/invitations/${invitation?.id}/withdraw`, {});
    expect(res.headers.location).toBe(`${LIST}/${id}?done=withdrawn`);
    expect((await new TestClient(t.app).get(link)).statusCode).toBe(410);
    expect((await admin.post(`${LIST}/${id}/invitations/${invitation?.id}/withdraw`, {})).statusCode).toBe(
      404,
    );
    expect(await changes()).toEqual(['created', 'invited', 'withdrawn']);
  });

  it('lets a municipality join a region: its locations become choosable region-wide, its families stay its own', async () => {
    // Tervuren ran on its own (a region of one); Leuven's region (s) has its own desk.
    const own = await aRegion(db());
    const tervuren = await aMunicipality(db(), { regionId: own.id, name: 'Tervuren' });
    const kdv = await aProviderLocation(db(), { municipalityId: tervuren.id, name: 'KDV Het Zoniënwoud' });
    const family = await aFamilyRequest(db(), { municipalityId: tervuren.id, locations: [kdv.id] });
    const leuvenDesk = await aUser(db(), { role: 'desk', municipalityId: s.municipality.id });
    const desk = new TestClient(t.app);
    await desk.login(leuvenDesk.email, TEST_PASSWORD);
    const regionSearch = async () =>
      (await searchLocations(db(), { regionId: s.region.id, name: 'Zoniënwoud' }, 10)).map((l) => l.id);
    expect(await regionSearch()).toEqual([]);
    expect((await desk.get(`/desk/families/${family.family.id}`)).statusCode).toBe(404);

    const path = `${LIST}/${tervuren.id}/region`;
    const confirm = await admin.get(path);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('andere loketten zien haar gezinnen niet');
    // Its own region again: refused, nothing changed.
    const same = await admin.post(path, { confirmed: 'yes', regionId: own.id });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('De gemeente hoort al bij deze regio.');
    expect((await admin.post(path, { regionId: s.region.id })).headers.location).toBe(path);
    expect(await regionSearch()).toEqual([]);

    const joined = await admin.post(path, { confirmed: 'yes', regionId: s.region.id });
    expect(joined.headers.location).toBe(`${LIST}/${tervuren.id}?done=joined`);
    expect((await admin.get(joined.headers.location as string)).body).toContain(
      `De gemeente hoort nu bij ${s.region.name}`,
    );
    expect(await regionSearch()).toEqual([kdv.id]);
    // Its data stays its own: Leuven's desk still does not see its families.
    expect((await desk.get(`/desk/families/${family.family.id}`)).statusCode).toBe(404);
    const search = `/desk/search?fileNumber=${family.family.fileNumber}`;
    const fileLink = `href="/desk/families/${family.family.id}"`;
    expect((await desk.get(search)).body).not.toContain(fileLink);
    // …while its own desk does.
    const tervurenDesk = await aUser(db(), { role: 'desk', municipalityId: tervuren.id });
    const ownDesk = new TestClient(t.app);
    await ownDesk.login(tervurenDesk.email, TEST_PASSWORD);
    expect((await ownDesk.get(search)).body).toContain(fileLink);
    const rows = await audits();
    expect(rows.at(-1)).toMatchObject({
      subjectType: 'municipality',
      subjectId: tervuren.id,
      details: { change: 'joinedRegion', fromRegionId: own.id, toRegionId: s.region.id },
    });
  });

  it('answers 404 for a municipality that does not exist, and 403 to other roles', async () => {
    expect((await admin.get(`${LIST}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await admin.get(`${LIST}/not-an-id`)).statusCode).toBe(404);
    const desk = await aUser(db(), { role: 'desk', municipalityId: s.municipality.id });
    const client = new TestClient(t.app);
    await client.login(desk.email, TEST_PASSWORD);
    expect((await client.get(LIST)).statusCode).toBe(403);
    expect((await client.get(`${LIST}/${s.municipality.id}`)).statusCode).toBe(403);
  });
});
