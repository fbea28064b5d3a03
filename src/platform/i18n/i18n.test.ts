import { describe, expect, it, vi } from 'vitest';
import { type ErrorKey, errorText } from './common.ts';
import { formatDate, formatDateTime, negotiateLanguage, ordinal, plural, wordFor } from './index.ts';
import { homeLanguageName } from './spoken-languages.ts';

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
    expect(formatDate('fr', '2027-02-01')).toBe('1er février 2027');
    expect(formatDate('en', '2027-02-01')).toBe('1 February 2027');
  });

  it('writes the first day of a month as "1er" in French only', () => {
    expect(formatDate('fr', '2026-09-01')).toBe('1er septembre 2026');
    expect(formatDate('fr', '2026-09-11')).toBe('11 septembre 2026');
    expect(formatDate('fr', '2026-09-21')).toBe('21 septembre 2026');
    expect(formatDate('nl', '2026-09-01')).toBe('1 september 2026');
    expect(formatDateTime('fr', new Date('2026-09-01T08:30:00Z'))).toMatch(/^1er sept\. 2026/);
    expect(formatDateTime('fr', new Date('2026-09-10T08:30:00Z'))).toMatch(/^10 sept\. 2026/);
  });
});

describe('plurals', () => {
  const found = { one: '# lieu d’accueil trouvé', other: '# lieux d’accueil trouvés' };

  it('takes the singular for 0 and 1 in French', () => {
    expect(plural('fr', 0, found)).toBe('0 lieu d’accueil trouvé');
    expect(plural('fr', 1, found)).toBe('1 lieu d’accueil trouvé');
    expect(plural('fr', 2, found)).toBe('2 lieux d’accueil trouvés');
  });

  it('takes the plural for 0 in Dutch and English', () => {
    const nl = { one: '# opvanglocatie gevonden', other: '# opvanglocaties gevonden' };
    expect(plural('nl', 0, nl)).toBe('0 opvanglocaties gevonden');
    expect(plural('nl', 1, nl)).toBe('1 opvanglocatie gevonden');
    expect(plural('en', 0, { one: '# location', other: '# locations' })).toBe('0 locations');
    expect(plural('en', 1, { one: '# location', other: '# locations' })).toBe('1 location');
  });

  it('writes the count in the language’s number format', () => {
    expect(plural('nl', 1500, { one: '# aanvraag', other: '# aanvragen' })).toBe('1.500 aanvragen');
    expect(plural('fr', 1500, { one: '# demande', other: '# demandes' })).toBe('1\u202f500 demandes');
    expect(plural('en', 1500, { one: '# request', other: '# requests' })).toBe('1,500 requests');
    expect(plural('fr', 1_000_000, { one: '# demande', other: '# demandes', many: '# de demandes' })).toBe(
      '1\u202f000\u202f000 de demandes',
    );
    expect(plural('fr', 1_000_000, { one: '# demande', other: '# demandes' })).toBe(
      '1\u202f000\u202f000 demandes',
    );
  });
});

describe('ordinals', () => {
  it('writes 1er and 2e in French', () => {
    const choice = { one: '#er choix', other: '#e choix' };
    expect([1, 2, 11, 21].map((n) => ordinal('fr', n, choice))).toEqual([
      '1er choix',
      '2e choix',
      '11e choix',
      '21e choix',
    ]);
    const en = { one: '#st', two: '#nd', few: '#rd', other: '#th' };
    expect([1, 2, 3, 4, 11, 22].map((n) => ordinal('en', n, en))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '22nd',
    ]);
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

describe('home languages', () => {
  it('name a stored code in the page’s language and keep what a family typed', () => {
    expect(['ar', 'tr', 'pl', 'ber'].map((c) => homeLanguageName('nl', c))).toEqual([
      'Arabisch',
      'Turks',
      'Pools',
      'Berbers',
    ]);
    expect(['ar', 'tr', 'ber'].map((c) => homeLanguageName('fr', c))).toEqual(['arabe', 'turc', 'berbère']);
    expect(homeLanguageName('en', 'ar')).toBe('Arabic');
    expect(homeLanguageName('fr', 'Arabisch en Frans')).toBe('Arabisch en Frans');
    expect(homeLanguageName('en', 'qqq')).toBe('qqq');
  });
});
