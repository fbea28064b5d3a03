import type { Database } from '../../platform/db/index.ts';
import { compareDates, type LocalDate, localDate } from '../../shared/dates.ts';
import { birthsOf } from './births.queries.ts';
import { placesOn } from './capacity.queries.ts';
import { childGroups } from './policy-figures.queries.ts';
import { type Published, protectTable, SUPPRESSION_THRESHOLD } from './suppression.ts';

/**
 * Figure 10, the demand forecast: per municipality the births of a year (entered by the desk), the
 * unique requests of that year (the unit of figure 1: distinct children), their ratio, the expected
 * requests of the next year (that ratio times the next year's births, or this year's where those
 * are not entered), and the places for babies and toddlers valid on the year's last day (or today). Counts of children are protected
 * like every figure: each column is a table of municipalities whose region total is hidden rather
 * than a municipality's count; nothing is calculated from a count that is not shown exactly.
 */
export type ForecastRow = {
  key: string;
  name: string;
  births?: Published;
  requests: Published;
  /** Requests per birth, where both are shown exactly. */
  ratio: number | null;
  birthsNext?: Published;
  /** The next year's births were not entered: the base year's are used. */
  nextFromBase: boolean;
  expected: Published | null;
  places: number;
  placesPerBirth: number | null;
};

export type Forecast = {
  year: number;
  next: number;
  /** The base year is not over: its requests are counted up to this day. */
  countedTo?: LocalDate;
  rows: ForecastRow[];
  total?: ForecastRow;
};

const exact = (p: Published | undefined): number | undefined => (p?.kind === 'count' ? p.value : undefined);

function expectedOf(ratio: number | null, birthsNext: Published | undefined): Published | null {
  const b = exact(birthsNext);
  if (ratio === null || b === undefined) return null;
  const value = Math.round(ratio * b);
  return value >= 1 && value < SUPPRESSION_THRESHOLD ? { kind: 'fewerThanFive' } : { kind: 'count', value };
}

function row(
  key: string,
  name: string,
  births: Published | undefined,
  requests: Published,
  birthsNext: Published | undefined,
  nextFromBase: boolean,
  places: number,
): ForecastRow {
  const b = exact(births);
  const r = exact(requests);
  const ratio = b && r !== undefined ? r / b : null;
  return {
    key,
    name,
    ...(births ? { births } : {}),
    requests,
    ratio,
    ...(birthsNext ? { birthsNext } : {}),
    nextFromBase,
    expected: expectedOf(ratio, birthsNext),
    places,
    placesPerBirth: b ? places / b : null,
  };
}

/** A column of counts, protected as a table of municipalities (the region's total hidden first). */
function column(values: (number | undefined)[]) {
  const known = values.map((v) => v ?? 0);
  const { cells, total } = protectTable(known, { rather: 'hideTotal' });
  return {
    cells: cells.map((c, i) => (values[i] === undefined ? undefined : c)),
    total: values.every((v) => v !== undefined) ? total : undefined,
  };
}

export async function getForecast(
  db: Database,
  input: { municipalities: { id: string; name: string }[]; year: number; today: LocalDate },
): Promise<Forecast> {
  const { municipalities, year, today } = input;
  const ids = municipalities.map((m) => m.id);
  const end = localDate(`${year}-12-31`);
  const to = compareDates(end, today) > 0 ? today : end;
  const period = { from: localDate(`${year}-01-01`), to };
  const [groups, births, places] = await Promise.all([
    childGroups(db, { municipalityIds: ids, period, today, rules: undefined }),
    birthsOf(db, ids),
    placesOn(db, ids, to),
  ]);
  const birthsIn = (id: string, y: number) =>
    births.find((b) => b.municipalityId === id && b.year === y)?.births;
  const requests = column(
    municipalities.map((m) => groups.reduce((a, g) => (g.municipalityId === m.id ? a + g.n : a), 0)),
  );
  const base = column(municipalities.map((m) => birthsIn(m.id, year)));
  const nextEntered = municipalities.map((m) => birthsIn(m.id, year + 1));
  const next = column(municipalities.map((m, i) => nextEntered[i] ?? birthsIn(m.id, year)));
  const rows = municipalities.map((m, i) =>
    row(
      m.id,
      m.name,
      base.cells[i],
      requests.cells[i] as Published,
      next.cells[i],
      nextEntered[i] === undefined,
      places.get(m.id) ?? 0,
    ),
  );
  const totalPlaces = municipalities.reduce((a, m) => a + (places.get(m.id) ?? 0), 0);
  return {
    year,
    next: year + 1,
    ...(compareDates(to, end) < 0 ? { countedTo: to } : {}),
    rows,
    ...(municipalities.length > 1
      ? {
          total: row(
            'total',
            '',
            base.total,
            requests.total as Published,
            next.total,
            nextEntered.some((b) => b === undefined),
            totalPlaces,
          ),
        }
      : {}),
  };
}
