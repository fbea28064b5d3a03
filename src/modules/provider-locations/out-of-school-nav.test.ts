import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import {
  aFamilyRequest,
  aProviderLocation,
  aScenario,
  aUser,
  TEST_PASSWORD,
} from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

/**
 * Out-of-school care has no emergency list and no last-minute places (both baby and toddler
 * care's): its staff's navigation never links there, on any page, and the public list of
 * last-minute places leaves its places out.
 */
describe.each(BACKENDS)('an out-of-school care location’s pages on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let osc: Awaited<ReturnType<typeof aProviderLocation>>;
  let staff: TestClient;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    osc = await aProviderLocation(t.deps.db, {
      municipalityId: s.municipality.id,
      name: 'IBO De Regenboog',
      careType: 'out_of_school',
      minAgeMonths: 30,
      maxAgeMonths: 144,
      outOfSchoolHours: { afterSchool: { opens: '15:30', closes: '18:30' } },
    });
    const member = await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: osc.id });
    // Also at a baby and toddler care location: the home page then lists both with their tabs.
    await t.deps.db
      .insert(schema.roleGrants)
      .values({ userId: member.id, role: 'provider_staff', providerLocationId: s.second.id });
    staff = new TestClient(t.app);
    await staff.login(member.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  it('shows no emergency-list or last-minute tab on any page of its staff, and those pages answer 404', async () => {
    const file = await aFamilyRequest(t.deps.db, { municipalityId: s.municipality.id, locations: [osc.id] });
    const base = `/provider/locations/${osc.id}`;
    for (const path of [
      '/provider',
      `${base}/waiting-list`,
      `${base}/requests/${file.request.id}`,
      `${base}/mail-templates`,
      `${base}/reports`,
      `${base}/profile`,
      `${base}/photos`,
    ]) {
      const page = await staff.get(path);
      expect(page.statusCode, path).toBe(200);
      expect(page.body, path).toContain(`href="${base}/waiting-list"`);
      expect(page.body, path).not.toContain(`${base}/emergency-list`);
      expect(page.body, path).not.toContain(`${base}/last-minute`);
    }
    expect((await staff.get(`${base}/emergency-list`)).statusCode).toBe(404);
    expect((await staff.get(`${base}/last-minute`)).statusCode).toBe(404);

    // Baby and toddler care keeps both tabs, on the same home page.
    const home = await staff.get('/provider');
    expect(home.body).toContain(`/provider/locations/${s.second.id}/emergency-list`);
    expect(home.body).toContain(`/provider/locations/${s.second.id}/last-minute`);
  });

  it('leaves out-of-school care out of the public last-minute places and the search’s last-minute badge', async () => {
    const today = t.deps.clock.today();
    // A place left from before (the provider's page no longer takes new ones for this location).
    await t.deps.db.insert(schema.lastMinutePlaces).values([
      { providerLocationId: osc.id, availableFrom: today, availableUntil: today, days: ['mon', 'tue'] },
      { providerLocationId: s.first.id, availableFrom: today, availableUntil: today, days: ['mon', 'tue'] },
    ]);
    const visitor = new TestClient(t.app);
    const list = await visitor.get('/last-minute');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('KDV De Eerste Stap');
    expect(list.body).not.toContain('IBO De Regenboog');
    const profile = await visitor.get(`/providers/${osc.id}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).not.toContain('data-qa="last-minute');
  });
});
