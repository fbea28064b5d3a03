import { type Language, locale } from '../../platform/i18n/index.ts';
import { messages } from './policy-figures.messages.ts';
import type { ChildGroup } from './policy-figures.queries.ts';
import { type Published, protectTable } from './suppression.ts';

/**
 * The figures as named tables in one language, each protected against disclosure (suppression.ts)
 * as a whole: the page, the CSV and the XLSX all show exactly these, so they never disagree and no
 * file shows a count the page hides.
 */
export type FigureRow = {
  key: string;
  label: string;
  value: Published;
  /** A share (0–1) next to the count, only where the count and what it is divided by are shown. */
  share?: number | null;
};
export type FigureTable = { key: string; caption: string; rows: FigureRow[]; total?: Published };

export type SubMunicipality = { id: string; name: string; postcode: string; children0to3: number | null };

type Cell = { key: string; label: string; n: number };

const sum = (groups: ChildGroup[], where: (g: ChildGroup) => boolean = () => true) =>
  groups.reduce((a, g) => (where(g) ? a + g.n : a), 0);

const exact = (p: Published): number | undefined => (p.kind === 'count' ? p.value : undefined);

/** A table of cells that partition their total, protected together. */
function partition(key: string, caption: string, cells: Cell[], withShares: boolean): FigureTable {
  const { cells: published, total } = protectTable(cells.map((c) => c.n));
  const totalValue = exact(total);
  return {
    key,
    caption,
    rows: cells.map((c, i) => {
      const value = published[i] as Published;
      const n = exact(value);
      const share = withShares ? (n !== undefined && totalValue ? n / totalValue : null) : undefined;
      return { key: c.key, label: c.label, value, ...(share !== undefined ? { share } : {}) };
    }),
    total,
  };
}

/** The months of the period, "YYYY-MM", in order. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last || months.length > 240) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

function monthLabel(lang: Language, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 1),
  );
}

export function figureTables(
  lang: Language,
  input: { groups: ChildGroup[]; subMunicipalities: SubMunicipality[]; period: { from: string; to: string } },
): FigureTable[] {
  const t = messages[lang];
  const { groups, subMunicipalities: subs, period } = input;

  const byChannel = partition(
    'byChannel',
    t.tables.byChannel,
    (['parent', 'intermediary', 'desk'] as const).map((c) => ({
      key: c,
      label: t.channels[c],
      n: sum(groups, (g) => g.channel === c),
    })),
    true,
  );

  const residenceCells: Cell[] = [
    ...subs.map((s) => ({
      key: s.id,
      label: `${s.postcode} ${s.name}`,
      n: sum(groups, (g) => g.residence === s.id),
    })),
    { key: 'outside', label: t.outside, n: sum(groups, (g) => g.residence === 'outside') },
    {
      key: 'unknown',
      label: t.unknownResidence,
      // A sub-municipality that is no longer in the settings counts as unknown.
      n: sum(groups, (g) => g.residence !== 'outside' && !subs.some((s) => s.id === g.residence)),
    },
  ];
  const byResidence = partition('byResidence', t.tables.byResidence, residenceCells, true);

  // Coverage: a sub-municipality's published count divided by its children aged 0–3.
  const coverage: FigureTable = {
    key: 'coverage',
    caption: t.tables.coverage,
    rows: subs.map((s, i) => {
      const value = byResidence.rows[i]?.value as Published;
      const n = exact(value);
      return {
        key: s.id,
        label: `${s.postcode} ${s.name}`,
        value,
        share: n !== undefined && s.children0to3 ? n / s.children0to3 : null,
      };
    }),
  };

  const months = monthsOf(period.from, period.to);
  const byMonth = partition(
    'byMonth',
    t.tables.byMonth,
    months.map((m) => ({ key: m, label: monthLabel(lang, m), n: sum(groups, (g) => g.month === m) })),
    false,
  );

  const due = groups.filter((g) => g.due);
  const solution = partition(
    'solution',
    t.tables.solution,
    [
      { key: 'solved', label: t.solved, n: sum(due, (g) => g.solved) },
      { key: 'unanswered', label: t.unanswered, n: sum(due, (g) => !g.solved) },
    ],
    true,
  );

  const priority = partition(
    'priority',
    t.tables.priority,
    [
      { key: 'absolute', label: t.levels.absolute, n: sum(groups, (g) => g.priorityLevel === 2) },
      { key: 'priority', label: t.levels.priority, n: sum(groups, (g) => g.priorityLevel === 1) },
      { key: 'none', label: t.levels.none, n: sum(groups, (g) => g.priorityLevel === 0) },
    ],
    true,
  );

  // Each type is its own yes/no partition of the unique requests; only "yes" is listed (the
  // total is the unique requests' total, shown in the first table). Families in a priority group
  // are in the priority table: a second count of them here could give a suppressed cell there away.
  const types = [
    ['socialEmergency', (g: ChildGroup) => g.socialEmergency],
    ['vulnerable', (g: ChildGroup) => g.vulnerable],
    ['careNeeds', (g: ChildGroup) => g.careNeeds],
  ] as const;
  const separate: FigureTable = {
    key: 'separate',
    caption: t.tables.separate,
    rows: types.map(([key, has]) => {
      const yesNo = partition(
        key,
        '',
        [
          { key: 'yes', label: '', n: sum(groups, has) },
          { key: 'no', label: '', n: sum(groups, (g) => !has(g)) },
        ],
        true,
      );
      const yes = yesNo.rows[0] as FigureRow;
      return { key, label: t.separate[key], value: yes.value, share: yes.share ?? null };
    }),
  };

  return [byChannel, byResidence, coverage, byMonth, solution, priority, separate];
}

/** A published count as text in the user's language. */
export function formatPublished(lang: Language, value: Published): string {
  const t = messages[lang];
  if (value.kind === 'fewerThanFive') return t.fewerThanFive;
  if (value.kind === 'hidden') return t.hidden;
  return new Intl.NumberFormat(locale(lang)).format(value.value);
}

export function formatShare(lang: Language, share: number | null | undefined): string {
  if (share === null || share === undefined) return messages[lang].notAvailable;
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
