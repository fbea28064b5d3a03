import { describe, expect, it, vi } from 'vitest';
import { type ErrorKey, errorText } from './common.ts';
import { formatDate, negotiateLanguage, wordFor } from './index.ts';

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

describe('lookups that cannot show a raw key', () => {
  it('shows a logged fallback for an unknown code or error key, never the key', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(wordFor({ 'child.born': 'Geboren' }, 'child.born', 'Wijziging')).toBe('Geboren');
    expect(wordFor({ 'child.born': 'Geboren' }, 'child.renamed', 'Wijziging')).toBe('Wijziging');
    expect(errorText('fr', 'required')).toBe('Remplissez ce champ.');
    expect(errorText('nl', 'no.suchKey' as ErrorKey)).toBe('Deze stap is nu niet mogelijk.');
    expect(errorText('en', { key: 'tooManyPreferences', max: 5 })).toBe(
      'You can choose at most 5 childcare locations.',
    );
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
