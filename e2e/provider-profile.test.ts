import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../src/modules/provider-profile/provider-profile.test-support.ts';
import { aScenario, TEST_PASSWORD } from '../test/builders.ts';
import { expectAccessible, launchBrowser, type RunningApp, startApp, Tab } from './browser.ts';

/**
 * The provider's own profile in a real browser: a French description that parents then read in
 * French, a photo upload, and a last-minute place that shows on the public site. With JavaScript,
 * and the last-minute form once without. Every page is checked with axe.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('the provider profile in a browser', () => {
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let tab: Tab;
  let page: Page;

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
  }, 60_000);

  afterEach(async () => {
    await tab?.close();
    await t?.close();
  });

  async function open(javaScriptEnabled: boolean): Promise<void> {
    tab = await Tab.open(browser, t, { javaScriptEnabled });
    page = tab.page;
  }

  const url = (path: string) => tab.url(path);
  const pathOf = () => tab.path();
  const qa = (id: string) => tab.qa(id);
  const base = () => `/provider/locations/${s.first.id}`;

  const follow = (target: Locator, expectedPath: string, status = 200) =>
    tab.follow(target, expectedPath, status);

  async function logIn(): Promise<void> {
    await page.goto(url('/login'));
    await page.locator('#field-email').fill(s.firstStaff.email);
    await page.locator('#field-password').fill(TEST_PASSWORD);
    await Promise.all([page.waitForEvent('load'), qa('login-submit').click()]);
  }

  async function publishLastMinute(withError: boolean): Promise<void> {
    await page.goto(url(`${base()}/last-minute`));
    await expectAccessible(page, `last-minute (${tab.label})`);
    await page.locator('#field-availableFrom').fill('2026-11-30');
    await page.locator('#field-availableUntil').fill('2026-12-18');
    if (withError) {
      await follow(qa('publish-place'), `${base()}/last-minute`, 400);
      expect(await page.locator('.ko-error-summary').innerText()).toContain('Kies minstens één dag opvang.');
    }
    await page.locator('#field-days-first').check();
    await page.locator('#field-days-wed').check();
    await page.locator('#field-note_nl').fill('Plaats tot de kerstvakantie');
    await follow(qa('publish-place'), `${base()}/last-minute`);
    expect(await qa('notice').innerText()).toContain('De plaats is gepubliceerd.');
    expect(await qa('own-place').count()).toBe(1);
    await page.goto(url('/last-minute'));
    expect(await page.locator('main').innerText()).toContain('Plaats tot de kerstvakantie');
  }

  it('edits the French description, uploads a photo and publishes a last-minute place (with JavaScript)', async () => {
    await open(true);
    await logIn();
    await follow(qa('nav-profile'), `${base()}/profile`);
    await page.locator('#field-description_nl').fill('Een kleine opvang met een grote tuin.');
    await page.locator('#field-description_fr').fill('Un petit accueil avec un grand jardin.');
    await page.locator('#field-opens_mon').fill('07:30');
    await page.locator('#field-closes_mon').fill('18:00');
    // Open on Wednesday too: a last-minute place may only fall on days the location is open.
    await page.locator('#field-opens_wed').fill('07:30');
    await page.locator('#field-closes_wed').fill('12:30');
    await follow(qa('save-profile'), `${base()}/profile`);
    expect(await qa('notice').innerText()).toContain('Het profiel is bewaard.');

    // A parent reading in French sees the French text.
    await page.goto(url(`/lang/fr?back=${encodeURIComponent(`/providers/${s.first.id}`)}`));
    expect(pathOf()).toBe(`/providers/${s.first.id}`);
    expect(await page.locator('main').innerText()).toContain('Un petit accueil avec un grand jardin.');
    await page.goto(url(`/lang/nl?back=${encodeURIComponent(`${base()}/photos`)}`));
    await expectAccessible(page, `photos (${tab.label})`);

    await page.locator('#field-photo').setInputFiles({
      name: 'tuin.png',
      mimeType: 'image/png',
      buffer: makePng(24, [60, 160, 90]),
    });
    await page.locator('#field-alt_nl').fill('De tuin met de zandbak');
    await follow(qa('upload-photo'), `${base()}/photos`);
    expect(await qa('photo').count()).toBe(1);
    const loaded = await page
      .locator('.ko-photo-thumb')
      .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth);
    expect(loaded).toBe(24);

    await publishLastMinute(false);
  }, 120_000);

  it('publishes a last-minute place without JavaScript, after a refused first try', async () => {
    await open(false);
    await logIn();
    await publishLastMinute(true);
  }, 120_000);
});
