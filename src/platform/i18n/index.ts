/**
 * Typed message catalogues. Dutch is the reference: French and English must have exactly the same
 * keys and parameter types, so a missing translation does not compile. Each module defines its own
 * catalogue with `defineMessages`; the platform's common texts live in common.ts.
 */
export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

type MessageValue = string | ((...args: never[]) => string) | { readonly [key: string]: MessageValue };

/** The shape a translation must have: same keys, strings for strings, same function signatures. */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : Translation<T[K]>;
};

export type Catalogue<T> = Record<Language, Translation<T>>;

/**
 * Every catalogue defined so far (in the order their files were loaded): the catalogue test
 * renders each text of each one in every language (test/message-catalogues.test.ts).
 */
const DEFINED: { readonly [L in Language]: unknown }[] = [];
export function definedCatalogues(): readonly { readonly [L in Language]: unknown }[] {
  return DEFINED;
}

export function defineMessages<const T extends { readonly [key: string]: MessageValue }>(catalogue: {
  nl: T;
  fr: Translation<T>;
  en: Translation<T>;
}): Catalogue<T> {
  DEFINED.push(catalogue);
  return catalogue as unknown as Catalogue<T>;
}

const reported = new Set<string>();

/**
 * The word for a stored code (a status, a kind, an event type) from a catalogue map. Codes come
 * from the database or old data, so the compiler cannot check them: an unknown code is logged
 * (once) and shown as the given fallback — never the code itself, which reads as a raw key
 * (`child.born`) on a page.
 */
export function wordFor(map: { readonly [code: string]: string }, code: string, fallback: string): string {
  if (Object.hasOwn(map, code)) return map[code] as string;
  if (!reported.has(code)) {
    reported.add(code);
    console.warn(`i18n: no text for code "${code}"; shown as "${fallback}"`);
  }
  return fallback;
}

/** Picks the language: explicit choice (cookie or account), then Accept-Language, then Dutch. */
export function negotiateLanguage(chosen: unknown, acceptLanguage: string | undefined): Language {
  if (isLanguage(chosen)) return chosen;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.find((p) => p.trim().startsWith('q='));
        return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
      })
      .filter((r) => r.q > 0)
      .sort((a, b) => b.q - a.q);
    for (const r of ranked) if (isLanguage(r.lang)) return r.lang;
  }
  return DEFAULT_LANGUAGE;
}

const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

export function locale(lang: Language): string {
  return LOCALES[lang];
}

/**
 * One formatter per language and style, made once: building an Intl formatter per call is slow and
 * holds native (ICU) memory, which made date-heavy pages (the waiting list) slow and the process
 * large (docs/performance.md).
 */
function cached<T>(make: (lang: Language) => T): (lang: Language) => T {
  const made = new Map<Language, T>();
  return (lang) => {
    let formatter = made.get(lang);
    if (!formatter) {
      formatter = make(lang);
      made.set(lang, formatter);
    }
    return formatter;
  };
}

const longDate = cached(
  (lang) =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Brussels',
    }),
);
const dateTime = cached(
  (lang) =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Brussels',
    }),
);
const numbers = cached((lang) => new Intl.NumberFormat(LOCALES[lang]));
const shortDate = cached(
  (lang) =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'Europe/Brussels',
    }),
);

/**
 * A date through a formatter, with the French ordinal for the first day of a month: "1er
 * septembre 2026" (Intl writes "1 septembre"). The other languages write 1 as the others.
 */
function withFirstDay(lang: Language, formatter: Intl.DateTimeFormat, date: Date): string {
  if (lang !== 'fr') return formatter.format(date);
  return formatter
    .formatToParts(date)
    .map((part) => (part.type === 'day' && Number(part.value) === 1 ? '1er' : part.value))
    .join('');
}

/** '2026-11-22' → '22 november 2026' (nl), '22 novembre 2026' (fr), '22 November 2026' (en); '1er' in French. */
export function formatDate(lang: Language, date: string | Date): string {
  const d = typeof date === 'string' ? new Date(`${date.slice(0, 10)}T12:00:00Z`) : date;
  return withFirstDay(lang, longDate(lang), d);
}

export function formatDateTime(lang: Language, instant: Date): string {
  return withFirstDay(lang, dateTime(lang), instant);
}

export function formatNumber(lang: Language, value: number): string {
  return numbers(lang).format(value);
}

/**
 * A label followed by a colon, as each language writes it: "Statut\u00a0:" in French (a no-break
 * space before the colon), "Status:" in Dutch and English.
 */
export function withColon(lang: Language, label: string): string {
  return lang === 'fr' ? `${label}\u00a0:` : `${label}:`;
}

const pluralRules = cached((lang) => new Intl.PluralRules(LOCALES[lang]));

/**
 * The forms of a text that depends on a count. `one` is the singular, `other` the plural; `many`
 * is French for round millions ("1 000 000 de demandes") and falls back to `other`. A `#` in a form
 * becomes the count, written in the language's number format ("1.500" in Dutch).
 */
export type PluralForms = { readonly one: string; readonly other: string; readonly many?: string };

/**
 * The form for a count, chosen by the language's plural rules (Intl.PluralRules), never by
 * `n === 1`: French 0 and 1 take the singular ("0 lieu d’accueil trouvé"), Dutch and English 0
 * the plural ("0 opvanglocaties gevonden"). Values other than the count (names, places) belong
 * outside the forms, so a `#` in them is never replaced.
 */
export function plural(lang: Language, n: number, forms: PluralForms): string {
  const category = pluralRules(lang).select(n);
  const form =
    category === 'one' ? forms.one : category === 'many' ? (forms.many ?? forms.other) : forms.other;
  return form.includes('#') ? form.replaceAll('#', formatNumber(lang, n)) : form;
}

const ordinalRules = cached((lang) => new Intl.PluralRules(LOCALES[lang], { type: 'ordinal' }));

/**
 * The form for a rank ("1er choix", "2e choix" in French), chosen by the language's ordinal rules;
 * `two` and `few` are English ("2nd", "3rd") and fall back to `other`. `#` becomes the rank.
 */
export function ordinal(
  lang: Language,
  n: number,
  forms: { readonly one: string; readonly two?: string; readonly few?: string; readonly other: string },
): string {
  const category = ordinalRules(lang).select(n);
  const form =
    category === 'one' || category === 'two' || category === 'few'
      ? (forms[category] ?? forms.other)
      : forms.other;
  return form.includes('#') ? form.replaceAll('#', formatNumber(lang, n)) : form;
}

/** '2027-02-01' → '01/02/2027' (for tables, where the long form is too wide). */
export function formatShortDate(lang: Language, date: string | Date): string {
  if (typeof date !== 'string') return shortDate(lang).format(date);
  // A list page shows a few hundred dates, mostly the same few: each day is formatted once.
  const key = `${lang}${date.slice(0, 10)}`;
  let text = shortDays.get(key);
  if (text === undefined) {
    text = shortDate(lang).format(new Date(`${date.slice(0, 10)}T12:00:00Z`));
    if (shortDays.size >= 20_000) shortDays.clear();
    shortDays.set(key, text);
  }
  return text;
}

const shortDays = new Map<string, string>();
