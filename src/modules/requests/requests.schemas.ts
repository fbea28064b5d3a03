import { z } from 'zod';

import { checkboxes, date, optionalDate, requiredText, text } from '../../platform/http/fields.ts';
import { WEEKDAYS } from '../../shared/dates.ts';

const dayPart = z.enum(['none', 'half', 'full'], 'invalidChoice').default('none');

export const MAX_PREFERENCE_FIELDS = 5;

export const DAY_FIELDS = WEEKDAYS.map((d) => `day_${d}` as const);

/** A child, born or unborn (wizard step 1, or the legacy form). */
export const NewChildForm = z.object({
  childFirstName: text(100).optional(),
  childLastName: requiredText(100),
  childBorn: z.enum(['yes', 'no'], 'invalidChoice'),
  birthDate: optionalDate,
  expectedBirthDate: optionalDate,
  nationalNumber: text(20).optional(),
});
export type NewChildInput = z.infer<typeof NewChildForm>;

/** Wizard step 1: one of the family's children, or 'new' with the fields of NewChildForm. */
export const ChildChoiceForm = z.object({
  childId: z.string('invalidChoice').trim().min(1, 'invalidChoice'),
});

/** Wizard step 2, and changing the dates of a filed request: type and dates. */
export const WhenForm = z.object({
  kind: z.enum(['regular', 'occasional'], 'invalidChoice').default('regular'),
  occasionalReason: text(500).optional(),
  desiredStart: date,
  desiredEnd: optionalDate,
});
export type WhenInput = z.infer<typeof WhenForm>;

/** Wizard step 3, and changing the care plan of a filed request. */
export const CarePlanForm = z.object({
  day_mon: dayPart,
  day_tue: dayPart,
  day_wed: dayPart,
  day_thu: dayPart,
  day_fri: dayPart,
  fixed: z.enum(['fixed', 'variable'], 'invalidChoice').default('fixed'),
  hours: checkboxes,
  careNeeds: z.enum(['yes', 'no'], 'invalidChoice').default('no'),
  careNeedsText: text(2000).optional(),
});
export type CarePlanInput = z.infer<typeof CarePlanForm>;

export const OfferForm = z.object({
  startDate: date,
  answerDeadline: date,
  message: text(2000).optional(),
});
export type OfferInput = z.infer<typeof OfferForm>;

export const AcceptOfferForm = z.object({
  keepHigher: z.enum(['yes', 'no'], 'invalidChoice').optional(),
});

/** The filters of the location search in the preference step. */
export const LocationFilterQuery = z.object({
  careType: z.enum(['group', 'family', 'out_of_school']).optional().catch(undefined),
  municipalityId: z.string().uuid().optional().catch(undefined),
  name: z.string().trim().max(100).optional().catch(undefined),
});
export type LocationFilterInput = z.infer<typeof LocationFilterQuery>;
/** "My child is born": the birth data of a child filed as unborn. */
export const BirthForm = z.object({
  childFirstName: requiredText(100),
  childLastName: requiredText(100),
  birthDate: date,
  nationalNumber: text(20).optional(),
});
export type BirthInput = z.infer<typeof BirthForm>;
