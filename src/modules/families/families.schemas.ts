import { z } from 'zod';
import { checkboxes, requiredText, text } from '../../platform/http/fields.ts';
import { safeRedirectPath } from '../../platform/http/redirects.ts';
import { LANGUAGES } from '../../platform/i18n/index.ts';

export const SITUATIONS = ['working', 'job_seeking', 'training', 'other'] as const;
/**
 * The household facts (ticks) a provider may use for priority (DOMAIN.md, "Priority rules"). The
 * household's income is asked as an amount (yearlyIncome): the rule sets compare it with their
 * threshold; the form never asks a set's conclusion.
 */
export const FAMILY_FACTS = [
  'singleParent',
  'fosterChild',
  'siblingsInCare',
  'needsCareForWork',
  'disabilityOrSocialReason',
  'noSecondaryDiploma',
] as const;
export type FamilyFact = (typeof FAMILY_FACTS)[number];

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'tooLong')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'invalidEmail')
  .optional();

/** '4', '4,5' or '4.5' days a week, 0.5 to 5; empty for unknown. */
const daysPerWeek = z
  .string()
  .trim()
  .refine((v) => {
    if (v === '') return true;
    const n = Number(v.replace(',', '.'));
    return Number.isFinite(n) && n >= 0.5 && n <= 5 && Number.isInteger(n * 2);
  }, 'invalidDaysPerWeek')
  .optional();

/** The highest yearly income the form takes: a larger amount is a typing error. */
export const MAX_YEARLY_INCOME = 9_999_999;

/**
 * A yearly income in whole euros as typed: '28500', '28 500' or '28.500' (dots or spaces between
 * thousands), a euro sign allowed. Undefined when it is not such an amount (cents, letters, a sign).
 */
export function parseYearlyIncome(input: string): number | undefined {
  const v = input.replace(/[€\s\u00a0\u202f]/g, (c) => (c === '€' ? '' : ' ')).trim();
  if (!/^(\d+|\d{1,3}([. ]\d{3})+)$/.test(v)) return undefined;
  // Only digits remain: a finite number, however long (max 40 characters); the schema bounds it.
  return Number(v.replace(/[. ]/g, ''));
}

/** The household's yearly income: empty (not given) or whole euros up to MAX_YEARLY_INCOME. */
const yearlyIncome = z
  .string()
  .trim()
  .max(40, 'invalidIncome')
  .refine((v) => v === '' || parseYearlyIncome(v) !== undefined, 'invalidIncome')
  .refine((v) => (parseYearlyIncome(v) ?? 0) <= MAX_YEARLY_INCOME, 'incomeTooLarge')
  .optional();

export const FamilyForm = z.object({
  parent1FirstName: requiredText(100),
  parent1LastName: requiredText(100),
  parent1NationalNumber: text(20).optional(),
  parent1Phone: text(40).optional(),
  parent1Language: z.enum(LANGUAGES, 'invalidChoice').default('nl'),
  parent1Situation: z.enum(SITUATIONS, 'invalidChoice').optional(),
  parent1DaysPerWeek: daysPerWeek,
  parent2FirstName: text(100).optional(),
  parent2LastName: text(100).optional(),
  parent2NationalNumber: text(20).optional(),
  parent2Email: email,
  parent2Phone: text(40).optional(),
  parent2Language: z.enum(LANGUAGES, 'invalidChoice').default('nl'),
  parent2Situation: z.enum(SITUATIONS, 'invalidChoice').optional(),
  parent2DaysPerWeek: daysPerWeek,
  street: text(200).optional(),
  houseNumber: text(20).optional(),
  postcode: text(10).optional(),
  city: text(100).optional(),
  municipalityId: z.string('required').trim().min(1, 'required'),
  subMunicipalityId: z.string().trim().optional(),
  facts: checkboxes,
  yearlyIncome,
  homeLanguage: text(100).optional(),
  consent: z.enum(['yes'], 'consentRequired'),
  next: z.string().optional(),
});
export type FamilyInput = z.infer<typeof FamilyForm>;

/**
 * The priority facts as the columns store them, from a checked form: the ticks, the income (null
 * when not given) and the moment they were given. Every form that records the facts (the parent's
 * file, an intermediary's new family, the desk) writes them through this.
 */
export function priorityFactColumns(input: Pick<FamilyInput, 'facts' | 'yearlyIncome'>, givenAt: Date) {
  const ticks = Object.fromEntries(FAMILY_FACTS.map((f) => [f, input.facts.includes(f)])) as Record<
    FamilyFact,
    boolean
  >;
  return {
    ...ticks,
    yearlyIncome: input.yearlyIncome ? (parseYearlyIncome(input.yearlyIncome) ?? null) : null,
    priorityFactsGivenAt: givenAt,
  };
}

// '' (nothing chosen) is "not given".
const situation = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.enum(SITUATIONS, 'invalidChoice').optional(),
);

/**
 * A family that staff register (the desk, an intermediary): its parents as the parent's own form
 * has them, but the first parent's e-mail address is optional (phone or e-mail, checked by
 * `checkStaffFamily`), and the address with its sub-municipality. One schema for both forms, so
 * they do not drift apart.
 */
export const StaffFamilyForm = z.object({
  ...FamilyForm.pick({
    parent1FirstName: true,
    parent1LastName: true,
    parent1NationalNumber: true,
    parent1Phone: true,
    parent1Language: true,
    parent1DaysPerWeek: true,
    parent2FirstName: true,
    parent2LastName: true,
    parent2NationalNumber: true,
    parent2Email: true,
    parent2Phone: true,
    parent2Language: true,
    parent2DaysPerWeek: true,
    street: true,
    houseNumber: true,
    postcode: true,
    city: true,
    subMunicipalityId: true,
  }).shape,
  parent1Email: email,
  parent1Situation: situation,
  parent2Situation: situation,
});
export type StaffFamilyInput = z.infer<typeof StaffFamilyForm>;

/** Where to go after saving the family file: only the parent's own pages. */
export function parentNext(next: unknown): string | undefined {
  const path = safeRedirectPath(next);
  return path?.startsWith('/parent/') ? path : undefined;
}
