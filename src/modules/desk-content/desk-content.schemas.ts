import type { Translated } from '../../platform/db/schema/index.ts';
import { type FormBody, formValues, type ParseResult } from '../../platform/http/forms.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { compareDates, type LocalDate, parseLocalDate } from '../../shared/dates.ts';

/**
 * The news item form: a title and a text per language (Dutch required, it is what a visitor sees
 * where a translation is missing), the first day it is shown and optionally the last. The text is
 * plain text — a blank line starts a paragraph — and is stored as typed, never as HTML. Every
 * message is an i18n key, so the page speaks the user's language.
 */

export const NEWS_LANGUAGES = ['nl', 'fr', 'en'] as const;
export type NewsLanguage = (typeof NEWS_LANGUAGES)[number];

export const LIMITS = { title: 200, body: 10_000 } as const;

export const titleField = (lang: NewsLanguage) => `title_${lang}`;
export const bodyField = (lang: NewsLanguage) => `body_${lang}`;

export type NewsItemInput = {
  title: Translated;
  body: Translated;
  publishFrom: LocalDate;
  publishUntil: LocalDate | null;
};

/** Line breaks as "\n" (a browser sends "\r\n"), no spaces at the ends of the text. */
export const normaliseText = (v: string) => v.replace(/\r\n?/g, '\n').trim();
/** A title is one line: any run of white space (a pasted line break too) becomes one space. */
export const normaliseTitle = (v: string) => v.replace(/\s+/g, ' ').trim();

/** One form's value, the first when sent twice. */
export const single = (body: FormBody, name: string): string | undefined => {
  const v = body[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * A title and a text per language (news items and information pages): Dutch required, a
 * translation whole or not at all. Errors go into `errors`, in the page's order.
 */
export function parseTitleAndBody(values: FormBody, errors: Errors) {
  const title: Partial<Record<NewsLanguage, string>> = {};
  const text: Partial<Record<NewsLanguage, string>> = {};
  for (const lang of NEWS_LANGUAGES) {
    const tName = titleField(lang);
    const bName = bodyField(lang);
    const t = normaliseTitle(single(values, tName) ?? '');
    const b = normaliseText(single(values, bName) ?? '');
    if (t.length > LIMITS.title) errors[tName] = 'tooLong';
    else if (t === '' && (lang === 'nl' || b !== '')) errors[tName] = 'required';
    if (b.length > LIMITS.body) errors[bName] = 'tooLong';
    else if (b === '' && (lang === 'nl' || t !== '')) errors[bName] = 'required';
    if (t !== '') title[lang] = t;
    if (b !== '') text[lang] = b;
  }
  return { title, text };
}

/**
 * Reads the form: the first error per field, in the page's order (so the error summary follows
 * the page), and the values as submitted for the re-rendered form.
 */
export function parseNewsForm(body: unknown): ParseResult<NewsItemInput> {
  const values = formValues(body);
  const errors: Errors = {};
  const { title, text } = parseTitleAndBody(values, errors);

  const fromRaw = (single(values, 'publishFrom') ?? '').trim();
  const publishFrom = parseLocalDate(fromRaw);
  if (fromRaw === '') errors.publishFrom = 'required';
  else if (!publishFrom) errors.publishFrom = 'invalidDate';

  const untilRaw = (single(values, 'publishUntil') ?? '').trim();
  const publishUntil = untilRaw === '' ? null : parseLocalDate(untilRaw);
  if (publishUntil === undefined) errors.publishUntil = 'invalidDate';
  else if (publishUntil && publishFrom && compareDates(publishUntil, publishFrom) < 0)
    errors.publishUntil = 'untilBeforeFrom';

  if (Object.keys(errors).length > 0 || !publishFrom || publishUntil === undefined || !title.nl || !text.nl)
    return { ok: false, form: { values, errors } };
  return {
    ok: true,
    value: {
      title: { ...title, nl: title.nl },
      body: { ...text, nl: text.nl },
      publishFrom,
      publishUntil,
    },
  };
}
