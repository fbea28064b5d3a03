import type { Language } from '../../platform/i18n/index.ts';
import { type FormState, TextField } from '../../platform/views/forms.tsx';

/**
 * A new password and its repetition (registration, reset, change): never filled in again after
 * an error, and marked `new-password` so that password managers offer to generate one.
 */
export function NewPasswordFields(props: {
  lang: Language;
  form: FormState;
  label: string;
  hint: string;
  repeatLabel: string;
}) {
  const { lang, form } = props;
  return (
    <>
      <TextField
        lang={lang}
        form={form}
        name="password"
        type="password"
        label={props.label}
        hint={props.hint}
        autocomplete="new-password"
        value=""
        required
      />
      <TextField
        lang={lang}
        form={form}
        name="passwordRepeat"
        type="password"
        label={props.repeatLabel}
        autocomplete="new-password"
        value=""
        required
      />
    </>
  );
}
