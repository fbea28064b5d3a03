import { z } from 'zod';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

export const STAFF_ROLES = ['provider_staff', 'provider_admin'] as const;

const role = z.preprocess(single, z.enum(STAFF_ROLES, 'invalidChoice'));
const locations = z.preprocess(list, z.array(z.string().max(100)).min(1, 'noLocationChosen'));

export const InviteForm = z.object({
  email: z.preprocess(
    single,
    z.string('required').trim().toLowerCase().min(1, 'required').pipe(z.email('invalidEmail')),
  ),
  displayName: z.preprocess(single, z.string('required').trim().min(1, 'required').max(100, 'tooLong')),
  language: z.preprocess(single, z.enum(['nl', 'fr', 'en'], 'invalidChoice')),
  role,
  locations,
});
export type InviteInput = z.infer<typeof InviteForm>;

export const AccessForm = z.object({ role, locations });
export type AccessInput = z.infer<typeof AccessForm>;

const token = z.preprocess(single, z.string('required').min(1, 'required').max(200, 'tooLong'));

/** An answer to an invitation (the token comes back in the form, never in the path). */
export const AnswerForm = z.object({
  token,
  answer: z.preprocess(single, z.enum(['accept', 'decline'], 'invalidChoice')),
});

/** A new account accepting: its first password, by the same rules as everywhere. */
export const FirstPasswordForm = z
  .object({
    password: z.preprocess(single, z.string('required').min(10, 'passwordTooShort').max(1000, 'tooLong')),
    passwordRepeat: z.preprocess(single, z.string('required').min(1, 'required')),
  })
  .refine((f) => f.password === f.passwordRepeat, { message: 'passwordsDiffer', path: ['passwordRepeat'] });
