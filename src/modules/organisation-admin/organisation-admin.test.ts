import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aProviderLocation, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

describe.each(BACKENDS)('organisation admin: staff and their locations on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let second: Awaited<ReturnType<typeof aProviderLocation>>;
  let admin: TestClient;
  let adminUser: { id: string; email: string };
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

  it('lists only its own organisation’s staff and invites a new member who sets a password', async () => {
    const page = await admin.get(staffPage);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(s.firstStaff.email);
    expect(page.body).not.toContain(s.secondStaff.email);

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
    const [mail] = await t.deps.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.template, 'staff.invited'));
    expect(mail?.subject).toContain('Vous êtes invité·e');
    const link = /http:\/\/[^\s]+\/reset-password\?token=([^\s]+)/.exec(mail?.textBody ?? '');
    expect(link).not.toBeNull();

    // The link sets the password; the new member then handles the chosen location only.
    const invited = new TestClient(t.app);
    const token = decodeURIComponent(link?.[1] ?? '');
    expect((await invited.get(`/reset-password?token=${encodeURIComponent(token)}`)).statusCode).toBe(200);
    const set = await invited.post('/reset-password', {
      token,
      password: 'een-nieuw-wachtwoord',
      passwordRepeat: 'een-nieuw-wachtwoord',
    });
    expect(set.statusCode).toBe(303);
    await invited.login('nieuwe.collega@kdv.example', 'een-nieuw-wachtwoord');
    expect((await invited.get(`/provider/locations/${second.id}/waiting-list`)).statusCode).toBe(200);
    expect((await invited.get(`/provider/locations/${s.first.id}/waiting-list`)).statusCode).toBe(404);
    expect((await admin.get(staffPage)).body).toContain('Nieuwe Collega');
  });

  it('validates the invitation and gives an existing account access without a new password', async () => {
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

    // Staff of another organisation: granted access here, keeps access there, no password link.
    const granted = await admin.post(staffPage, {
      email: s.secondStaff.email,
      displayName: 'Ignored',
      language: 'nl',
      role: 'provider_staff',
      locations: [second.id],
    });
    expect(granted.headers.location).toBe(`${staffPage}?done=granted`);
    const [mail] = await t.deps.db.select().from(schema.outbox);
    expect(mail).toMatchObject({ template: 'staff.access_granted', toAddress: s.secondStaff.email });
    expect(mail?.textBody).not.toContain('token=');
    const grants = await t.deps.db
      .select()
      .from(schema.roleGrants)
      .where(eq(schema.roleGrants.userId, s.secondStaff.id));
    expect(grants.map((g) => g.providerLocationId).sort()).toEqual([s.second.id, second.id].sort());
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
