import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  LAPTOP_VIEWPORT,
  launchBrowser,
  type RunningApp,
  startApp,
  Tab,
} from './browser.ts';

/**
 * The desk records a family's priority facts in a real browser without JavaScript: a bad income
 * is refused with a message, a good one is saved and the file shows the date the facts were given.
 * Every page is checked with axe and at 390 px; screenshots in /tmp/priority-facts-shots.
 */
const SHOTS = '/tmp/priority-facts-shots';

describe('the desk records the priority facts in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('refuses a bad income, saves a good one and shows when the facts were given', async () => {
    const s = await aScenario(app.deps.db);
    const desk = await aUser(app.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const family = await aFamilyRequest(app.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Feit',
      desiredStart: '2027-03-01',
      submittedAt: '2026-11-01T10:00:00Z',
    });
    const tab = await Tab.open(browser, app, { javaScriptEnabled: false, viewport: LAPTOP_VIEWPORT });
    await tab.logIn(desk.email, TEST_PASSWORD);
    const file = `/desk/families/${family.family.id}`;
    await tab.page.goto(tab.url(file));
    await expect(tab.qa('facts-given').textContent()).resolves.toContain('datum niet bekend');
    await tab.follow(tab.qa('change-facts'), `${file}/priority-facts`);
    await expectNoSidewaysScroll(tab.page);
    await tab.page.screenshot({ path: `${SHOTS}/facts-1366.png`, fullPage: true });

    await tab.page.locator('#field-yearlyIncome').fill('abc');
    await tab.follow(tab.qa('save-facts'), `${file}/priority-facts`, 400);
    await expect(tab.page.locator('.ko-error-summary').textContent()).resolves.toContain(
      'Vul het inkomen in hele euro in',
    );
    await tab.page.setViewportSize({ width: 390, height: 844 });
    await tab.page.screenshot({ path: `${SHOTS}/facts-error-390.png`, fullPage: true });

    await tab.page.locator('#field-yearlyIncome').fill('27 400');
    await tab.page.getByLabel('Alleenstaande ouder').check();
    await tab.follow(tab.qa('save-facts'), file);
    await expect(tab.qa('facts-given').textContent()).resolves.toContain('gegeven op 22 november 2026');
    await expectAccessible(tab.page);
    await expectNoSidewaysScroll(tab.page);
    await tab.page.screenshot({ path: `${SHOTS}/file-390.png`, fullPage: true });
    await tab.close();
  }, 240_000);
});
