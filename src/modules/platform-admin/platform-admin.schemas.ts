import { z } from 'zod';
import { ACTIONS } from '../../platform/auth/actions.ts';
import { optionalDate, text } from '../../platform/http/fields.ts';

/**
 * Actions written to the audit log by jobs rather than by a route (so not in the catalogue).
 * Keep in step with the modules that write them.
 */
const JOB_ACTIONS = ['system.retention.pseudonymise', 'provider.overdueDigest.mail'] as const;

/** Every action the audit filter offers: the catalogue's and the jobs', sorted. */
export const AUDIT_ACTIONS: readonly string[] = [...Object.keys(ACTIONS), ...JOB_ACTIONS].sort();
const knownAction = new Set(AUDIT_ACTIONS);

/** A file number as the desk writes it ('KO-10001'), or its digits; a national number never fits. */
export const FILE_NUMBER = /^(KO-)?\d{1,9}$/i;

const blankToUndefined = (v: string | undefined) => (v === '' ? undefined : v);

/** The audit filters (GET, so bookmarkable); every field optional. */
export const AuditFilterQuery = z.object({
  file: text(40)
    .optional()
    .refine((v) => !v || FILE_NUMBER.test(v), 'invalidFileNumber')
    .transform(blankToUndefined),
  staff: text(254).optional().transform(blankToUndefined),
  action: text(80)
    .optional()
    .refine((v) => !v || knownAction.has(v), 'invalidChoice')
    .transform(blankToUndefined),
  from: optionalDate.transform(blankToUndefined),
  until: optionalDate.transform(blankToUndefined),
  /** The keyset cursor of an "older" page: `<epoch ms>.<id>`. */
  after: z
    .string()
    .regex(/^\d{1,15}\.\d{1,18}$/, 'invalidChoice')
    .optional(),
});
export type AuditFilterInput = z.infer<typeof AuditFilterQuery>;

/** The fields of the filter form, in the order a page link carries them. */
export const FILTER_FIELDS = ['file', 'staff', 'action', 'from', 'until'] as const;
