import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient } from '../../../test/app.ts';
import { aProviderLocation, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import {
  aParent,
  bornChild,
  errorsOf,
  fourDays,
  type Parent,
  regularStart,
  saveFamily,
  step,
} from '../../../test/parent-journey.ts';
import { schema } from '../../platform/db/index.ts';

const LIST = '/desk/providers';

/** An out-of-school care location as the desk registers it (every field of the form it needs). */
const OUT_OF_SCHOOL = {
  name: 'IBO De Regenboog',
  careType: 'out_of_school',
  street: 'Naamsestraat',
  houseNumber: '40',
  postcode: '3001',
  city: 'Heverlee',
  subsidyLevel: '2',
  capacity: '48',
  minAgeMonths: '30',
  maxAgeMonths: '144',
  languages: ['nl'],
  oscOpens_beforeSchool: '07:00',
  oscCloses_beforeSchool: '08:30',
  oscOpens_afterSchool: '15:30',
  oscCloses_afterSchool: '18:30',
  oscOpens_wednesdayAfternoon: '12:00',
  oscCloses_wednesdayAfternoon: '18:00',
  schoolsServed: 'Basisschool De Linde\r\n\r\nSint-Jozefschool Heverlee\r\nBasisschool De Linde',
  description_nl: 'Opvang voor schoolkinderen.',
  email: 'regenboog@example.be',
};

describe.each(BACKENDS)('out-of-school care on %s', (backend) => {
  let p: Parent;
  let desk: TestClient;
  let visitor: TestClient;

  beforeEach(async () => {
    p = await aParent(backend, 'nl');
    const officer = await aUser(p.t.deps.db, { role: 'desk', municipalityId: p.s.municipality.id });
    desk = new TestClient(p.t.app);
    await desk.login(officer.email, TEST_PASSWORD);
    await desk.get('/desk');
    visitor = new TestClient(p.t.app);
  });
  afterEach(async () => p.t.close());

  const db = () => p.t.deps.db;
  const anOrganisation = async () => {
    const created = await desk.post(LIST, { name: 'Stad Buitenschools', kind: 'local_authority' });
    expect(created.statusCode).toBe(303);
    return /([0-9a-f-]{36})/.exec(created.headers.location ?? '')?.[1] as string;
  };
  const register = async (organisationId: string, values: Record<string, string | string[]> = {}) =>
    desk.post(`${LIST}/${organisationId}/locations`, { ...OUT_OF_SCHOOL, ...values });
  const idOf = (location: string | undefined) =>
    /locations\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] as string;
  const resultNames = (body: string) =>
    [...body.matchAll(/data-qa="result-link">([^<]+)</g)].map((m) => m[1] as string);

  it('is registered by the desk with its services, ages and schools, and found only by its own search', async () => {
    const organisationId = await anOrganisation();
    const form = await desk.get(`${LIST}/${organisationId}/locations/new`);
    expect(form.body).toContain('value="out_of_school"');
    expect(form.body).toContain('name="oscOpens_wednesdayAfternoon"');
    expect(form.body).toContain('name="schoolsServed"');

    const created = await register(organisationId);
    expect(created.statusCode, errorsOf(created.body).join(' | ')).toBe(303);
    const id = idOf(created.headers.location);
    const [row] = await db()
      .select()
      .from(schema.providerLocations)
      .where(eq(schema.providerLocations.id, id));
    expect(row).toMatchObject({
      careType: 'out_of_school',
      minAgeMonths: 30,
      maxAgeMonths: 144,
      outOfSchoolHours: {
        beforeSchool: { opens: '07:00', closes: '08:30' },
        afterSchool: { opens: '15:30', closes: '18:30' },
        wednesdayAfternoon: { opens: '12:00', closes: '18:00' },
      },
      // Blank lines dropped, the same school once.
      schoolsServed: ['Basisschool De Linde', 'Sint-Jozefschool Heverlee'],
    });
    const page = await desk.get(`${LIST}/locations/${id}`);
    expect(page.body).toContain('Buitenschoolse opvang');
    expect(page.body).toContain('Woensdagnamiddag 12:00–18:00');

    // The baby and toddler search is what it was: out-of-school care is not in it, whatever the type.
    const baby = await visitor.get('/search');
    expect(resultNames(baby.body)).toEqual([
      'KDV De Eerste Stap',
      'KDV Het Tweede Nest',
      'Onthaalouder Derde',
    ]);
    expect(resultNames((await visitor.get('/search?type=group')).body)).not.toContain('IBO De Regenboog');
    expect(resultNames((await visitor.get('/search?q=regenboog')).body)).toEqual([]);

    // Its own search: only out-of-school care, with its own filters.
    const school = await visitor.get('/search?offer=school');
    expect(school.statusCode).toBe(200);
    expect(school.body).toContain('Buitenschoolse opvang zoeken');
    expect(school.body).toContain('name="school"');
    expect(school.body).toContain('<option value="Sint-Jozefschool Heverlee">');
    expect(resultNames(school.body)).toEqual(['IBO De Regenboog']);
    expect(school.body).toContain('van 2,5 jaar tot 12 jaar');
    for (const [query, found] of [
      ['school=linde', true],
      ['school=Sint-Jozef&service=wednesdayAfternoon', true],
      ['school=Sint-Victor', false],
      ['service=schoolHolidays', false],
      ['schoolAge=144', true],
      ['schoolAge=30&service=beforeSchool&service=afterSchool', true],
    ] as const) {
      const res = await visitor.get(`/search?offer=school&${query}`);
      expect(res.statusCode, query).toBe(200);
      expect(resultNames(res.body), query).toEqual(found ? ['IBO De Regenboog'] : []);
    }
    expect((await visitor.get('/search?offer=school&service=nightly')).statusCode).toBe(400);

    // The profile shows the out-of-school fields; requests go to the organiser (the setting is off).
    const profile = await visitor.get(`/providers/${id}`);
    expect(profile.body).toContain('data-qa="out-of-school"');
    expect(profile.body).toContain('<th scope="row">woensdagnamiddag</th><td>12:00 – 18:00</td>');
    expect(profile.body).toContain('<li>Sint-Jozefschool Heverlee</li>');
    expect(profile.body).toContain('data-qa="requests-direct"');
    expect(profile.body).not.toContain('data-qa="add-to-request"');

    const fr = new TestClient(p.t.app, { 'accept-language': 'fr-BE' });
    const inFrench = await fr.get('/search?offer=school&school=linde');
    expect(inFrench.body).toContain('Chercher un accueil extrascolaire');
    expect(inFrench.body).toContain('mercredi après-midi');
    const en = new TestClient(p.t.app, { 'accept-language': 'en-GB' });
    expect((await en.get(`/providers/${id}`)).body).toContain('Children of these schools');
  });

  it('refuses a service, school or age that does not fit the kind of care, and stores nothing', async () => {
    const organisationId = await anOrganisation();
    const before = (await db().select().from(schema.providerLocations)).length;
    for (const [values, message] of [
      [
        {
          oscOpens_beforeSchool: '',
          oscCloses_beforeSchool: '',
          oscOpens_afterSchool: '',
          oscCloses_afterSchool: '',
          oscOpens_wednesdayAfternoon: '',
          oscCloses_wednesdayAfternoon: '',
        },
        'Vul de uren in van minstens één aanbod',
      ],
      [{ careType: 'group', minAgeMonths: '0', maxAgeMonths: '36' }, 'alleen voor buitenschoolse opvang'],
      [{ minAgeMonths: '6' }, 'Buitenschoolse opvang is voor schoolkinderen'],
      [
        { oscOpens_afterSchool: '18:00', oscCloses_afterSchool: '15:00' },
        'Het sluitingsuur moet na het openingsuur liggen.',
      ],
      [
        {
          careType: 'group',
          schoolsServed: '',
          minAgeMonths: '0',
          maxAgeMonths: '100',
          oscOpens_beforeSchool: '',
          oscCloses_beforeSchool: '',
          oscOpens_afterSchool: '',
          oscCloses_afterSchool: '',
          oscOpens_wednesdayAfternoon: '',
          oscCloses_wednesdayAfternoon: '',
        },
        'tussen 0 en 72',
      ],
    ] as const) {
      const res = await register(organisationId, values);
      expect(res.statusCode, JSON.stringify(values)).toBe(400);
      expect(errorsOf(res.body).join(' | '), JSON.stringify(values)).toContain(message);
    }
    expect((await db().select().from(schema.providerLocations)).length).toBe(before);
  });

  it('is not choosable in a request until the municipality turns requests for it on', async () => {
    const osc = await aProviderLocation(db(), {
      municipalityId: p.s.municipality.id,
      name: 'IBO Het Speelplein',
      careType: 'out_of_school',
      minAgeMonths: 30,
      maxAgeMonths: 144,
      outOfSchoolHours: { afterSchool: { opens: '15:30', closes: '18:00' } },
    });
    await saveFamily(p);
    await p.client.get('/parent/requests/new');
    await step(p, 'child', { ...bornChild, nav: 'next' });
    await step(p, 'when', { ...regularStart, nav: 'next' });
    await step(p, 'plan', { ...fourDays, nav: 'next' });
    const hidden = await p.client.get('/parent/requests/new/preferences?municipalityId=');
    expect(hidden.body).toContain('KDV De Eerste Stap');
    expect(hidden.body).not.toContain('IBO Het Speelplein');
    const refused = await p.client.post('/parent/requests/new/preferences', { op: `add:${osc.id}` });
    expect(refused.statusCode).toBe(400);
    expect(errorsOf(refused.body)).toEqual(['Kies een van de mogelijkheden.']);

    // The desk turns it on: one audited change, the location is choosable at once.
    const settings = await desk.get('/desk/settings');
    expect(settings.body).toContain('name="outOfSchoolRequests"');
    const values = Object.fromEntries(
      [...settings.body.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)]
        .filter((m) => !/type="(radio|checkbox)"/.test(m[0]) && m[1] !== '_csrf')
        .map((m) => [m[1] as string, (m[2] as string).replace(/&amp;/g, '&')]),
    );
    const saved = await desk.post('/desk/settings', { ...values, outOfSchoolRequests: 'on' });
    expect(saved.statusCode, errorsOf(saved.body).join(' | ')).toBe(303);
    const [m] = await db()
      .select()
      .from(schema.municipalities)
      .where(eq(schema.municipalities.id, p.s.municipality.id));
    expect(m?.outOfSchoolRequests).toBe(true);
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'desk.settings.edit'));
    expect(audit.map((a) => a.details)).toEqual([
      { settings: { outOfSchoolRequests: { from: false, to: true } } },
    ]);
    const shown = await p.client.get('/parent/requests/new/preferences?municipalityId=');
    expect(shown.body).toContain('IBO Het Speelplein');
    await step(p, 'preferences', { op: `add:${osc.id}` });
    expect((await visitor.get(`/providers/${osc.id}`)).body).toContain('data-qa="add-to-request"');
  });
});
