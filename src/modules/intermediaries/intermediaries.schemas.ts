import { z } from 'zod';
import { text } from '../../platform/http/fields.ts';
import { LANGUAGES } from '../../platform/i18n/index.ts';
import { parseLocalDate } from '../../shared/dates.ts';
import { FamilyForm, StaffFamilyForm } from '../families/index.ts';

/**
 * Staff register a family their organisation follows (works without JavaScript): the parents and
 * the address as the desk's form has them (`StaffFamilyForm`: one or two parents, the first
 * reachable by phone or e-mail), the municipality of the desk, the household facts and home
 * language, and the family's consent with its date. Its request follows in the parent's own
 * wizard. The hidden `submissionKey` makes a repeated post find the family it created.
 */
export const NewFamilyForm = StaffFamilyForm.extend({
  submissionKey: z.uuid('notAllowedNow'),
  ...FamilyForm.pick({ municipalityId: true, facts: true, yearlyIncome: true, homeLanguage: true }).shape,
  consent: z.enum(['yes'], 'familyConsentRequired'),
  consentDate: z
    .string('required')
    .trim()
    .min(1, 'required')
    .refine((v) => parseLocalDate(v) !== undefined, 'invalidDate'),
});
export type NewFamilyInput = z.infer<typeof NewFamilyForm>;

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
