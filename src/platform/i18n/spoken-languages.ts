import { defineMessages, type Language } from './index.ts';

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

/** A stored language code's name; an unknown code (from older data) is shown as it is. */
export function spokenLanguageName(lang: Language, code: string): string {
  const names: Record<string, string> = spokenLanguageNames[lang];
  return names[code] ?? code;
}
