import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { applyPreferenceOp, type PreferenceOp, parsePreferenceOp } from './preference-list.ts';

const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const op = fc.record({
  kind: fc.constantFrom('add', 'up', 'down', 'remove'),
  key: fc.constantFrom(...keys),
}) as fc.Arbitrary<PreferenceOp>;

describe('editing the ordered preference list', () => {
  it('stays a list without duplicates, never longer than the maximum, whatever the parent clicks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 40 }), (max, ops) => {
        let list: string[] = [];
        for (const o of ops) {
          const before = list;
          const out = applyPreferenceOp(list, o, max);
          if (out.ok) list = out.list;
          else expect(list).toBe(before);
          expect(new Set(list).size).toBe(list.length);
          expect(list.length).toBeLessThanOrEqual(max);
          // Moving and adding never lose a choice; only remove does.
          if (out.ok && o.kind !== 'remove') expect(before.every((k) => list.includes(k))).toBe(true);
        }
      }),
    );
  });

  it('moves a choice up and down by one place, and not past either end', () => {
    expect(applyPreferenceOp(['a', 'b', 'c'], { kind: 'up', key: 'c' }, 5)).toEqual({
      ok: true,
      list: ['a', 'c', 'b'],
    });
    expect(applyPreferenceOp(['a', 'b'], { kind: 'up', key: 'a' }, 5)).toEqual({
      ok: true,
      list: ['a', 'b'],
    });
    expect(applyPreferenceOp(['a', 'b'], { kind: 'down', key: 'b' }, 5)).toEqual({
      ok: true,
      list: ['a', 'b'],
    });
    expect(applyPreferenceOp(['a', 'b'], { kind: 'add', key: 'c' }, 2)).toEqual({ ok: false, error: 'max' });
  });

  it('reads only well-formed button values', () => {
    expect(parsePreferenceOp('up:p:123')).toEqual({ kind: 'up', key: 'p:123' });
    expect(parsePreferenceOp('add:x')).toEqual({ kind: 'add', key: 'x' });
    expect(parsePreferenceOp('drop:x')).toBeUndefined();
    expect(parsePreferenceOp('up:')).toBeUndefined();
    expect(parsePreferenceOp(['up:x'])).toBeUndefined();
  });
});
