import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { aScenario, manyFamilyRequests, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible, newContext, STEP_TIMEOUT } from './browser.ts';

/**
 * A director's real list in a real browser: a location with 1,500 open preferences, on a laptop
 * screen (1366 × 768) and a phone (390 px), without JavaScript. At least 15 rows show whole in the
 * first screen, and the child's name stays in view when the table scrolls sideways. Screenshots go
 * to /tmp/director-shots/ for a person to look at (not into the repository).
 */
const SHOTS = '/tmp/director-shots';

describe('the waiting list of a large location in a browser', () => {
  const run = browserTests(
    SHOTS,
    async (t) => {
      const s = await aScenario(t.deps.db);
      const made = await manyFamilyRequests(t.deps.db, {
        municipalityId: s.municipality.id,
        locationId: s.first.id,
        otherLocationId: s.second.id,
        count: 1_500,
      });
      expect(made.requests).toBe(1_500);
      return s;
    },
    120_000,
  );
  let context: BrowserContext;
  let page: Page;

  afterEach(async () => {
    await context?.close();
  });

  const list = () => `/provider/locations/${run.seed.first.id}/waiting-list`;
  const qa = (id: string) => page.locator(`[data-qa="${id}"]`);

  async function open(width: number, height: number): Promise<void> {
    const { app: t, browser, seed: s } = run;
    context = await newContext(browser, {
      javaScriptEnabled: false,
      locale: 'nl-BE',
      viewport: { width, height },
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    page = await context.newPage();
    await page.goto(new URL('/login', t.baseUrl).toString());
    await page.locator('#field-email').fill(s.firstStaff.email);
    await page.locator('#field-password').fill(TEST_PASSWORD);
    await Promise.all([page.waitForEvent('load'), qa('login-submit').click()]);
    expect(new URL(page.url()).pathname).toBe(list());
  }

  /** The rows whose box lies wholly inside the viewport as the page first shows. */
  async function rowsInFirstView(): Promise<number> {
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    const boxes = await qa('waiting-list-row').evaluateAll((rows) =>
      rows.map((row) => {
        const r = row.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      }),
    );
    return boxes.filter(
      (b) => b.top >= 0 && b.bottom <= viewport.height && b.left >= 0 && b.left < viewport.width,
    ).length;
  }

  /** Scrolls the table's own area to its right end; the child's name must still be in view, on top. */
  async function scrollSidewaysKeepsTheName(): Promise<void> {
    const area = qa('waiting-list-scroll');
    const sizes = await area.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll, 'the table is wider than its area').toBeGreaterThan(sizes.client);
    const name = qa('waiting-list-child').first();
    const other = qa('waiting-list-row').first().locator('td').last();
    const before = await other.boundingBox();
    await area.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    const areaBox = await area.boundingBox();
    const nameBox = await name.boundingBox();
    const after = await other.boundingBox();
    if (!areaBox || !nameBox || !before || !after) throw new Error('no box');
    expect(after.x, 'the other cells moved').toBeLessThan(before.x);
    expect(nameBox.x).toBeGreaterThanOrEqual(areaBox.x);
    expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(areaBox.x + areaBox.width);
    // Nothing covers the name: the element at its centre is the link (or inside it).
    const onTop = await name.evaluate((link) => {
      const r = link.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && link.contains(hit);
    });
    expect(onTop).toBe(true);
  }

  it('shows at least 15 whole rows of 1,500 in the first screen at 1366 × 768, the name kept in view', {
    timeout: 120_000,
  }, async () => {
    await open(1366, 768);
    expect(await qa('waiting-list-caption').innerText()).toContain('1.500 aanvragen');
    await page.screenshot({ path: `${SHOTS}/waiting-list-1366.png` });
    const rows = await rowsInFirstView();
    expect(rows).toBeGreaterThanOrEqual(15);
    await expectAccessible(page, `${list()} (1366 px)`);

    // Every column shown (the widest table a user can choose): it scrolls sideways in its own area.
    await page.goto(new URL(`${list()}/columns`, run.app.baseUrl).toString());
    for (const column of ['kind', 'careNeeds']) await qa(`show-${column}`).check();
    await Promise.all([page.waitForEvent('load'), qa('save-columns').click()]);
    expect(await rowsInFirstView()).toBeGreaterThanOrEqual(15);
    await scrollSidewaysKeepsTheName();
    await page.screenshot({ path: `${SHOTS}/waiting-list-1366-scrolled.png` });

    // The folded filters open without JavaScript, and a filter in use keeps them open.
    await qa('more-filters-summary').click();
    await page.locator('#field-rank').selectOption('2');
    await Promise.all([page.waitForEvent('load'), qa('apply-more-filters').click()]);
    expect(await qa('more-filters').getAttribute('open')).not.toBeNull();
    expect(await qa('more-filters-summary').innerText()).toContain('1 gekozen');
    expect(await qa('waiting-list-caption').innerText()).toContain('500 aanvragen');
    await page.screenshot({ path: `${SHOTS}/waiting-list-1366-filters-open.png` });
    await expectAccessible(page, `${list()}?rank=2 (1366 px)`);

    // A request page: the child, what is asked and the other preferences come before the actions,
    // and the actions start within the first screen.
    await Promise.all([page.waitForEvent('load'), qa('waiting-list-child').first().click()]);
    await page.screenshot({ path: `${SHOTS}/request-1366.png` });
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? -1;
    const child = await top('#child');
    const care = await top('#care');
    const preferences = await top('[data-qa="preferences"]');
    const actions = await top('#actions');
    expect(child).toBeGreaterThan(0);
    expect(care).toBeGreaterThan(0);
    expect(Math.max(child, care)).toBeLessThan(preferences);
    expect(preferences).toBeLessThan(actions);
    expect(actions).toBeLessThan(768);
    await expectAccessible(page, 'request page (1366 px)');
  });

  it('fits a phone (390 px): no sideways scrolling of the page, the table scrolls in its own area', {
    timeout: 120_000,
  }, async () => {
    await open(390, 844);
    await page.screenshot({ path: `${SHOTS}/waiting-list-390.png` });
    await page.screenshot({ path: `${SHOTS}/waiting-list-390-full.png`, fullPage: true });
    const page390 = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(page390.scroll).toBeLessThanOrEqual(page390.client);
    await scrollSidewaysKeepsTheName();
    await page.screenshot({ path: `${SHOTS}/waiting-list-390-scrolled.png` });
    await expectAccessible(page, `${list()} (390 px)`);
  });
});
