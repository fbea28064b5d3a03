import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible, expectNoSidewaysScroll, type Tab } from './browser.ts';

/**
 * A policy officer opens the figures page with every figure group: each group is a section in the
 * contents list, each chart an image with a name and a description next to its data table, and the
 * page passes axe and fits a phone, with and without JavaScript. Screenshots go to SHOTS.
 */

const SHOTS = '/tmp/policy-figures-charts-shots';

const CHARTS = [
  'chart-byMonth',
  'chart-emergency',
  'chart-intermediaryMonths',
  'chart-priorityMonths',
  'chart-demandWeekday',
];
const SECTIONS = [
  'requests',
  'unanswered',
  'emergency',
  'intermediaries',
  'priority',
  'demand',
  'noPlace',
  'about',
];

describe('the figures’ charts and sections in a browser', () => {
  const run = browserTests(SHOTS, async (t) => {
    const db = t.deps.db;
    const s = await aScenario(db);
    const [centrum] = await db.select().from(schema.subMunicipalities).where(sql`name = 'Centrum'`);
    // Requests over several months, some on the emergency list, some through an intermediary.
    const months = ['2026-02', '2026-03', '2026-05', '2026-06', '2026-09'];
    for (const [m, month] of months.entries()) {
      for (let i = 0; i < 6 + m; i++) {
        const r = await aFamilyRequest(db, {
          municipalityId: s.municipality.id,
          locations: [i % 2 ? s.first.id : s.third.id],
          subMunicipalityId: centrum?.id,
          family: { needsCareForWork: i < 3, singleParent: i === 4 },
          desiredStart: i < 3 ? `${month}-20` : '2027-03-01',
          submittedAt: `${month}-05T10:00:00Z`,
          days: i % 3 ? { wed: 'none' } : {},
        });
        if (i === 5)
          await db.execute(sql`update requests set channel = 'intermediary' where id = ${r.request.id}`);
      }
    }
    await db.execute(
      sql`update provider_locations set opening_hours = ${JSON.stringify({
        mon: { opens: '07:00', closes: '18:00' },
        tue: { opens: '07:00', closes: '18:00' },
        thu: { opens: '07:00', closes: '18:00' },
      })}::jsonb`,
    );
    const officer = await aUser(db, { role: 'desk', municipalityId: s.municipality.id });
    await db.execute(sql`update role_grants set role = 'policy' where user_id = ${officer.id}`);
    return { officer };
  });

  async function checkPage(tab: Tab, name: string) {
    await expectAccessible(tab.page, name);
    await expectNoSidewaysScroll(tab.page, `${name} at 390 px`);
    await expectNoSidewaysScroll(tab.page, `${name} at 1366 px`, 1366);
    // Each section is in the contents and has its heading.
    for (const id of SECTIONS) {
      await expect(tab.page.locator(`a[href="#figures-${id}"]`).count()).resolves.toBe(1);
      await expect(tab.page.locator(`#figures-${id}`).count()).resolves.toBe(1);
    }
    // Each chart: an image named by its title and described, followed by a table with a caption.
    for (const id of CHARTS) {
      const figure = tab.qa(id);
      const image = figure.getByRole('img');
      await expect(image.count()).resolves.toBe(1);
      const title = await tab.page.locator(`#${id}-title`).textContent();
      expect(title?.length).toBeGreaterThan(5);
      await expect(
        tab.page.getByRole('img', { name: title ?? '', exact: true }).count(),
      ).resolves.toBeGreaterThan(0);
      await expect(tab.page.locator(`#${id}-desc`).textContent()).resolves.toContain('tabel');
      const nextTable = figure.locator('xpath=following::table[1]/caption');
      await expect(nextTable.count()).resolves.toBe(1);
    }
    await expect(tab.qa('emergency-total-inflow').textContent()).resolves.toMatch(/^\d+$|^< 5$|^×$/);
    await run.shoot(tab, name);
  }

  it('shows every figure group with charts and tables, without JavaScript', async () => {
    const tab = await run.open(false);
    await tab.logIn(run.seed.officer.email, TEST_PASSWORD);
    await tab.page.goto(tab.url('/figures?from=2026-01-01&to=2026-10-31'));
    await checkPage(tab, 'figures-all-groups-no-js');
    // The contents link takes the reader to the section.
    await tab.page.locator('a[href="#figures-demand"]').click();
    expect(new URL(tab.page.url()).hash).toBe('#figures-demand');
  });

  it('shows the same with JavaScript on', async () => {
    const tab = await run.open(true);
    await tab.logIn(run.seed.officer.email, TEST_PASSWORD);
    await tab.page.goto(tab.url('/figures?from=2026-01-01&to=2026-10-31'));
    await checkPage(tab, 'figures-all-groups-js');
  });
});
