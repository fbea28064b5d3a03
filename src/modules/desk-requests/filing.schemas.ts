import { z } from 'zod';
import { FamilyForm } from '../families/index.ts';

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
