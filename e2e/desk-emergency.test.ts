import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { expectAccessible, launchBrowser, type RunningApp, startApp, Tab } from './browser.ts';

/**
 * A desk officer (without JavaScript) marks a request as a social emergency with a confidential
 * note and puts it forward to two providers; a provider logs in and finds it on top of its
 * emergency list, with the flag and category and without the note. Every page is checked with axe
 * and at 390 px; screenshots at 390 and 1366 px go to SHOTS for a look at the layout.
 */

const SHOTS = '/tmp/desk-emergency-shots';
const NOTE = 'Vader opgenomen in het ziekenhuis; moeder alleen met drie kinderen';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the desk’s emergency follow-up in a browser', () => {
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let officer: { email: string };
  let requestId: string;
  let tabs: Tab[] = [];

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
    officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: s.third.id, language: 'fr' });
    // Another flagged request that starts sooner: without the forward it would be first.
    await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      desiredStart: '2026-12-01',
      socialReason: 'medical',
    });
    const made = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Nora',
      desiredStart: '2026-12-15',
    });
    requestId = made.request.id;
  }, 180_000);

  afterEach(async () => {
    for (const tab of tabs) await tab.close();
    tabs = [];
    await t?.close();
  });

  async function open(javaScriptEnabled: boolean, width = 1366) {
    const tab = await Tab.open(browser, t, { javaScriptEnabled, viewport: { width, height: 900 } });
    tabs.push(tab);
    return tab;
  }

  async function shoot(tab: Tab, name: string) {
    await tab.page.screenshot({ path: `${SHOTS}/${name}-1366.png`, fullPage: true });
    await tab.page.setViewportSize({ width: 390, height: 844 });
    await tab.page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
    await tab.page.setViewportSize({ width: 1366, height: 900 });
  }

  it('flags and forwards a request; the provider sees the flag on top, never the note', async () => {
    const desk = await open(false);
    await desk.logIn(officer.email, TEST_PASSWORD);
    const path = `/desk/requests/${requestId}/emergency`;
    await desk.page.goto(desk.url(path));
    expect(desk.lastDocument?.status()).toBe(200);
    await expectAccessible(desk.page, `${path} (without JavaScript)`);

    // A note is required when marking: the error summary, then the page again.
    await desk.page.selectOption('#field-category', 'family_crisis');
    await desk.follow(desk.qa('flag-submit'), path, 400);
    await expect(desk.page.locator('.ko-error-summary').textContent()).resolves.toContain('Vul dit veld in.');
    await desk.page.selectOption('#field-category', 'family_crisis');
    await desk.page.fill('#field-note', NOTE);
    await desk.follow(desk.qa('flag-submit'), path);
    await expect(desk.qa('notice').textContent()).resolves.toContain('gemarkeerd als sociale noodsituatie');
    await expect(desk.qa('social-emergency').textContent()).resolves.toContain('Crisis in het gezin');

    await desk.page.check(`input[name="locations"][value="${s.second.id}"]`);
    await desk.page.check(`input[name="locations"][value="${s.third.id}"]`);
    await desk.follow(desk.qa('forward-submit'), path);
    await expect(desk.qa('notice').textContent()).resolves.toContain('doorgestuurd naar 2 opvanglocaties');
    await expect(desk.qa('forward-row').count()).resolves.toBe(2);
    await desk.page.selectOption('#field-channel', 'phone');
    await desk.page.fill('#field-contactText', 'Moeder gebeld: twee opvanglocaties gevraagd');
    await desk.follow(desk.qa('contact-submit'), path);
    await shoot(desk, 'desk-emergency');

    const lift = await open(false);
    await lift.logIn(officer.email, TEST_PASSWORD);
    await lift.page.goto(lift.url(path));
    await lift.follow(lift.qa('lift-link'), `${path}/lift`);
    await shoot(lift, 'desk-emergency-lift');

    const mails = await t.deps.db.query.outbox.findMany();
    expect(mails.filter((m) => m.template === 'desk.request_forwarded')).toHaveLength(2);

    // The provider of the second location: the request on top, flag and category, no note.
    const provider = await open(true);
    await provider.logIn(s.secondStaff.email, TEST_PASSWORD);
    const list = `/provider/locations/${s.second.id}/emergency-list`;
    await provider.page.goto(provider.url(list));
    expect(provider.lastDocument?.status()).toBe(200);
    await expectAccessible(provider.page, `${list} (with JavaScript)`);
    const first = provider.page.locator('[data-qa="emergency-row"]').first();
    await expect(first.locator('[data-qa="forwarded-flag"]').textContent()).resolves.toContain(
      'Door het loket doorgestuurd op 22/11/2026',
    );
    await expect(first.locator('[data-qa="social-flag"]').textContent()).resolves.toContain(
      'Sociale reden: Crisis in het gezin',
    );
    const html = await provider.page.content();
    expect(html).not.toContain(NOTE);
    expect(html).not.toContain('ziekenhuis');
    expect(html).not.toContain('twee opvanglocaties gevraagd');
    expect(html).not.toContain('Nora');
    await shoot(provider, 'emergency-list');
  }, 180_000);
});
