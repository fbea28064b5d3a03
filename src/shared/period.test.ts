import { describe, expect, it } from 'vitest';
import { localDate } from './dates.ts';
import { parsePeriod } from './period.ts';

const fallback = { from: localDate('2026-01-01'), to: localDate('2026-12-07') };

describe('parsePeriod', () => {
  it('falls back per field to the given period when the query leaves a day out', () => {
    expect(parsePeriod({ to: '2026-06-30' }, fallback)).toEqual({
      period: { from: '2026-01-01', to: '2026-06-30' },
      values: { from: '2026-01-01', to: '2026-06-30' },
      errors: {},
    });
  });

  it('reports a wrong day and an end before the start, keeping what was typed', () => {
    const wrong = parsePeriod({ from: ['31-02-2026', 'x'], to: ' 2026-03-01 ' }, fallback);
    expect(wrong.errors).toEqual({ from: 'invalidDate' });
    expect(wrong.values).toEqual({ from: '31-02-2026', to: '2026-03-01' });
    expect(wrong.period).toEqual({ from: '2026-01-01', to: '2026-03-01' });
    expect(parsePeriod({ from: '2026-05-02', to: '2026-05-01' }, fallback).errors).toEqual({
      to: 'endBeforeStart',
    });
  });
});
