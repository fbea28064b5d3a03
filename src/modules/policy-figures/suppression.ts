/**
 * Statistical disclosure control for the published figures (issue: figures for local policy).
 *
 * Every count from 1 to 4 is suppressed ("< 5", primary suppression). A table publishes its
 * cells and their total, so one suppressed cell could be recovered as the total minus the others:
 * further cells are then hidden ("×", secondary suppression) until no hidden cell's value is fixed
 * by what is published.
 *
 * The reader we protect against knows the published table and these rules' meaning: a "< 5" cell
 * holds 1–4, a "×" cell any count, and the cells add up to the total. A hidden cell is given away
 * when exactly one value fits. The guarantee holds per table: tables with the same total (unique
 * requests by channel and by residence) are each protected against that total.
 */

export type Published =
  | { kind: 'count'; value: number }
  /** A count from 1 to 4. */
  | { kind: 'fewerThanFive' }
  /** Hidden so that a suppressed count cannot be worked out from the others and the total. */
  | { kind: 'hidden' };

export const SUPPRESSION_THRESHOLD = 5;

const isSmall = (n: number) => n >= 1 && n < SUPPRESSION_THRESHOLD;

type Hidden = { index: number; primary: boolean };

/**
 * How many values fit cell `i` among the hidden cells whose sum is `rest`: the other hidden cells
 * range over [1, 4] (primary) or [0, ∞) (secondary). Returns 2 for "more than one".
 */
function fittingValues(hidden: Hidden[], i: number, rest: number): number {
  const others = hidden.filter((_, k) => k !== i);
  const minOthers = others.filter((h) => h.primary).length;
  const maxOthers = others.some((h) => !h.primary) ? Number.POSITIVE_INFINITY : 4 * minOthers;
  const own = hidden[i] as Hidden;
  const lo = Math.max(own.primary ? 1 : 0, rest - maxOthers);
  const hi = Math.min(own.primary ? SUPPRESSION_THRESHOLD - 1 : Number.POSITIVE_INFINITY, rest - minOthers);
  return hi - lo >= 1 ? 2 : hi === lo ? 1 : 0;
}

function givesAway(hidden: Hidden[], rest: number): boolean {
  return hidden.some((_, i) => fittingValues(hidden, i, rest) === 1);
}

/**
 * The published form of a table's cells and their total. The cells must partition the total (each
 * child counts in exactly one cell), which is what the reader is assumed to know.
 */
export function protectTable(
  cells: readonly number[],
  options: { rather?: 'hideCells' | 'hideTotal' } = {},
): { cells: Published[]; total: Published } {
  const total = cells.reduce((a, b) => a + b, 0);
  const count = (value: number): Published => ({ kind: 'count', value });
  const primary = cells.map(isSmall);
  // A small total publishes no exact sum: the "< 5" cells cannot be worked out from it.
  if (isSmall(total) || !primary.some(Boolean)) {
    return {
      cells: cells.map((v, i) => (primary[i] ? { kind: 'fewerThanFive' } : count(v))),
      total: isSmall(total) ? { kind: 'fewerThanFive' } : count(total),
    };
  }
  // Where each cell matters more than the total (a municipality's own figure, which its own page
  // shows too, in a region's table), the total is hidden instead: without it nothing can be worked out.
  if (options.rather === 'hideTotal') {
    return {
      cells: cells.map((v, i) => (primary[i] ? { kind: 'fewerThanFive' } : count(v))),
      total: { kind: 'hidden' },
    };
  }
  const hidden: Hidden[] = cells.flatMap((_, i) => (primary[i] ? [{ index: i, primary: true }] : []));
  const rest = () => total - cells.reduce((a, v, i) => (hidden.some((h) => h.index === i) ? a : a + v), 0);
  // Hide the smallest further cells (positive ones first: a hidden 0 adds no doubt) until no
  // hidden cell is fixed by the total.
  const candidates = cells
    .map((v, i) => ({ v, i }))
    .filter(({ i }) => !primary[i])
    .sort((a, b) => (a.v === 0 ? 1 : 0) - (b.v === 0 ? 1 : 0) || a.v - b.v || a.i - b.i);
  while (givesAway(hidden, rest()) && candidates.length > 0) {
    const next = candidates.shift() as { v: number; i: number };
    hidden.push({ index: next.i, primary: false });
  }
  const hide = givesAway(hidden, rest());
  return {
    cells: cells.map((v, i) => {
      const h = hidden.find((x) => x.index === i);
      if (!h) return count(v);
      return h.primary ? { kind: 'fewerThanFive' } : { kind: 'hidden' };
    }),
    // Only when even hiding every cell leaves one fixed (all small, e.g. five cells of 1).
    total: hide ? { kind: 'hidden' } : count(total),
  };
}
