import type { Database } from '../../platform/db/index.ts';
import { getRuleSets, insertRuleSet } from './priority-rules.queries.ts';
import type { YearlyAmounts } from './priority-rules.ts';

/**
 * For tests: corrects a seeded set's yearly amounts the way the product corrects a set — a new
 * version of the code with all of its periods (through insertRuleSet, never an update). The
 * seeded sets carry no income threshold (ADR 0018), so a test that needs one gives it here.
 */
export async function correctYearlyAmounts(db: Database, code: string, yearlyAmounts: YearlyAmounts) {
  const periods = (await getRuleSets(db)).filter((s) => s.code === code);
  const latest = Math.max(...periods.map((p) => p.version));
  for (const { id: _id, ...period } of periods.filter((p) => p.version === latest)) {
    await insertRuleSet(db, { ...period, version: latest + 1, yearlyAmounts });
  }
  return latest + 1;
}
