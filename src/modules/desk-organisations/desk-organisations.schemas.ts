import { z } from 'zod';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The kinds of intermediary organisation (intermediary_organisations.kind, a text column): the ones
 * the CLI and the demo use, and 'other' for a social organisation that is none of them.
 */
export const INTERMEDIARY_KINDS = [
  'ocmw',
  'caw',
  'vdab',
  'integration',
  'huis_van_het_kind',
  'other',
] as const;
export type IntermediaryKind = (typeof INTERMEDIARY_KINDS)[number];

export const isKind = (v: string): v is IntermediaryKind =>
  (INTERMEDIARY_KINDS as readonly string[]).includes(v);

export const OrganisationForm = z.object({
  name: z.preprocess(single, z.string('required').trim().min(1, 'required').max(150, 'tooLong')),
  kind: z.preprocess(single, z.enum(INTERMEDIARY_KINDS, 'invalidChoice')),
});
export type OrganisationInput = z.infer<typeof OrganisationForm>;

export const InviteForm = z.object({
  email: z.preprocess(
    single,
    z
      .string('required')
      .trim()
      .toLowerCase()
      .min(1, 'required')
      .max(254, 'tooLong')
      .pipe(z.email('invalidEmail')),
  ),
  displayName: z.preprocess(single, z.string('required').trim().min(1, 'required').max(100, 'tooLong')),
  language: z.preprocess(single, z.enum(['nl', 'fr', 'en'], 'invalidChoice')),
});
export type InviteInput = z.infer<typeof InviteForm>;
