import { schema } from '../../platform/db/index.ts';
import type { ErrorKey } from '../../platform/i18n/common.ts';
import { WEEKDAYS, type Weekday } from '../../shared/dates.ts';

/**
 * What one staff member looks at: filters, sort and page, all carried in the URL (a GET form, so
 * bookmarkable and usable without JavaScript), and which columns in which order (kept per user).
 */

export const STANDARD_COLUMNS = [
  'fileNumber',
  'fileStatus',
  'status',
  'child',
  'birth',
  'start',
  'end',
  'carePlan',
  'priorityGroup',
  'rank',
  'received',
  'waitingDays',
  'kind',
  'careNeeds',
  'notes',
] as const;
export type StandardColumn = (typeof STANDARD_COLUMNS)[number];
/** A provider's own column: `custom:<uuid>`. */
export type ColumnKey = StandardColumn | `custom:${string}`;

/** Shown unless the user chose otherwise; the child's name is always shown (it opens the request). */
const HIDDEN_BY_DEFAULT: readonly ColumnKey[] = ['kind', 'careNeeds'];
export const ALWAYS_SHOWN: ColumnKey = 'child';

export const customKey = (id: string): ColumnKey => `custom:${id}`;
export const customIdOf = (key: string) => (key.startsWith('custom:') ? key.slice(7) : undefined);

export function isStandardColumn(key: string): key is StandardColumn {
  return (STANDARD_COLUMNS as readonly string[]).includes(key);
}

export type ColumnSettings = { hiddenColumns: string[]; columnOrder: string[] };

/**
 * Every column in the user's order (new ones at their default place at the end), with visibility.
 * The child's name always comes first: it says whose row it is and stays in view when the table
 * scrolls sideways.
 */
export function resolveColumns(
  settings: ColumnSettings | undefined,
  customColumnIds: string[],
): { key: ColumnKey; visible: boolean }[] {
  const all: ColumnKey[] = [...STANDARD_COLUMNS, ...customColumnIds.map(customKey)];
  const known = new Set<string>(all);
  const ordered = [
    ...(settings?.columnOrder ?? []).filter((k): k is ColumnKey => known.has(k)),
    ...all.filter((k) => !settings?.columnOrder.includes(k)),
  ];
  const hidden = new Set<string>(settings ? settings.hiddenColumns : HIDDEN_BY_DEFAULT);
  return [ALWAYS_SHOWN, ...new Set(ordered.filter((k) => k !== ALWAYS_SHOWN))].map((key) => ({
    key,
    visible: key === ALWAYS_SHOWN || !hidden.has(key),
  }));
}

/** Moves one column a place up or down (never the child's name, nor above it). */
export function moveColumn(order: ColumnKey[], key: string, direction: 'up' | 'down'): ColumnKey[] {
  const i = order.indexOf(key as ColumnKey);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= order.length) return order;
  if (order[i] === ALWAYS_SHOWN || order[j] === ALWAYS_SHOWN) return order;
  const out = [...order];
  [out[i], out[j]] = [out[j] as ColumnKey, out[i] as ColumnKey];
  return out;
}

// ——— Filters, sort and page ———

const PREFERENCE_STATUSES = schema.preferenceStatusEnum.enumValues;
export type PreferenceStatus = (typeof PREFERENCE_STATUSES)[number];
export const STATUS_GROUPS = ['open', 'unanswered', 'all'] as const;
export type StatusFilter = (typeof STATUS_GROUPS)[number] | PreferenceStatus;
export const RANKS = ['1', '2', '3', '4', '5', 'none'] as const;
export const DAY_COUNTS = ['0.5', '1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5'] as const;
export const PAGE_SIZES = [25, 50, 100, 200] as const;
type YesNo = 'yes' | 'no';

export type Filters = {
  q: string;
  status: StatusFilter;
  startFrom?: string;
  startTo?: string;
  /** Care only on these weekdays (empty: any). */
  days: Weekday[];
  minDays?: number;
  maxDays?: number;
  priority?: YesNo;
  rank?: (typeof RANKS)[number];
  occasional?: YesNo;
  careNeeds?: YesNo;
  overdue: boolean;
};

export type Sort = { column: ColumnKey; dir: 'asc' | 'desc' };

export type View = { filters: Filters; sort: Sort; page: number; size: number };

/**
 * The open requests that name the location (still to handle, on the waiting list, or with an offer
 * running), grouped by status in the order of the lifecycle, each group by desired start. The
 * closed ones ("placed elsewhere", "no place"…) of 5 years are the history: `status=all`, one
 * choice away, since they are most of the rows at a large centre and rarely what one looks for.
 */
export const DEFAULT_VIEW: View = {
  filters: { q: '', status: 'open', days: [], overdue: false },
  sort: { column: 'status', dir: 'asc' },
  page: 1,
  size: 50,
};

/** The names the filter form uses; a saved view keeps exactly these. */
export const VIEW_PARAMS = [
  'q',
  'status',
  'startFrom',
  'startTo',
  'days',
  'minDays',
  'maxDays',
  'priority',
  'rank',
  'occasional',
  'careNeeds',
  'overdue',
  'sort',
  'dir',
  'size',
] as const;

type Query = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string =>
  (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const all = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : v ? v.split(',') : []).map((s) => s.trim()).filter(Boolean);

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function oneOf<T extends string>(values: readonly T[], raw: string): T | undefined {
  return (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/**
 * Reads a view from a query string. Unknown or malformed values never fail the page: they fall back
 * to the default and are reported (message keys per field) so the form can say what was wrong.
 */
export function parseView(
  query: Query,
  customColumnIds: string[],
): { view: View; errors: Record<string, ErrorKey> } {
  const errors: Record<string, ErrorKey> = {};
  const pick = <T extends string>(name: string, values: readonly T[]): T | undefined => {
    const raw = first(query[name]);
    if (!raw) return undefined;
    const v = oneOf(values, raw);
    if (!v) errors[name] = 'invalidChoice';
    return v;
  };
  const month = (name: string) => {
    const raw = first(query[name]);
    if (!raw) return undefined;
    if (!MONTH.test(raw)) errors[name] = 'invalidMonth';
    return MONTH.test(raw) ? raw : undefined;
  };
  const statuses = [...STATUS_GROUPS, ...PREFERENCE_STATUSES] as const;
  const rawDays = all(query.days);
  const days = rawDays.filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  if (days.length !== rawDays.length) errors.days = 'invalidChoice';
  const minDays = pick('minDays', DAY_COUNTS);
  const maxDays = pick('maxDays', DAY_COUNTS);

  const filters: Filters = {
    q: first(query.q).slice(0, 100),
    status: pick('status', statuses) ?? DEFAULT_VIEW.filters.status,
    days,
    overdue: first(query.overdue) === '1',
  };
  const startFrom = month('startFrom');
  const startTo = month('startTo');
  if (startFrom) filters.startFrom = startFrom;
  if (startTo) filters.startTo = startTo;
  if (minDays) filters.minDays = Number(minDays);
  if (maxDays) filters.maxDays = Number(maxDays);
  const priority = pick('priority', ['yes', 'no'] as const);
  const rank = pick('rank', RANKS);
  const occasional = pick('occasional', ['yes', 'no'] as const);
  const careNeeds = pick('careNeeds', ['yes', 'no'] as const);
  if (priority) filters.priority = priority;
  if (rank) filters.rank = rank;
  if (occasional) filters.occasional = occasional;
  if (careNeeds) filters.careNeeds = careNeeds;

  const sortKeys: string[] = [...STANDARD_COLUMNS, ...customColumnIds.map(customKey)];
  const sortRaw = first(query.sort);
  const sortColumn = sortKeys.includes(sortRaw) ? (sortRaw as ColumnKey) : DEFAULT_VIEW.sort.column;
  if (sortRaw && !sortKeys.includes(sortRaw)) errors.sort = 'invalidChoice';
  const dir = first(query.dir) === 'desc' ? 'desc' : 'asc';
  const page = Number.parseInt(first(query.page), 10);
  const size = Number.parseInt(first(query.size), 10);
  return {
    view: {
      filters,
      sort: { column: sortColumn, dir },
      page: Number.isSafeInteger(page) && page > 0 ? Math.min(page, 100_000) : 1,
      size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_VIEW.size,
    },
    errors,
  };
}

/** The view as query parameters (defaults left out, so URLs stay short). */
export function viewParams(view: View, overrides: { page?: number; sort?: Sort } = {}): URLSearchParams {
  const p = new URLSearchParams();
  const f = view.filters;
  if (f.q) p.set('q', f.q);
  p.set('status', f.status);
  if (f.startFrom) p.set('startFrom', f.startFrom);
  if (f.startTo) p.set('startTo', f.startTo);
  for (const d of f.days) p.append('days', d);
  if (f.minDays !== undefined) p.set('minDays', String(f.minDays));
  if (f.maxDays !== undefined) p.set('maxDays', String(f.maxDays));
  if (f.priority) p.set('priority', f.priority);
  if (f.rank) p.set('rank', f.rank);
  if (f.occasional) p.set('occasional', f.occasional);
  if (f.careNeeds) p.set('careNeeds', f.careNeeds);
  if (f.overdue) p.set('overdue', '1');
  const sort = overrides.sort ?? view.sort;
  p.set('sort', sort.column);
  p.set('dir', sort.dir);
  if (view.size !== DEFAULT_VIEW.size) p.set('size', String(view.size));
  const page = overrides.page ?? view.page;
  if (page > 1) p.set('page', String(page));
  return p;
}

/** A saved default view: the URL parameters as one flat record (`days` joined by commas). */
export function savedFilters(view: View): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of viewParams(view, { page: 1 })) out[k] = out[k] ? `${out[k]},${v}` : v;
  return out;
}

/** Whether the request named any view parameter (otherwise the user's saved view applies). */
export function hasViewParams(query: Query): boolean {
  return [...VIEW_PARAMS, 'page'].some((k) => query[k] !== undefined);
}
