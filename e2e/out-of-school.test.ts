import { describe, expect, it } from 'vitest';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import {
  browserTests,
  expectAccessible,
  expectNoSidewaysScroll,
  PHONE_VIEWPORT,
  type Tab,
} from './browser.ts';

/**
 * A desk officer (without JavaScript) registers an out-of-school care organiser with a location;
 * a parent on a phone finds it in the out-of-school search by school and by Wednesday afternoon
 * (without and with JavaScript), never in the baby and toddler search, and reads its
 * out-of-school fields on its profile. Every page is checked with axe; the public pages also at
 * 390 px. Screenshots go to SHOTS.
 */

const SHOTS = '/tmp/out-of-school-shots';

describe('out-of-school care in a browser', () => {
  const run = browserTests(SHOTS, async (t) => {
    const s = await aScenario(t.deps.db);
    return { officer: await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id }) };
  });
  const { open, shoot } = run;

  const names = (tab: Tab) => tab.qa('result-link').allTextContents();

  it('the desk registers an organiser; parents find it by school and Wednesday afternoon, not in baby care', async () => {
    const desk = await open(false);
    await desk.logIn(run.seed.officer.email, TEST_PASSWORD);
    await desk.page.goto(desk.url('/desk/providers/new'));
    await desk.page.fill('#field-name', 'Stad Buitenschools');
    await desk.page.selectOption('#field-kind', 'local_authority');
    await desk.follow(desk.qa('create-organisation'), /^\/desk\/providers\/[0-9a-f-]{36}$/);
    const organisationPath = desk.path();
    await desk.follow(desk.qa('add-location'), `${organisationPath}/locations/new`);
    await desk.page.fill('#field-name', 'IBO De Regenboog');
    await desk.page.selectOption('#field-careType', 'out_of_school');
    await desk.page.fill('#field-street', 'Naamsestraat');
    await desk.page.fill('#field-houseNumber', '40');
    await desk.page.fill('#field-postcode', '3001');
    await desk.page.fill('#field-city', 'Heverlee');
    await desk.page.fill('#field-capacity', '48');
    await desk.page.fill('#field-minAgeMonths', '30');
    await desk.page.fill('#field-maxAgeMonths', '144');
    await desk.page.fill('#field-oscOpens_afterSchool', '15:30');
    await desk.page.fill('#field-oscCloses_afterSchool', '18:30');
    await desk.page.fill('#field-oscOpens_wednesdayAfternoon', '12:00');
    await desk.page.fill('#field-oscCloses_wednesdayAfternoon', '18:00');
    await desk.page.fill('#field-schoolsServed', 'Basisschool De Linde\nSint-Jozefschool Heverlee');
    await shoot(desk, 'new-location');
    await desk.follow(desk.qa('create-location'), /^\/desk\/providers\/locations\/[0-9a-f-]{36}$/);
    await expect(desk.qa('location-out-of-school').textContent()).resolves.toContain(
      'Woensdagnamiddag 12:00–18:00',
    );
    await expect(desk.qa('location-schools').textContent()).resolves.toContain('Basisschool De Linde');

    for (const js of [false, true]) {
      const parent = await open(js, PHONE_VIEWPORT.width);
      // The baby and toddler search does not show it, with or without its filters.
      await parent.page.goto(parent.url('/search'));
      await expectAccessible(parent.page, `baby and toddler search (${parent.label})`);
      await expect(names(parent)).resolves.not.toContain('IBO De Regenboog');
      await parent.page.goto(parent.url('/search?type=group&day=wed&age=12'));
      await expect(names(parent)).resolves.toEqual([]);

      await parent.page.goto(parent.url('/search'));
      await parent.follow(parent.qa('offer-school'), '/search');
      await expect(parent.page.locator('h1').textContent()).resolves.toBe('Buitenschoolse opvang zoeken');
      await expectNoSidewaysScroll(parent.page, `out-of-school search (${parent.label})`);
      await parent.page.fill('#field-school', 'linde');
      await parent.page.getByLabel('woensdagnamiddag', { exact: true }).check();
      await parent.follow(parent.qa('search-submit'), '/search');
      await expect(names(parent)).resolves.toEqual(['IBO De Regenboog']);
      await expect(parent.qa('result-services').textContent()).resolves.toBe('na school, woensdagnamiddag');
      await expectNoSidewaysScroll(parent.page, `out-of-school results (${parent.label})`);
      if (!js) await shoot(parent, 'search');

      // A service it does not offer: nothing.
      await parent.page.goto(parent.url('/search?offer=school&school=linde&service=beforeSchool'));
      await expect(names(parent)).resolves.toEqual([]);
      await parent.page.goBack();

      await parent.follow(parent.qa('result-link').first(), /^\/providers\/[0-9a-f-]{36}$/);
      await expect(parent.qa('out-of-school-hours').textContent()).resolves.toContain('12:00 – 18:00');
      await expect(parent.qa('schools-served').textContent()).resolves.toContain('Sint-Jozefschool Heverlee');
      await expect(parent.qa('age-range').textContent()).resolves.toBe('van 2,5 jaar tot 12 jaar');
      await expect(parent.qa('requests-direct').count()).resolves.toBe(1);
      await expectNoSidewaysScroll(parent.page, `out-of-school profile (${parent.label})`);
      if (!js) await shoot(parent, 'profile');
    }
  }, 300_000);
});
