import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { ErrorKey } from '../../platform/i18n/common.ts';
import { compareDates, localDate } from '../../shared/dates.ts';
import { getRuleSetValidOn } from '../priority-rules/index.ts';
import * as q from './policy-figures.queries.ts';
import { scopeOf } from './policy-figures.service.ts';
import { type Published, protectTable } from './suppression.ts';

type Query = Record<string, string | string[] | undefined>;

/** The government's minimum for a calendar year, per municipality (issue 16, "the yearly registration"). */
export const YEARLY_MEASURES = [
  'unique',
  'unanswered',
  'socialEmergency',
  'extendedHours',
  'priority',
  'vulnerable',
  'careNeeds',
] as const;
export type YearlyMeasure = (typeof YEARLY_MEASURES)[number];

const COUNTS: Record<YearlyMeasure, (g: q.YearlyGroup) => boolean> = {
  unique: () => true,
  unanswered: (g) => g.due && !g.solved,
  socialEmergency: (g) => g.socialEmergency,
  extendedHours: (g) => g.extendedHours,
  priority: (g) => g.priorityLevel > 0,
  vulnerable: (g) => g.vulnerable,
  careNeeds: (g) => g.careNeeds,
};

export type YearlyRow = { municipalityId: string; name: string; values: Record<YearlyMeasure, Published> };

/**
 * Each measure is protected as its own table: the municipalities are its cells and the region's
 * total their sum (for one municipality, the cell is the total). Where a municipality's count is
 * suppressed the region's total is hidden rather than another municipality's count: each
 * municipality's figure is what the registration is for, and its own figures page shows it.
 */
export function yearlyTable(
  municipalities: { id: string; name: string }[],
  groups: q.YearlyGroup[],
): { rows: YearlyRow[]; total: Record<YearlyMeasure, Published> } {
  const rows: YearlyRow[] = municipalities.map((m) => ({
    municipalityId: m.id,
    name: m.name,
    values: {} as Record<YearlyMeasure, Published>,
  }));
  // One pass over the groups: each municipality's count per measure.
  const index = new Map(municipalities.map((m, i) => [m.id, i]));
  const counted = Object.fromEntries(
    YEARLY_MEASURES.map((measure) => [measure, municipalities.map(() => 0)]),
  ) as Record<YearlyMeasure, number[]>;
  for (const g of groups) {
    const i = index.get(g.municipalityId);
    if (i === undefined) continue;
    for (const measure of YEARLY_MEASURES) {
      const column = counted[measure];
      if (COUNTS[measure](g)) column[i] = (column[i] ?? 0) + g.n;
    }
  }
  const total = {} as Record<YearlyMeasure, Published>;
  for (const measure of YEARLY_MEASURES) {
    const counts = counted[measure];
    const protectedColumn = protectTable(counts, { rather: 'hideTotal' });
    rows.forEach((row, i) => {
      row.values[measure] = protectedColumn.cells[i] as Published;
    });
    total[measure] = protectedColumn.total;
  }
  return { rows, total };
}

/** The first year the figures can cover: the decree on childcare of babies and toddlers (1 April 2014). */
export const FIRST_YEAR = 2014;

/** The year in the URL (this year by default), from FIRST_YEAR up to this one. */
export function parseYear(
  query: Query,
  thisYear: number,
): { year: number; errors: Record<string, ErrorKey> } {
  const raw = (Array.isArray(query.year) ? query.year[0] : query.year)?.trim() ?? '';
  if (!raw) return { year: thisYear, errors: {} };
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(year >= FIRST_YEAR && year <= thisYear)) return { year: thisYear, errors: { year: 'invalidChoice' } };
  return { year, errors: {} };
}

/**
 * The yearly registration of every municipality in the user's scope: one row each (a region's
 * policy user gets the region's municipalities and their total). Counts only; no audit row.
 */
export async function getYearly(deps: AppDeps, user: CurrentUser, query: Query) {
  const municipalities = await q.municipalitiesInScope(deps.db, scopeOf(user));
  if (municipalities.length === 0) throw new NotFoundError('municipality');
  const today = deps.clock.today();
  const { year, errors } = parseYear(query, Number(today.slice(0, 4)));
  const period = { from: localDate(`${year}-01-01`), to: localDate(`${year}-12-31`) };
  const judgedOn = compareDates(period.to, today) > 0 ? today : period.to;
  const ruleSet = await getRuleSetValidOn(deps.db, judgedOn);
  const ok = Object.keys(errors).length === 0;
  const groups = ok
    ? await q.yearlyGroups(deps.db, {
        municipalityIds: municipalities.map((m) => m.id),
        period,
        today,
        rules: ruleSet,
      })
    : undefined;
  return {
    year,
    values: { year: String(query.year ?? year) },
    errors,
    period,
    ruleSet,
    municipalities,
    table: groups ? yearlyTable(municipalities, groups) : undefined,
  };
}

export type Yearly = Awaited<ReturnType<typeof getYearly>>;
