import { z } from 'zod';
import type { Translated } from '../../platform/db/schema/index.ts';
import { type FormBody, formValues, type ParseResult } from '../../platform/http/forms.ts';
import type { Errors, FieldError } from '../../platform/i18n/common.ts';
import { compareDates, type LocalDate, parseLocalDate } from '../../shared/dates.ts';
import { AA_NORMAL_TEXT, contrastRatio, normaliseHex, WHITE } from '../public-site/index.ts';
import { MAX_PREFERENCE_FIELDS } from '../requests/index.ts';

/**
 * The desk's settings form. Not a plain zod object: its sub-municipality rows depend on the
 * municipality, a number's message names its bounds, and a refused colour its measured contrast.
 * Every message is an i18n key (with its parameters), so the page speaks the user's language.
 */

/** The rules, in the order of the page, with the bounds a desk may choose within. */
export const RULES = {
  emergencyWindowDays: { min: 1, max: 90 },
  maxPreferences: { min: 1, max: MAX_PREFERENCE_FIELDS },
  offerDeadlineDays: { min: 1, max: 60 },
  firstAnswerDays: { min: 1, max: 90 },
  confirmationIntervalMonths: { min: 1, max: 12 },
  maxMonthsAhead: { min: 1, max: 36 },
  unansweredGraceDays: { min: 0, max: 180 },
} as const;
export type RuleName = keyof typeof RULES;
export const RULE_NAMES = Object.keys(RULES) as RuleName[];

export const TEXT_LANGUAGES = ['nl', 'fr', 'en'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** Children aged 0–3 in one sub-municipality: Flanders' largest city has some 20,000. */
export const MAX_CHILDREN = 100_000;

const LIMITS = { email: 200, phone: 40, address: 300, hours: 1000, url: 1000 } as const;

export const openingHoursField = (lang: TextLanguage) => `openingHours_${lang}`;
export const childrenField = (subId: string) => `children_${subId}`;
export const childrenDateField = (subId: string) => `childrenDate_${subId}`;

export type FigureInput = { id: string; children0to3: number | null; children0to3Date: string | null };

export type SettingsInput = {
  rules: Record<RuleName, number>;
  deskEmail: string | null;
  deskPhone: string | null;
  deskAddress: string | null;
  deskOpeningHours: Translated | null;
  logoUrl: string | null;
  brandColour: string | null;
  /** Out-of-school care chosen in requests through the desk; undefined: not in the form, unchanged. */
  outOfSchoolRequests: boolean | undefined;
  /** Only the rows the form sent (a row added since the page was shown keeps its figure). */
  figures: FigureInput[];
};

/** What the form needs to know besides the body. */
export type SettingsFormContext = {
  subMunicipalityIds: readonly string[];
  /** The stored logo: sent back unchanged it stays, even when it is not an https address (a demo's data: image). */
  currentLogo: string | null;
  today: LocalDate;
};

const single = (body: FormBody, name: string): string | undefined => {
  const v = body[name];
  return Array.isArray(v) ? v[0] : v;
};

function wholeNumber(raw: string | undefined, min: number, max: number): number | undefined {
  const v = (raw ?? '').trim();
  if (!/^\d{1,7}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

const isEmail = (v: string) => z.email().safeParse(v).success;
const isPhone = (v: string) => /^\+?[0-9][0-9 ./-]{5,}$/.test(v);

function isHttpsUrl(v: string): boolean {
  try {
    const url = new URL(v);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** A brand colour: '#rrggbb' (lower-cased), refused when white text on it stays under 4.5:1. */
export function checkBrandColour(
  raw: string,
): { ok: true; value: string } | { ok: false; error: FieldError } {
  const hex = /^#[0-9a-f]{6}$/i.test(raw) ? normaliseHex(raw) : undefined;
  if (!hex) return { ok: false, error: 'invalidColour' };
  const ratio = contrastRatio(hex, WHITE);
  if (ratio < AA_NORMAL_TEXT)
    return { ok: false, error: { key: 'contrastTooLow', ratio, required: AA_NORMAL_TEXT } };
  return { ok: true, value: hex };
}

/**
 * Reads the form: the first error per field, in the page's order (so the error summary follows
 * the page), and the values as submitted for the re-rendered form.
 */
export function parseSettingsForm(body: unknown, context: SettingsFormContext): ParseResult<SettingsInput> {
  const values = formValues(body);
  const errors: Errors = {};
  const text = (name: string, max: number): string | null => {
    const v = (single(values, name) ?? '').trim();
    if (v.length > max) errors[name] = 'tooLong';
    return v === '' ? null : v;
  };

  const rules = {} as Record<RuleName, number>;
  for (const name of RULE_NAMES) {
    const { min, max } = RULES[name];
    const n = wholeNumber(single(values, name), min, max);
    if (n === undefined) errors[name] = { key: 'numberBetween', min, max };
    else rules[name] = n;
  }

  const deskEmail = text('deskEmail', LIMITS.email);
  if (deskEmail && !errors.deskEmail && !isEmail(deskEmail)) errors.deskEmail = 'invalidEmail';
  const deskPhone = text('deskPhone', LIMITS.phone);
  if (deskPhone && !errors.deskPhone && !isPhone(deskPhone)) errors.deskPhone = 'invalidPhone';
  const deskAddress = text('deskAddress', LIMITS.address);

  const hours = Object.fromEntries(
    TEXT_LANGUAGES.map((lang) => [lang, text(openingHoursField(lang), LIMITS.hours)]),
  ) as Record<TextLanguage, string | null>;
  // The stored shape has Dutch as its base text: a translation alone has nothing to fall back on.
  if (!hours.nl && (hours.fr || hours.en)) errors[openingHoursField('nl')] ??= 'dutchTextRequired';
  const deskOpeningHours: Translated | null = hours.nl
    ? { nl: hours.nl, ...(hours.fr ? { fr: hours.fr } : {}), ...(hours.en ? { en: hours.en } : {}) }
    : null;

  const logoUrl = text('logoUrl', LIMITS.url);
  if (logoUrl && !errors.logoUrl && logoUrl !== context.currentLogo && !isHttpsUrl(logoUrl))
    errors.logoUrl = 'invalidUrl';

  let brandColour: string | null = null;
  const colour = text('brandColour', 20);
  if (colour && !errors.brandColour) {
    const checked = checkBrandColour(colour);
    if (checked.ok) brandColour = checked.value;
    else errors.brandColour = checked.error;
  }

  const outOfSchool = single(values, 'outOfSchoolRequests');
  if (outOfSchool !== undefined && outOfSchool !== 'on' && outOfSchool !== 'off')
    errors.outOfSchoolRequests = 'invalidChoice';
  const outOfSchoolRequests = outOfSchool === undefined ? undefined : outOfSchool === 'on';

  const figures: FigureInput[] = [];
  for (const id of context.subMunicipalityIds) {
    const countName = childrenField(id);
    const dateName = childrenDateField(id);
    if (values[countName] === undefined && values[dateName] === undefined) continue;
    const rawCount = (single(values, countName) ?? '').trim();
    const rawDate = (single(values, dateName) ?? '').trim();
    let children0to3: number | null = null;
    let children0to3Date: string | null = null;
    if (rawCount !== '') {
      const n = wholeNumber(rawCount, 0, MAX_CHILDREN);
      if (n === undefined) errors[countName] = { key: 'numberBetween', min: 0, max: MAX_CHILDREN };
      else children0to3 = n;
    }
    if (rawDate !== '') {
      const date = parseLocalDate(rawDate);
      if (!date) errors[dateName] = 'invalidDate';
      else if (compareDates(date, context.today) > 0) errors[dateName] = 'dateInFuture';
      else children0to3Date = date;
    }
    // A figure without its date (or a date without a figure) says nothing: both or neither.
    if (rawCount !== '' && rawDate === '') errors[dateName] ??= 'required';
    if (rawDate !== '' && rawCount === '') errors[countName] ??= 'required';
    figures.push({ id, children0to3, children0to3Date });
  }

  if (Object.keys(errors).length > 0) {
    const order = [
      ...RULE_NAMES,
      'outOfSchoolRequests',
      'deskEmail',
      'deskPhone',
      'deskAddress',
      ...TEXT_LANGUAGES.map(openingHoursField),
      'logoUrl',
      'brandColour',
      ...context.subMunicipalityIds.flatMap((id) => [childrenField(id), childrenDateField(id)]),
    ];
    const ordered: Errors = {};
    for (const name of order) {
      const error = errors[name];
      if (error) ordered[name] = error;
    }
    return { ok: false, form: { values, errors: ordered } };
  }
  return {
    ok: true,
    value: {
      rules,
      deskEmail,
      deskPhone,
      deskAddress,
      deskOpeningHours,
      logoUrl,
      brandColour,
      outOfSchoolRequests,
      figures,
    },
  };
}
