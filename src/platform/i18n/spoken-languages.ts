import { defineMessages, type Language, wordFor } from './index.ts';

/**
 * Languages a provider speaks with parents (shown on profiles, filtered on in the search) — more
 * than the three the site itself is written in.
 */
export const SPOKEN_LANGUAGES = ['nl', 'fr', 'en', 'de', 'es', 'it', 'pl', 'ro', 'tr', 'ar'] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

/** The spoken languages' names, in each language of the site. */
export const spokenLanguageNames = defineMessages({
  nl: {
    nl: 'Nederlands',
    fr: 'Frans',
    en: 'Engels',
    de: 'Duits',
    es: 'Spaans',
    it: 'Italiaans',
    pl: 'Pools',
    ro: 'Roemeens',
    tr: 'Turks',
    ar: 'Arabisch',
  },
  fr: {
    nl: 'néerlandais',
    fr: 'français',
    en: 'anglais',
    de: 'allemand',
    es: 'espagnol',
    it: 'italien',
    pl: 'polonais',
    ro: 'roumain',
    tr: 'turc',
    ar: 'arabe',
  },
  en: {
    nl: 'Dutch',
    fr: 'French',
    en: 'English',
    de: 'German',
    es: 'Spanish',
    it: 'Italian',
    pl: 'Polish',
    ro: 'Romanian',
    tr: 'Turkish',
    ar: 'Arabic',
  },
});

/**
 * A stored language code's name. An unknown code (from older data) is an ISO code, which names the
 * language to a reader better than nothing: it is shown as it is, and logged (wordFor).
 */
export function spokenLanguageName(lang: Language, code: string): string {
  return wordFor(spokenLanguageNames[lang], code, code);
}
