import { z } from 'zod';
import { ProfileForm } from '../provider-profile/index.ts';

/** The invitation form: the one an organisation admin uses (address, name, language, role, locations). */
export {
  StaffInviteForm as InviteForm,
  type StaffInviteInput as InviteInput,
} from '../organisation-admin/index.ts';

/**
 * The desk's forms for a provider organisation and its locations. A location's profile fields
 * (texts, hours, places, ages, languages, care, contact) are the provider's own profile form;
 * the desk adds what only it sets: name, address, kind of care and subsidy level.
 */
const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const requiredText = (max: number) =>
  z.preprocess(single, z.string('required').trim().min(1, 'required').max(max, 'tooLong'));
const optionalText = (max: number) =>
  z.preprocess(single, z.string().trim().max(max, 'tooLong').optional()).transform((v) => v || undefined);

/** The legal kind of a provider organisation (provider_organisations.kind, a text column). */
export const PROVIDER_KINDS = ['local_authority', 'non_profit', 'company', 'self_employed'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/**
 * A Belgian enterprise number (KBO/BCE): ten digits starting with 0 or 1, the last two being
 * 97 minus the first eight modulo 97. Typed with or without dots, spaces or "BE"; stored as
 * 0123.456.749.
 */
export function normaliseEnterpriseNumber(text: string): string | undefined {
  const digits = text.replace(/^BE/i, '').replace(/[\s.]/g, '');
  if (!/^[01]\d{9}$/.test(digits)) return undefined;
  if (97 - (Number(digits.slice(0, 8)) % 97) !== Number(digits.slice(8))) return undefined;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

const enterpriseNumber = optionalText(20)
  .refine((v) => v === undefined || normaliseEnterpriseNumber(v) !== undefined, 'invalidEnterpriseNumber')
  .transform((v) => (v === undefined ? undefined : normaliseEnterpriseNumber(v)));

export const OrganisationForm = z.object({
  name: requiredText(150),
  kind: z.preprocess(single, z.enum(PROVIDER_KINDS, 'invalidChoice')),
  enterpriseNumber,
  contactName: optionalText(100),
  // The same rules as the location's contact fields.
  email: ProfileForm.shape.email,
  phone: ProfileForm.shape.phone,
});
export type OrganisationInput = z.infer<typeof OrganisationForm>;

/** Baby and toddler care (group, family) or out-of-school care for school children. */
export const CARE_TYPES = ['group', 'family', 'out_of_school'] as const;
export const SUBSIDY_LEVELS = ['0', '1', '2', '3'] as const;

export const LocationForm = ProfileForm.extend({
  name: requiredText(150),
  careType: z.preprocess(single, z.enum(CARE_TYPES, 'invalidChoice')),
  subsidyLevel: z.preprocess(single, z.enum(SUBSIDY_LEVELS, 'invalidChoice')).transform(Number),
  street: requiredText(150),
  houseNumber: requiredText(20),
  postcode: z.preprocess(
    single,
    z
      .string('required')
      .trim()
      .min(1, 'required')
      .regex(/^\d{4}$/, 'unknownPostcode'),
  ),
  city: requiredText(100),
});
export type LocationInput = z.infer<typeof LocationForm>;

/** The optional modules a location uses (later issues read these switches). */
export const MODULES = ['planning', 'attendance', 'invoicing'] as const;
export type Module = (typeof MODULES)[number];

export const ModulesForm = z.object({
  modules: z.preprocess(list, z.array(z.enum(MODULES, 'invalidChoice'))),
});
