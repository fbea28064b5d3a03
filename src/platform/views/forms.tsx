import type { ComponentChildren } from 'preact';
import { common, errorText, type FieldError } from '../i18n/common.ts';
import type { Language } from '../i18n/index.ts';

/** Values as submitted (kept on a failed submit) and errors per field name. */
export type FormState = {
  values: Record<string, string | string[] | undefined>;
  errors: Record<string, FieldError>;
};

export const emptyForm: FormState = { values: {}, errors: {} };

export function value(form: FormState, name: string): string {
  const v = form.values[name];
  return typeof v === 'string' ? v : '';
}

export function values(form: FormState, name: string): string[] {
  const v = form.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

const fieldId = (name: string) => `field-${name}`;
const errorId = (name: string) => `error-${name}`;

/** The error summary at the top of a failed form; each message links to its field. */
export function ErrorSummary(props: { lang: Language; form: FormState }) {
  const entries = Object.entries(props.form.errors);
  if (entries.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error ko-error-summary" role="alert" data-module="error-summary">
      <h2 class="utrecht-heading-2" id="error-summary-title" tabIndex={-1}>
        {common[props.lang].errorSummaryTitle}
      </h2>
      <ul class="utrecht-unordered-list">
        {entries.map(([name, error]) => (
          <li key={name}>
            <a class="utrecht-link" href={`#${fieldId(name)}`}>
              {errorText(props.lang, error)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function FieldErrorMessage(props: { lang: Language; form: FormState; name: string }) {
  const error = props.form.errors[props.name];
  if (!error) return null;
  return (
    <p class="utrecht-form-field-error-message" id={errorId(props.name)}>
      {errorText(props.lang, error)}
    </p>
  );
}

type InputProps = {
  lang: Language;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'tel' | 'number';
  required?: boolean;
  autocomplete?: string;
  /** Overrides the kept value (e.g. never echo a password). */
  value?: string;
  inputMode?: 'numeric' | 'text';
};

export function TextField(props: InputProps) {
  const { name, form } = props;
  const invalid = Boolean(form.errors[name]);
  const describedBy = [props.hint ? `hint-${name}` : '', invalid ? errorId(name) : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--text ${invalid ? 'utrecht-form-field--invalid' : ''}`}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={fieldId(name)}>
          {props.label}
          {props.required ? <span class="ko-required"> {common[props.lang].requiredMarker}</span> : null}
        </label>
      </div>
      {props.hint && (
        <div class="utrecht-form-field-description" id={`hint-${name}`}>
          {props.hint}
        </div>
      )}
      <FieldErrorMessage lang={props.lang} form={form} name={name} />
      <div class="utrecht-form-field__input">
        <input
          class={`utrecht-textbox utrecht-textbox--html-input ${invalid ? 'utrecht-textbox--invalid' : ''}`}
          id={fieldId(name)}
          name={name}
          type={(props.type ?? 'text') as 'text'}
          value={props.value ?? value(form, name)}
          required={props.required}
          autocomplete={props.autocomplete}
          inputMode={props.inputMode}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
        />
      </div>
    </div>
  );
}

type Option = { value: string; label: string };

/** A fieldset of radio buttons or checkboxes; the fieldset's id is the error-summary target. */
export function ChoiceGroup(props: {
  lang: Language;
  form: FormState;
  name: string;
  legend: string;
  options: Option[];
  multiple?: boolean;
  required?: boolean;
  hint?: string;
}) {
  const { name, form } = props;
  const invalid = Boolean(form.errors[name]);
  const selected = values(form, name);
  const type = props.multiple ? 'checkbox' : 'radio';
  return (
    <fieldset
      class={`utrecht-form-fieldset ko-fieldset ${invalid ? 'utrecht-form-fieldset--invalid' : ''}`}
      id={fieldId(name)}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={invalid ? errorId(name) : undefined}
    >
      <legend class="utrecht-form-fieldset__legend">
        {props.legend}
        {props.required ? <span class="ko-required"> {common[props.lang].requiredMarker}</span> : null}
      </legend>
      {props.hint && <div class="utrecht-form-field-description">{props.hint}</div>}
      <FieldErrorMessage lang={props.lang} form={form} name={name} />
      {props.options.map((o, i) => (
        <div class={`utrecht-form-field utrecht-form-field--${type}`} key={o.value}>
          <input
            class={`utrecht-${type} utrecht-${type}--html-input`}
            type={type}
            id={i === 0 ? `${fieldId(name)}-first` : `${fieldId(name)}-${o.value}`}
            name={name}
            value={o.value}
            checked={selected.includes(o.value)}
          />
          <label
            class="utrecht-form-label"
            for={i === 0 ? `${fieldId(name)}-first` : `${fieldId(name)}-${o.value}`}
          >
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function SelectField(props: {
  lang: Language;
  form: FormState;
  name: string;
  label: string;
  options: Option[];
  emptyLabel?: string;
  required?: boolean;
  /** An error in the page's own words, for a page whose errors are not the common ones. */
  errorMessage?: string | undefined;
}) {
  const { name, form } = props;
  const invalid = Boolean(form.errors[name]) || props.errorMessage !== undefined;
  const current = value(form, name);
  return (
    <div class={`utrecht-form-field ${invalid ? 'utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={fieldId(name)}>
          {props.label}
          {props.required ? <span class="ko-required"> {common[props.lang].requiredMarker}</span> : null}
        </label>
      </div>
      {props.errorMessage !== undefined ? (
        <p class="utrecht-form-field-error-message" id={errorId(name)}>
          {props.errorMessage}
        </p>
      ) : (
        <FieldErrorMessage lang={props.lang} form={form} name={name} />
      )}
      <select
        class="utrecht-select utrecht-select--html-select"
        id={fieldId(name)}
        name={name}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? errorId(name) : undefined}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function SubmitButton(props: {
  children: ComponentChildren;
  name?: string;
  value?: string;
  qa?: string;
  secondary?: boolean;
}) {
  return (
    <button
      type="submit"
      class={`utrecht-button ${props.secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
      name={props.name}
      value={props.value}
      data-qa={props.qa}
      data-module="submit-once"
    >
      {props.children}
    </button>
  );
}
