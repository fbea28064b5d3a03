import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import {
  browserTests,
  expectAccessible,
  expectNoSidewaysScroll,
  PHONE_VIEWPORT,
  type Tab,
} from './browser.ts';

/**
 * Without JavaScript: the desk enters the births of a year (a wrong figure is refused with a
 * message) and imports another; a region's policy officer reads the region's figures with the
 * demand forecast, picks a municipality, and downloads the yearly registration as PDF. Every page
 * is checked with axe and at 390 px.
 */

const SHOTS = '/tmp/policy-figures-forecast-shots';

describe('births, the demand forecast and the region view in a browser', () => {
  const run = browserTests(SHOTS, async (t) => {
    const s = await aScenario(t.deps.db);
    const other = await aMunicipality(t.deps.db, { regionId: s.region.id, name: 'Buurgemeente' });
    for (let i = 0; i < 8; i++)
      await aFamilyRequest(t.deps.db, {
        municipalityId: s.municipality.id,
        locations: [s.first.id],
        submittedAt: '2026-03-10T10:00:00Z',
      });
    await aFamilyRequest(t.deps.db, {
      municipalityId: other.id,
      locations: [],
      submittedAt: '2026-04-10T10:00:00Z',
    });
    const desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const policy = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await t.deps.db.execute(
      sql`update role_grants set role = 'policy', municipality_id = null, region_id = ${s.region.id} where user_id = ${policy.id}`,
    );
    // The births the desk enters in the first test, for the second.
    const births = () =>
      t.deps.db.insert(schema.municipalityBirths).values([
        { municipalityId: s.municipality.id, year: 2026, births: 160 },
        { municipalityId: s.municipality.id, year: 2027, births: 200 },
      ]);
    return { s, other, desk, policy, births };
  });

  async function check(tab: Tab, name: string) {
    await expectAccessible(tab.page, name);
    await expectNoSidewaysScroll(tab.page, `${name} at 390 px`);
    await run.shoot(tab, name);
  }

  it('lets the desk enter births, refusing a wrong figure with a message, and import them', async () => {
    const { desk } = run.seed;
    const tab = await run.open(false, PHONE_VIEWPORT.width);
    await tab.logIn(desk.email, TEST_PASSWORD);
    await tab.page.goto(tab.url('/figures'));
    await tab.follow(tab.qa('births-link'), '/figures/births');
    await check(tab, 'births');
    await tab.page.fill('#field-year', '2026');
    await tab.page.fill('#field-births', 'veel');
    await tab.follow(tab.qa('births-save'), '/figures/births', 400);
    await check(tab, 'births-refused');
    await expect(tab.page.locator('.ko-error-summary').textContent()).resolves.toContain(
      '0 tot en met 50000',
    );
    await tab.page.fill('#field-births', '160');
    await tab.follow(tab.qa('births-save'), '/figures/births');
    await expect(tab.qa('births-2026').textContent()).resolves.toBe('160');
    await tab.page.fill('#field-csv', 'jaar;geboorten\n2027;200\n2027;210');
    await tab.follow(tab.qa('births-import-submit'), '/figures/births/import', 400);
    await check(tab, 'births-import-refused');
    await tab.page.fill('#field-csv', 'jaar;geboorten\n2027;200');
    await tab.follow(tab.qa('births-import-submit'), '/figures/births');
    await expect(tab.qa('births-2027').textContent()).resolves.toBe('200');
  }, 180_000);

  it('shows a region its figures with the forecast, each municipality on request, and the PDF link', async () => {
    const { s, other, policy } = run.seed;
    await run.seed.births();
    const region = await run.open(false, PHONE_VIEWPORT.width);
    await region.logIn(policy.email, TEST_PASSWORD);
    expect(region.path()).toBe('/figures');
    await check(region, 'figures-region');
    // The region as a whole: 8 + 1 children; the neighbour's one is "< 5".
    await expect(region.qa('byChannel-total').textContent()).resolves.toBe('9');
    // 8 requests ÷ 160 births = 5 per 100; 5 % of the 200 births of 2027 = 10.
    await expect(region.qa(`forecast-${s.municipality.id}-ratio`).textContent()).resolves.toBe('5');
    await expect(region.qa(`forecast-${s.municipality.id}-expected`).textContent()).resolves.toBe('10');
    await expect(region.qa(`forecast-${other.id}-requests`).textContent()).resolves.toBe('< 5');
    await expect(region.qa('forecast-method').textContent()).resolves.toContain('Hoe we rekenen');
    await region.page.selectOption('#field-municipality', s.municipality.id);
    await region.follow(region.qa('show-figures'), '/figures');
    await check(region, 'figures-municipality');
    await expect(region.qa('byChannel-total').textContent()).resolves.toBe('8');

    await region.follow(region.qa('yearly-link'), '/figures/yearly');
    await check(region, 'figures-yearly-region');
    const href = await region.qa('yearly-pdf').getAttribute('href');
    expect(href).toBe('/figures/yearly/export.pdf?year=2026');
    const pdf = await region.page.request.get(region.url(href ?? ''));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});
