import { errorText } from '../../platform/i18n/common.ts';
import type { Language } from '../../platform/i18n/index.ts';
import { type FormState, TextField, value } from '../../platform/views/forms.tsx';
import { SubNav } from '../../platform/views/sub-nav.tsx';
import { LocationNav } from '../provider-locations/index.ts';
import { messages } from './provider-profile.messages.ts';

/** Pieces the profile pages share: the navigation between them and a small time input. */

export type ProfileTab = 'profile' | 'photos' | 'lastMinute';

export function ProfileNav(props: {
  lang: Language;
  location: { id: string; name: string; careType: string };
  current: ProfileTab;
}) {
  const t = messages[props.lang];
  const base = `/provider/locations/${props.location.id}`;
  const tabs: { key: ProfileTab; href: string; label: string }[] = [
    { key: 'profile', href: `${base}/profile`, label: t.navProfile },
    { key: 'photos', href: `${base}/photos`, label: t.navPhotos },
    { key: 'lastMinute', href: `${base}/last-minute`, label: t.navLastMinute },
  ];
  return (
    <>
      <LocationNav
        lang={props.lang}
        location={props.location}
        current={props.current === 'lastMinute' ? 'lastMinute' : 'profile'}
      />
      {props.current !== 'lastMinute' && (
        <SubNav
          label={t.navProfile}
          qa="profile-nav"
          tabs={tabs.filter((tab) => tab.key !== 'lastMinute')}
          current={props.current}
        />
      )}
    </>
  );
}

export { TextNotice as DoneNotice } from '../../platform/views/notice.tsx';

/** A HH:MM field inside a table cell; its label is read by screen readers only. */
export function TimeInput(props: { lang: Language; form: FormState; name: string; label: string }) {
  const { form, name } = props;
  const error = form.errors[name];
  return (
    <div class={`utrecht-form-field ${error ? 'utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label ko-visually-hidden" for={`field-${name}`}>
        {props.label}
      </label>
      {error && (
        <p class="utrecht-form-field-error-message" id={`error-${name}`}>
          {errorText(props.lang, error)}
        </p>
      )}
      <input
        class={`utrecht-textbox utrecht-textbox--html-input ko-time-input ${error ? 'utrecht-textbox--invalid' : ''}`}
        type="time"
        id={`field-${name}`}
        name={name}
        value={value(form, name)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `error-${name}` : undefined}
      />
    </div>
  );
}

/** The age range a location (or a last-minute place) takes, in months: two number fields. */
export function AgeRangeFields(props: { lang: Language; form: FormState }) {
  const t = messages[props.lang];
  const field = (name: 'minAgeMonths' | 'maxAgeMonths', label: string) => (
    <TextField
      lang={props.lang}
      form={props.form}
      name={name}
      label={label}
      type="number"
      inputMode="numeric"
      required
    />
  );
  return (
    <>
      {field('minAgeMonths', t.minAge)}
      {field('maxAgeMonths', t.maxAge)}
    </>
  );
}
