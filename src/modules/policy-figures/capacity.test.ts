import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { placesOn } from './capacity.queries.ts';
import { getForecast } from './forecast.ts';
import { demandAndSupply } from './policy-figures.flows.queries.ts';

const PROFILE = {
  description_nl: 'Een warme opvang.',
  description_fr: '',
  description_en: '',
  priceInfo_nl: '',
  priceInfo_fr: '',
  priceInfo_en: '',
  opens_mon: '07:00',
  closes_mon: '18:30',
  opens_tue: '07:00',
  closes_tue: '18:30',
  minAgeMonths: '0',
  maxAgeMonths: '36',
  languages: ['nl'],
  care: [],
  phone: '',
  email: '',
  website: '',
};

/**
 * The figures read the places valid on the day they count: a location of 28 places since long
 * (the scenario's first), raised to 40 by its staff on 15 June 2026; the municipality's two other
 * locations (28 and 8 places, no opening days entered) stay as they are.
 */
describe.each(BACKENDS)('places as they were on the day counted on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;

  beforeEach(async () => {
    t = await buildTestApp(backend, { now: '2026-06-15T09:00:00Z' });
    s = await aScenario(t.deps.db);
  });
  afterEach(async () => t.close());

  it('keeps a capacity change in the history and counts each day with the places then', async () => {
    const db = t.deps.db;
    const staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    const profile = `/provider/locations/${s.first.id}/profile`;
    await staff.get(profile);
    expect((await staff.post(profile, { ...PROFILE, capacity: '40' })).statusCode).toBe(303);
    // Saving again with the same places adds nothing; the history has the old and the new places.
    await staff.get(profile);
    expect((await staff.post(profile, { ...PROFILE, capacity: '40' })).statusCode).toBe(303);
    const history = await db
      .select()
      .from(schema.locationCapacities)
      .where(eq(schema.locationCapacities.locationId, s.first.id))
      .orderBy(asc(schema.locationCapacities.validFrom));
    expect(history.map((h) => [h.validFrom, h.capacity])).toEqual([
      ['2000-01-01', 28],
      ['2026-06-15', 40],
    ]);

    const m = [s.municipality.id];
    // Figure 10's places: 28 + 28 + 8 before the change, 40 + 28 + 8 from its day on.
    expect((await placesOn(db, m, localDate('2026-06-14'))).get(s.municipality.id)).toBe(64);
    expect((await placesOn(db, m, localDate('2026-06-15'))).get(s.municipality.id)).toBe(76);
    expect((await placesOn(db, m, localDate('1999-12-31'))).get(s.municipality.id)).toBeUndefined();
    t.clock.set(new Date('2026-11-22T09:00:00Z'));
    const today = localDate('2026-11-22');
    const municipalities = [{ id: s.municipality.id, name: s.municipality.name }];
    expect((await getForecast(db, { municipalities, year: 2025, today })).rows[0]?.places).toBe(64);
    expect((await getForecast(db, { municipalities, year: 2026, today })).rows[0]?.places).toBe(76);

    // Figure 8: the first location opens on Monday and Tuesday (the profile saved), the others on
    // no day entered: the places a week on the period's last day, before and after the change.
    const spring = await demandAndSupply(db, {
      municipalityIds: m,
      period: { from: localDate('2026-01-01'), to: localDate('2026-05-31') },
      today,
    });
    expect(spring.placeDaysPerWeek).toBe(28 * 2);
    expect(spring.placesByWeekday.mon).toBe(28);
    expect(spring.placesByWeekday.wed).toBe(0);
    const year = await demandAndSupply(db, {
      municipalityIds: m,
      period: { from: localDate('2026-01-01'), to: today },
      today,
    });
    expect(year.placeDaysPerWeek).toBe(40 * 2);
    expect(year.placesByWeekday.tue).toBe(40);
  });

  it('counts a location deactivated by the desk for the days it was open, and again once reactivated', async () => {
    const db = t.deps.db;
    const deskUser = await aUser(db, { role: 'desk', municipalityId: s.municipality.id });
    const desk = new TestClient(t.app);
    await desk.login(deskUser.email, TEST_PASSWORD);
    const path = `/desk/providers/locations/${s.second.id}`;
    await desk.get(`${path}/deactivate`);
    expect((await desk.post(`${path}/deactivate`, { confirmed: 'yes' })).statusCode).toBe(303);
    const m = [s.municipality.id];
    const places = async (day: string) => (await placesOn(db, m, localDate(day))).get(s.municipality.id);
    // 28 + 28 + 8 while all were open; the second location's 28 gone from the day it was closed.
    expect(await places('2026-06-14')).toBe(64);
    expect(await places('2026-06-15')).toBe(36);
    // A past year still shows the places of the locations open then.
    t.clock.set(new Date('2026-11-22T09:00:00Z'));
    const municipalities = [{ id: s.municipality.id, name: s.municipality.name }];
    const today = localDate('2026-11-22');
    expect((await getForecast(db, { municipalities, year: 2025, today })).rows[0]?.places).toBe(64);
    expect((await getForecast(db, { municipalities, year: 2026, today })).rows[0]?.places).toBe(36);

    // Five months on (a new session), the desk opens it again.
    const later = new TestClient(t.app);
    await later.login(deskUser.email, TEST_PASSWORD);
    await later.get(path);
    expect((await later.post(`${path}/reactivate`, {})).headers.location).toBe(`${path}?done=reactivated`);
    expect(await places('2026-11-21')).toBe(36);
    expect(await places('2026-11-22')).toBe(64);
    const history = await db
      .select()
      .from(schema.locationCapacities)
      .where(eq(schema.locationCapacities.locationId, s.second.id))
      .orderBy(asc(schema.locationCapacities.validFrom));
    expect(history.map((h) => [h.validFrom, h.capacity, h.active])).toEqual([
      ['2000-01-01', 28, true],
      ['2026-06-15', 28, false],
      ['2026-11-22', 28, true],
    ]);
  });
});
