import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { localDate } from '../../shared/dates.ts';
import { unansweredProfile } from './policy-figures.flows.queries.ts';
import { childGroups } from './policy-figures.queries.ts';

/** The text in one cell of the page (`<table key>-<row key>`). */
function cell(html: string, qa: string): string | undefined {
  return new RegExp(`data-qa="${qa}">([^<]*)<`).exec(html)?.[1];
}

/**
 * The printed definition of "unanswered" and the count agree on the boundary day: a request whose
 * desired start was exactly the grace period ago counts ("N days or more"), one a day later does not.
 */
describe.each(BACKENDS)('the unanswered requests on the boundary day on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;

  beforeEach(async () => {
    // The clock says 22 November 2026; the grace period is 30 days.
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
  });
  afterEach(async () => t.close());

  it('counts a desired start exactly the grace period ago, not one a day later, and says so', async () => {
    const db = t.deps.db;
    await db.execute(
      sql`update municipalities set unanswered_grace_days = 30 where id = ${s.municipality.id}`,
    );
    // 5 children wanted to start on 23 October (22 November is day 30 after it), 6 on 24 October
    // (day 29): 5 unanswered of 11.
    for (const [start, count] of [
      ['2026-10-23', 5],
      ['2026-10-24', 6],
    ] as const)
      for (let i = 0; i < count; i++)
        await aFamilyRequest(db, {
          municipalityId: s.municipality.id,
          locations: [s.first.id],
          desiredStart: start,
          submittedAt: '2026-03-10T10:00:00Z',
        });
    const input = {
      municipalityIds: [s.municipality.id],
      period: { from: localDate('2026-01-01'), to: localDate('2026-11-22') },
      today: localDate('2026-11-22'),
    };
    const groups = await childGroups(db, { ...input, rules: undefined });
    expect(groups.filter((g) => g.due).reduce((a, g) => a + g.n, 0)).toBe(5);
    // Figure 9 reads the same boundary.
    const profile = await unansweredProfile(db, input);
    expect(profile.reduce((a, x) => a + x.n, 0)).toBe(5);

    const user = await aUser(db, { role: 'desk', municipalityId: s.municipality.id });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    for (const [lang, words] of [
      ['nl', '30 dagen of langer voorbij'],
      ['fr', 'dépassée de 30\u00a0jours ou plus'],
      ['en', 'was 30 or more days ago'],
    ] as const) {
      const html = (await client.get(`/figures?lang=${lang}`)).body;
      expect(cell(html, 'solution-unanswered')).toBe('5');
      expect(html.replaceAll('&nbsp;', '\u00a0').replace(/(\d) jours/g, '$1\u00a0jours')).toContain(words);
    }
  });
});
