import type { Browser, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClient } from '../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { saveFamily } from '../test/parent-journey.ts';
import { expectNoSidewaysScroll, launchBrowser, type RunningApp, startApp, Tab } from './browser.ts';

/**
 * The pages a parent uses most, at 320 CSS px wide (a 1280 px screen at 400% zoom, WCAG 1.4.10
 * Reflow) and without JavaScript: the request wizard, the provider's page where the offer is
 * made, and the parent's follow-up with the pending offer, whose Accept and Decline buttons must
 * be on screen without scrolling sideways. (Every page of every browser test is also checked at
 * 390 px by `expectAccessible`.)
 */

const WIDTH = 320;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('the parent journey at 320 px wide (400% zoom)', () => {
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let tab: Tab;

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
  }, 60_000);

  afterEach(async () => {
    await tab?.close();
    await t?.close();
  });

  /** The element lies wholly within the viewport's width: reachable without scrolling sideways. */
  async function expectWithinWidth(target: Locator, name: string): Promise<void> {
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    expect(box, `${name} is shown`).not.toBeNull();
    if (!box) return;
    expect({ name, left: box.x >= 0, right: box.x + box.width <= WIDTH }).toEqual({
      name,
      left: true,
      right: true,
    });
  }

  /** Follows a link or a button (status and axe as always), then checks the page at 320 px. */
  async function step(target: Locator, path: RegExp, status = 200): Promise<void> {
    await tab.follow(target, path, status);
    await expectNoSidewaysScroll(tab.page, `${tab.path()} at ${WIDTH} px`, WIDTH);
  }

  it('files a request through the wizard, gets an offer and sees Accept and Decline on screen', {
    timeout: 120_000,
  }, async () => {
    const user = await aUser(t.deps.db, { role: 'parent', language: 'nl', email: 'smal@e2e.example' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    await saveFamily({ t, s, client, user }, { parent1Language: 'nl' });

    tab = await Tab.open(browser, t, { javaScriptEnabled: false, viewport: { width: WIDTH, height: 640 } });
    const { page } = tab;
    const form = () => tab.qa('wizard-form');
    await tab.logIn(user.email, TEST_PASSWORD);
    expect(tab.path()).toBe('/parent');
    await expectNoSidewaysScroll(page, `/parent at ${WIDTH} px`, WIDTH);

    // The wizard, one page per question; the "next" button always within reach.
    await step(tab.qa('new-request'), /^\/parent\/requests\/new\/child$/);
    await form().locator('#field-childFirstName').fill('Maximiliaan-Alexander');
    await form().locator('#field-childLastName').fill('Vandenbroucke-Verstraeten');
    await form().locator('input[name="childBorn"][value="yes"]').check();
    await form().locator('#field-birthDate').fill('2026-08-01');
    await expectWithinWidth(tab.qa('wizard-next'), 'next on the child step');
    await step(tab.qa('wizard-next'), /^\/parent\/requests\/new\/when$/);
    await form().locator('#field-desiredStart').fill('2027-02-01');
    await step(tab.qa('wizard-next'), /^\/parent\/requests\/new\/plan$/);
    for (const day of ['mon', 'tue', 'thu']) await form().locator(`#field-day_${day}`).selectOption('full');
    await expectWithinWidth(tab.qa('wizard-next'), 'next on the care plan step');
    await step(tab.qa('wizard-next'), /^\/parent\/requests\/new\/preferences$/);
    // The search results are a table: it may scroll in its own region, the page may not.
    await step(tab.qa('search-locations'), /^\/parent\/requests\/new\/preferences$/);
    expect(await tab.qa('location-result').count()).toBeGreaterThanOrEqual(2);
    await step(
      tab.qa('location-result').filter({ hasText: 'KDV De Eerste Stap' }).locator('[data-qa="add-location"]'),
      /preferences$/,
    );
    await step(
      tab
        .qa('location-result')
        .filter({ hasText: 'KDV Het Tweede Nest' })
        .locator('[data-qa="add-location"]'),
      /preferences$/,
    );
    expect(await tab.qa('chosen-preference').count()).toBe(2);
    await expectWithinWidth(tab.qa('wizard-next'), 'next on the preferences step');
    await step(tab.qa('wizard-next'), /^\/parent\/requests\/new\/summary$/);
    await expectWithinWidth(tab.qa('submit-request'), 'submit on the summary');
    await step(tab.qa('submit-request'), /^\/parent\/requests\/[0-9a-f-]{36}$/);
    const followUp = tab.path();
    const requestId = followUp.split('/').pop() as string;
    await step(tab.qa('logout'), /^\/$/);

    // The provider makes the offer on the request's page, at the same width.
    await tab.logIn(s.firstStaff.email, TEST_PASSWORD);
    await tab.page.goto(tab.url(`/provider/locations/${s.first.id}/requests/${requestId}`));
    expect(tab.lastDocument?.status()).toBe(200);
    await expectNoSidewaysScroll(page, `the provider's request page at ${WIDTH} px`, WIDTH);
    await page.locator('#field-answerDeadline').fill('2026-11-29');
    await page.locator('#field-message').fill('Welkom! Bel ons gerust: info@kdv-de-eerste-stap.example');
    await expectWithinWidth(tab.qa('send-offer'), 'send the offer');
    await step(tab.qa('send-offer'), /^\/provider\/locations\/[0-9a-f-]{36}\/requests\/[0-9a-f-]{36}$/);
    await step(tab.qa('logout'), /^\/$/);

    // The parent's follow-up with the pending offer: the title, log-out and both answers on screen.
    await tab.logIn(user.email, TEST_PASSWORD);
    await tab.page.goto(tab.url(followUp));
    expect(tab.lastDocument?.status()).toBe(200);
    await expectNoSidewaysScroll(page, `the follow-up with an offer at ${WIDTH} px`, WIDTH);
    await expectWithinWidth(page.locator('h1'), 'the title');
    await expectWithinWidth(tab.qa('logout'), 'log out');
    const offer = tab.qa('offer');
    expect(await offer.count()).toBe(1);
    await expectWithinWidth(offer.locator('h2'), 'the offer heading');
    await expectWithinWidth(offer.locator('[data-qa="accept-offer"]'), 'Accept');
    await expectWithinWidth(offer.locator('[data-qa="decline-offer"]'), 'Decline');
    await step(offer.locator('[data-qa="accept-offer"]'), new RegExp(`^${followUp}$`));
    expect(await tab.qa('offer').count()).toBe(0);
  });
});
