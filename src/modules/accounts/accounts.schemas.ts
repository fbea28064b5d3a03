import { z } from 'zod';
import { LANGUAGES } from '../../platform/i18n/index.ts';

const email = z.string().trim().toLowerCase().min(1, 'required').max(254, 'tooLong').email('invalidEmail');

export const LoginForm = z.object({
  email,
  password: z.string().min(1, 'required').max(1000, 'tooLong'),
  next: z.string().optional(),
});

export const RegisterForm = z
  .object({
    displayName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    email,
    password: z.string().min(10, 'passwordTooShort').max(1000, 'tooLong'),
    passwordRepeat: z.string().min(1, 'required'),
    language: z.enum(LANGUAGES, 'invalidChoice'),
  })
  .refine((f) => f.password === f.passwordRepeat, { message: 'passwordsDiffer', path: ['passwordRepeat'] });

/** Only same-site paths may be a redirect target after log-in. */
export function safeNext(next: string | undefined): string | undefined {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : undefined;
}
