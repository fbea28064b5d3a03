import { z } from 'zod';
import { schema } from '../../platform/db/index.ts';
import { date, requiredText, text } from '../../platform/http/fields.ts';

/** Forms of the provider side; rules that need the database or today's date are in the service. */
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
