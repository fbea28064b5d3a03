import { type Language, locale } from '../../platform/i18n/index.ts';
import { flowMessages } from './policy-figures.flows.messages.ts';
import {
  CARE_TYPES_ASKED,
  type Demand,
  type EmergencyMonth,
  PLAN_BANDS,
  type PlanBand,
  WEEKDAYS,
} from './policy-figures.flows.queries.ts';
import { messages } from './policy-figures.messages.ts';
import type { ChildGroup } from './policy-figures.queries.ts';
import {
  type FigureTable,
  figureTables,
  formatPublished,
  type SubMunicipality,
} from './policy-figures.tables.ts';
import { type Published, protectTable, SUPPRESSION_THRESHOLD } from './suppression.ts';
import { protectGrid } from './suppression-grid.ts';

/**
 * Figures 5–9 as tables of several columns (a row per month, weekday or group), each count
 * protected against disclosure together with the totals the page publishes elsewhere: a breakdown
 * of the unique requests per month is protected against the per-month counts of figure 1
 * (suppression-grid.ts), a breakdown of the unanswered against figure 3's count. Averages, sums
 * and medians are shown only when they rest on at least five children.
 */
export type Measure = {
  kind: 'measure';
  value: number | null;
  unit: 'days' | 'decimal' | 'percent' | 'integer';
};
export type GridValue = Published | Measure;
export type FigureGrid = {
  key: string;
  caption: string;
  /** The header of the first column. */
  rowHeader: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string; values: GridValue[] }[];
  total?: GridValue[];
};

export type Flows = {
  emergency: { months: EmergencyMonth[]; medianDaysToPlace: number | null };
  intermediaryKinds: { kind: string; n: number }[];
  priorityMonths: { month: string; n: number; priority: number }[];
  demand: Demand;
  unanswered: { band: PlanBand; careType: string; n: number }[];
  /** The municipality's emergency window (days). */
  /** Each counted municipality's emergency window (days), by name. */
  windows: { name: string; days: number }[];
};

const count = (value: number): Published => ({ kind: 'count', value });
const measure = (value: number | null, unit: Measure['unit']): Measure => ({ kind: 'measure', value, unit });
const small = (n: number) => n >= 1 && n < SUPPRESSION_THRESHOLD;
/** A count published on its own (no total beside it): only the primary suppression applies. */
const alone = (n: number): Published => (small(n) ? { kind: 'fewerThanFive' } : count(n));
/** A measure that rests on `n` children: not shown ("–") for fewer than five. */
const restingOn = (n: number, m: Measure): GridValue =>
  n < SUPPRESSION_THRESHOLD ? { ...m, value: null } : m;
const exact = (p: Published | undefined) => (p?.kind === 'count' ? p.value : undefined);
const allHidden = (n: number): Published[] => Array.from({ length: n }, () => ({ kind: 'hidden' }));

export const INTERMEDIARY_KINDS = [
  'ocmw',
  'caw',
  'vdab',
  'integration',
  'huis_van_het_kind',
  'other',
  'unknown',
] as const;

export function monthLabel(lang: Language, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 1),
  );
}

/** A partition of a total published elsewhere: protected as a table when that total is exact, else all hidden. */
function partitionOf(total: Published | undefined, cells: number[]): Published[] {
  if (exact(total) === undefined) return allHidden(cells.length);
  return protectTable(cells).cells;
}

/**
 * A yes/no breakdown of rows whose totals are published (`rowTotals`), with the "yes" column's total
 * `yesTotal` (published as given) and the table's total `all`: the "yes" cells, protected so that
 * neither a row total nor the column total minus the others gives a small count away.
 */
function yesColumn(
  yes: number[],
  rowCounts: number[],
  rowTotals: Published[],
  yesTotal: Published,
  all: Published,
) {
  const noTotal =
    exact(yesTotal) !== undefined && exact(all) !== undefined
      ? count((exact(all) ?? 0) - (exact(yesTotal) ?? 0))
      : ({ kind: 'hidden' } as const);
  const grid = protectGrid(
    yes.map((y, i) => [y, (rowCounts[i] ?? 0) - y]),
    { rows: rowTotals, columns: [yesTotal, noTotal], grand: all },
  );
  return grid.map((row) => row[0] as Published);
}

export function flowGrids(
  lang: Language,
  input: { groups: ChildGroup[]; subMunicipalities: SubMunicipality[]; flows: Flows; tables: FigureTable[] },
): FigureGrid[] {
  const t = flowMessages[lang];
  const base = messages[lang];
  const { groups, flows, tables } = input;
  const table = (key: string) => tables.find((x) => x.key === key) as FigureTable;
  const byMonth = table('byMonth');
  const months = byMonth.rows.map((r) => r.key);
  const monthRows = months.map((m) => ({ key: m, label: monthLabel(lang, m) }));
  const sum = (where: (g: ChildGroup) => boolean) => groups.reduce((a, g) => (where(g) ? a + g.n : a), 0);
  const perMonth = months.map((m) => sum((g) => g.month === m));
  const monthTotals = byMonth.rows.map((r) => r.value);
  const allChildren = byMonth.total ?? count(0);

  // 5. The emergency list.
  const em = months.map(
    (m) =>
      flows.emergency.months.find((x) => x.month === m) ?? {
        month: m,
        stock: 0,
        inflow: 0,
        social: 0,
        placed: 0,
      },
  );
  const inflow = protectTable(em.map((x) => x.inflow));
  const socialTotal = em.reduce((a, x) => a + x.social, 0);
  const placedTotal = em.reduce((a, x) => a + x.placed, 0);
  const inflowTotal = em.reduce((a, x) => a + x.inflow, 0);
  const [socialPublished, placedPublished] = [socialTotal, placedTotal].map(
    (n) =>
      (exact(inflow.total) === undefined
        ? { kind: 'hidden' }
        : protectTable([n, inflowTotal - n]).cells[0]) as Published,
  ) as [Published, Published];
  const social = yesColumn(
    em.map((x) => x.social),
    em.map((x) => x.inflow),
    inflow.cells,
    socialPublished,
    inflow.total,
  );
  const placed = yesColumn(
    em.map((x) => x.placed),
    em.map((x) => x.inflow),
    inflow.cells,
    placedPublished,
    inflow.total,
  );
  const emergency: FigureGrid = {
    key: 'emergency',
    caption: t.tables.emergency,
    rowHeader: t.month,
    columns: [
      { key: 'stock', label: t.columns.stock },
      { key: 'inflow', label: t.columns.inflow },
      { key: 'social', label: t.columns.social },
      { key: 'placed', label: t.columns.placed },
    ],
    rows: monthRows.map((r, i) => ({
      ...r,
      values: [alone(em[i]?.stock ?? 0), inflow.cells[i], social[i], placed[i]] as GridValue[],
    })),
    total: [measure(null, 'integer'), inflow.total, socialPublished, placedPublished],
  };
  const emergencySpeed: FigureGrid = {
    key: 'emergencySpeed',
    caption: t.times.medianToPlace,
    rowHeader: t.measure,
    columns: [{ key: 'value', label: t.value }],
    rows: [
      {
        key: 'medianToPlace',
        label: t.times.medianToPlace,
        values: [
          exact(placedPublished) !== undefined && placedTotal >= SUPPRESSION_THRESHOLD
            ? measure(flows.emergency.medianDaysToPlace, 'days')
            : measure(null, 'days'),
        ],
      },
    ],
  };

  // 6. Intermediaries: per month against figure 1's months and channels; per organisation type.
  const byChannel = table('byChannel');
  const intermediaryTotal = byChannel.rows.find((r) => r.key === 'intermediary')?.value ?? { kind: 'hidden' };
  const intermediaryMonths: FigureGrid = {
    key: 'intermediaryMonths',
    caption: t.tables.intermediaryMonths,
    rowHeader: t.month,
    columns: [{ key: 'intermediary', label: t.columns.intermediary }],
    rows: (() => {
      const cells = yesColumn(
        months.map((m) => sum((g) => g.month === m && g.channel === 'intermediary')),
        perMonth,
        monthTotals,
        intermediaryTotal,
        allChildren,
      );
      return monthRows.map((r, i) => ({ ...r, values: [cells[i] as Published] }));
    })(),
    total: [intermediaryTotal],
  };
  const kindCounts = INTERMEDIARY_KINDS.map((k) =>
    flows.intermediaryKinds
      .filter((x) =>
        k === 'other' ? !(INTERMEDIARY_KINDS as readonly string[]).includes(x.kind) : x.kind === k,
      )
      .reduce((a, x) => a + x.n, 0),
  );
  const kinds = partitionOf(intermediaryTotal, kindCounts);
  const intermediaryKinds: FigureGrid = {
    key: 'intermediaryKinds',
    caption: t.tables.intermediaryKinds,
    rowHeader: base.label,
    columns: [{ key: 'n', label: base.number }],
    rows: INTERMEDIARY_KINDS.map((k, i) => ({ key: k, label: t.kinds[k], values: [kinds[i] as Published] })),
    total: [intermediaryTotal],
  };

  // 7. Priority by month, each month by its own rule set.
  const pm = months.map(
    (m) => flows.priorityMonths.find((x) => x.month === m) ?? { month: m, n: 0, priority: 0 },
  );
  const priorityTotal = pm.reduce((a, x) => a + x.priority, 0);
  const priorityPublished =
    exact(allChildren) === undefined
      ? ({ kind: 'hidden' } as Published)
      : (protectTable([priorityTotal, (exact(allChildren) ?? 0) - priorityTotal]).cells[0] as Published);
  const priorityCells = yesColumn(
    pm.map((x) => x.priority),
    perMonth,
    monthTotals,
    priorityPublished,
    allChildren,
  );
  const shareOf = (part: Published | undefined, whole: Published | undefined) => {
    const p = exact(part);
    const w = exact(whole);
    return measure(p !== undefined && w ? p / w : null, 'percent');
  };
  const priorityMonths: FigureGrid = {
    key: 'priorityMonths',
    caption: t.tables.priorityMonths,
    rowHeader: t.month,
    columns: [
      { key: 'priority', label: t.columns.priority },
      { key: 'share', label: t.columns.priorityShare },
    ],
    rows: monthRows.map((r, i) => ({
      ...r,
      values: [priorityCells[i] as Published, shareOf(priorityCells[i], monthTotals[i])],
    })),
    total: [priorityPublished, shareOf(priorityPublished, allChildren)],
  };

  // 8. Demand and supply.
  const d = flows.demand;
  const demandWeekday: FigureGrid = {
    key: 'demandWeekday',
    caption: t.tables.demandWeekday,
    rowHeader: t.weekday,
    columns: [
      { key: 'childDays', label: t.columns.childDays },
      { key: 'places', label: t.columns.places },
    ],
    rows: WEEKDAYS.map((w) => ({
      key: w,
      label: t.weekdays[w],
      values: [
        restingOn(d.children, measure(d.daysByWeekday[w], 'decimal')),
        measure(d.placesByWeekday[w], 'integer'),
      ],
    })),
  };
  const demandMonths: FigureGrid = {
    key: 'demandMonths',
    caption: t.tables.demandMonths,
    rowHeader: t.month,
    columns: [
      { key: 'children', label: t.columns.children },
      { key: 'daysPerWeek', label: t.columns.daysPerWeek },
      { key: 'placeDays', label: t.columns.placeDays },
    ],
    rows: monthRows.map((r) => {
      const x = d.months.find((m) => m.month === r.key) ?? { children: 0, days: 0 };
      return {
        ...r,
        values: [
          alone(x.children),
          restingOn(x.children, measure(x.days, 'decimal')),
          measure(d.placeDaysPerWeek, 'integer'),
        ],
      };
    }),
  };
  const demandTimes: FigureGrid = {
    key: 'demandTimes',
    caption: t.tables.demandTimes,
    rowHeader: t.measure,
    columns: [{ key: 'value', label: t.value }],
    rows: [
      {
        key: 'averageDays',
        label: t.times.averageDays,
        values: [
          restingOn(
            d.children,
            measure(
              d.children ? WEEKDAYS.reduce((a, w) => a + d.daysByWeekday[w], 0) / d.children : null,
              'decimal',
            ),
          ),
        ],
      },
      { key: 'offered', label: t.times.offered, values: [alone(d.offered)] },
      {
        key: 'waitMedian',
        label: t.times.waitMedian,
        values: [restingOn(d.offered, measure(d.waitMedian, 'days'))],
      },
      { key: 'waitP75', label: t.times.waitP75, values: [restingOn(d.offered, measure(d.waitP75, 'days'))] },
      { key: 'answered', label: t.times.answered, values: [alone(d.answered)] },
      {
        key: 'answerMedian',
        label: t.times.answerMedian,
        values: [restingOn(d.answered, measure(d.answerMedian, 'days'))],
      },
      {
        key: 'answerP75',
        label: t.times.answerP75,
        values: [restingOn(d.answered, measure(d.answerP75, 'days'))],
      },
    ],
  };

  // 9. Families without a place: breakdowns of figure 3's unanswered.
  const unansweredTotal = table('solution').rows.find((r) => r.key === 'unanswered')?.value ?? {
    kind: 'hidden',
  };
  const notSolved = (g: ChildGroup) => g.due && !g.solved;
  const priority = table('priority');
  const levels = [
    ['absolute', 2],
    ['priority', 1],
    ['none', 0],
  ] as const;
  const byPriorityCells = yesColumn(
    levels.map(([, l]) => sum((g) => notSolved(g) && g.priorityLevel === l)),
    levels.map(([, l]) => sum((g) => g.priorityLevel === l)),
    levels.map(([k]) => priority.rows.find((r) => r.key === k)?.value ?? { kind: 'hidden' }),
    unansweredTotal,
    allChildren,
  );
  const residence = table('byResidence');
  const residenceOf = (key: string) => (g: ChildGroup) =>
    key === 'unknown'
      ? g.residence !== 'outside' && !input.subMunicipalities.some((s) => s.id === g.residence)
      : g.residence === key;
  const byResidenceCells = yesColumn(
    residence.rows.map((r) => sum((g) => notSolved(g) && residenceOf(r.key)(g))),
    residence.rows.map((r) => sum(residenceOf(r.key))),
    residence.rows.map((r) => r.value),
    unansweredTotal,
    allChildren,
  );
  const plans = partitionOf(
    unansweredTotal,
    PLAN_BANDS.map((b) => flows.unanswered.filter((x) => x.band === b).reduce((a, x) => a + x.n, 0)),
  );
  const careTypes = partitionOf(
    unansweredTotal,
    CARE_TYPES_ASKED.map((c) =>
      flows.unanswered.filter((x) => x.careType === c).reduce((a, x) => a + x.n, 0),
    ),
  );
  const noPlace = (
    key: string,
    caption: string,
    rows: { key: string; label: string }[],
    cells: Published[],
  ) => ({
    key,
    caption,
    rowHeader: base.label,
    columns: [{ key: 'noPlace', label: t.columns.noPlace }],
    rows: rows.map((r, i) => ({ ...r, values: [cells[i] as Published] })),
    total: [unansweredTotal],
  });

  return [
    emergency,
    emergencySpeed,
    intermediaryMonths,
    intermediaryKinds,
    priorityMonths,
    demandWeekday,
    demandMonths,
    demandTimes,
    noPlace(
      'noPlacePriority',
      t.tables.noPlacePriority,
      levels.map(([k]) => ({ key: k, label: base.levels[k] })),
      byPriorityCells,
    ),
    noPlace(
      'noPlaceResidence',
      t.tables.noPlaceResidence,
      residence.rows.map((r) => ({ key: r.key, label: r.label })),
      byResidenceCells,
    ),
    noPlace(
      'noPlacePlan',
      t.tables.noPlacePlan,
      PLAN_BANDS.map((b) => ({ key: b, label: t.bands[b] })),
      plans,
    ),
    noPlace(
      'noPlaceCareType',
      t.tables.noPlaceCareType,
      CARE_TYPES_ASKED.map((c) => ({ key: c, label: t.careTypes[c] })),
      careTypes,
    ),
  ];
}

/** A value of a grid as text in the user's language. */
export function formatGridValue(lang: Language, value: GridValue): string {
  if (value.kind !== 'measure') return formatPublished(lang, value);
  if (value.value === null) return messages[lang].notAvailable;
  const format = (options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(locale(lang), options).format(value.value as number);
  if (value.unit === 'percent') return format({ style: 'percent', maximumFractionDigits: 1 });
  if (value.unit === 'integer') return format({ maximumFractionDigits: 0 });
  return format({ maximumFractionDigits: 1 });
}

/** A value as a number for a chart; null where nothing is shown (suppressed or not available). */
export function chartNumber(value: GridValue | undefined): number | null {
  if (!value) return null;
  if (value.kind === 'count') return value.value;
  if (value.kind === 'measure') return value.value;
  return null;
}

/** The grids as the lines of a file: [table, description and column, count, measure]. */
export function gridLines(lang: Language, grids: FigureGrid[]): string[][] {
  const total = flowMessages[lang].total;
  return grids.flatMap((g) =>
    [...g.rows, ...(g.total ? [{ key: 'total', label: total, values: g.total }] : [])].flatMap((r) =>
      g.columns.map((c, i) => {
        const v = r.values[i];
        const text = v ? formatGridValue(lang, v) : '';
        // Counts in the count column; averages, medians and places in the last.
        return v?.kind === 'measure'
          ? [g.caption, `${r.label} – ${c.label}`, '', text]
          : [g.caption, `${r.label} – ${c.label}`, text, ''];
      }),
    ),
  );
}

/** The grids of figures 5–9 for a figures answer (the page's and the files' source). */
export function flowGridsOf(
  lang: Language,
  figures: {
    groups?: ChildGroup[] | undefined;
    flows?: Flows | undefined;
    subMunicipalities: SubMunicipality[];
    period: { from: string; to: string };
  },
): FigureGrid[] {
  if (!figures.groups || !figures.flows) return [];
  const tables = figureTables(lang, {
    groups: figures.groups,
    subMunicipalities: figures.subMunicipalities,
    period: figures.period,
  });
  return flowGrids(lang, {
    groups: figures.groups,
    subMunicipalities: figures.subMunicipalities,
    flows: figures.flows,
    tables,
  });
}
