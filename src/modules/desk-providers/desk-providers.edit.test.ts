import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

const LIST = '/desk/providers';

const ORGANISATION = {
  name: 'Vzw Kinderland',
  kind: 'non_profit',
  enterpriseNumber: '0123.456.749',
  contactName: 'An Peeters',
  email: 'info@kinderland.example',
  phone: '016 00 00 00',
};

/** Every field of the location form, valid; a test overrides what it changes. */
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
  description_nl: 'Een kleine opvang bij het park.',
  priceInfo_nl: 'Inkomenstarief.',
  phone: '016 12 34 56',
  email: 'nest@example.be',
  website: 'https://nest.example.be',
};

describe.each(BACKENDS)('the desk edits an organisation and a location on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let organisationId: string;
  let locationId: string;

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
  const organisation = async (id: string) => {
    const [row] = await db()
      .select()
      .from(schema.providerOrganisations)
      .where(eq(schema.providerOrganisations.id, id));
    return row;
  };
  const deskIn = async (language: 'nl' | 'fr' | 'en') => {
    const officer = await aUser(db(), { role: 'desk', municipalityId: s.municipality.id, language });
    const client = new TestClient(t.app);
    await client.login(officer.email, TEST_PASSWORD);
    await client.get('/desk');
    return client;
  };

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    desk = await deskIn('nl');
    const created = await desk.post(LIST, ORGANISATION);
    organisationId = /([0-9a-f-]{36})/.exec(created.headers.location ?? '')?.[1] as string;
    const res = await desk.post(`${LIST}/${organisationId}/locations`, LOCATION);
    locationId = /locations\/([0-9a-f-]{36})/.exec(res.headers.location ?? '')?.[1] as string;
    expect(locationId).toBeDefined();
  });
  afterEach(async () => t.close());

  it('shows the creation form filled with the organisation’s details, saves a change, audited with the fields changed', async () => {
    const page = await desk.get(`${LIST}/${organisationId}`);
    expect(page.body).toContain(`href="${LIST}/${organisationId}/edit"`);
    const form = await desk.get(`${LIST}/${organisationId}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`action="${LIST}/${organisationId}/edit"`);
    expect(form.body).toContain('value="Vzw Kinderland"');
    expect(form.body).toContain('value="0123.456.749"');
    expect(form.body).toMatch(/<option value="non_profit" selected/);

    const saved = await desk.post(`${LIST}/${organisationId}/edit`, {
      ...ORGANISATION,
      name: 'Vzw Kinderland Leuven',
      kind: 'company',
      phone: '',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${LIST}/${organisationId}?done=edited`);
    expect(await organisation(organisationId)).toMatchObject({
      name: 'Vzw Kinderland Leuven',
      kind: 'company',
      phone: null,
      enterpriseNumber: '0123.456.749',
    });
    const shown = await desk.get(saved.headers.location as string);
    expect(shown.body).toContain('De gegevens van de organisator zijn bewaard.');
    expect(shown.body).toContain('<h1 class="utrecht-heading-1">Vzw Kinderland Leuven</h1>');
    expect((await audits()).at(-1)).toMatchObject({
      subjectType: 'provider_organisation',
      subjectId: organisationId,
      actorRole: 'desk',
      details: { change: 'edited', fields: ['kind', 'name', 'phone'] },
    });

    // The same values again change and record nothing, and say so.
    const count = (await audits()).length;
    const same = await desk.post(`${LIST}/${organisationId}/edit`, {
      ...ORGANISATION,
      name: 'Vzw Kinderland Leuven',
      kind: 'company',
      phone: '',
    });
    expect(same.headers.location).toBe(`${LIST}/${organisationId}?done=unchanged`);
    expect((await desk.get(same.headers.location as string)).body).toContain('Er was niets veranderd');
    expect(await audits()).toHaveLength(count);
  });

  it('refuses a bad organisation form with the reasons in the officer’s language, and changes nothing', async () => {
    await desk.post(LIST, { ...ORGANISATION, name: 'Vzw Andere' });
    const before = await organisation(organisationId);
    const count = (await audits()).length;
    const cases: [Record<string, string>, Record<'nl' | 'fr' | 'en', string>][] = [
      [
        { name: 'vzw andere' },
        {
          nl: 'Er is al een organisator met deze naam',
          fr: 'un organisateur',
          en: 'already has a provider organisation with this name',
        },
      ],
      [
        { enterpriseNumber: '0123.456.789' },
        {
          nl: 'Dit is geen geldig ondernemingsnummer.',
          fr: 'numéro d’entreprise',
          en: 'enterprise number',
        },
      ],
    ];
    for (const language of ['nl', 'fr', 'en'] as const) {
      const client = language === 'nl' ? desk : await deskIn(language);
      for (const [values, message] of cases) {
        const res = await client.post(`${LIST}/${organisationId}/edit`, { ...ORGANISATION, ...values });
        expect(res.statusCode, `${language} ${JSON.stringify(values)}`).toBe(400);
        expect(res.body).toContain('ko-error-summary');
        expect(res.body).toContain(message[language]);
        // What was typed stays in the form.
        expect(res.body).toContain('An Peeters');
      }
      const empty = await client.post(`${LIST}/${organisationId}/edit`, { name: ' ', kind: 'pirate' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('ko-error-summary');
    }
    expect(await organisation(organisationId)).toEqual(before);
    expect(await audits()).toHaveLength(count);
  });

  it('edits every field of a location with the creation form; the search and the profile show it at once; audited', async () => {
    const page = await desk.get(`${LIST}/locations/${locationId}`);
    expect(page.body).toContain(`href="${LIST}/locations/${locationId}/edit"`);
    const form = await desk.get(`${LIST}/locations/${locationId}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`action="${LIST}/locations/${locationId}/edit"`);
    for (const shown of [
      'value="KDV Het Nieuwe Nest"',
      'value="Naamsestraat"',
      'value="3001"',
      'value="28"',
      'value="07:00"',
      'value="18:30"',
      'Een kleine opvang bij het park.',
      'value="https://nest.example.be"',
    ])
      expect(form.body, shown).toContain(shown);
    expect(form.body).toMatch(/<option value="group" selected/);
    expect(form.body).toMatch(/<option value="2" selected/);

    const publicSite = new TestClient(t.app);
    expect((await publicSite.get('/search')).body).toContain('KDV Het Nieuwe Nest');
    const saved = await desk.post(`${LIST}/locations/${locationId}/edit`, {
      ...LOCATION,
      name: 'Onthaalouder Het Nest',
      careType: 'family',
      street: 'Tiensestraat',
      houseNumber: '5',
      postcode: '3000',
      city: 'Leuven',
      subsidyLevel: '3',
      capacity: '8',
      minAgeMonths: '0',
      maxAgeMonths: '30',
      languages: ['nl', 'en'],
      care: ['occasionalCare'],
      opens_mon: '',
      closes_mon: '',
      opens_tue: '07:30',
      closes_tue: '18:00',
      description_nl: 'Een warme opvang in het centrum.',
      description_en: 'A warm place in the centre.',
      priceInfo_nl: 'Vaste prijs per dag.',
      phone: '016 99 99 99',
      email: 'Nest@Voorbeeld.be',
      website: '',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${LIST}/locations/${locationId}?done=locationEdited`);
    expect(await location(locationId)).toMatchObject({
      name: 'Onthaalouder Het Nest',
      careType: 'family',
      street: 'Tiensestraat',
      houseNumber: '5',
      postcode: '3000',
      city: 'Leuven',
      subMunicipalityId: s.subMunicipality?.id,
      subsidyLevel: 3,
      capacity: 8,
      minAgeMonths: 0,
      maxAgeMonths: 30,
      languages: ['nl', 'en'],
      inclusiveCare: false,
      occasionalCare: true,
      openingHours: { tue: { opens: '07:30', closes: '18:00' } },
      description: { nl: 'Een warme opvang in het centrum.', en: 'A warm place in the centre.' },
      priceInfo: { nl: 'Vaste prijs per dag.' },
      phone: '016 99 99 99',
      email: 'nest@voorbeeld.be',
      website: null,
    });
    const shown = await desk.get(saved.headers.location as string);
    expect(shown.body).toContain('De gegevens van de opvanglocatie zijn bewaard.');
    expect(shown.body).toContain('Tiensestraat 5, 3000 Leuven');

    // Parents see the change at once: the search and the public profile.
    const search = await publicSite.get('/search');
    expect(search.body).toContain('Onthaalouder Het Nest');
    expect(search.body).not.toContain('KDV Het Nieuwe Nest');
    const profile = await publicSite.get(`/providers/${locationId}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('Onthaalouder Het Nest');
    expect(profile.body).toContain('Een warme opvang in het centrum.');
    expect(profile.body).toContain('Tiensestraat 5');
    expect(profile.body).toContain('016 99 99 99');

    const audit = (await audits()).at(-1);
    expect(audit).toMatchObject({
      subjectType: 'provider_location',
      subjectId: locationId,
      actorRole: 'desk',
      details: { change: 'edited' },
    });
    const fields = (audit?.details as { fields?: string[] } | undefined)?.fields ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        'name',
        'careType',
        'street',
        'postcode',
        'subMunicipalityId',
        'subsidyLevel',
        'capacity',
        'openingHours',
        'description',
        'website',
      ]),
    );
    expect(fields).not.toContain('schoolsServed');
    // The figures count the new places from today on.
    const places = await t.deps.db
      .select({
        validFrom: schema.locationCapacities.validFrom,
        capacity: schema.locationCapacities.capacity,
      })
      .from(schema.locationCapacities)
      .where(eq(schema.locationCapacities.locationId, locationId));
    expect(places).toContainEqual({ validFrom: t.clock.today(), capacity: 8 });
  });

  it('refuses a bad location form with the reasons in the officer’s language, and changes nothing', async () => {
    const before = await location(locationId);
    const count = (await audits()).length;
    const cases: [Record<string, string | string[]>, Record<'nl' | 'fr' | 'en', string>][] = [
      [
        { postcode: '9000', city: 'Gent' },
        {
          nl: 'Deze postcode hoort niet bij uw gemeente.',
          fr: 'Ce code postal n’appartient pas à votre commune.',
          en: 'This postcode is not in your municipality.',
        },
      ],
      [{ name: '' }, { nl: 'ko-error-summary', fr: 'ko-error-summary', en: 'ko-error-summary' }],
      [{ capacity: '0' }, { nl: 'field-capacity', fr: 'field-capacity', en: 'field-capacity' }],
      [
        { opens_mon: '18:00', closes_mon: '07:00' },
        { nl: 'error-closes_mon', fr: 'error-closes_mon', en: 'error-closes_mon' },
      ],
      [
        { maxAgeMonths: '1' },
        { nl: 'error-maxAgeMonths', fr: 'error-maxAgeMonths', en: 'error-maxAgeMonths' },
      ],
      [
        { subsidyLevel: '7' },
        { nl: 'Kies een van de mogelijkheden.', fr: 'error-subsidyLevel', en: 'error-subsidyLevel' },
      ],
      [{ website: 'niet een adres' }, { nl: 'error-website', fr: 'error-website', en: 'error-website' }],
      // Baby and toddler care cannot have out-of-school services.
      [
        { oscOpens_afterSchool: '15:30', oscCloses_afterSchool: '18:00' },
        {
          nl: 'error-oscOpens_afterSchool',
          fr: 'error-oscOpens_afterSchool',
          en: 'error-oscOpens_afterSchool',
        },
      ],
    ];
    for (const language of ['nl', 'fr', 'en'] as const) {
      const client = language === 'nl' ? desk : await deskIn(language);
      for (const [values, message] of cases) {
        const res = await client.post(`${LIST}/locations/${locationId}/edit`, { ...LOCATION, ...values });
        expect(res.statusCode, `${language} ${JSON.stringify(values)}`).toBe(400);
        expect(res.body).toContain('ko-error-summary');
        expect(res.body, `${language} ${JSON.stringify(values)}`).toContain(message[language]);
        expect(res.body).toContain('Naamsestraat');
      }
    }
    expect(await location(locationId)).toEqual(before);
    expect(await audits()).toHaveLength(count);
  });

  it('keeps a location with requests in its kind of care: baby and toddler care does not become out-of-school care', async () => {
    await aFamilyRequest(db(), { municipalityId: s.municipality.id, locations: [locationId] });
    const before = await location(locationId);
    const outOfSchool = {
      ...LOCATION,
      careType: 'out_of_school',
      minAgeMonths: '30',
      maxAgeMonths: '144',
      oscOpens_afterSchool: '15:30',
      oscCloses_afterSchool: '18:00',
    };
    const messages = {
      nl: 'Er zijn aanvragen voor deze locatie',
      fr: 'Des demandes visent ce lieu',
      en: 'Requests name this location',
    };
    for (const language of ['nl', 'fr', 'en'] as const) {
      const client = language === 'nl' ? desk : await deskIn(language);
      const res = await client.post(`${LIST}/locations/${locationId}/edit`, outOfSchool);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(messages[language]);
    }
    expect(await location(locationId)).toEqual(before);
    // Group care to family care is fine.
    const family = await desk.post(`${LIST}/locations/${locationId}/edit`, {
      ...LOCATION,
      careType: 'family',
    });
    expect(family.statusCode).toBe(303);
    expect((await location(locationId))?.careType).toBe('family');
  });

  it('answers 404 to another municipality’s desk, and changes nothing', async () => {
    const elsewhere = await aMunicipality(db(), { regionId: s.region.id });
    const other = await aUser(db(), { role: 'desk', municipalityId: elsewhere.id });
    const foreignDesk = new TestClient(t.app);
    await foreignDesk.login(other.email, TEST_PASSWORD);
    await foreignDesk.get('/desk');
    const count = (await audits()).length;
    for (const path of [`${LIST}/${organisationId}/edit`, `${LIST}/locations/${locationId}/edit`])
      expect((await foreignDesk.get(path)).statusCode, path).toBe(404);
    expect(
      (await foreignDesk.post(`${LIST}/${organisationId}/edit`, { ...ORGANISATION, name: 'Gekaapt' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await foreignDesk.post(`${LIST}/locations/${locationId}/edit`, { ...LOCATION, name: 'Gekaapt' }))
        .statusCode,
    ).toBe(404);
    expect((await organisation(organisationId))?.name).toBe('Vzw Kinderland');
    expect((await location(locationId))?.name).toBe('KDV Het Nieuwe Nest');
    expect(await audits()).toHaveLength(count);
  });
});
