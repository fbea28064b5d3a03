import { z } from 'zod';
import { CUSTOM_KINDS } from './waiting-list.service.ts';

/** The forms of the column settings; the list's own filters are read by parseView (a GET form). */
export const CustomColumnForm = z.object({
  name: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  kind: z.enum(CUSTOM_KINDS, 'invalidChoice').default('text'),
});

export const ColumnsForm = z.object({
  visible: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  move: z.string().max(100).optional(),
});
