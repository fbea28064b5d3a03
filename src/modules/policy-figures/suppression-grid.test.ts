import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Published, protectTable } from './suppression.ts';
import { protectGrid } from './suppression-grid.ts';

/**
 * A two-dimensional table as the figures page publishes it (e.g. month × with/without priority):
 * the row totals and the grand total protected as one table (the unique requests per month), the
 * column totals as another (with/without priority), and the cells by protectGrid. A reader who
 * knows all of these, that "< 5" is 1–4 and "×" any count, must not be able to work out a
 * suppressed cell: checked by brute force over every table consistent with what is published.
 */

const BOUND = 12;

function range(p: Published, max: number): number[] {
  if (p.kind === 'count') return [p.value];
  const [lo, hi] = p.kind === 'fewerThanFive' ? [1, 4] : [0, max];
  return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
}

const fits = (p: Published, sum: number) =>
  p.kind === 'count' ? sum === p.value : p.kind === 'fewerThanFive' ? sum >= 1 && sum <= 4 : true;

function possibleValues(
  cells: Published[][],
  rows: Published[],
  columns: Published[],
  grand: Published,
): Set<number>[][] {
  const width = cells[0]?.length ?? 0;
  // Every row vector consistent with the row's published cells and total.
  const rowOptions = cells.map((row, r) => {
    const out: number[][] = [];
    const walk = (c: number, acc: number[]) => {
      if (c === width) {
        if (
          fits(
            rows[r] as Published,
            acc.reduce((a, b) => a + b, 0),
          )
        )
          out.push([...acc]);
        return;
      }
      for (const v of range(row[c] as Published, BOUND)) walk(c + 1, [...acc, v]);
    };
    walk(0, []);
    return out;
  });
  const seen = cells.map((row) => row.map(() => new Set<number>()));
  const walk = (r: number, chosen: number[][]) => {
    if (r === cells.length) {
      const colSums = Array.from({ length: width }, (_, c) =>
        chosen.reduce((a, row) => a + (row[c] ?? 0), 0),
      );
      if (!colSums.every((s, c) => fits(columns[c] as Published, s))) return;
      if (
        !fits(
          grand,
          colSums.reduce((a, b) => a + b, 0),
        )
      )
        return;
      chosen.forEach((row, i) => {
        row.forEach((v, c) => {
          seen[i]?.[c]?.add(v);
        });
      });
      return;
    }
    for (const option of rowOptions[r] as number[][]) walk(r + 1, [...chosen, option]);
  };
  walk(0, []);
  return seen;
}

describe('protectGrid', () => {
  it('publishes no count from 1 to 4 and leaves every suppressed small count more than one value', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 8 }));
    const grid = fc
      .integer({ min: 2, max: 3 })
      .chain((h) =>
        fc.array(fc.array(value, { minLength: 2, maxLength: 2 }), { minLength: h, maxLength: h }),
      );
    fc.assert(
      fc.property(grid, (cells) => {
        const rowSums = cells.map((r) => r.reduce((a, b) => a + b, 0));
        const colSums = [0, 1].map((c) => cells.reduce((a, r) => a + (r[c] ?? 0), 0));
        const byRow = protectTable(rowSums);
        const columns = protectTable(colSums).cells;
        const published = protectGrid(cells, { rows: byRow.cells, columns, grand: byRow.total });
        for (const row of published) {
          for (const p of row) {
            if (p.kind === 'count') expect(p.value === 0 || p.value >= 5).toBe(true);
          }
        }
        const possible = possibleValues(published, byRow.cells, columns, byRow.total);
        published.forEach((row, r) => {
          row.forEach((p, c) => {
            const values = possible[r]?.[c] as Set<number>;
            // The true table is always among those consistent with the publication.
            expect(values.has(cells[r]?.[c] as number)).toBe(true);
            const truth = cells[r]?.[c] ?? 0;
            if (p.kind !== 'count' && truth >= 1 && truth <= 4) {
              expect(values.size, `cell ${r},${c} of ${JSON.stringify(cells)}`).toBeGreaterThan(1);
            }
          });
        });
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });

  it('hides the rest of a row whose small count its total would give away', () => {
    const rows = protectTable([6, 7]);
    const published = protectGrid(
      [
        [5, 1],
        [0, 7],
      ],
      { rows: rows.cells, columns: protectTable([5, 8]).cells },
    );
    expect(published[0]).toEqual([{ kind: 'hidden' }, { kind: 'fewerThanFive' }]);
    // And the 0 below, or the column total (5) would give the 5 and so the 1 away.
    expect(published[1]).toEqual([{ kind: 'hidden' }, { kind: 'hidden' }]);
  });
});
