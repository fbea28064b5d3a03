import type { Database } from '../../platform/db/index.ts';
import { compareDates, type LocalDate, localDate } from '../../shared/dates.ts';
import { getRuleSetValidOn } from '../priority-rules/index.ts';
import { yearlyGroups } from './policy-figures.queries.ts';
import { yearlyTable } from './yearly.ts';

/**
 * The yearly registration of the given municipalities for a calendar year, as the page computes
 * it (one statement over the requests, then the protected table): what the benchmark times for one
 * municipality and for all of them.
 */
export async function yearlyReport(
  db: Database,
  input: { municipalities: { id: string; name: string }[]; year: number; today: LocalDate },
) {
  const { municipalities, year, today } = input;
  const period = { from: localDate(`${year}-01-01`), to: localDate(`${year}-12-31`) };
  const judgedOn = compareDates(period.to, today) > 0 ? today : period.to;
  const rules = await getRuleSetValidOn(db, judgedOn);
  const groups = await yearlyGroups(db, {
    municipalityIds: municipalities.map((m) => m.id),
    period,
    today,
    rules,
  });
  return yearlyTable(municipalities, groups);
}
