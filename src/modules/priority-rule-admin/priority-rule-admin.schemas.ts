import type { Translated } from '../../platform/db/schema/index.ts';
import { type FormBody, formValues, type ParseResult } from '../../platform/http/forms.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { compareDates, type LocalDate, parseLocalDate } from '../../shared/dates.ts';
import { PRIORITY_CRITERIA, type PriorityCriterion, type RuleSet } from '../priority-rules/index.ts';

/**
 * The rule set form (add a set, or correct one with a new version): its name per language (Dutch
 * required), its source, several validity periods (a set may apply twice, as the rules
 * before 1 April 2024 do), the criteria of the vocabulary, the vulnerable-family rule, the shares
 * and the yearly income thresholds. Every message is an i18n key.
 */

export const NAME_LANGUAGES = ['nl', 'fr', 'en'] as const;
/** Period rows the form shows at least, and at most (a stored set with more is not expected). */
export const PERIOD_SLOTS = 3;
export const MAX_PERIOD_SLOTS = 10;
export const nameField = (lang: (typeof NAME_LANGUAGES)[number]) => `name_${lang}`;
export const fromField = (slot: number) => `from_${slot}`;
export const untilField = (slot: number) => `until_${slot}`;

/** The key the income threshold has in a set's yearly amounts (priority_rule_sets.yearly_amounts). */
export const INCOME_THRESHOLD = 'incomeThreshold';

export type Period = { validFrom: LocalDate; validUntil: LocalDate | null };

export type RuleSetDraft = {
  name: Translated;
  sourceReference: string;
  sourceUrl: string | null;
  periods: Period[];
  criteria: PriorityCriterion[];
  absoluteCriteria: PriorityCriterion[];
  vulnerable: { characteristics: PriorityCriterion[]; minimum: number; requiredAmong: PriorityCriterion[] };
  reservedSharePercent: number;
  deviationSharePercent: number | null;
  /** Year → income threshold in whole euros. */
  incomeThresholds: Record<string, number>;
  /** For a correction: the version the form started from (a newer one refuses the save). */
  baseVersion: number | null;
};

const single = (body: FormBody, name: string): string =>
  (Array.isArray(body[name]) ? body[name][0] : body[name]) ?? '';
const many = (body: FormBody, name: string): string[] => {
  const v = body[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** Checkbox values in the vocabulary's order; undefined when one is not a known criterion. */
function criteriaOf(body: FormBody, name: string): PriorityCriterion[] | undefined {
  const chosen = many(body, name);
  if (chosen.some((c) => !(PRIORITY_CRITERIA as readonly string[]).includes(c))) return undefined;
  return PRIORITY_CRITERIA.filter((c) => chosen.includes(c));
}

/** A whole number in [min, max], or undefined. */
function wholeNumber(raw: string, min: number, max: number): number | undefined {
  if (!/^\d{1,3}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

/** "2025: 32000" per line (spaces in the amount allowed: "32 000"); undefined on any bad line. */
export function parseIncomeThresholds(raw: string): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const line of raw.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const m = /^(\d{4})\s*[:=]\s*([\d\s\u00a0\u202f]{1,12})\s*(?:€|EUR)?$/i.exec(trimmed);
    if (!m) return undefined;
    const year = m[1] as string;
    const amount = Number((m[2] as string).replace(/[\s\u00a0\u202f]/g, ''));
    if (Number(year) < 2000 || Number(year) > 2100 || !Number.isSafeInteger(amount) || amount <= 0)
      return undefined;
    if (year in out) return undefined;
    out[year] = amount;
  }
  return out;
}

export function incomeThresholdsText(thresholds: Record<string, number>): string {
  return Object.keys(thresholds)
    .sort()
    .map((year) => `${year}: ${thresholds[year]}`)
    .join('\n');
}

const overlaps = (a: Period, b: Period) =>
  (a.validUntil === null || compareDates(b.validFrom, a.validUntil) <= 0) &&
  (b.validUntil === null || compareDates(a.validFrom, b.validUntil) <= 0);

/**
 * Reads the form: the first error per field, in the page's order (so the error summary follows
 * the page), and the values as submitted for the re-rendered form.
 */
export function parseRuleSetForm(body: unknown): ParseResult<RuleSetDraft> {
  const values = formValues(body);
  const errors: Errors = {};

  const name: Partial<Translated> = {};
  for (const lang of NAME_LANGUAGES) {
    const v = single(values, nameField(lang)).replace(/\s+/g, ' ').trim();
    if (v.length > 200) errors[nameField(lang)] = 'tooLong';
    else if (v === '' && lang === 'nl') errors[nameField(lang)] = 'required';
    if (v !== '') name[lang] = v;
  }
  const sourceReference = single(values, 'sourceReference').trim();
  if (sourceReference === '') errors.sourceReference = 'required';
  else if (sourceReference.length > 2000) errors.sourceReference = 'tooLong';
  const url = single(values, 'sourceUrl').trim();
  if (url.length > 500) errors.sourceUrl = 'tooLong';
  else if (url !== '' && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) errors.sourceUrl = 'invalidUrl';

  const periods: Period[] = [];
  for (let slot = 1; slot <= MAX_PERIOD_SLOTS; slot++) {
    const fromRaw = single(values, fromField(slot)).trim();
    const untilRaw = single(values, untilField(slot)).trim();
    if (fromRaw === '' && untilRaw === '' && slot > 1) continue;
    const validFrom = parseLocalDate(fromRaw);
    const validUntil = untilRaw === '' ? null : parseLocalDate(untilRaw);
    if (fromRaw === '') errors[fromField(slot)] = 'required';
    else if (!validFrom) errors[fromField(slot)] = 'invalidDate';
    if (validUntil === undefined) errors[untilField(slot)] = 'invalidDate';
    else if (validUntil && validFrom && compareDates(validUntil, validFrom) < 0)
      errors[untilField(slot)] = 'untilBeforeFrom';
    if (!validFrom || validUntil === undefined || errors[untilField(slot)]) continue;
    const period = { validFrom, validUntil };
    if (periods.some((p) => overlaps(p, period))) errors[fromField(slot)] = 'periodsOverlap';
    else periods.push(period);
  }

  const criteria = criteriaOf(values, 'criteria');
  if (!criteria) errors.criteria = 'invalidChoice';
  else if (criteria.length === 0) errors.criteria = 'noCriterion';
  const absoluteCriteria = criteriaOf(values, 'absoluteCriteria');
  if (!absoluteCriteria) errors.absoluteCriteria = 'invalidChoice';
  else if (criteria && absoluteCriteria.some((c) => !criteria.includes(c)))
    errors.absoluteCriteria = 'absoluteNotCriterion';

  const characteristics = criteriaOf(values, 'vulnerableCharacteristics');
  if (!characteristics) errors.vulnerableCharacteristics = 'invalidChoice';
  const minimum = wholeNumber(single(values, 'vulnerableMinimum').trim(), 1, PRIORITY_CRITERIA.length);
  if (minimum === undefined)
    errors.vulnerableMinimum = { key: 'numberBetween', min: 1, max: PRIORITY_CRITERIA.length };
  else if (characteristics && characteristics.length > 0 && minimum > characteristics.length)
    errors.vulnerableMinimum = 'vulnerableMinimumTooHigh';
  const requiredAmong = criteriaOf(values, 'vulnerableRequiredAmong');
  if (!requiredAmong) errors.vulnerableRequiredAmong = 'invalidChoice';
  else if (characteristics && requiredAmong.some((c) => !characteristics.includes(c)))
    errors.vulnerableRequiredAmong = 'requiredNotCharacteristic';

  const reserved = wholeNumber(single(values, 'reservedSharePercent').trim(), 0, 100);
  if (reserved === undefined) errors.reservedSharePercent = { key: 'numberBetween', min: 0, max: 100 };
  const deviationRaw = single(values, 'deviationSharePercent').trim();
  const deviation = deviationRaw === '' ? null : wholeNumber(deviationRaw, 0, 100);
  if (deviation === undefined) errors.deviationSharePercent = { key: 'numberBetween', min: 0, max: 100 };

  const incomeThresholds = parseIncomeThresholds(single(values, 'incomeThresholds'));
  if (!incomeThresholds) errors.incomeThresholds = 'yearlyAmountsInvalid';

  const baseRaw = single(values, 'baseVersion').trim();
  const baseVersion = baseRaw === '' ? null : wholeNumber(baseRaw, 1, 999);
  if (baseVersion === undefined) errors.form = 'ruleSetChangedMeanwhile';

  if (
    Object.keys(errors).length > 0 ||
    !name.nl ||
    !criteria ||
    !absoluteCriteria ||
    !characteristics ||
    minimum === undefined ||
    !requiredAmong ||
    reserved === undefined ||
    deviation === undefined ||
    !incomeThresholds ||
    baseVersion === undefined
  )
    return { ok: false, form: { values, errors } };
  return {
    ok: true,
    value: {
      name: { ...name, nl: name.nl },
      sourceReference,
      sourceUrl: url === '' ? null : url,
      periods,
      criteria,
      absoluteCriteria,
      vulnerable: { characteristics, minimum, requiredAmong },
      reservedSharePercent: reserved,
      deviationSharePercent: deviation,
      incomeThresholds,
      baseVersion,
    },
  };
}

/** The form prefilled from a set's newest version (all of its periods), for a correction. */
export function storedValues(
  periods: (RuleSet & { yearlyAmounts: Record<string, Record<string, number>> })[],
): FormState['values'] {
  const first = periods[0];
  if (!first) return {};
  const sorted = [...periods].sort((a, b) => compareDates(a.validFrom, b.validFrom));
  const thresholds: Record<string, number> = {};
  for (const [year, amounts] of Object.entries(first.yearlyAmounts)) {
    const amount = amounts[INCOME_THRESHOLD];
    if (typeof amount === 'number') thresholds[year] = amount;
  }
  return {
    ...Object.fromEntries(NAME_LANGUAGES.map((l) => [nameField(l), first.name[l] ?? ''])),
    sourceReference: first.sourceReference,
    sourceUrl: first.sourceUrl ?? '',
    ...Object.fromEntries(
      sorted.flatMap((p, i) => [
        [fromField(i + 1), p.validFrom],
        [untilField(i + 1), p.validUntil ?? ''],
      ]),
    ),
    criteria: first.criteria,
    absoluteCriteria: first.absoluteCriteria,
    vulnerableCharacteristics: first.vulnerable.characteristics,
    vulnerableMinimum: String(first.vulnerable.minimum),
    vulnerableRequiredAmong: first.vulnerable.requiredAmong,
    reservedSharePercent: String(first.reservedSharePercent),
    deviationSharePercent: first.deviationSharePercent === null ? '' : String(first.deviationSharePercent),
    incomeThresholds: incomeThresholdsText(thresholds),
    baseVersion: String(first.version),
  };
}
