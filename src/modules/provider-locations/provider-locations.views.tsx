import { common, errorText } from '../../platform/i18n/common.ts';
import type { Language } from '../../platform/i18n/index.ts';
import { withColon } from '../../platform/i18n/index.ts';
import { type FormState, value } from '../../platform/views/forms.tsx';
import { SubNav } from '../../platform/views/sub-nav.tsx';
import { locationMessages } from './provider-locations.messages.ts';

/** Pieces every provider page shares: the location navigation, a notice, a text area. */

export type LocationTab =
  | 'waitingList'
  | 'emergencyList'
  | 'mailTemplates'
  | 'reports'
  | 'profile'
  | 'lastMinute';

/** Tabs of baby and toddler care only: out-of-school care has no emergency list, no last-minute places. */
const BABY_TODDLER_ONLY: readonly LocationTab[] = ['emergencyList', 'lastMinute'];

export function LocationNav(props: {
  lang: Language;
  /**
   * Out-of-school care has no emergency list and no last-minute places (baby and toddler care's):
   * every page passes the location's kind of care, so no tab links to a page the location lacks.
   */
  location: { id: string; name: string; careType: string };
  current?: LocationTab;
}) {
  const t = locationMessages[props.lang];
  const outOfSchool = props.location.careType === 'out_of_school';
  const base = `/provider/locations/${props.location.id}`;
  const tabs: { key: LocationTab; href: string; label: string }[] = [
    { key: 'waitingList', href: `${base}/waiting-list`, label: t.navWaitingList },
    { key: 'emergencyList', href: `${base}/emergency-list`, label: t.navEmergencyList },
    { key: 'mailTemplates', href: `${base}/mail-templates`, label: t.navMailTemplates },
    { key: 'reports', href: `${base}/reports`, label: t.navReports },
    { key: 'profile', href: `${base}/profile`, label: t.navProfile },
    { key: 'lastMinute', href: `${base}/last-minute`, label: t.navLastMinute },
  ];
  return (
    <SubNav
      label={`${withColon(props.lang, t.locationNav)} ${props.location.name}`}
      qa="nav"
      tabs={outOfSchool ? tabs.filter((tab) => !BABY_TODDLER_ONLY.includes(tab.key)) : tabs}
      current={props.current}
    />
  );
}

export { Notice } from '../../platform/views/notice.tsx';

export function TextArea(props: {
  lang: Language;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  rows?: number;
  value?: string;
}) {
  const { name, form } = props;
  const error = form.errors[name];
  const invalid = Boolean(error);
  const id = `field-${name}`;
  const describedBy = [props.hint ? `hint-${name}` : '', invalid ? `error-${name}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--textarea ${invalid ? 'utrecht-form-field--invalid' : ''}`}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {props.label}
          {props.required ? <span class="ko-required"> {common[props.lang].requiredMarker}</span> : null}
        </label>
      </div>
      {props.hint && (
        <div class="utrecht-form-field-description" id={`hint-${name}`}>
          {props.hint}
        </div>
      )}
      {error && (
        <p class="utrecht-form-field-error-message" id={`error-${name}`}>
          {errorText(props.lang, error)}
        </p>
      )}
      <div class="utrecht-form-field__input">
        <textarea
          class={`utrecht-textarea utrecht-textarea--html-textarea ${invalid ? 'utrecht-textarea--invalid' : ''}`}
          id={id}
          name={name}
          rows={props.rows ?? 4}
          required={props.required}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
        >
          {props.value ?? value(form, name)}
        </textarea>
      </div>
    </div>
  );
}
