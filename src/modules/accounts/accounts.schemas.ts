import { z } from 'zod';
import { safeRedirectPath } from '../../platform/http/redirects.ts';
import { LANGUAGES } from '../../platform/i18n/index.ts';

const email = z.string().trim().toLowerCase().min(1, 'required').max(254, 'tooLong').email('invalidEmail');
const currentPassword = z.string().min(1, 'required').max(1000, 'tooLong');
/** The rules for a new password, the same at registration, reset and change. */
const newPassword = z.string().min(10, 'passwordTooShort').max(1000, 'tooLong');
const passwordRepeat = z.string().min(1, 'required');
const samePasswords = (f: { password: string; passwordRepeat: string }) => f.password === f.passwordRepeat;
const passwordsDiffer = { message: 'passwordsDiffer', path: ['passwordRepeat'] };
const token = z.string().min(1, 'required').max(200, 'tooLong');
/** Where to go afterwards: a path of this site, else nothing (never an error the visitor could fix). */
const next = z.unknown().optional().transform(safeRedirectPath);

export const LoginForm = z.object({ email, password: currentPassword, next });

export const RegisterForm = z
  .object({
    displayName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    email,
    password: newPassword,
    passwordRepeat,
    language: z.enum(LANGUAGES, 'invalidChoice'),
    /** Where to go once registered (e.g. back to a hand-over invitation). */
    next,
  })
  .refine(samePasswords, passwordsDiffer);

export const ConfirmRegistrationForm = z.object({ token, password: currentPassword });

export const ForgotPasswordForm = z.object({ email });

export const ResetPasswordForm = z
  .object({ token, password: newPassword, passwordRepeat })
  .refine(samePasswords, passwordsDiffer);

export const ChangePasswordForm = z
  .object({ currentPassword, password: newPassword, passwordRepeat })
  .refine(samePasswords, passwordsDiffer);

export const ChangeEmailForm = z.object({ email, currentPassword });

export const LanguageForm = z.object({ language: z.enum(LANGUAGES, 'invalidChoice') });

export const TokenForm = z.object({ token });

/** A second-factor code: six digits, or a recovery code (checked by the service). */
const code = z.string().trim().min(1, 'required').max(40, 'tooLong');
export const SecondFactorForm = z.object({ code, next });
export const ResetSecondFactorForm = z.object({ email });
