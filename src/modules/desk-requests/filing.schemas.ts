import { z } from 'zod';
import { FamilyForm } from '../families/index.ts';
import { CarePlanForm, MAX_PREFERENCE_FIELDS, NewChildForm, WhenForm } from '../requests/index.ts';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'tooLong')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'invalidEmail')
  .optional();

/** A family that phones or comes by: its parents (how to reach them) and its address. */
export const PhoneFamilyForm = z.object({
  ...FamilyForm.pick({
    parent1FirstName: true,
    parent1LastName: true,
    parent1Phone: true,
    parent1Language: true,
    parent2FirstName: true,
    parent2LastName: true,
    parent2Email: true,
    parent2Phone: true,
    parent2Language: true,
    street: true,
    houseNumber: true,
    postcode: true,
    city: true,
    subMunicipalityId: true,
  }).shape,
  parent1Email: email,
});
export type PhoneFamilyInput = z.infer<typeof PhoneFamilyForm>;

const preferenceFields = Object.fromEntries(
  Array.from({ length: MAX_PREFERENCE_FIELDS }, (_, i) => [
    `preference${i + 1}`,
    z.string().trim().optional(),
  ]),
) as Record<`preference${1 | 2 | 3 | 4 | 5}`, z.ZodOptional<z.ZodString>>;

/** The parent's wizard on one page: the child, the dates, the care plan and the preferences. */
export const PhoneRequestForm = z.object({
  submissionKey: z.string().uuid('notAllowedNow'),
  ...NewChildForm.shape,
  ...WhenForm.shape,
  ...CarePlanForm.shape,
  ...preferenceFields,
});
export type PhoneRequestInput = z.infer<typeof PhoneRequestForm>;
