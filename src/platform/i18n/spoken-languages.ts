import { defineMessages, type Language, locale, wordFor } from './index.ts';

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

/** Home languages Intl.DisplayNames does not name (CLDR has no name for the code). */
const moreLanguageNames = defineMessages({
  nl: { ber: 'Berbers' },
  fr: { ber: 'berbère' },
  en: { ber: 'Berber' },
});

const displayNames = new Map<Language, Intl.DisplayNames>();

/**
 * A family's home language by name: the field is free text ("Arabisch"), but older data and
 * imports hold ISO 639 codes ("ar", "ber"), which read as a raw code on a page. A code is named in
 * the page's language by Intl.DisplayNames ("Arabisch", "arabe", "Arabic"); a code it does not
 * know and any other text are shown as they are.
 */
export function homeLanguageName(lang: Language, value: string): string {
  const text = value.trim();
  if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(text)) return text;
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames(locale(lang), { type: 'language', fallback: 'code' });
    displayNames.set(lang, names);
  }
  const more: { readonly [code: string]: string } = moreLanguageNames[lang];
  if (Object.hasOwn(more, text)) return more[text] as string;
  try {
    return names.of(text) ?? text;
  } catch {
    return text;
  }
}
