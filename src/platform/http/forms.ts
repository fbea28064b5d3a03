import type { z } from 'zod';
import { common, type ErrorKey, type FieldError } from '../i18n/common.ts';
import type { FormState } from '../views/forms.tsx';

export type FormBody = Record<string, string | string[] | undefined>;

/** The submitted body as strings (and arrays for repeated names), without the CSRF token. */
export function formValues(body: unknown): FormBody {
  const out: FormBody = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (k === '_csrf') continue;
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    }
  }
  return out;
}

/**
 * A national number is never sent back in a re-rendered form (it is typed again): it would sit
 * in the page's HTML, the browser's cache and history, and any copy of the page.
 */
const NOT_ECHOED = /nationalnumber/i;

function echoable(values: FormBody): FormBody {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !NOT_ECHOED.test(name)));
}

/** Keys of plain-text messages only: a message with a parameter cannot come from a schema. */
const errorKeys = new Set(
  Object.entries(common.nl.errors).flatMap(([key, message]) => (typeof message === 'string' ? [key] : [])),
);

function isErrorKey(value: string): value is ErrorKey {
  return errorKeys.has(value);
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; form: FormState };

/**
 * Validates a form with a zod schema whose messages are i18n error keys. On failure it returns
 * the submitted values and the first error per field, ready to re-render the page with a 400.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): ParseResult<z.infer<S>> {
  const values = formValues(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const errors: Record<string, FieldError> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    errors[field] = isErrorKey(issue.message) ? issue.message : 'required';
  }
  return { ok: false, form: { values: echoable(values), errors } };
}

export function failedForm(body: unknown, errors: Record<string, FieldError>): FormState {
  return { values: echoable(formValues(body)), errors };
}

/**
 * The hidden field a confirmation page's form sends (views/confirm.tsx). A POST to an action that
 * cannot be taken back acts only with it; without it (an old form, a crafted request) the route
 * sends the user to the confirmation page instead (UX.md rule 4).
 */
export const CONFIRM_FIELD = 'confirmed';
export const CONFIRM_VALUE = 'yes';

/** Whether a form came from a confirmation page. */
export function isConfirmed(body: unknown): boolean {
  return formValues(body)[CONFIRM_FIELD] === CONFIRM_VALUE;
}
