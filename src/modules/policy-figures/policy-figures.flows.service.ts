import type { Database } from '../../platform/db/index.ts';
import { compareDates, type LocalDate, localDate } from '../../shared/dates.ts';
import { getRuleSetValidOn } from '../priority-rules/index.ts';
import * as fq from './policy-figures.flows.queries.ts';
import type { Flows } from './policy-figures.flows.tables.ts';
import type { Period } from './policy-figures.queries.ts';

/** The last day of each month of the period (not after the period's end or today). */
function monthEnds(period: Period, today: LocalDate): { month: string; last: LocalDate }[] {
  const out: { month: string; last: LocalDate }[] = [];
  let [y, m] = period.from.slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    let last = localDate(end);
    if (compareDates(period.to, last) < 0) last = period.to;
    if (compareDates(today, last) < 0) last = today;
    out.push({ month, last });
    if (month >= period.to.slice(0, 7) || out.length > 240) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * Figures 5–9 of a municipality for a period: one statement per figure set, each month's priority
 * judged by the rule set valid on its last day, the emergency window as the desk set it.
 */
export async function getFlows(
  db: Database,
  input: { municipalityIds: readonly string[]; period: Period; today: LocalDate; graceDays?: number },
): Promise<Flows & { ruleSetNames: { nl: string; fr?: string; en?: string }[] }> {
  // The page prints the window; a region's municipalities may each have their own (each request
  // is counted with its municipality's), so the page then names each municipality's.
  const windows = await fq.emergencyWindowsOf(db, input.municipalityIds);
  const ends = monthEnds(input.period, input.today);
  const sets = await Promise.all(ends.map((e) => getRuleSetValidOn(db, e.last)));
  const rulesByMonth = ends.map((e, i) => ({ month: e.month, rules: sets[i], key: sets[i]?.id ?? 'none' }));
  const names = new Map(sets.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
  const [emergency, intermediaryKinds, priorityMonths, demand, unanswered] = await Promise.all([
    fq.emergencyFlows(db, input),
    fq.intermediaryKinds(db, input),
    fq.priorityByMonth(db, { ...input, rulesByMonth }),
    fq.demandAndSupply(db, input),
    fq.unansweredProfile(db, input),
  ]);
  return {
    emergency,
    intermediaryKinds,
    priorityMonths,
    demand,
    unanswered,
    windows,
    ruleSetNames: [...names.values()],
  };
}
