import { describe, expect, it } from 'vitest';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectNoSidewaysScroll, type Tab } from './browser.ts';

/**
 * The region operator in a real browser, without JavaScript: adds a priority rule set valid from a
 * later day (through the preview, which counts the requests that change on that day), and a
 * provider's waiting list follows it — unchanged today, changed when the clock reaches that day.
 * Every page is checked with axe and at 390 px.
 */

const SHOTS = '/tmp/priority-rule-admin-shots';
const FROM = '2027-01-01';

describe('the region operator adds a priority rule set in a browser', () => {
  const run = browserTests(
    SHOTS,
    async (t) => {
      const s = await aScenario(t.deps.db);
      const admin = await aUser(t.deps.db, { role: 'platform_admin' });
      const base = { municipalityId: s.municipality.id, locations: [s.first.id] };
      // Under the rules valid today (before 1 April 2024): single parent and foster child give
      // priority. Under the new set: only a foster child, and absolutely.
      await aFamilyRequest(t.deps.db, { ...base, childFirstName: 'Saar', family: { singleParent: true } });
      await aFamilyRequest(t.deps.db, { ...base, childFirstName: 'Pieter', family: { fosterChild: true } });
      await aFamilyRequest(t.deps.db, { ...base, childFirstName: 'Nina' });
      return { adminEmail: admin.email, staffEmail: s.firstStaff.email, locationId: s.first.id };
    },
    120_000,
  );

  /** The children on the location's waiting list with priority, and each one's priority cell. */
  async function withPriority(tab: Tab, locationId: string): Promise<string[]> {
    await tab.page.goto(tab.url(`/provider/locations/${locationId}/waiting-list?priority=yes`));
    expect(tab.lastDocument?.status()).toBe(200);
    const rows = await tab.qa('waiting-list-row').allInnerTexts();
    return rows
      .map((row) => {
        const name = ['Saar', 'Pieter', 'Nina'].find((n) => row.includes(n)) ?? '?';
        return `${name}: ${row.includes('Absolute voorrang') ? 'absolute' : 'priority'}`;
      })
      .sort();
  }

  it('adds a set from a later day; the waiting list changes on that day', async () => {
    const { adminEmail, staffEmail, locationId } = run.seed;

    const provider = await run.open(false);
    await provider.logIn(staffEmail, TEST_PASSWORD);
    expect(await withPriority(provider, locationId)).toEqual(['Pieter: priority', 'Saar: priority']);

    const tab = await run.open(false);
    const page = tab.page;
    await tab.logIn(adminEmail, TEST_PASSWORD);
    expect(tab.path()).toBe('/admin');
    await tab.follow(tab.qa('home-priority-rules'), '/admin/priority-rules');
    expect(await tab.qa('valid-today').textContent()).toContain('Voorrangsregels van vóór 1 april 2024');
    await expectNoSidewaysScroll(page, '/admin/priority-rules (390 px)');
    await run.shoot(tab, 'list');

    await tab.follow(tab.qa('rule-set-link').first(), '/admin/priority-rules/before-2024');
    await expectNoSidewaysScroll(page, '/admin/priority-rules/before-2024 (390 px)');
    await run.shoot(tab, 'set');
    await tab.follow(tab.qa('rule-set-back'), '/admin/priority-rules');

    await tab.follow(tab.qa('rule-set-new'), '/admin/priority-rules/new');
    // A first try without criteria: refused, with the message, nothing saved.
    await page.fill('#field-name_nl', 'Voorrangsregels van 2027');
    await page.fill('#field-sourceReference', 'Decreet van 1 december 2026');
    await page.fill('#field-from_1', FROM);
    await tab.follow(tab.qa('rule-set-preview'), '/admin/priority-rules/new', 400);
    expect(await page.locator('.ko-error-summary').textContent()).toContain(
      'Kies minstens één criterium dat voorrang geeft.',
    );
    await expectNoSidewaysScroll(page, '/admin/priority-rules/new (390 px)');
    await run.shoot(tab, 'form-refused');

    await page.check('#field-criteria-fosterChild');
    await page.check('#field-absoluteCriteria-fosterChild');
    await page.fill('#field-name_en', 'Priority rules of 2027');
    await page.fill('#field-sourceUrl', 'https://www.example.be/decreet-2026');
    await page.fill('#field-incomeThresholds', '2027: 33 000');
    await tab.follow(tab.qa('rule-set-preview'), '/admin/priority-rules/new');
    // Today nothing changes; on its first day Saar loses priority and Pieter gets absolute priority.
    expect(await tab.qa('preview-changes').allInnerTexts()).toEqual([
      '0 open aanvragen krijgen een ander voorrangsniveau.',
      '2 open aanvragen krijgen een ander voorrangsniveau.',
    ]);
    await expectNoSidewaysScroll(page, 'preview (390 px)');
    await run.shoot(tab, 'preview');
    await tab.follow(tab.qa('preview-confirm'), '/admin/priority-rules/voorrangsregels-van-2027');
    expect(await tab.qa('notice').textContent()).toContain('Voorrangsregels van 2027 is toegevoegd.');
    await run.shoot(tab, 'added');

    // Saved, but not valid yet: the waiting list is as it was.
    expect(await withPriority(provider, locationId)).toEqual(['Pieter: priority', 'Saar: priority']);

    // The clock reaches the set's first day (sessions ran out meanwhile: log in again).
    run.app.clock.set(`${FROM}T08:00:00Z`);
    const later = await run.open(false);
    await later.logIn(staffEmail, TEST_PASSWORD);
    expect(await withPriority(later, locationId)).toEqual(['Pieter: absolute']);
  }, 240_000);
});
