import { z } from 'zod';
import { parseLocalDate } from '../../shared/dates.ts';

/**
 * The form fields every module's schemas are made of. Their messages are i18n keys
 * (platform/i18n/common.ts), so a failed form speaks the user's language.
 */
export const text = (max: number) => z.string().trim().max(max, 'tooLong');
export const requiredText = (max: number) => text(max).min(1, 'required');
export const date = z
  .string('required')
  .trim()
  .min(1, 'required')
  .refine((v) => parseLocalDate(v) !== undefined, 'invalidDate');
export const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || parseLocalDate(v) !== undefined, 'invalidDate')
  .optional();
/** A group of checkboxes: absent, one value, or several. */
export const checkboxes = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
