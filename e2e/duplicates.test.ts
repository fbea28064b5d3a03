import { mkdir } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  type RunningApp,
  startApp,
  Tab,
} from './browser.ts';

/**
 * A desk officer finds two files of one family on the duplicates list, compares them and merges
 * them, without JavaScript, on a laptop and on a phone. The kept file's page belongs to the desk
 * module; here the redirect's address and the database say where everything went. Screenshots go
 * to /tmp/duplicates-shots/ for a person to look at.
 */
const SHOTS = '/tmp/duplicates-shots';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('merging duplicate family files in a browser', () => {
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: { email: string };
  let files: { a: Awaited<ReturnType<typeof aFamilyRequest>>; b: Awaited<ReturnType<typeof aFamilyRequest>> };

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
    desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const base = { municipalityId: s.municipality.id, locations: [s.first.id, s.second.id] };
    const a = await aFamilyRequest(t.deps.db, {
      ...base,
      childFirstName: 'Amélie',
      childLastName: 'De Smet-Vandenberghe',
      birthDate: '2026-04-12',
      parentEmail: 'familie.desmet@test.example',
    });
    const b = await aFamilyRequest(t.deps.db, {
      ...base,
      childFirstName: 'Amelie',
      childLastName: 'de smet vandenberghe',
      birthDate: '2026-04-12',
      parentEmail: 'Familie.DeSmet@test.example',
    });
    // The second file's e-mail differs by one letter case only, then shares its phone too.
    await t.deps.db
      .update(schema.parents)
      .set({ phone: '0470 99 88 77' })
      .where(eq(schema.parents.id, a.parent.id));
    await t.deps.db
      .update(schema.parents)
      .set({ phone: '+32470998877' })
      .where(eq(schema.parents.id, b.parent.id));
    files = { a, b };
  }, 120_000);

  afterEach(async () => {
    await t?.close();
  });

  for (const width of [1366, 390]) {
    it(`lets a desk officer compare and merge two files at ${width} px`, { timeout: 120_000 }, async () => {
      const tab = await Tab.open(browser, t, {
        javaScriptEnabled: false,
        viewport: { width, height: width === 390 ? 844 : 900 },
      });
      try {
        await tab.logIn(desk.email, TEST_PASSWORD);
        await tab.page.goto(tab.url('/desk/duplicates'));
        expect(tab.lastDocument?.status()).toBe(200);
        await expectAccessible(tab.page, `/desk/duplicates (${width} px)`);
        await expectNoSidewaysScroll(tab.page, '/desk/duplicates');
        await tab.page.screenshot({ path: `${SHOTS}/list-${width}.png`, fullPage: true });
        expect(await tab.qa('duplicate-pair').count()).toBe(1);

        const [first, second] = [files.a.family.id, files.b.family.id].sort() as [string, string];
        await tab.follow(tab.qa('duplicate-compare'), `/desk/duplicates/${first}/${second}`);
        await expectNoSidewaysScroll(tab.page, 'comparison');
        await tab.page.screenshot({ path: `${SHOTS}/compare-${width}.png`, fullPage: true });
        expect(await tab.page.locator('main').innerText()).toContain('Amélie De Smet-Vandenberghe');

        // Both files have an open request for Amélie: merging without choosing asks which stays.
        await tab.page.locator(`input[name="keep"][value="${files.a.family.id}"]`).check();
        await tab.follow(tab.qa('merge-submit'), `/desk/duplicates/${first}/${second}/merge`, 400);
        await tab.page.screenshot({ path: `${SHOTS}/compare-error-${width}.png`, fullPage: true });
        await tab.page.locator(`input[name="keep"][value="${files.a.family.id}"]`).check();
        await tab.page.locator(`input[type="radio"][value="${files.b.request.id}"]`).check();
        await Promise.all([tab.page.waitForEvent('load'), tab.qa('merge-submit').click()]);
        // The kept file's page (the desk module's): the address says which file was kept.
        expect(tab.path()).toBe(`/desk/families/${files.a.family.id}`);

        const [merged] = await t.deps.db
          .select()
          .from(schema.families)
          .where(eq(schema.families.id, files.b.family.id));
        expect(merged?.mergedIntoFamilyId).toBe(files.a.family.id);
        const requests = await t.deps.db
          .select()
          .from(schema.requests)
          .where(eq(schema.requests.familyId, files.a.family.id));
        expect(requests.map((r) => `${r.id}:${r.status}`).sort()).toEqual(
          [`${files.a.request.id}:withdrawn`, `${files.b.request.id}:active`].sort(),
        );
        expect(await t.deps.db.select().from(schema.familyMerges)).toHaveLength(1);

        await tab.page.goto(tab.url('/desk/duplicates'));
        expect(await tab.qa('no-duplicates').count()).toBe(1);
        await expectAccessible(tab.page, `/desk/duplicates after the merge (${width} px)`);
      } finally {
        await tab.close();
      }
    });
  }
});
