import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

const LIST = '/desk/providers';

/** Every field of the new-location form, valid; a test overrides what it checks. */
const LOCATION = {
  name: 'KDV Het Nieuwe Nest',
  careType: 'group',
  street: 'Naamsestraat',
  houseNumber: '12',
  postcode: '3001',
  city: 'Heverlee',
  subsidyLevel: '2',
  capacity: '28',
  minAgeMonths: '2',
  maxAgeMonths: '36',
  languages: ['nl', 'fr'],
  care: ['inclusiveCare'],
  opens_mon: '07:00',
  closes_mon: '18:30',
  opens_fri: '07:30',
  closes_fri: '17:00',
  description_nl: 'Een kleine opvang bij het park.',
  priceInfo_nl: 'Inkomenstarief.',
  phone: '016 12 34 56',
  email: 'Nest@Example.be',
  website: 'https://nest.example.be',
};

describe.each(BACKENDS)('the desk’s childcare providers on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let officer: Awaited<ReturnType<typeof aUser>>;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    desk = new TestClient(t.app);
    await desk.login(officer.email, TEST_PASSWORD);
    await desk.get('/desk'); // a page of the session: its form token
  });
  afterEach(async () => t.close());

  const db = () => t.deps.db;
  const audits = () =>
    db().select().from(schema.auditLog).where(eq(schema.auditLog.action, 'desk.providers.manage'));
  const location = async (id: string) => {
    const [row] = await db()
      .select()
      .from(schema.providerLocations)
      .where(eq(schema.providerLocations.id, id));
    return row;
  };
  const anOrganisation = async () => {
    const created = await desk.post(LIST, {
      name: 'Vzw Kinderland',
      kind: 'non_profit',
      enterpriseNumber: 'BE 0123 456 749',
      contactName: 'An Peeters',
      email: 'info@kinderland.example',
      phone: '016 00 00 00',
    });
    expect(created.statusCode).toBe(303);
    const id = /\/desk\/providers\/([0-9a-f-]{36})\?done=created$/.exec(created.headers.location ?? '')?.[1];
    if (!id) throw new Error(`unexpected redirect ${created.headers.location}`);
    return id;
  };
  const aLocation = async (organisationId: string, values: Record<string, string | string[]> = {}) => {
    const res = await desk.post(`${LIST}/${organisationId}/locations`, { ...LOCATION, ...values });
    expect(res.statusCode).toBe(303);
    const id = /\/desk\/providers\/locations\/([0-9a-f-]{36})\?done=locationCreated$/.exec(
      res.headers.location ?? '',
    )?.[1];
    if (!id) throw new Error(`unexpected redirect ${res.headers.location}`);
    return id;
  };

  it('lists the municipality’s organisations and locations, filtered by name, linked from the desk’s navigation', async () => {
    expect((await desk.get('/desk')).body).toContain(`href="${LIST}"`);
    const list = await desk.get(LIST);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('KDV De Eerste Stap');
    expect(list.body).toContain('Onthaalouder Derde');
    expect(list.body).toContain('3 locaties');

    const filtered = await desk.get(`${LIST}?q=nest`);
    expect(filtered.body).toContain('KDV Het Tweede Nest');
    expect(filtered.body).not.toContain('KDV De Eerste Stap');
    expect(filtered.body).toContain('1 locatie');
    // A percent sign is a letter, not a wildcard.
    expect((await desk.get(`${LIST}?q=%25`)).body).toContain(
      'Geen organisator of locatie heeft “%” in de naam.',
    );

    // Another municipality's location is not in the list.
    const elsewhere = await aMunicipality(db(), { regionId: s.region.id });
    const [org] = await db().insert(schema.providerOrganisations).values({ name: 'Elders vzw' }).returning();
    await db()
      .insert(schema.providerLocations)
      .values({
        ...(await location(s.first.id)),
        id: undefined,
        organisationId: org?.id as string,
        municipalityId: elsewhere.id,
        name: 'KDV Elders',
      } as typeof schema.providerLocations.$inferInsert);
    expect((await desk.get(LIST)).body).not.toContain('KDV Elders');
  });

  it('creates an organisation and a location with every profile field, both audited', async () => {
    const organisationId = await anOrganisation();
    const [org] = await db()
      .select()
      .from(schema.providerOrganisations)
      .where(eq(schema.providerOrganisations.id, organisationId));
    expect(org).toMatchObject({
      municipalityId: s.municipality.id,
      name: 'Vzw Kinderland',
      kind: 'non_profit',
      enterpriseNumber: '0123.456.749',
      contactName: 'An Peeters',
    });
    const page = await desk.get(`${LIST}/${organisationId}?done=created`);
    expect(page.body).toContain('De organisator is toegevoegd.');
    expect(page.body).toContain('data-qa="no-locations"');
    // Without a location, nobody can be invited yet.
    expect(page.body).toContain('data-qa="invite-needs-location"');
    expect((await desk.get(`${LIST}?q=kinderland`)).body).toContain('nog geen locatie');

    const form = await desk.get(`${LIST}/${organisationId}/locations/new`);
    expect(form.statusCode).toBe(200);
    for (const field of ['name', 'postcode', 'capacity', 'opens_mon', 'languages', 'subsidyLevel', 'website'])
      expect(form.body).toContain(`name="${field}"`);

    const locationId = await aLocation(organisationId);
    expect(await location(locationId)).toMatchObject({
      organisationId,
      municipalityId: s.municipality.id,
      subMunicipalityId: expect.any(String),
      name: 'KDV Het Nieuwe Nest',
      careType: 'group',
      subsidyLevel: 2,
      postcode: '3001',
      capacity: 28,
      minAgeMonths: 2,
      languages: ['nl', 'fr'],
      inclusiveCare: true,
      occasionalCare: false,
      openingHours: { mon: { opens: '07:00', closes: '18:30' }, fri: { opens: '07:30', closes: '17:00' } },
      description: { nl: 'Een kleine opvang bij het park.' },
      email: 'nest@example.be',
      active: true,
      planningEnabled: false,
    });
    const row = await location(locationId);
    expect(row?.latitude).toBeCloseTo(50.864, 2);
    const shown = await desk.get(`${LIST}/locations/${locationId}?done=locationCreated`);
    expect(shown.body).toContain('De opvanglocatie is toegevoegd.');
    expect(shown.body).toContain('Naamsestraat 12, 3001 Heverlee');
    // It is findable by parents at once.
    expect((await new TestClient(t.app).get('/search')).body).toContain('KDV Het Nieuwe Nest');
    expect((await audits()).map((a) => [a.subjectType, a.subjectId, a.actorRole])).toEqual([
      ['provider_organisation', organisationId, 'desk'],
      ['provider_location', locationId, 'desk'],
    ]);
  });

  it('refuses bad input with the reasons, and changes nothing', async () => {
    const bad = await desk.post(LIST, { name: ' ', kind: 'pirate', enterpriseNumber: '0123.456.789' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Dit is geen geldig ondernemingsnummer.');
    const taken = await desk.post(LIST, { name: 'vzw kinderland', kind: 'company' });
    expect(taken.statusCode).toBe(303);
    const again = await desk.post(LIST, { name: ' VZW Kinderland ', kind: 'company' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Er is al een organisator met deze naam');
    const organisationId = /([0-9a-f-]{36})/.exec(taken.headers.location ?? '')?.[1] as string;

    const before = (await db().select().from(schema.providerLocations)).length;
    for (const [values, message] of [
      [{ postcode: '9000', city: 'Gent' }, 'Deze postcode hoort niet bij uw gemeente.'],
      [{ maxAgeMonths: '1' }, ''],
      [{ opens_mon: '18:00', closes_mon: '07:00' }, ''],
      [{ capacity: '0' }, ''],
      [{ subsidyLevel: '7' }, 'Kies een van de mogelijkheden.'],
      [{ name: '' }, 'Vul'],
    ] as const) {
      const res = await desk.post(`${LIST}/${organisationId}/locations`, { ...LOCATION, ...values });
      expect(res.statusCode, JSON.stringify(values)).toBe(400);
      expect(res.body).toContain('ko-error-summary');
      expect(res.body).toContain(message);
      // The values typed stay in the form.
      expect(res.body).toContain('Naamsestraat');
    }
    expect((await db().select().from(schema.providerLocations)).length).toBe(before);
    expect((await audits()).length).toBe(1); // only the organisation
  });

  it('invites the first admin by mail in the same transaction; the invited person accepts and works at the location', async () => {
    const organisationId = await anOrganisation();
    const locationId = await aLocation(organisationId);
    const res = await desk.post(`${LIST}/${organisationId}/invitations`, {
      email: 'Lies@Kinderland.example',
      displayName: 'Lies Janssens',
      language: 'fr',
      role: 'provider_admin',
      locations: [locationId],
    });
    expect(res.statusCode).toBe(303);
    const page = await desk.get(res.headers.location as string);
    expect(page.body).toContain('De uitnodiging is verstuurd naar lies@kinderland.example.');
    expect(page.body).toMatch(/data-qa="invitation"[\s\S]*Lies Janssens[\s\S]*Beheerder/);
    const [mail] = await db()
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.toAddress, 'lies@kinderland.example'));
    expect(mail?.language).toBe('fr');
    expect(mail?.subject).toBe('Invitation\u00a0: membre du personnel de Vzw Kinderland');
    expect(mail?.textBody).toContain('KDV Het Nieuwe Nest');
    const token = /\/invitation\?token=([A-Za-z0-9_%-]+)/.exec(mail?.textBody ?? '')?.[1];
    expect(token).toBeDefined();
    const invited = await audits();
    expect(invited.at(-1)).toMatchObject({
      subjectType: 'user',
      details: expect.objectContaining({ change: 'invited' }),
    });

    // The invitation page of organisation-admin grants the access once accepted.
    const person = new TestClient(t.app);
    const shown = await person.get(`/invitation?token=${token}`);
    expect(shown.statusCode).toBe(200);
    const accepted = await person.post('/invitation', {
      token: decodeURIComponent(token as string),
      answer: 'accept',
      password: 'een-goed-wachtwoord',
      passwordRepeat: 'een-goed-wachtwoord',
    });
    expect(accepted.statusCode).toBe(303);
    const grants = await db()
      .select({ role: schema.roleGrants.role, location: schema.roleGrants.providerLocationId })
      .from(schema.roleGrants)
      .innerJoin(schema.users, eq(schema.users.id, schema.roleGrants.userId))
      .where(eq(schema.users.email, 'lies@kinderland.example'));
    expect(grants).toEqual([{ role: 'provider_admin', location: locationId }]);
    expect((await desk.get(`${LIST}/${organisationId}`)).body).toMatch(
      /data-qa="staff-member"[\s\S]*Lies Janssens[\s\S]*Beheerder/,
    );

    // Asked again: refused, nothing more queued.
    const again = await desk.post(`${LIST}/${organisationId}/invitations`, {
      email: 'lies@kinderland.example',
      displayName: 'Lies',
      language: 'nl',
      role: 'provider_staff',
      locations: [locationId],
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Deze persoon werkt al op een locatie van deze organisator');
    // Another organisation's location cannot be named in the form.
    const tampered = await desk.post(`${LIST}/${organisationId}/invitations`, {
      email: 'ander@kinderland.example',
      displayName: 'Ander',
      language: 'nl',
      role: 'provider_staff',
      locations: [s.first.id],
    });
    expect(tampered.statusCode).toBe(400);
    expect(await db().select().from(schema.outbox)).toHaveLength(1);
  });

  it('switches the optional modules of a location, shown on its page and audited', async () => {
    const res = await desk.post(`${LIST}/locations/${s.first.id}/modules`, {
      modules: ['planning', 'invoicing'],
    });
    expect(res.headers.location).toBe(`${LIST}/locations/${s.first.id}?done=modules`);
    expect(await location(s.first.id)).toMatchObject({
      planningEnabled: true,
      attendanceEnabled: false,
      invoicingEnabled: true,
    });
    const page = await desk.get(res.headers.location as string);
    expect(page.body).toContain('De modules zijn bewaard.');
    expect(page.body).toContain('Planning: aan · Aanwezigheden: uit · Facturatie: aan');
    await desk.post(`${LIST}/locations/${s.first.id}/modules`, {});
    expect(await location(s.first.id)).toMatchObject({ planningEnabled: false, invoicingEnabled: false });
    const bad = await desk.post(`${LIST}/locations/${s.first.id}/modules`, { modules: 'teleport' });
    expect(bad.statusCode).toBe(303);
    expect((await audits()).map((a) => a.details)).toEqual([
      { change: 'modules', planningEnabled: true, attendanceEnabled: false, invoicingEnabled: true },
      { change: 'modules', planningEnabled: false, attendanceEnabled: false, invoicingEnabled: false },
    ]);
  });

  it('deactivates a location after the confirmation page: gone from the search and the lists, its history kept; reactivates it', async () => {
    const file = await aFamilyRequest(db(), { municipalityId: s.municipality.id, locations: [s.first.id] });
    const publicSite = new TestClient(t.app);
    expect((await publicSite.get('/search')).body).toContain('KDV De Eerste Stap');

    // Without the confirmation, the POST sends to the confirmation page.
    const unconfirmed = await desk.post(`${LIST}/locations/${s.first.id}/deactivate`, {});
    expect(unconfirmed.headers.location).toBe(`${LIST}/locations/${s.first.id}/deactivate`);
    expect((await location(s.first.id))?.active).toBe(true);
    const confirm = await desk.get(unconfirmed.headers.location as string);
    expect(confirm.body).toContain('KDV De Eerste Stap deactiveren?');
    expect(confirm.body).toContain('Haar aanvragen, voorstellen en geschiedenis blijven bewaard.');

    const done = await desk.post(`${LIST}/locations/${s.first.id}/deactivate`, { confirmed: 'yes' });
    expect(done.headers.location).toBe(`${LIST}/locations/${s.first.id}?done=deactivated`);
    expect((await location(s.first.id))?.active).toBe(false);
    expect((await publicSite.get('/search')).body).not.toContain('KDV De Eerste Stap');
    expect((await publicSite.get(`/providers/${s.first.id}`)).statusCode).toBe(404);
    expect((await desk.get(LIST)).body).toMatch(/KDV De Eerste Stap[\s\S]*?Gedeactiveerd/);
    // The history stays: the request still names the location, and the desk's page counts it.
    const prefs = await db()
      .select()
      .from(schema.preferences)
      .where(
        and(
          eq(schema.preferences.requestId, file.request.id),
          eq(schema.preferences.providerLocationId, s.first.id),
        ),
      );
    expect(prefs).toHaveLength(1);
    expect((await desk.get(`${LIST}/locations/${s.first.id}`)).body).toMatch(
      /data-qa="location-requests">1</,
    );
    // The provider's list of open locations leaves it out.
    const staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    const home = await staff.get('/provider');
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('KDV De Eerste Stap');

    const back = await desk.post(`${LIST}/locations/${s.first.id}/reactivate`, {});
    expect(back.headers.location).toBe(`${LIST}/locations/${s.first.id}?done=reactivated`);
    expect((await location(s.first.id))?.active).toBe(true);
    expect((await publicSite.get('/search')).body).toContain('KDV De Eerste Stap');
    // Reactivating an active location changes and records nothing more.
    await desk.post(`${LIST}/locations/${s.first.id}/reactivate`, {});
    expect((await audits()).map((a) => a.details)).toEqual([
      { change: 'deactivated' },
      { change: 'reactivated' },
    ]);
  });

  it('answers 404 for another municipality’s organisation or location, and changes nothing', async () => {
    const elsewhere = await aMunicipality(db(), { regionId: s.region.id });
    const other = await aUser(db(), { role: 'desk', municipalityId: elsewhere.id });
    const foreignDesk = new TestClient(t.app);
    await foreignDesk.login(other.email, TEST_PASSWORD);
    await foreignDesk.get('/desk');
    const organisationId = s.first.organisationId;
    for (const path of [
      `${LIST}/${organisationId}`,
      `${LIST}/${organisationId}/locations/new`,
      `${LIST}/locations/${s.first.id}`,
      `${LIST}/locations/${s.first.id}/deactivate`,
    ])
      expect((await foreignDesk.get(path)).statusCode, path).toBe(404);
    for (const [path, body] of [
      [`${LIST}/${organisationId}/locations`, LOCATION],
      [
        `${LIST}/${organisationId}/invitations`,
        {
          email: 'x@example.be',
          displayName: 'X',
          language: 'nl',
          role: 'provider_staff',
          locations: [s.first.id],
        },
      ],
      [`${LIST}/locations/${s.first.id}/modules`, { modules: ['planning'] }],
      [`${LIST}/locations/${s.first.id}/deactivate`, { confirmed: 'yes' }],
      [`${LIST}/locations/${s.first.id}/reactivate`, {}],
    ] as [string, Record<string, string | string[]>][])
      expect((await foreignDesk.post(path, body)).statusCode, path).toBe(404);
    expect(await location(s.first.id)).toMatchObject({ active: true, planningEnabled: false });
    expect(await db().select().from(schema.outbox)).toHaveLength(0);
    expect(await audits()).toHaveLength(0);
    // Their own list does not show this municipality's locations.
    expect((await foreignDesk.get(LIST)).body).not.toContain('KDV De Eerste Stap');
  });
});
