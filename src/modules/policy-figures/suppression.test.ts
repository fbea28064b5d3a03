import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Published, protectTable } from './suppression.ts';

/**
 * What a reader can work out from a published table, by brute force and independently of the
 * implementation: every vector of counts that agrees with what is published (a "< 5" cell holds
 * 1–4, a hidden cell anything up to the total, the cells add up to the total when it is shown).
 */
function possibleValues(published: Published[], total: Published, bound: number): Set<number>[] {
  const ranges = published.map((p) => {
    if (p.kind === 'count') return [p.value];
    const max = p.kind === 'fewerThanFive' ? 4 : bound;
    const min = p.kind === 'fewerThanFive' ? 1 : 0;
    return Array.from({ length: max - min + 1 }, (_, k) => min + k);
  });
  const seen = published.map(() => new Set<number>());
  const walk = (i: number, acc: number[], sum: number) => {
    if (i === ranges.length) {
      const fits =
        total.kind === 'count'
          ? sum === total.value
          : total.kind === 'fewerThanFive'
            ? sum >= 1 && sum <= 4
            : true;
      if (fits) {
        for (const [k, v] of acc.entries()) seen[k]?.add(v);
      }
      return;
    }
    for (const v of ranges[i] as number[]) {
      if (total.kind === 'count' && sum + v > total.value) break;
      acc.push(v);
      walk(i + 1, acc, sum + v);
      acc.pop();
    }
  };
  walk(0, [], 0);
  return seen;
}

describe('suppression of small counts', () => {
  it('publishes no count from 1 to 4 and lets no suppressed count be worked out from the others and the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 14 })), {
          minLength: 1,
          maxLength: 5,
        }),
        (cells) => {
          const { cells: published, total } = protectTable(cells);
          for (const p of [...published, total]) {
            if (p.kind === 'count') expect(p.value === 0 || p.value >= 5).toBe(true);
          }
          const bound = cells.reduce((a, b) => a + b, 0);
          const values = possibleValues(published, total, bound);
          published.forEach((p, i) => {
            if (p.kind !== 'count')
              expect(values[i]?.size, `cell ${i} of ${JSON.stringify(cells)}`).toBeGreaterThan(1);
            // What is published is true: the real value is among the possible ones.
            expect(values[i]?.has(cells[i] as number)).toBe(true);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('can hide the total instead of other cells, and then gives nothing away either', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const { cells: published, total } = protectTable(cells, { rather: 'hideTotal' });
        const values = possibleValues(
          published,
          total,
          cells.reduce((a, b) => a + b, 0),
        );
        published.forEach((p, i) => {
          if (p.kind === 'count') expect(p.value === 0 || p.value >= 5).toBe(true);
          else expect(values[i]?.size).toBeGreaterThan(1);
        });
        if (total.kind === 'count') expect(total.value === 0 || total.value >= 5).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(protectTable([22, 3], { rather: 'hideTotal' })).toEqual({
      cells: [{ kind: 'count', value: 22 }, { kind: 'fewerThanFive' }],
      total: { kind: 'hidden' },
    });
  });

  it('hides the smallest other cell when one small count could be worked out from the total', () => {
    const { cells, total } = protectTable([3, 40, 12]);
    expect(cells).toEqual([{ kind: 'fewerThanFive' }, { kind: 'count', value: 40 }, { kind: 'hidden' }]);
    expect(total).toEqual({ kind: 'count', value: 55 });
  });

  it('shows a table without small counts as it is, zeros included', () => {
    expect(protectTable([0, 7, 12])).toEqual({
      cells: [
        { kind: 'count', value: 0 },
        { kind: 'count', value: 7 },
        { kind: 'count', value: 12 },
      ],
      total: { kind: 'count', value: 19 },
    });
  });

  it('suppresses a small total, and hides the total when even hiding every cell would give one away', () => {
    expect(protectTable([2, 0]).total).toEqual({ kind: 'fewerThanFive' });
    expect(protectTable([1, 1, 1, 1, 1]).total).toEqual({ kind: 'hidden' });
  });
});
