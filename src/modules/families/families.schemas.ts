import { z } from 'zod';
import { checkboxes, requiredText, text } from '../../platform/http/fields.ts';
import { safeRedirectPath } from '../../platform/http/redirects.ts';
import { LANGUAGES } from '../../platform/i18n/index.ts';

export const SITUATIONS = ['working', 'job_seeking', 'training', 'other'] as const;
/** The household facts a provider may use for priority (DOMAIN.md, "Priority rules"). */
export const FAMILY_FACTS = [
  'singleParent',
  'lowIncome',
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
  homeLanguage: text(100).optional(),
  consent: z.enum(['yes'], 'consentRequired'),
  next: z.string().optional(),
});
export type FamilyInput = z.infer<typeof FamilyForm>;

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
