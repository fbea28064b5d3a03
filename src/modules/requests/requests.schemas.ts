import { z } from 'zod';
import { parseLocalDate, WEEKDAYS } from '../../shared/dates.ts';

const text = (max: number) => z.string().trim().max(max, 'tooLong');
const requiredText = (max: number) => text(max).min(1, 'required');
const date = z
  .string('required')
  .trim()
  .min(1, 'required')
  .refine((v) => parseLocalDate(v) !== undefined, 'invalidDate');
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || parseLocalDate(v) !== undefined, 'invalidDate')
  .optional();
const dayPart = z.enum(['none', 'half', 'full'], 'invalidChoice').default('none');
const optionalId = z.string().trim().optional();

export const MAX_PREFERENCE_FIELDS = 5;

/**
 * The request form of the slice: family (only when the parent has no file yet), child, care and
 * ordered preferences. Rules that need the database or today's date are checked in the service.
 */
export const NewRequestForm = z.object({
  submissionKey: z.string().uuid('notAllowedNow'),
  parentFirstName: text(100).optional(),
  parentLastName: text(100).optional(),
  phone: text(40).optional(),
  municipalityId: optionalId,
  childFirstName: text(100).optional(),
  childLastName: requiredText(100),
  childBorn: z.enum(['yes', 'no'], 'invalidChoice'),
  birthDate: optionalDate,
  expectedBirthDate: optionalDate,
  nationalNumber: text(20).optional(),
  desiredStart: date,
  desiredEnd: optionalDate,
  day_mon: dayPart,
  day_tue: dayPart,
  day_wed: dayPart,
  day_thu: dayPart,
  day_fri: dayPart,
  preference1: optionalId,
  preference2: optionalId,
  preference3: optionalId,
  preference4: optionalId,
  preference5: optionalId,
});
export type NewRequestInput = z.infer<typeof NewRequestForm>;

export const DAY_FIELDS = WEEKDAYS.map((d) => `day_${d}` as const);

export const OfferForm = z.object({
  startDate: date,
  answerDeadline: date,
  message: text(2000).optional(),
});
export type OfferInput = z.infer<typeof OfferForm>;

export const AcceptOfferForm = z.object({
  keepHigher: z.enum(['yes', 'no'], 'invalidChoice').optional(),
});
