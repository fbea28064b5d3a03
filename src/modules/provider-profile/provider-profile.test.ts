import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { errorText } from '../../platform/i18n/common.ts';

const VALID_PROFILE = {
  description_nl: 'Een warme opvang met een grote tuin.',
  description_fr: 'Un accueil chaleureux avec un grand jardin.',
  description_en: '',
  priceInfo_nl: 'Inkomenstarief volgens uw attest.',
  priceInfo_fr: '',
  priceInfo_en: '',
  opens_mon: '07:00',
  closes_mon: '18:30',
  opens_tue: '07:00',
  closes_tue: '18:30',
  capacity: '28',
  minAgeMonths: '0',
  maxAgeMonths: '36',
  languages: ['nl', 'fr'],
  care: ['inclusiveCare'],
  phone: '016 12 34 56',
  email: 'Info@Kdv.example',
  website: 'https://kdv.example',
};

describe.each(BACKENDS)('the provider profile on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staff: TestClient;
  let profile: string;

  beforeEach(async () => {
    // Today is 22 November 2026.
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    profile = `/provider/locations/${s.first.id}/profile`;
  });
  afterEach(async () => t.close());

  it('saves the profile, shows it publicly in the visitor’s language, and audits the change', async () => {
    const page = await staff.get(profile);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Profiel – KDV De Eerste Stap');
    const res = await staff.post(profile, VALID_PROFILE);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${profile}?done=saved`);
    expect((await staff.get(res.headers.location as string)).body).toContain('Het profiel is bewaard.');

    const [row] = await t.deps.db
      .select()
      .from(schema.providerLocations)
      .where(eq(schema.providerLocations.id, s.first.id));
    expect(row).toMatchObject({
      description: { nl: VALID_PROFILE.description_nl, fr: VALID_PROFILE.description_fr },
      priceInfo: { nl: VALID_PROFILE.priceInfo_nl },
      openingHours: { mon: { opens: '07:00', closes: '18:30' }, tue: { opens: '07:00', closes: '18:30' } },
      languages: ['nl', 'fr'],
      inclusiveCare: true,
      occasionalCare: false,
      email: 'info@kdv.example',
      website: 'https://kdv.example',
    });
    const audits = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'provider.profile.edit'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ subjectType: 'provider_location', subjectId: s.first.id });

    const french = new TestClient(t.app, { 'accept-language': 'fr-BE' });
    const publicPage = await french.get(`/providers/${s.first.id}`);
    expect(publicPage.body).toContain('Un accueil chaleureux avec un grand jardin.');
    const english = new TestClient(t.app, { 'accept-language': 'en' });
    // No English text: the Dutch one, marked as Dutch.
    expect((await english.get(`/providers/${s.first.id}`)).body).toContain(VALID_PROFILE.description_nl);
  });

  it('refuses invalid values with messages in the user’s language and changes nothing', async () => {
    await staff.get(profile);
    const bad = await staff.post(profile, {
      ...VALID_PROFILE,
      closes_mon: '06:00',
      opens_tue: '7u',
      maxAgeMonths: '0',
      capacity: '0',
      website: 'kdv',
      description_nl: '',
    });
    expect(bad.statusCode).toBe(400);
    for (const text of [
      'Vul een uur in als UU:MM',
      'Vul een aantal plaatsen in tussen 1 en 200.',
      'Vul een volledig webadres in',
    ])
      expect(bad.body).toContain(text);
    // The values typed are kept.
    expect(bad.body).toContain('value="kdv"');
    const [row] = await t.deps.db
      .select()
      .from(schema.providerLocations)
      .where(eq(schema.providerLocations.id, s.first.id));
    expect(row?.description).toBeNull();
    expect(row?.capacity).toBe(28);

    // Cross-field rules once the fields themselves are fine; and in French for a French user.
    const fr = await aUser(t.deps.db, {
      role: 'provider_staff',
      providerLocationId: s.first.id,
      language: 'fr',
    });
    const frClient = new TestClient(t.app);
    await frClient.login(fr.email, TEST_PASSWORD);
    await frClient.get(profile);
    const reversed = await frClient.post(profile, {
      ...VALID_PROFILE,
      closes_mon: '06:00',
      minAgeMonths: '30',
      maxAgeMonths: '12',
      description_nl: '',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('L’âge maximum doit être supérieur à l’âge minimum.');
    expect(reversed.body).toContain('L’heure de fermeture doit suivre l’heure d’ouverture.');
    expect(reversed.body).toContain('Remplissez ce champ.');
  });

  it('answers 404 for a location the user does not work at, and 403 for other roles', async () => {
    const other = new TestClient(t.app);
    await other.login(s.secondStaff.email, TEST_PASSWORD);
    expect((await other.get(profile)).statusCode).toBe(404);
    await other.get(`/provider/locations/${s.second.id}/profile`);
    expect((await other.post(profile, VALID_PROFILE)).statusCode).toBe(404);
    expect((await other.get(`/provider/locations/${s.first.id}/last-minute`)).statusCode).toBe(404);
    expect((await other.get(`/provider/locations/${s.first.id}/photos`)).statusCode).toBe(404);
    const desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const deskClient = new TestClient(t.app);
    await deskClient.login(desk.email, TEST_PASSWORD);
    expect((await deskClient.get(profile)).statusCode).toBe(403);
    const [row] = await t.deps.db
      .select()
      .from(schema.providerLocations)
      .where(eq(schema.providerLocations.id, s.first.id));
    expect(row?.description).toBeNull();
  });

  it('adds and removes closing periods, shown on the public profile while not past', async () => {
    await staff.get(profile);
    const bad = await staff.post(`${profile}/closing-periods`, { from: '2026-12-31', until: '2026-12-24' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('De einddatum mag niet vóór de begindatum liggen.');
    const added = await staff.post(`${profile}/closing-periods`, {
      from: '2026-12-24',
      until: '2027-01-01',
      reason_nl: 'Kerstverlof',
      reason_fr: 'Vacances de Noël',
    });
    expect(added.statusCode).toBe(303);
    const publicPage = await new TestClient(t.app).get(`/providers/${s.first.id}`);
    expect(publicPage.body).toContain('Kerstverlof');
    await staff.get(profile);
    const removed = await staff.post(`${profile}/closing-periods/remove`, {
      period: '2026-12-24/2027-01-01',
    });
    expect(removed.statusCode).toBe(303);
    const [row] = await t.deps.db
      .select({ closingPeriods: schema.providerLocations.closingPeriods })
      .from(schema.providerLocations)
      .where(eq(schema.providerLocations.id, s.first.id));
    expect(row?.closingPeriods).toEqual([]);
    await staff.get(profile);
    expect(
      (await staff.post(`${profile}/closing-periods/remove`, { period: '2026-12-24/2027-01-01' })).statusCode,
    ).toBe(404);
  });
});

describe.each(BACKENDS)('last-minute places on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staff: TestClient;
  let page: string;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    page = `/provider/locations/${s.first.id}/last-minute`;
  });
  afterEach(async () => t.close());

  it('keeps a last-minute place short and on days the location is open', async () => {
    const place = { minAgeMonths: '0', maxAgeMonths: '36' };
    await staff.get(page);
    const long = await staff.post(page, {
      ...place,
      availableFrom: '2026-12-01',
      availableUntil: '2027-03-02',
      days: 'mon',
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain(errorText('nl', 'lastMinuteTooLong'));
    await t.deps.db
      .update(schema.providerLocations)
      .set({
        openingHours: {
          mon: { opens: '07:00', closes: '18:00' },
          tue: { opens: '07:00', closes: '18:00' },
          thu: { opens: '07:00', closes: '18:00' },
        },
      })
      .where(eq(schema.providerLocations.id, s.first.id));
    const closed = await staff.post(page, {
      ...place,
      availableFrom: '2026-12-01',
      availableUntil: '2027-03-01',
      days: ['mon', 'wed'],
    });
    expect(closed.statusCode).toBe(400);
    expect(closed.body).toContain(errorText('nl', 'lastMinuteClosedDay'));
    expect(await t.deps.db.$count(schema.lastMinutePlaces)).toBe(0);
    const ok = await staff.post(page, {
      ...place,
      availableFrom: '2026-12-01',
      availableUntil: '2027-03-01',
      days: ['mon', 'thu'],
    });
    expect(ok.statusCode).toBe(303);
  });

  it('publishes a place that shows publicly and disappears by itself after its last day', async () => {
    await staff.get(page);
    const bad = await staff.post(page, {
      availableFrom: '2026-11-20',
      availableUntil: '2026-11-21',
      minAgeMonths: '0',
      maxAgeMonths: '36',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Kies minstens één dag opvang.');
    const past = await staff.post(page, {
      availableFrom: '2026-11-20',
      availableUntil: '2026-11-21',
      days: 'mon',
      minAgeMonths: '0',
      maxAgeMonths: '36',
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('De einddatum kan niet in het verleden liggen.');
    expect(await t.deps.db.$count(schema.lastMinutePlaces)).toBe(0);

    const res = await staff.post(page, {
      availableFrom: '2026-11-23',
      availableUntil: '2026-11-30',
      days: ['mon', 'wed'],
      minAgeMonths: '6',
      maxAgeMonths: '24',
      note_nl: 'Plaats voor twee weken',
    });
    expect(res.statusCode).toBe(303);
    const own = await staff.get(page);
    expect(own.body).toContain('Plaats voor twee weken');
    expect(own.body.match(/data-qa="own-place"/g)).toHaveLength(1);

    const visitor = new TestClient(t.app);
    const listed = await visitor.get('/last-minute');
    expect(listed.body).toContain('KDV De Eerste Stap');
    expect(listed.body).toContain('Plaats voor twee weken');

    // The last day still counts; the day after it is gone everywhere, without anyone acting.
    t.clock.set('2026-11-30T20:00:00Z');
    expect((await visitor.get('/last-minute')).body).toContain('Plaats voor twee weken');
    t.clock.set('2026-12-01T09:00:00Z');
    expect((await visitor.get('/last-minute')).body).not.toContain('Plaats voor twee weken');
    // (A session does not outlive a week of idleness: log in again.)
    const later = new TestClient(t.app);
    await later.login(s.firstStaff.email, TEST_PASSWORD);
    expect((await later.get(page)).body).toContain('data-qa="no-places"');
  });

  it('withdraws a place; another location cannot', async () => {
    await staff.get(page);
    await staff.post(page, {
      availableFrom: '2026-11-23',
      availableUntil: '2026-12-20',
      days: 'fri',
      minAgeMonths: '0',
      maxAgeMonths: '36',
      note_nl: 'Vrijdagplaats',
    });
    const [place] = await t.deps.db.select().from(schema.lastMinutePlaces);
    expect(place).toMatchObject({ days: ['fri'], createdByUserId: s.firstStaff.id });
    const other = new TestClient(t.app);
    await other.login(s.secondStaff.email, TEST_PASSWORD);
    await other.get(`/provider/locations/${s.second.id}/last-minute`);
    expect((await other.post(`${page}/${place?.id}/withdraw`, {})).statusCode).toBe(404);
    expect(
      (await other.post(`/provider/locations/${s.second.id}/last-minute/${place?.id}/withdraw`, {}))
        .statusCode,
    ).toBe(404);

    await staff.get(page);
    const res = await staff.post(`${page}/${place?.id}/withdraw`, {});
    expect(res.statusCode).toBe(303);
    expect((await new TestClient(t.app).get('/last-minute')).body).not.toContain('Vrijdagplaats');
    const audits = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'provider.lastMinute.manage'));
    expect(audits.map((a) => (a.details as { change: string }).change)).toEqual([
      'last_minute_published',
      'last_minute_withdrawn',
    ]);
  });
});
