import { z } from 'zod';
import { text } from '../../platform/http/fields.ts';
import { LANGUAGES } from '../../platform/i18n/index.ts';
import { parseLocalDate } from '../../shared/dates.ts';
import { FamilyForm, SITUATIONS } from '../families/index.ts';
import { CarePlanForm, MAX_PREFERENCE_FIELDS, NewChildForm, WhenForm } from '../requests/index.ts';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'tooLong')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'invalidEmail')
  .optional();

// '' (nothing chosen) is "not given".
const situation = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.enum(SITUATIONS, 'invalidChoice').optional(),
);

const preferenceFields = Object.fromEntries(
  Array.from({ length: MAX_PREFERENCE_FIELDS }, (_, i) => [
    `preference${i + 1}`,
    z.string().trim().optional(),
  ]),
) as Record<`preference${1 | 2 | 3 | 4 | 5}`, z.ZodOptional<z.ZodString>>;

/**
 * Staff file a family and its first request in one form (works without JavaScript): the family
 * file as the parent's own form has it (one or two parents, the first reachable by phone or e-mail;
 * the address with its sub-municipality), the family's consent with its date, then the child,
 * dates, care plan and preferences of the parent's wizard.
 */
export const OnBehalfForm = z.object({
  submissionKey: z.string().uuid('notAllowedNow'),
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
    municipalityId: true,
    subMunicipalityId: true,
    facts: true,
    homeLanguage: true,
  }).shape,
  parent1Email: email,
  parent1Situation: situation,
  parent2Situation: situation,
  consent: z.enum(['yes'], 'familyConsentRequired'),
  consentDate: z
    .string('required')
    .trim()
    .min(1, 'required')
    .refine((v) => parseLocalDate(v) !== undefined, 'invalidDate'),
  ...NewChildForm.shape,
  ...WhenForm.shape,
  ...CarePlanForm.shape,
  ...preferenceFields,
});
export type OnBehalfInput = z.infer<typeof OnBehalfForm>;

export const HandOverForm = z.object({
  email: z
    .string('required')
    .trim()
    .toLowerCase()
    .min(1, 'required')
    .max(254, 'tooLong')
    .email('invalidEmail'),
  language: z.enum(LANGUAGES, 'invalidChoice').default('nl'),
});
export type HandOverInput = z.infer<typeof HandOverForm>;

export const TakeOverForm = z.object({ token: text(200) });

/** The family's answer to an offer, given by phone and recorded by staff. */
export const OfferAnswerForm = z.object({
  answer: z.enum(['accept', 'decline'], 'invalidChoice'),
  keepHigher: z.enum(['yes', 'no'], 'invalidChoice').optional(),
});
export type OfferAnswerInput = z.infer<typeof OfferAnswerForm>;
