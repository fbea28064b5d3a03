import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { invitationLink as invitationLinkIn } from '../../../test/invitations.ts';
import { schema } from '../../platform/db/index.ts';

const LIST = '/desk/organisations';

describe.each(BACKENDS)('the desk’s intermediary organisations on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let officer: Awaited<ReturnType<typeof aUser>>;
  let ocmw: typeof schema.intermediaryOrganisations.$inferSelect;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const [row] = await t.deps.db
      .insert(schema.intermediaryOrganisations)
      .values({ municipalityId: s.municipality.id, name: 'OCMW Test', kind: 'ocmw' })
      .returning();
    if (!row) throw new Error('insert failed');
    ocmw = row;
    officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    desk = new TestClient(t.app);
    await desk.login(officer.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  const db = () => t.deps.db;
  const page = (id = ocmw.id) => `${LIST}/${id}`;
  const audits = () =>
    db().select().from(schema.auditLog).where(eq(schema.auditLog.action, 'desk.organisations.manage'));
  const invitationLink = (to: string) => invitationLinkIn(db(), 'intermediary.invited', to);
  const grantsOf = async (userId: string) =>
    db()
      .select({ role: schema.roleGrants.role, org: schema.roleGrants.intermediaryOrganisationId })
      .from(schema.roleGrants)
      .where(eq(schema.roleGrants.userId, userId));

  it('lists the municipality’s organisations, linked from the desk’s navigation, and adds one', async () => {
    expect((await desk.get('/desk')).body).toContain(`href="${LIST}"`);
    await aUser(db(), { role: 'intermediary', intermediaryOrganisationId: ocmw.id });
    const list = await desk.get(LIST);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Doorverwijzende organisaties');
    expect(list.body).toMatch(/OCMW Test<\/a>[\s\S]*?OCMW<\/td>[\s\S]*?data-qa="organisation-staff">1</);

    const created = await desk.post(LIST, { name: '  CAW Oost  ', kind: 'caw' });
    expect(created.statusCode).toBe(303);
    const [caw] = await db()
      .select()
      .from(schema.intermediaryOrganisations)
      .where(eq(schema.intermediaryOrganisations.name, 'CAW Oost'));
    expect(caw).toMatchObject({ municipalityId: s.municipality.id, kind: 'caw' });
    expect(created.headers.location).toBe(`${page(caw?.id)}?done=created`);
    const shown = await desk.get(created.headers.location as string);
    expect(shown.body).toContain('De organisatie is toegevoegd.');
    expect(shown.body).toContain('Deze organisatie heeft nog geen medewerkers.');
    expect(await audits()).toEqual([
      expect.objectContaining({
        actorUserId: officer.id,
        actorRole: 'desk',
        subjectType: 'intermediary_organisation',
        subjectId: caw?.id,
      }),
    ]);
  });

  it('refuses bad input with 400 and the messages in the user’s language, changing nothing', async () => {
    const french = await aUser(db(), { role: 'desk', municipalityId: s.municipality.id, language: 'fr' });
    const fr = new TestClient(t.app);
    await fr.login(french.email, TEST_PASSWORD);
    await fr.get(LIST);
    const empty = await fr.post(LIST, { name: ' ', kind: 'bank' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Organisations partenaires');
    expect(empty.body).toContain('Choisissez une des possibilités');
    const taken = await desk.post(LIST, { name: 'ocmw test', kind: 'ocmw' }, { formPage: LIST });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Er is al een organisatie met deze naam in uw gemeente.');
    const weird = await desk.post(LIST, { name: ['a', 'b'], kind: ['x'], extra: 'y' }, { formPage: LIST });
    expect(weird.statusCode).toBe(400);

    await desk.get(page());
    const badMail = await desk.post(`${page()}/invitations`, {
      email: 'geen-adres',
      displayName: '',
      language: 'xx',
    });
    expect(badMail.statusCode).toBe(400);
    expect(badMail.body).toContain('Vul een geldig e-mailadres in');
    expect(await db().select().from(schema.intermediaryOrganisations)).toHaveLength(1);
    expect(await db().select().from(schema.staffInvitations)).toHaveLength(0);
    expect(await db().select().from(schema.outbox)).toHaveLength(0);
    expect(await audits()).toHaveLength(0);
  });

  it('invites a staff member, who gets access only by accepting the mailed link', async () => {
    await desk.get(page());
    const res = await desk.post(`${page()}/invitations`, {
      email: 'Nieuwe.Maatschappelijk@ocmw.example',
      displayName: 'Nieuwe Maatschappelijk Werker',
      language: 'nl',
    });
    expect(res.statusCode).toBe(303);
    const [invitation] = await db().select().from(schema.staffInvitations);
    expect(invitation).toMatchObject({
      intermediaryOrganisationId: ocmw.id,
      organisationId: null,
      role: 'intermediary',
      invitedBy: officer.id,
      acceptedAt: null,
    });
    expect(invitation?.expiresAt.getTime()).toBe(t.clock.now().getTime() + 7 * 86_400_000);
    expect(res.headers.location).toBe(`${page()}?done=invited&invitation=${invitation?.id}`);
    const shown = await desk.get(res.headers.location as string);
    expect(shown.body).toContain('De uitnodiging is verstuurd naar nieuwe.maatschappelijk@ocmw.example.');
    expect(shown.body).toMatch(/data-qa="invitation"[\s\S]*Nieuwe Maatschappelijk Werker/);
    // Already invited: refused, no second mail.
    const again = await desk.post(`${page()}/invitations`, {
      email: 'nieuwe.maatschappelijk@ocmw.example',
      displayName: 'X',
      language: 'nl',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('openstaande uitnodiging');

    const { mail, link, token } = await invitationLink('nieuwe.maatschappelijk@ocmw.example');
    expect(mail?.subject).toContain('OCMW Test');
    const [created] = await db()
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, 'nieuwe.maatschappelijk@ocmw.example'));
    expect(created?.passwordHash).toBeNull();
    expect(await grantsOf(created?.id as string)).toEqual([]);

    const invited = new TestClient(t.app);
    const open = await invited.get(link);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain('OCMW Test');
    expect(open.body).not.toContain('data-qa="invitation-locations"');
    const accepted = await invited.post('/invitation', {
      token,
      answer: 'accept',
      password: 'een-nieuw-wachtwoord',
      passwordRepeat: 'een-nieuw-wachtwoord',
    });
    expect(accepted.headers.location).toBe('/invitation/done?answer=accepted');
    expect(await grantsOf(created?.id as string)).toEqual([{ role: 'intermediary', org: ocmw.id }]);
    await invited.login('nieuwe.maatschappelijk@ocmw.example', 'een-nieuw-wachtwoord');
    const home = await invited.get('/intermediary');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('OCMW Test');
    const after = await desk.get(page());
    expect(after.body).toMatch(/data-qa="staff-member"[\s\S]*Nieuwe Maatschappelijk Werker/);
    expect(after.body).toContain('Er zijn geen openstaande uitnodigingen.');
    expect(
      (
        await desk.post(`${page()}/invitations`, {
          email: 'nieuwe.maatschappelijk@ocmw.example',
          displayName: 'X',
          language: 'nl',
        })
      ).body,
    ).toContain('Deze persoon werkt al voor deze organisatie');
  });

  it('invites an existing account, which answers only once logged in as itself; declining grants nothing', async () => {
    const parent = await aUser(db(), { role: 'parent', email: 'ouder@example.be' });
    const invite = async () => {
      await desk.get(page());
      const res = await desk.post(`${page()}/invitations`, {
        email: 'ouder@example.be',
        displayName: 'Ignored For An Existing Account',
        language: 'en',
      });
      expect(res.statusCode).toBe(303);
      return invitationLink('ouder@example.be');
    };
    const first = await invite();
    expect(first.mail?.textBody).toContain('Meld u aan met uw bestaande account');
    const anonymous = await new TestClient(t.app).get(first.link);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login\?next=/);

    const client = new TestClient(t.app);
    await client.login(parent.email, TEST_PASSWORD);
    expect((await client.get(first.link)).statusCode).toBe(200);
    const declined = await client.post('/invitation', { token: first.token, answer: 'decline' });
    expect(declined.headers.location).toBe('/invitation/done?answer=declined');
    expect(await grantsOf(parent.id)).toEqual([{ role: 'parent', org: null }]);

    const second = await invite();
    await client.get(second.link);
    const accepted = await client.post('/invitation', { token: second.token, answer: 'accept' });
    expect(accepted.headers.location).toBe('/invitation/done?answer=accepted');
    expect(await grantsOf(parent.id)).toEqual(
      expect.arrayContaining([
        { role: 'parent', org: null },
        { role: 'intermediary', org: ocmw.id },
      ]),
    );
    expect((await client.get('/intermediary')).statusCode).toBe(200);
    const responses = await db()
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'staff.invitation.respond'));
    expect(responses.map((r) => (r.details as { answer: string }).answer)).toEqual(['decline', 'accept']);
    expect(responses[1]?.details).toMatchObject({ intermediaryOrganisationId: ocmw.id });
  });

  it('withdraws an open invitation: its link no longer works', async () => {
    await desk.get(page());
    await desk.post(`${page()}/invitations`, {
      email: 'later@caw.example',
      displayName: 'Later',
      language: 'en',
    });
    const { link } = await invitationLink('later@caw.example');
    const [invitation] = await db().select().from(schema.staffInvitations);
    await desk.get(page());
    const res = await desk.post(`${page()}/invitations/${invitation?.id}/withdraw`, {});
    expect(res.headers.location).toBe(`${page()}?done=withdrawn`);
    expect((await desk.get(`${page()}?done=withdrawn`)).body).toContain('De uitnodiging is ingetrokken');
    expect((await new TestClient(t.app).get(link)).statusCode).toBe(410);
    const twice = await desk.post(`${page()}/invitations/${invitation?.id}/withdraw`, {});
    expect(twice.statusCode).toBe(404);
    expect((await audits()).map((a) => (a.details as { change: string }).change)).toEqual([
      'invited',
      'withdrawn',
    ]);
  });

  it('removes a staff member after confirmation: the grant goes and their session ends at once', async () => {
    const worker = await aUser(db(), { role: 'intermediary', intermediaryOrganisationId: ocmw.id });
    const intermediary = new TestClient(t.app);
    await intermediary.login(worker.email, TEST_PASSWORD);
    expect((await intermediary.get('/intermediary')).statusCode).toBe(200);

    const remove = `${page()}/staff/${worker.id}/remove`;
    expect((await desk.get(page())).body).toContain(`href="${remove}"`);
    const confirm = await desk.get(remove);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`${worker.displayName} weghalen bij de organisatie?`);
    expect(confirm.body).toContain('meteen afgemeld');
    // Without the confirmation page's field, nothing happens: back to that page.
    const unconfirmed = await desk.post(remove, {});
    expect(unconfirmed.headers.location).toBe(remove);
    expect(await grantsOf(worker.id)).toHaveLength(1);

    await desk.get(remove);
    const done = await desk.post(remove, { confirmed: 'yes' });
    expect(done.headers.location).toBe(`${page()}?done=removed`);
    expect(await grantsOf(worker.id)).toEqual([]);
    expect(await db().select().from(schema.sessions).where(eq(schema.sessions.userId, worker.id))).toEqual(
      [],
    );
    const next = await intermediary.get('/intermediary');
    expect(next.statusCode).toBe(303);
    expect(next.headers.location).toMatch(/^\/login/);
    expect((await desk.get(`${page()}?done=removed`)).body).toContain('is afgemeld');
    expect(await db().select().from(schema.users).where(eq(schema.users.id, worker.id))).toHaveLength(1);
    const [audit] = await audits();
    expect(audit).toMatchObject({ subjectType: 'user', subjectId: worker.id, actorRole: 'desk' });
    // Gone already: 404.
    expect((await desk.get(remove)).statusCode).toBe(404);
  });

  it('answers 404 for another municipality’s organisation and 403 for other roles', async () => {
    const other = await aMunicipality(db(), { regionId: s.region.id });
    const [elsewhere] = await db()
      .insert(schema.intermediaryOrganisations)
      .values({ municipalityId: other.id, name: 'OCMW Elders', kind: 'ocmw' })
      .returning();
    const theirs = page(elsewhere?.id);
    const worker = await aUser(db(), { role: 'intermediary', intermediaryOrganisationId: elsewhere?.id });
    expect((await desk.get(LIST)).body).not.toContain('OCMW Elders');
    expect((await desk.get(theirs)).statusCode).toBe(404);
    await desk.get(LIST);
    expect(
      (await desk.post(`${theirs}/invitations`, { email: 'a@b.example', displayName: 'A', language: 'nl' }))
        .statusCode,
    ).toBe(404);
    expect((await desk.get(`${theirs}/staff/${worker.id}/remove`)).statusCode).toBe(404);
    await desk.get(LIST);
    expect((await desk.post(`${theirs}/staff/${worker.id}/remove`, { confirmed: 'yes' })).statusCode).toBe(
      404,
    );
    expect(await grantsOf(worker.id)).toHaveLength(1);
    expect(await db().select().from(schema.staffInvitations)).toHaveLength(0);

    const intermediary = new TestClient(t.app);
    await intermediary.login(worker.email, TEST_PASSWORD);
    expect((await intermediary.get(LIST)).statusCode).toBe(403);
    expect((await intermediary.get(page())).statusCode).toBe(403);
  });
});
