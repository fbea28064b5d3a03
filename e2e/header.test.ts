import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { expectAccessible, launchBrowser, type RunningApp, startApp, Tab } from './browser.ts';

/**
 * The header on a phone: the navigation and the language switch fold behind a "Menu" button, so
 * that the page's own title is on the first screen. Without JavaScript nothing is folded (there is
 * no button to open it again), and on a wide screen there is no button at all.
 */

let browser: Browser;
let t: RunningApp;
let desk: { email: string };
beforeAll(async () => {
  browser = await launchBrowser();
  t = await startApp();
  const s = await aScenario(t.deps.db);
  desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await browser?.close();
});

describe('the header at 390 px and at 1366 px', () => {
  it('folds the navigation behind "Menu" on a phone with JavaScript, and opens it again', async () => {
    const tab = await Tab.open(browser, t, {
      javaScriptEnabled: true,
      viewport: { width: 390, height: 844 },
    });
    try {
      await tab.page.goto(tab.url('/search'));
      // Folded from the first paint: nothing below the header jumps up when the script runs.
      const shifted = await tab.page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let sum = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
                sum += entry.value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(sum), 300);
          }),
      );
      expect(shifted).toBeLessThan(0.01);
      const toggle = tab.qa('header-menu-toggle');
      expect(await toggle.isVisible()).toBe(true);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await tab.qa('nav-login').isVisible()).toBe(false);
      expect(await tab.qa('site-nav').isVisible()).toBe(false);
      // The page's title is high on the first screen, not under three rows of links.
      const title = await tab.page.locator('h1').boundingBox();
      expect(title?.y).toBeLessThan(200);
      await expectAccessible(tab.page, 'search with the menu folded');

      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await tab.qa('nav-login').isVisible()).toBe(true);
      expect(await tab.qa('lang-fr').isVisible()).toBe(true);
      expect(await tab.qa('site-nav').isVisible()).toBe(true);
      await expectAccessible(tab.page, 'search with the menu open');
      await toggle.click();
      expect(await tab.qa('nav-login').isVisible()).toBe(false);

      // A staff page folds the same way; the log-out button is in the menu.
      await tab.logIn(desk.email, TEST_PASSWORD);
      expect(await tab.qa('logout').isVisible()).toBe(false);
      await tab.qa('header-menu-toggle').click();
      expect(await tab.qa('logout').isVisible()).toBe(true);
    } finally {
      await tab.close();
    }
  });

  it('shows everything without JavaScript on a phone, and no menu button on a wide screen', async () => {
    const phone = await Tab.open(browser, t, {
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    try {
      await phone.page.goto(phone.url('/search'));
      expect(await phone.qa('header-menu-toggle').isVisible()).toBe(false);
      expect(await phone.qa('nav-login').isVisible()).toBe(true);
      expect(await phone.qa('site-nav').isVisible()).toBe(true);
      await expectAccessible(phone.page, 'search on a phone without JavaScript');
    } finally {
      await phone.close();
    }
    const wide = await Tab.open(browser, t, {
      javaScriptEnabled: true,
      viewport: { width: 1366, height: 768 },
    });
    try {
      await wide.page.goto(wide.url('/search'));
      expect(await wide.qa('header-menu-toggle').isVisible()).toBe(false);
      expect(await wide.qa('nav-login').isVisible()).toBe(true);
      expect(await wide.qa('site-nav').isVisible()).toBe(true);
    } finally {
      await wide.close();
    }
  });
});
