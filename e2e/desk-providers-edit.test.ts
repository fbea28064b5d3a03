import { describe, expect, it } from 'vitest';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible, expectNoSidewaysScroll, PHONE_VIEWPORT } from './browser.ts';

/**
 * A desk officer, without JavaScript, corrects a location's details with the form it was created
 * with: a refused postcode first (the message, nothing saved), then a new name and address that
 * the public profile shows at once; and corrects the organisation's name. Every page is checked
 * with axe, at 390 px without sideways scrolling too. Screenshots go to SHOTS.
 */

const SHOTS = '/tmp/desk-providers-edit-shots';

describe('the desk edits a provider in a browser', () => {
  const run = browserTests(SHOTS, async (t) => {
    const s = await aScenario(t.deps.db);
    return {
      location: s.first,
      officer: await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id }),
    };
  });
  const { open, shoot } = run;

  it('corrects a location and its organisation without JavaScript; the public profile shows it at once', async () => {
    for (const width of [PHONE_VIEWPORT.width, 1366]) {
      const desk = await open(false, width);
      await desk.logIn(run.seed.officer.email, TEST_PASSWORD);
      const locationPath = `/desk/providers/locations/${run.seed.location.id}`;
      await desk.page.goto(desk.url(locationPath));
      await desk.follow(desk.qa('edit-location'), `${locationPath}/edit`);
      await expectAccessible(desk.page, `location edit form (${desk.label})`);
      await expectNoSidewaysScroll(desk.page, `location edit form (${desk.label})`);
      await shoot(desk, `location-edit-${width}`);

      // A postcode of another municipality: the message, the typed values kept, nothing saved.
      await desk.page.fill('#field-postcode', '9000');
      await desk.follow(desk.qa('save-location'), `${locationPath}/edit`, 400);
      await expect(desk.page.locator('.ko-error-summary').textContent()).resolves.toContain(
        'Deze postcode hoort niet bij uw gemeente.',
      );
      await expectAccessible(desk.page, `location edit refused (${desk.label})`);
      await expectNoSidewaysScroll(desk.page, `location edit refused (${desk.label})`);
      await shoot(desk, `location-edit-refused-${width}`);

      const name = `KDV De Eerste Stap ${width}`;
      await desk.page.fill('#field-name', name);
      await desk.page.fill('#field-postcode', '3001');
      await desk.page.fill('#field-city', 'Heverlee');
      await desk.page.fill('#field-street', 'Parkstraat');
      await desk.follow(desk.qa('save-location'), locationPath);
      await expect(desk.page.locator('h1').textContent()).resolves.toBe(name);
      await expect(desk.qa('location-facts').textContent()).resolves.toContain('3001 Heverlee');
      await expectAccessible(desk.page, `location saved (${desk.label})`);

      const visitor = await open(false, PHONE_VIEWPORT.width);
      await visitor.page.goto(visitor.url(`/providers/${run.seed.location.id}`));
      await expect(visitor.page.locator('h1').textContent()).resolves.toContain(name);

      const organisationPath = `/desk/providers/${run.seed.location.organisationId}`;
      await desk.page.goto(desk.url(`${organisationPath}/edit`));
      await expectAccessible(desk.page, `organisation edit form (${desk.label})`);
      await expectNoSidewaysScroll(desk.page, `organisation edit form (${desk.label})`);
      await desk.page.fill('#field-name', `Vzw De Stap ${width}`);
      await desk.page.selectOption('#field-kind', 'non_profit');
      await desk.follow(desk.qa('save-organisation'), organisationPath);
      await expect(desk.page.locator('h1').textContent()).resolves.toBe(`Vzw De Stap ${width}`);
      await shoot(desk, `organisation-saved-${width}`);
    }
  }, 600_000);
});
