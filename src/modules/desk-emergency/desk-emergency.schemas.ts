import { z } from 'zod';
import { schema } from '../../platform/db/index.ts';
import { checkboxes, requiredText, text } from '../../platform/http/fields.ts';
import { type ProviderLocationId, parseId } from '../../shared/ids.ts';

/**
 * The desk's emergency forms. Whether the note is required (marking) or optional (changing the
 * category) and whether the chosen locations belong to the municipality are the service's rules.
 */
export const FlagForm = z.object({
  category: z.enum(schema.socialReasonEnum.enumValues, 'invalidChoice'),
  note: text(4000).optional(),
});
export type FlagInput = z.infer<typeof FlagForm>;

export const ContactForm = z.object({
  channel: z.enum(schema.contactChannelEnum.enumValues, 'invalidChoice'),
  contactText: requiredText(4000),
});
export type ContactInput = z.infer<typeof ContactForm>;

/** Location ids from the checkboxes: at least one, each a UUID (else "choose one of the options"). */
export const ForwardForm = z.object({
  locations: checkboxes
    .refine((ids) => ids.length > 0, 'noLocationChosen')
    .refine((ids) => ids.every((id) => parseId<ProviderLocationId>(id) !== undefined), 'invalidChoice')
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
});
export type ForwardInput = z.infer<typeof ForwardForm>;
