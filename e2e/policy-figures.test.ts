import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible, expectNoSidewaysScroll, type Tab } from './browser.ts';

/**
 * A policy officer (without JavaScript) logs in, lands on the municipality's figures, reads the
 * unique requests with a small count shown as "< 5", narrows the period and downloads the CSV.
 * Every page is checked with axe and at 390 px; screenshots at 390 and 1366 px go to SHOTS.
 */

const SHOTS = '/tmp/policy-figures-shots';

describe('the figures for local policy in a browser', () => {
  const run = browserTests(SHOTS, async (t) => {
    const s = await aScenario(t.deps.db);
    const [centrum] = await t.deps.db.select().from(schema.subMunicipalities).where(sql`name = 'Centrum'`);
    for (let i = 0; i < 9; i++) {
      await aFamilyRequest(t.deps.db, {
        municipalityId: s.municipality.id,
        locations: [s.first.id],
        subMunicipalityId: centrum?.id,
        family: { needsCareForWork: i < 5 },
        submittedAt: i < 7 ? '2026-03-10T10:00:00Z' : '2026-10-10T10:00:00Z',
      });
    }
    for (let i = 0; i < 7; i++) {
      const r = await aFamilyRequest(t.deps.db, {
        municipalityId: s.municipality.id,
        locations: [s.second.id],
        submittedAt: '2026-04-10T10:00:00Z',
      });
      const channel = i < 2 ? 'intermediary' : 'desk';
      await t.deps.db.execute(sql`update requests set channel = ${channel} where id = ${r.request.id}`);
    }
    const officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await t.deps.db.execute(sql`update role_grants set role = 'policy' where user_id = ${officer.id}`);
    return { s, officer };
  });

  async function check(tab: Tab, name: string) {
    await expectAccessible(tab.page, name);
    await expectNoSidewaysScroll(tab.page, `${name} at 390 px`);
    await expectNoSidewaysScroll(tab.page, `${name} at 1366 px`, 1366);
    await run.shoot(tab, name);
  }

  it('shows the figures with small counts suppressed, for a chosen period, and as a file', async () => {
    const { officer } = run.seed;
    const tab = await run.open(false);
    await tab.logIn(officer.email, TEST_PASSWORD);
    expect(new URL(tab.page.url()).pathname).toBe('/figures');
    await check(tab, 'figures');
    await expect(tab.qa('byChannel-parent').textContent()).resolves.toBe('9');
    await expect(tab.qa('byChannel-intermediary').textContent()).resolves.toBe('< 5');
    // The desk's 5 is hidden: 16 − 9 − 5 would give the intermediaries' 2 away.
    await expect(tab.qa('byChannel-desk').textContent()).resolves.toBe('×');
    await expect(tab.qa('byChannel-total').textContent()).resolves.toBe('16');
    await expect(tab.qa('priority-absolute').textContent()).resolves.toBe('5');

    // Only October: the two later requests, fewer than five, and their total too.
    await tab.page.fill('#field-from', '2026-10-01');
    await tab.page.fill('#field-to', '2026-10-31');
    await tab.follow(tab.qa('show-figures'), '/figures');
    await check(tab, 'figures-october');
    await expect(tab.qa('byChannel-parent').textContent()).resolves.toBe('< 5');
    await expect(tab.qa('byChannel-desk').textContent()).resolves.toBe('0');
    await expect(tab.qa('byChannel-total').textContent()).resolves.toBe('< 5');

    const csv = await tab.page.request.get(tab.url('/figures/export.csv?from=2026-10-01&to=2026-10-31'));
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('< 5');

    await tab.follow(tab.qa('yearly-link'), '/figures/yearly');
    await check(tab, 'figures-yearly');
    await expect(tab.qa(`yearly-${run.seed.s.municipality.id}-unique`).textContent()).resolves.toBe('16');
  });
});
