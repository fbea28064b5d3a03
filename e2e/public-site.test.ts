import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoRegion } from '../src/modules/demo/index.ts';
import { schema } from '../src/platform/db/index.ts';
import { aUser, TEST_PASSWORD } from '../test/builders.ts';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  newContext,
  type RunningApp,
  STEP_TIMEOUT,
  startApp,
} from './browser.ts';

/**
 * The public site in a real browser, on the demo region: search with filters and distance from a
 * postcode (list and map agree), a profile carried into a request, a last-minute place appearing
 * and expiring, the sick-child page, and the language switch keeping the filters. Dutch and French
 * with JavaScript, English without; axe checks every page.
 */

const NOW = '2026-11-22T09:00:00Z';
const SCREENSHOT = 'test-results/search-map.png';

type Run = {
  lang: 'nl' | 'fr' | 'en';
  locale: string;
  javaScriptEnabled: boolean;
  texts: {
    search: string;
    results: RegExp;
    sickChild: string;
    lastMinute: string;
    navHome: string;
    switchTo: 'nl' | 'fr' | 'en';
  };
};

const RUNS: Run[] = [
  {
    lang: 'nl',
    locale: 'nl-BE',
    javaScriptEnabled: true,
    texts: {
      search: 'Kinderopvang zoeken',
      results: /^(\d+) opvanglocaties? gevonden$/,
      sickChild: 'Opvang voor een ziek kind',
      lastMinute: 'Last-minuteplaatsen',
      navHome: 'Start',
      switchTo: 'fr',
    },
  },
  {
    lang: 'fr',
    locale: 'fr-BE',
    javaScriptEnabled: true,
    texts: {
      search: 'Chercher un accueil d’enfants',
      results: /^(\d+) lieux? d’accueil trouvés?$/,
      sickChild: 'Accueil d’un enfant malade',
      lastMinute: 'Places de dernière minute',
      navHome: 'Accueil',
      switchTo: 'en',
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    javaScriptEnabled: false,
    texts: {
      search: 'Find childcare',
      results: /^(\d+) childcare locations? found$/,
      sickChild: 'Care for a sick child',
      lastMinute: 'Last-minute places',
      navHome: 'Home',
      switchTo: 'nl',
    },
  },
];

let browser: Browser;
let t: RunningApp;
let parentEmail: string;

beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startApp({ now: NOW })]);
  await generateDemoRegion(t.deps.db, { clock: t.clock, vault: t.deps.vault });
  parentEmail = (await aUser(t.deps.db, { role: 'parent' })).email;
  mkdirSync('test-results', { recursive: true });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.each(RUNS)('the public site in a browser: $lang, JavaScript $javaScriptEnabled', (run) => {
  let context: BrowserContext;
  let page: Page;
  const scriptErrors: string[] = [];
  const label = (what: string) => `${what} (${run.lang}${run.javaScriptEnabled ? '' : ', no JS'})`;

  beforeAll(async () => {
    t.clock.set(NOW);
    context = await newContext(browser, {
      javaScriptEnabled: run.javaScriptEnabled,
      locale: run.locale,
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    page = await context.newPage();
    // A script error on any page fails the run (the map must not break silently).
    page.on('pageerror', (error) => scriptErrors.push(error.message));
  });
  afterAll(async () => {
    await context?.close();
    expect(scriptErrors).toEqual([]);
  });

  const qa = (name: string) => page.locator(`[data-qa="${name}"]`);
  const textOf = async (selector: string) => (await page.locator(selector).first().textContent())?.trim();

  /** Opens a page and checks it with axe (`check: false` for a page already scanned in this run). */
  async function visit(path: string, check = true): Promise<void> {
    const res = await page.goto(new URL(path, t.baseUrl).toString(), { waitUntil: 'load' });
    expect(res?.status(), path).toBe(200);
    if (check) await expectAccessible(page, label(path));
  }

  async function clickAndLoad(target: ReturnType<Page['locator']>): Promise<void> {
    await Promise.all([page.waitForEvent('load'), target.click()]);
  }

  it('searches by age, days and distance from a postcode; list and map agree; switches language keeping the filters', {
    timeout: 60_000,
  }, async () => {
    await visit('/');
    expect(await page.locator('html').getAttribute('lang')).toBe(run.lang);
    // The public navigation is in the header, the current page marked.
    const current = page.locator('header nav[data-qa="site-nav"] a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe('/');
    expect((await current.textContent())?.trim()).toBe(run.texts.navHome);
    await clickAndLoad(qa('search-cta'));
    expect(await textOf('h1')).toBe(run.texts.search);
    await expectAccessible(page, label('/search'));

    const form = qa('search-form');
    await form.locator('#field-age').selectOption('6');
    await form.locator('#field-day-first').check();
    await form.locator('#field-day-tue').check();
    await form.locator('#field-home').fill('3001');
    await form.locator('#field-work').fill('3000');
    await form.locator('#field-distance').selectOption('5');
    await clickAndLoad(qa('search-submit'));
    const url = new URL(page.url());
    expect(url.pathname).toBe('/search');
    expect(url.searchParams.getAll('day')).toEqual(['mon', 'tue']);
    expect(url.searchParams.get('home')).toBe('3001');
    await expectAccessible(page, label('/search with filters'));

    const total = Number(run.texts.results.exec((await textOf('[data-qa="result-count"]')) ?? '')?.[1]);
    expect(total).toBeGreaterThan(5);
    const listIds = await qa('result').evaluateAll((items) =>
      items.map((i) => i.getAttribute('data-location-id')),
    );
    expect(listIds.length).toBe(Math.min(total, 20));
    const distances = await qa('distance').allTextContents();
    expect(distances.length).toBe(listIds.length);
    const km = distances.map((d) => Number((/^([\d.,]+)/.exec(d)?.[1] ?? 'NaN').replace(',', '.')));
    expect(km.every((d) => d <= 5)).toBe(true);

    const map = qa('map');
    if (run.javaScriptEnabled) {
      await page.locator('.leaflet-marker-icon').first().waitFor();
      expect(await map.isVisible()).toBe(true);
      expect(Number(await map.getAttribute('data-marker-count'))).toBe(total);
      const markerIds = ((await map.getAttribute('data-marker-ids')) ?? '').split(' ');
      for (const id of listIds) expect(markerIds).toContain(id);
      // The legend says what the symbols mean; home and work are drawn as the distances' origins.
      expect(await qa('map-legend').isVisible()).toBe(true);
      // Without a tile server the municipalities around are named at their points (and so in the legend).
      expect(await qa('map-legend').locator('li').count()).toBe(5);
      expect(await page.locator('.ko-map-origin').count()).toBe(2);
      const places = await page.locator('.ko-map-place').allTextContents();
      expect(places).toContain(run.lang === 'fr' ? 'Louvain' : 'Leuven');
      if (run.lang === 'nl') {
        await map.scrollIntoViewIfNeeded();
        await page.screenshot({ path: SCREENSHOT });
      }
    } else {
      // Without JavaScript the map stays hidden; the list is the complete result.
      expect(await map.isVisible()).toBe(false);
      expect(await qa('map-legend').isVisible()).toBe(false);
    }

    // The language switch keeps the page and its filters.
    const query = url.search;
    await clickAndLoad(qa(`lang-${run.texts.switchTo}`));
    expect(new URL(page.url()).search).toBe(query);
    expect(await page.locator('html').getAttribute('lang')).toBe(run.texts.switchTo);
    expect(await qa('result').count()).toBe(listIds.length);
    await clickAndLoad(qa(`lang-${run.lang}`));
    expect(await page.locator('html').getAttribute('lang')).toBe(run.lang);

    if (run.javaScriptEnabled && run.lang === 'nl') {
      // A click on an empty corner of the map chooses a third origin; the list and markers follow.
      await page.locator('.leaflet-marker-icon').first().waitFor();
      const box = await map.boundingBox();
      if (!box) throw new Error('the map has no size');
      await map.click({ position: { x: 14, y: box.height - 14 } });
      const near = await form.locator('#field-near').inputValue();
      expect(near).toMatch(/^5\d\.\d{5},[3-5]\.\d{5}$/);
      // Home and work are drawn already; the chosen point is the third origin.
      expect(await page.locator('.ko-map-origin').count()).toBe(3);
      expect(await page.locator('#result-map-status').textContent()).toContain(near.replace(',', ', '));
      await clickAndLoad(qa('search-submit'));
      expect(new URL(page.url()).searchParams.get('near')).toBe(near);
      const withPoint = Number(run.texts.results.exec((await textOf('[data-qa="result-count"]')) ?? '')?.[1]);
      const ids = await qa('result').evaluateAll((items) =>
        items.map((i) => i.getAttribute('data-location-id')),
      );
      const texts = await qa('distance').allTextContents();
      expect(texts.length).toBe(ids.length);
      for (const text of texts)
        expect(text).toMatch(/km van thuis · .* km van het werk · .* km van het gekozen punt$/);
      await page.locator('.ko-map-origin').first().waitFor();
      expect(await page.locator('.ko-map-origin').count()).toBe(3);
      expect(Number(await map.getAttribute('data-marker-count'))).toBe(withPoint);
      const markerIds = ((await map.getAttribute('data-marker-ids')) ?? '').split(' ');
      for (const id of ids) expect(markerIds).toContain(id);
    }
  });

  it('opens a profile and carries it into a request', { timeout: 60_000 }, async () => {
    await visit('/search?type=group&sort=name');
    const first = qa('result-link').first();
    const name = (await first.textContent())?.trim();
    await clickAndLoad(first);
    const profilePath = new URL(page.url()).pathname;
    const id = /^\/providers\/([0-9a-f-]{36})$/.exec(profilePath)?.[1];
    expect(id).toBeTruthy();
    expect(await textOf('h1')).toBe(name);
    await expectAccessible(page, label('profile'));
    if (run.javaScriptEnabled) await page.locator('#profile-map .leaflet-marker-icon').waitFor();

    // Anonymous: the log-in page first, which sends the parent on to the request form with the provider.
    await clickAndLoad(qa('add-to-request'));
    const login = new URL(page.url());
    expect(login.pathname).toBe('/login');
    expect(login.searchParams.get('next')).toBe(`/parent/requests/new?preference=${id}`);
    await page.locator('#field-email').fill(parentEmail);
    await page.locator('#field-password').fill(TEST_PASSWORD);
    await clickAndLoad(qa('login-submit'));
    // (A parent without a family file may be asked for it first: the parent journey's business.)
    expect(new URL(page.url()).pathname).toMatch(/^\/parent\//);
    await context.clearCookies();
  });

  it('shows a last-minute place until it expires, and the sick-child services', {
    timeout: 60_000,
  }, async () => {
    await context.clearCookies();
    const [location] = await t.deps.db
      .select({ id: schema.providerLocations.id, name: schema.providerLocations.name })
      .from(schema.providerLocations)
      .limit(1);
    if (!location) throw new Error('no demo location');
    const [place] = await t.deps.db
      .insert(schema.lastMinutePlaces)
      .values({
        providerLocationId: location.id,
        availableFrom: '2026-11-23',
        availableUntil: '2026-11-27',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        minAgeMonths: 0,
        maxAgeMonths: 36,
        note: { nl: `E2E ${run.lang}` },
      })
      .returning();
    const ours = page.locator(`[data-place-id="${place?.id}"]`);
    await visit('/last-minute');
    expect(await textOf('h1')).toBe(run.texts.lastMinute);
    expect(await ours.count()).toBe(1);
    expect(await ours.locator('h3').textContent()).toBe(location.name);

    t.clock.advanceDays(6);
    await visit('/last-minute?age=12', false);
    expect(await ours.count()).toBe(0);
    t.clock.set(NOW);
    await t.deps.db.delete(schema.lastMinutePlaces).where(eq(schema.lastMinutePlaces.id, place?.id ?? ''));

    await clickAndLoad(page.locator('.ko-site-nav a[href="/sick-child-care"]'));
    expect(await textOf('h1')).toBe(run.texts.sickChild);
    expect(await qa('sick-child-service').count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, label('/sick-child-care'));
    // The priority rules valid today (the rules before 2024, again since 30 April 2025), generated
    // from the rule set in the run's language, reached from the information pages.
    await visit('/info', false);
    await clickAndLoad(qa('priority-rules-link'));
    expect(new URL(page.url()).pathname).toBe('/priority-rules');
    await expectAccessible(page, label('/priority-rules'));
    expect(await qa('priority-absolute').locator('li').count()).toBe(1);
    expect(await qa('priority-criteria').locator('li').count()).toBe(4);
    if (run.lang === 'en') await visit('/accessibility');
  });
});

describe('the public site at 400% zoom (320 CSS px wide) and in print', () => {
  it('needs no horizontal scrolling on home, search and a profile with photos; prints the profile', {
    timeout: 60_000,
  }, async () => {
    const context = await newContext(browser, { locale: 'nl-BE', viewport: { width: 320, height: 640 } });
    context.setDefaultTimeout(STEP_TIMEOUT);
    const page = await context.newPage();
    const [photo] = await t.deps.db
      .select({ locationId: schema.providerPhotos.providerLocationId })
      .from(schema.providerPhotos)
      .limit(1);
    if (!photo) throw new Error('no demo photo');
    try {
      for (const path of ['/', '/search?home=3001&age=6', `/providers/${photo.locationId}`]) {
        const res = await page.goto(new URL(path, t.baseUrl).toString(), { waitUntil: 'load' });
        expect(res?.status(), path).toBe(200);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect({ path, overflow }).toEqual({ path, overflow: 0 });
      }
      // The demo's drawings, with their description.
      const photos = page.locator('.ko-photos img');
      expect(await photos.count()).toBeGreaterThanOrEqual(2);
      expect(await photos.first().getAttribute('alt')).toMatch(/^Tekening van /);
      await photos.first().scrollIntoViewIfNeeded();
      const width = await photos.first().evaluate(async (img) => {
        const image = img as HTMLImageElement;
        if (!image.complete)
          await new Promise((done) => image.addEventListener('load', done, { once: true }));
        return image.naturalWidth;
      });
      expect(width).toBe(320);

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header').isVisible()).toBe(false);
      expect(await page.locator('[data-qa="add-to-request"]').isVisible()).toBe(false);
      expect(await page.locator('[data-qa="facts"]').isVisible()).toBe(true);
      expect(await page.locator('[data-qa="opening-hours"]').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('the public search on a phone (390 × 844, without JavaScript)', () => {
  it('shows the results right after a short summary of the filters, and "back to search" keeps them', {
    timeout: 60_000,
  }, async () => {
    const context = await newContext(browser, {
      locale: 'nl-BE',
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    const page = await context.newPage();
    const qa = (name: string) => page.locator(`[data-qa="${name}"]`);
    const load = (target: ReturnType<Page['locator']>) =>
      Promise.all([page.waitForEvent('load'), target.click()]);
    try {
      const query = 'type=group&day=wed&age=12';
      await page.goto(new URL(`/search?${query}`, t.baseUrl).toString(), { waitUntil: 'load' });
      await expectAccessible(page, 'search on a phone');
      expect(await qa('skip-to-results').isVisible()).toBe(true);
      expect((await qa('filter-summary').textContent())?.trim()).toBe(
        'Gekozen filters: groepsopvang · 1 jaar · woensdag',
      );
      // The form is folded away: the first result is in the first screen.
      expect(await qa('search-form').isVisible()).toBe(false);
      const first = await qa('result').first().boundingBox();
      expect(first?.y).toBeLessThan(844);
      // …and opens with its summary, without JavaScript.
      await qa('filter-toggle').click();
      expect(await qa('search-form').isVisible()).toBe(true);
      expect(await page.locator('#field-day-wed').isChecked()).toBe(true);

      await load(qa('result-link').first());
      expect(new URL(page.url()).pathname).toMatch(/^\/providers\//);
      await load(qa('back-to-search'));
      const back = new URL(page.url());
      expect(back.pathname).toBe('/search');
      expect(back.search).toBe(`?${query}`);
      expect(await qa('filter-summary').isVisible()).toBe(true);

      // The area is typed (a name or postcode), not picked from every place: an unclear one keeps
      // the filters open and offers the places it matches, each a link that searches there.
      await page.goto(new URL('/search?type=group&place=e', t.baseUrl).toString(), { waitUntil: 'load' });
      expect(await qa('area-choices').isVisible()).toBe(true);
      await expectAccessible(page, 'an unclear area on a phone');
      await expectNoSidewaysScroll(page, 'an unclear area (390 px)');
      const choice = qa('area-choices').locator('a').first();
      const place = ((await choice.textContent()) ?? '').trim();
      await load(choice);
      const chosen = new URL(page.url());
      expect(chosen.searchParams.get('area')).toMatch(/^[ms]:[0-9a-f-]{36}$/);
      expect(chosen.searchParams.get('type')).toBe('group');
      expect(await qa('filter-summary').textContent()).toContain(place.replace(/\s*\(.*$/, ''));
      expect(await qa('result').count()).toBeGreaterThan(0);

      await page.goto(new URL('/accessibility', t.baseUrl).toString(), { waitUntil: 'load' });
      await expectAccessible(page, 'accessibility statement on a phone');
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/assets/favicon.svg');
    } finally {
      await context.close();
    }
  });
});
