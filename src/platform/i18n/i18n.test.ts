import { describe, expect, it } from 'vitest';
import { formatDate, negotiateLanguage } from './index.ts';

describe('language negotiation', () => {
  it('prefers an explicit choice, then Accept-Language by weight, then Dutch', () => {
    expect(negotiateLanguage('en', 'fr-BE,fr;q=0.9')).toBe('en');
    expect(negotiateLanguage(undefined, 'de-DE,en;q=0.5,fr;q=0.8')).toBe('fr');
    expect(negotiateLanguage(undefined, 'de-DE,es;q=0.5')).toBe('nl');
    expect(negotiateLanguage('xx', undefined)).toBe('nl');
    expect(negotiateLanguage(undefined, 'fr;q=0,en;q=0.1')).toBe('en');
  });

  it('formats dates the Belgian way in each language', () => {
    expect(formatDate('nl', '2027-02-01')).toBe('1 februari 2027');
    expect(formatDate('fr', '2027-02-01')).toBe('1 février 2027');
    expect(formatDate('en', '2027-02-01')).toBe('1 February 2027');
  });
});
