import { type Published, SUPPRESSION_THRESHOLD } from './suppression.ts';

/**
 * Suppression for a table of two dimensions (e.g. month × with/without priority), whose row totals
 * and column totals are published elsewhere on the page (unique requests per month, a figure's
 * total). The cells of each row add up to its row total and those of each column to its column
 * total, so a small count could be given away by either: every line with an exact total is checked
 * as `protectTable` checks a table (suppression.ts: a hidden cell must have more than one value
 * that fits), further cells are hidden until no line gives one away, and this is repeated until
 * nothing changes. A line whose total is itself not published exactly hides all its cells, zeros
 * included ("×"): showing which cells are zero or small would narrow that suppressed total.
 *
 * This is the usual line-by-line heuristic, not a full solver: the guarantee checked is per line.
 */

type State = 'shown' | 'primary' | 'secondary';

const isSmall = (n: number) => n >= 1 && n < SUPPRESSION_THRESHOLD;

function givesAway(line: { value: number; state: State }[], total: number): boolean {
  const hidden = line.filter((c) => c.state !== 'shown');
  if (hidden.length === 0) return false;
  const rest = total - line.reduce((a, c) => (c.state === 'shown' ? a + c.value : a), 0);
  return hidden.some((own, i) => {
    const others = hidden.filter((_, k) => k !== i);
    const minOthers = others.filter((h) => h.state === 'primary').length;
    const maxOthers = others.some((h) => h.state === 'secondary')
      ? Number.POSITIVE_INFINITY
      : (SUPPRESSION_THRESHOLD - 1) * minOthers;
    const lo = Math.max(own.state === 'primary' ? 1 : 0, rest - maxOthers);
    const hi = Math.min(
      own.state === 'primary' ? SUPPRESSION_THRESHOLD - 1 : Number.POSITIVE_INFINITY,
      rest - minOthers,
    );
    return hi === lo;
  });
}

export function protectGrid(
  cells: readonly (readonly number[])[],
  totals: { rows: readonly Published[]; columns: readonly Published[]; grand?: Published },
): Published[][] {
  const state: State[][] = cells.map((row) => row.map((v) => (isSmall(v) ? 'primary' : 'shown')));
  // A cell in a line whose published total is 0 is 0 for every reader: hiding it adds no doubt.
  const zero = (p: Published | undefined) => p?.kind === 'count' && p.value === 0;
  const knownZero = (r: number, c: number) => zero(totals.rows[r]) || zero(totals.columns[c]);
  const width = cells[0]?.length ?? 0;
  const rows = cells.map((_, r) => Array.from({ length: width }, (_, c) => ({ r, c })));
  const columns = Array.from({ length: width }, (_, c) => cells.map((_, r) => ({ r, c })));
  const lines = [
    ...rows.map((line, i) => ({ line, total: totals.rows[i] })),
    ...columns.map((line, i) => ({ line, total: totals.columns[i] })),
  ];
  const at = (p: { r: number; c: number }) => ({
    value: cells[p.r]?.[p.c] ?? 0,
    get state(): State {
      return knownZero(p.r, p.c) ? 'shown' : (state[p.r]?.[p.c] ?? 'shown');
    },
  });
  const hide = (p: { r: number; c: number }) => {
    const row = state[p.r];
    if (row && row[p.c] === 'shown') row[p.c] = 'secondary';
  };
  const hideAll = (line: { r: number; c: number }[]) => {
    let changed = false;
    for (const p of line) {
      const row = state[p.r];
      if (row && row[p.c] !== 'secondary') {
        row[p.c] = 'secondary';
        changed = true;
      }
    }
    return changed;
  };
  // A line without an exact total: all of it hidden.
  for (const { line, total } of lines) if (total?.kind !== 'count') hideAll(line);
  for (let changed = true, rounds = 0; changed && rounds < 1000; rounds++) {
    changed = false;
    for (const { line, total } of lines) {
      if (total?.kind !== 'count') continue;
      if (!givesAway(line.map(at), total.value)) continue;
      const next = line
        .filter((p) => state[p.r]?.[p.c] === 'shown' && !knownZero(p.r, p.c))
        .sort((a, b) => {
          const va = cells[a.r]?.[a.c] ?? 0;
          const vb = cells[b.r]?.[b.c] ?? 0;
          return (va === 0 ? 1 : 0) - (vb === 0 ? 1 : 0) || va - vb;
        })[0];
      if (next) {
        hide(next);
        changed = true;
      } else if (hideAll(line)) {
        // Nothing left to hide in the line: its small cells lose their "< 5" too.
        changed = true;
      }
    }
  }
  const published = cells.map((row, r) =>
    row.map((v, c): Published => {
      const s = state[r]?.[c];
      if (s === 'primary') return { kind: 'fewerThanFive' };
      if (s === 'secondary') return { kind: 'hidden' };
      return { kind: 'count', value: v };
    }),
  );
  // The lines are checked one by one above; together they can still pin a small count down (a
  // row's total bounds a cell that a column's total then fixes). Bounds are narrowed over all
  // lines at once, and if a small count ends up with one value, nothing of the table is shown.
  const allLines = [...lines, { line: rows.flat(), total: totals.grand }];
  if (pinsSmallCount(cells, published, allLines))
    return cells.map((row) => row.map(() => ({ kind: 'hidden' })));
  return published;
}

const FAR = 1_000_000_000;

/** Interval propagation over every line's published total: does a suppressed count 1–4 get one value? */
function pinsSmallCount(
  cells: readonly (readonly number[])[],
  published: Published[][],
  lines: { line: { r: number; c: number }[]; total: Published | undefined }[],
): boolean {
  const lo = published.map((row) =>
    row.map((p) => (p.kind === 'count' ? p.value : p.kind === 'fewerThanFive' ? 1 : 0)),
  );
  const hi = published.map((row) =>
    row.map((p) =>
      p.kind === 'count' ? p.value : p.kind === 'fewerThanFive' ? SUPPRESSION_THRESHOLD - 1 : FAR,
    ),
  );
  const get = (m: number[][], p: { r: number; c: number }) => m[p.r]?.[p.c] ?? 0;
  const set = (m: number[][], p: { r: number; c: number }, v: number) => {
    const row = m[p.r];
    if (row) row[p.c] = v;
  };
  for (let changed = true, rounds = 0; changed && rounds < 200; rounds++) {
    changed = false;
    for (const { line, total } of lines) {
      if (!total || total.kind === 'hidden') continue;
      const [tLo, tHi] = total.kind === 'count' ? [total.value, total.value] : [1, SUPPRESSION_THRESHOLD - 1];
      const sumLo = line.reduce((a, p) => a + get(lo, p), 0);
      for (const p of line) {
        const othersLo = sumLo - get(lo, p);
        const othersHi = line.reduce((a, q) => (q === p ? a : Math.min(FAR, a + get(hi, q))), 0);
        const newLo = Math.max(get(lo, p), othersHi >= FAR ? 0 : tLo - othersHi);
        const newHi = Math.min(get(hi, p), tHi - othersLo);
        if (newLo !== get(lo, p) || newHi !== get(hi, p)) {
          set(lo, p, newLo);
          set(hi, p, newHi);
          changed = true;
        }
      }
    }
  }
  return cells.some((row, r) =>
    row
      .map((v, c) => published[r]?.[c]?.kind !== 'count' && isSmall(v) && lo[r]?.[c] === hi[r]?.[c])
      .some(Boolean),
  );
}
