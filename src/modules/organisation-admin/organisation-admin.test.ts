import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aProviderLocation, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { invitationLink as invitationLinkIn } from '../../../test/invitations.ts';
import { schema } from '../../platform/db/index.ts';
import { hashToken } from '../accounts/index.ts';

describe.each(BACKENDS)('organisation admin: staff and their locations on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let second: Awaited<ReturnType<typeof aProviderLocation>>;
  let admin: TestClient;
  let adminUser: { id: string; email: string; displayName: string };
  let staffPage: string;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    // Organisation A runs two locations: s.first and a second one; its admin manages both.
    second = await aProviderLocation(t.deps.db, {
      municipalityId: s.municipality.id,
      organisationId: s.first.organisationId,
      name: 'KDV De Eerste Stap – Noord',
    });
    adminUser = await aUser(t.deps.db, { role: 'provider_admin', providerLocationId: s.first.id });
    await t.deps.db
      .insert(schema.roleGrants)
      .values({ userId: adminUser.id, role: 'provider_admin', providerLocationId: second.id });
    admin = new TestClient(t.app);
    await admin.login(adminUser.email, TEST_PASSWORD);
    staffPage = `/provider/organisations/${s.first.organisationId}/staff`;
  });
  afterEach(async () => t.close());

  const invitationLink = (to: string) => invitationLinkIn(t.deps.db, 'staff.invited', to);
  const grantsOf = async (userId: string) =>
    (
      await t.deps.db
        .select({ role: schema.roleGrants.role, location: schema.roleGrants.providerLocationId })
        .from(schema.roleGrants)
        .where(eq(schema.roleGrants.userId, userId))
    )
      .map((g) => `${g.role}@${g.location}`)
      .sort();

  it('invites a new member, who gets access only by accepting the invitation with a password', async () => {
    const page = await admin.get(staffPage);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(s.firstStaff.email);
    expect(page.body).not.toContain(s.secondStaff.email);
    expect(page.body).toContain('Er zijn geen openstaande uitnodigingen.');

    const res = await admin.post(staffPage, {
      email: 'Nieuwe.Collega@kdv.example',
      displayName: 'Nieuwe Collega',
      language: 'fr',
      role: 'provider_staff',
      locations: [second.id],
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${staffPage}?done=invited`);
    const [created] = await t.deps.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, 'nieuwe.collega@kdv.example'));
    expect(created).toMatchObject({ passwordHash: null, language: 'fr', displayName: 'Nieuwe Collega' });
    // No access yet: only a pending invitation, whose token is stored hashed, for 7 days.
    expect(await grantsOf(created?.id as string)).toEqual([]);
    const { mail, link, token } = await invitationLink('nieuwe.collega@kdv.example');
    expect(mail?.subject).toContain('Vous êtes invité·e');
    expect(mail?.textBody).toContain('vous choisirez votre mot de passe en acceptant');
    const [invitation] = await t.deps.db.select().from(schema.staffInvitations);
    expect(invitation).toMatchObject({
      tokenHash: hashToken(token),
      userId: created?.id,
      invitedBy: adminUser.id,
      role: 'provider_staff',
      locationIds: [second.id],
      acceptedAt: null,
    });
    expect(JSON.stringify(invitation)).not.toContain(token);
    expect(invitation?.expiresAt.getTime()).toBe(t.clock.now().getTime() + 7 * 86_400_000);
    const listed = await admin.get(`${staffPage}?done=invited`);
    expect(listed.body).toContain(
      'De uitnodiging is verstuurd. De toegang begint zodra de persoon ze aanvaardt.',
    );
    expect(listed.body).toMatch(
      /data-qa="invitation"[\s\S]*Nieuwe Collega[\s\S]*KDV De Eerste Stap – Noord \(medewerker\)/,
    );

    // The link shows the invitation; accepting needs a valid first password.
    const invited = new TestClient(t.app, { 'accept-language': 'fr' });
    const shown = await invited.get(link);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(`${adminUser.displayName} vous invite à travailler chez`);
    expect(shown.body).toContain('en tant que membre du personnel');
    expect(shown.body).toContain('KDV De Eerste Stap – Noord');
    const short = await invited.post('/invitation', {
      token,
      answer: 'accept',
      password: 'kort',
      passwordRepeat: 'kort',
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Au moins 10');
    expect(await grantsOf(created?.id as string)).toEqual([]);
    const accepted = await invited.post('/invitation', {
      token,
      answer: 'accept',
      password: 'een-nieuw-wachtwoord',
      passwordRepeat: 'een-nieuw-wachtwoord',
    });
    expect(accepted.headers.location).toBe('/invitation/done?answer=accepted');
    expect((await invited.get('/invitation/done?answer=accepted')).body).toContain(
      'Vous avez accepté l’invitation',
    );
    expect(await grantsOf(created?.id as string)).toEqual([`provider_staff@${second.id}`]);
    await invited.login('nieuwe.collega@kdv.example', 'een-nieuw-wachtwoord');
    expect((await invited.get(`/provider/locations/${second.id}/waiting-list`)).statusCode).toBe(200);
    expect((await invited.get(`/provider/locations/${s.first.id}/waiting-list`)).statusCode).toBe(404);
    const after = await admin.get(staffPage);
    expect(after.body).toContain('Nieuwe Collega');
    expect(after.body).toContain('Er zijn geen openstaande uitnodigingen.');
    // The link worked once.
    expect((await new TestClient(t.app).get(link)).statusCode).toBe(410);
  });

  it('gives an existing account access only once that account accepts; another account is refused', async () => {
    await admin.get(staffPage);
    const bad = await admin.post(staffPage, {
      email: 'geen-adres',
      displayName: '',
      language: 'nl',
      role: 'provider_staff',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vul een geldig e-mailadres in');
    expect(bad.body).toContain('Kies minstens één opvanglocatie.');
    const foreign = await admin.post(staffPage, {
      email: 'x@kdv.example',
      displayName: 'X',
      language: 'nl',
      role: 'provider_staff',
      locations: [s.second.id],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('Kies een van de mogelijkheden.');
    const again = await admin.post(staffPage, {
      email: s.firstStaff.email,
      displayName: 'Al binnen',
      language: 'nl',
      role: 'provider_staff',
      locations: [second.id],
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Deze persoon heeft al toegang.');
    expect(await t.deps.db.$count(schema.outbox)).toBe(0);

    // Staff of another organisation: invited; nothing granted yet; no password link.
    const before = await grantsOf(s.secondStaff.id);
    const invite = () =>
      admin.post(staffPage, {
        email: s.secondStaff.email,
        displayName: 'Ignored',
        language: 'nl',
        role: 'provider_admin',
        locations: [second.id],
      });
    expect((await invite()).headers.location).toBe(`${staffPage}?done=invited`);
    expect(await grantsOf(s.secondStaff.id)).toEqual(before);
    const { mail, link, token } = await invitationLink(s.secondStaff.email);
    expect(mail?.textBody).toContain('Meld u aan met uw bestaande account om te antwoorden.');
    expect(mail?.textBody).not.toContain('/reset-password');
    await admin.get(staffPage);
    const twice = await invite();
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Deze persoon heeft al een openstaande uitnodiging.');

    // Not logged in: to the log-in page, and back to the invitation afterwards.
    const invited = new TestClient(t.app);
    const anonymous = await invited.get(link);
    expect(anonymous.statusCode).toBe(303);
    const loginPage = String(anonymous.headers.location);
    expect(loginPage).toBe(`/login?next=${encodeURIComponent(link)}`);
    expect(
      (
        await invited.post(
          '/login',
          { email: s.secondStaff.email, password: TEST_PASSWORD, next: link },
          { formPage: loginPage },
        )
      ).headers.location,
    ).toBe(link);

    // Logged in as someone else: refused, clearly, and nothing granted.
    const other = new TestClient(t.app);
    await other.login(s.firstStaff.email, TEST_PASSWORD);
    const refused = await other.get(link);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Deze uitnodiging is voor een ander account');
    const stolen = await other.post('/invitation', { token, answer: 'accept' });
    expect(stolen.statusCode).toBe(403);
    expect(await grantsOf(s.firstStaff.id)).toEqual([`provider_staff@${s.first.id}`]);
    expect(await grantsOf(s.secondStaff.id)).toEqual(before);

    // The invited account declines: nothing granted, the link is closed.
    const page = await invited.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${adminUser.displayName} nodigt u uit om te werken bij`);
    expect(page.body).toContain('als beheerder');
    expect(page.body).not.toContain('name="password"');
    const declined = await invited.post('/invitation', { token, answer: 'decline' });
    expect(declined.headers.location).toBe('/invitation/done?answer=declined');
    expect(await grantsOf(s.secondStaff.id)).toEqual(before);
    const closed = await invited.get(link);
    expect(closed.statusCode).toBe(410);
    expect(closed.body).toContain('Deze uitnodiging is niet meer open');

    // A new invitation, accepted: the grants exist, next to those elsewhere.
    await admin.get(staffPage);
    await invite();
    const next = await invitationLink(s.secondStaff.email);
    await invited.get(next.link);
    const accepted = await invited.post('/invitation', { token: next.token, answer: 'accept' });
    expect(accepted.headers.location).toBe('/invitation/done?answer=accepted');
    expect(await grantsOf(s.secondStaff.id)).toEqual([...before, `provider_admin@${second.id}`].sort());
  });

  it('withdraws an open invitation; an expired or withdrawn one cannot be accepted', async () => {
    await admin.get(staffPage);
    const invite = () =>
      admin.post(staffPage, {
        email: s.secondStaff.email,
        displayName: 'Ignored',
        language: 'nl',
        role: 'provider_staff',
        locations: [s.first.id],
      });
    await invite();
    const first = await invitationLink(s.secondStaff.email);
    const [row] = await t.deps.db.select().from(schema.staffInvitations);
    const withdraw = `${staffPage}/invitations/${row?.id}/withdraw`;
    const page = await admin.get(staffPage);
    expect(page.body).toContain(`action="${withdraw}"`);
    const withdrawn = await admin.post(withdraw, {});
    expect(withdrawn.headers.location).toBe(`${staffPage}?done=withdrawn`);
    expect((await admin.get(`${staffPage}?done=withdrawn`)).body).toContain('De uitnodiging is ingetrokken.');
    expect((await admin.post(withdraw, {})).statusCode).toBe(404);

    const invited = new TestClient(t.app);
    await invited.login(s.secondStaff.email, TEST_PASSWORD);
    expect((await invited.get(first.link)).statusCode).toBe(410);
    await invited.get('/account');
    expect((await invited.post('/invitation', { token: first.token, answer: 'accept' })).statusCode).toBe(
      410,
    );

    await admin.get(staffPage);
    await invite();
    const late = await invitationLink(s.secondStaff.email);
    t.clock.advanceMinutes(7 * 24 * 60 + 1);
    await invited.login(s.secondStaff.email, TEST_PASSWORD);
    expect((await invited.get(late.link)).statusCode).toBe(410);
    await invited.get('/account');
    expect((await invited.post('/invitation', { token: late.token, answer: 'accept' })).statusCode).toBe(410);
    expect(await grantsOf(s.secondStaff.id)).toEqual([`provider_staff@${s.second.id}`]);
    // An expired invitation is no longer listed.
    await admin.login(adminUser.email, TEST_PASSWORD);
    expect((await admin.get(staffPage)).body).toContain('Er zijn geen openstaande uitnodigingen.');

    // Another organisation's admin cannot withdraw this organisation's invitations.
    const otherAdmin = await aUser(t.deps.db, { role: 'provider_admin', providerLocationId: s.second.id });
    const otherClient = new TestClient(t.app);
    await otherClient.login(otherAdmin.email, TEST_PASSWORD);
    await otherClient.get('/account');
    expect((await otherClient.post(withdraw, {})).statusCode).toBe(404);
    // A mangled link: a clear page, no error.
    for (const url of ['/invitation', '/invitation?token=abc']) {
      expect((await new TestClient(t.app).get(url)).statusCode).toBe(400);
    }
  });

  it('changes and removes a member’s access; never its own; other organisations answer 404', async () => {
    const memberPage = `${staffPage}/${s.firstStaff.id}`;
    expect((await admin.get(memberPage)).statusCode).toBe(200);
    const changed = await admin.post(memberPage, {
      role: 'provider_admin',
      locations: [s.first.id, second.id],
    });
    expect(changed.statusCode).toBe(303);
    const grants = () =>
      t.deps.db
        .select({ role: schema.roleGrants.role, location: schema.roleGrants.providerLocationId })
        .from(schema.roleGrants)
        .where(eq(schema.roleGrants.userId, s.firstStaff.id));
    expect((await grants()).map((g) => g.role)).toEqual(['provider_admin', 'provider_admin']);
    await admin.get(memberPage);
    expect((await admin.post(memberPage, { role: 'provider_staff' })).statusCode).toBe(400);

    // The member is working when removed: their session ends with the removal.
    const working = new TestClient(t.app);
    await working.login(s.firstStaff.email, TEST_PASSWORD);
    expect((await working.get(`/provider/locations/${s.first.id}/waiting-list`)).statusCode).toBe(200);

    // Removing asks first: the member page leads to a confirmation page that says what happens.
    expect((await admin.get(memberPage)).body).toContain(`action="${memberPage}/remove"`);
    const confirm = await admin.get(`${memberPage}/remove`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toMatch(
      new RegExp(`${s.firstStaff.displayName} verliest de toegang tot KDV De Eerste Stap(, | – Noord)`),
    );
    expect(confirm.body).toContain('KDV De Eerste Stap – Noord');
    expect(confirm.body).toContain('Het account zelf blijft bestaan.');
    expect(confirm.body).toContain(`href="${memberPage}"`);
    // Without the confirmation page's field nothing happens.
    const unconfirmed = await admin.post(`${memberPage}/remove`, {});
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`${memberPage}/remove`);
    expect(await grants()).toHaveLength(2);
    const removedRes = await admin.post(
      `${memberPage}/remove`,
      { confirmed: 'yes' },
      { formPage: `${memberPage}/remove` },
    );
    expect(removedRes.headers.location).toBe(`${staffPage}?done=removed`);
    expect(await grants()).toEqual([]);
    expect(await t.deps.db.$count(schema.outbox)).toBe(0);
    const ended = await working.get(`/provider/locations/${s.first.id}/waiting-list`);
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toMatch(/^\/login/);
    const removed = new TestClient(t.app);
    await removed.login(s.firstStaff.email, TEST_PASSWORD);
    expect((await removed.get(`/provider/locations/${s.first.id}/waiting-list`)).statusCode).toBe(403);

    // Its own access: refused.
    await admin.get(staffPage);
    const self = await admin.post(`${staffPage}/${adminUser.id}/remove`, { confirmed: 'yes' });
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain('U kunt uw eigen toegang niet wijzigen of weghalen.');

    // Another organisation, or its staff through this one: 404.
    const otherOrg = `/provider/organisations/${s.second.organisationId}/staff`;
    expect((await admin.get(otherOrg)).statusCode).toBe(404);
    expect((await admin.get(`${staffPage}/${s.secondStaff.id}`)).statusCode).toBe(404);
    await admin.get(staffPage);
    expect((await admin.post(`${staffPage}/${s.secondStaff.id}/remove`, {})).statusCode).toBe(404);
    expect(
      (await admin.post(`${staffPage}/${s.secondStaff.id}/remove`, { confirmed: 'yes' })).statusCode,
    ).toBe(404);
    expect((await admin.get(`${staffPage}/${s.secondStaff.id}/remove`)).statusCode).toBe(404);
    expect(
      await t.deps.db.$count(
        schema.roleGrants,
        and(
          eq(schema.roleGrants.userId, s.secondStaff.id),
          eq(schema.roleGrants.providerLocationId, s.second.id),
        ),
      ),
    ).toBe(1);
    // Staff without the admin role may not attempt it at all.
    const staffOnly = await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: s.first.id });
    const staffClient = new TestClient(t.app);
    await staffClient.login(staffOnly.email, TEST_PASSWORD);
    expect((await staffClient.get(staffPage)).statusCode).toBe(403);
  });
});
