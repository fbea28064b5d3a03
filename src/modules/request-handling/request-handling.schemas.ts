import { z } from 'zod';
import { schema } from '../../platform/db/index.ts';
import { LANGUAGES } from '../../platform/i18n/index.ts';
import { parseLocalDate } from '../../shared/dates.ts';
import { TEMPLATE_EVENTS } from '../mail-templates/mail-templates.texts.ts';

/** Forms of the provider side; rules that need the database or today's date are in the service. */
const text = (max: number) => z.string().trim().max(max, 'tooLong');
const requiredText = (max: number) => text(max).min(1, 'required');
const date = z
  .string('required')
  .trim()
  .min(1, 'required')
  .refine((v) => parseLocalDate(v) !== undefined, 'invalidDate');
/** Absent (a form without the care-plan fields): the plan requested is offered. */
const dayPart = z.enum(['none', 'half', 'full'], 'invalidChoice').optional();

export const OfferForm = z.object({
  startDate: date,
  answerDeadline: date,
  message: text(2000).optional(),
  day_mon: dayPart,
  day_tue: dayPart,
  day_wed: dayPart,
  day_thu: dayPart,
  day_fri: dayPart,
});
export type OfferInput = z.infer<typeof OfferForm>;

export const NoPlaceForm = z
  .object({
    noPlaceReason: z.enum(schema.noPlaceReasonEnum.enumValues, 'invalidChoice'),
    noPlaceText: text(1000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.noPlaceReason === 'other' && !v.noPlaceText)
      ctx.addIssue({ code: 'custom', path: ['noPlaceText'], message: 'required' });
  });
export type NoPlaceInput = z.infer<typeof NoPlaceForm>;

export const NoteForm = z.object({ note: requiredText(2000) });

export const TemplateParams = z.object({
  event: z.enum(TEMPLATE_EVENTS),
  language: z.enum(LANGUAGES),
});

export const TemplateForm = z.object({
  subject: requiredText(200),
  body: requiredText(5000),
  intent: z.enum(['save', 'preview'], 'invalidChoice').default('save'),
});
export type TemplateInput = z.infer<typeof TemplateForm>;
