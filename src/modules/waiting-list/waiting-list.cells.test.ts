import { describe, expect, it } from 'vitest';
import { cellText } from './waiting-list.cells.ts';

describe('waiting list cells', () => {
  it('write numbers and days the way the page’s language does', () => {
    expect(cellText('nl', 1671)).toBe('1.671');
    expect(cellText('fr', 1671)).toBe('1\u202f671');
    expect(cellText('en', 1671)).toBe('1,671');
    expect(cellText('fr', { date: '2027-02-01' })).toBe('01/02/2027');
    expect(cellText('nl', 'KO-1234')).toBe('KO-1234');
  });
});
