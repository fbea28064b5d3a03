import { errorText, ratioText } from '../../platform/i18n/common.ts';
import type { Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
  value,
} from '../../platform/views/forms.tsx';
import { TableHead, TableScroll } from '../../platform/views/table-scroll.tsx';
import { DeskLayout } from '../desk/index.ts';
import { Notice, TextArea } from '../provider-locations/index.ts';
import { contrastRatio, isOwnLogo, normaliseHex, WHITE } from '../public-site/index.ts';
import { settingsMessages } from './desk-settings.messages.ts';
import type { MunicipalitySettings, SubMunicipalityFigures } from './desk-settings.queries.ts';
import {
  childrenDateField,
  childrenField,
  openingHoursField,
  RULE_NAMES,
  RULES,
  TEXT_LANGUAGES,
} from './desk-settings.schemas.ts';
import type { SaveOutcome, SettingsPageData } from './desk-settings.service.ts';

export const SETTINGS_PATH = '/desk/settings';

/** The form's values as stored (what the page shows before any submit). */
export function storedValues(data: SettingsPageData): FormState['values'] {
  const s: MunicipalitySettings = data.settings;
  return {
    ...Object.fromEntries(RULE_NAMES.map((name) => [name, String(s[name])])),
    deskEmail: s.deskEmail ?? '',
    deskPhone: s.deskPhone ?? '',
    deskAddress: s.deskAddress ?? '',
    ...Object.fromEntries(TEXT_LANGUAGES.map((l) => [openingHoursField(l), s.deskOpeningHours?.[l] ?? ''])),
    logoUrl: s.logoUrl ?? '',
    brandColour: s.brandColour ?? '',
    outOfSchoolRequests: s.outOfSchoolRequests ? 'on' : 'off',
    ...Object.fromEntries(
      data.figures.flatMap((f) => [
        [childrenField(f.id), f.children0to3 === null ? '' : String(f.children0to3)],
        [childrenDateField(f.id), f.children0to3Date ?? ''],
      ]),
    ),
  };
}

/** A field inside a table cell; its label is read by screen readers only (the column says it). */
function CellInput(props: {
  lang: Language;
  form: FormState;
  name: string;
  label: string;
  type: 'text' | 'date';
  qa: string;
}) {
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
        class={`utrecht-textbox utrecht-textbox--html-input ko-number-input ${error ? 'utrecht-textbox--invalid' : ''}`}
        // The forms module does the same: preact's types want one literal type per element.
        type={props.type as 'text'}
        inputMode={props.type === 'text' ? 'numeric' : undefined}
        id={`field-${name}`}
        name={name}
        value={value(form, name)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `error-${name}` : undefined}
        data-qa={props.qa}
      />
    </div>
  );
}

function RulesSection(props: { lang: Language; form: FormState }) {
  const { lang, form } = props;
  const t = settingsMessages[lang];
  return (
    <section aria-labelledby="rules-heading" data-qa="settings-rules">
      <h2 class="utrecht-heading-2" id="rules-heading">
        {t.rulesHeading}
      </h2>
      {RULE_NAMES.map((name) => {
        const texts = t.rules[name];
        const hint = typeof texts.hint === 'function' ? texts.hint(RULES[name].max) : texts.hint;
        return (
          <TextField
            key={name}
            lang={lang}
            form={form}
            name={name}
            label={texts.label}
            hint={hint}
            inputMode="numeric"
            required
          />
        );
      })}
      <ChoiceGroup
        lang={lang}
        form={form}
        name="outOfSchoolRequests"
        legend={t.outOfSchoolLegend}
        hint={t.outOfSchoolHint}
        options={[
          { value: 'off', label: t.outOfSchoolOff },
          { value: 'on', label: t.outOfSchoolOn },
        ]}
      />
    </section>
  );
}

function ContactSection(props: { lang: Language; form: FormState }) {
  const { lang, form } = props;
  const t = settingsMessages[lang];
  const dutch = value(form, openingHoursField('nl')).trim() !== '';
  return (
    <section aria-labelledby="contact-heading" data-qa="settings-contact">
      <h2 class="utrecht-heading-2" id="contact-heading">
        {t.contactHeading}
      </h2>
      <p class="utrecht-paragraph">{t.contactIntro}</p>
      <TextField
        lang={lang}
        form={form}
        name="deskEmail"
        label={t.deskEmail}
        type="email"
        autocomplete="off"
      />
      <TextField lang={lang} form={form} name="deskPhone" label={t.deskPhone} type="tel" autocomplete="off" />
      <TextField lang={lang} form={form} name="deskAddress" label={t.deskAddress} hint={t.deskAddressHint} />
      {TEXT_LANGUAGES.map((l) => {
        const name = openingHoursField(l);
        const missing = l !== 'nl' && dutch && value(form, name).trim() === '';
        return (
          <TextArea
            key={l}
            lang={lang}
            form={form}
            name={name}
            label={t.openingHours[l]}
            hint={missing ? t.translationMissing : l === 'nl' ? t.openingHoursHint : undefined}
            rows={2}
          />
        );
      })}
    </section>
  );
}

function BrandingSection(props: { lang: Language; form: FormState; stored: MunicipalitySettings }) {
  const { lang, form, stored } = props;
  const t = settingsMessages[lang];
  const storedColour = normaliseHex(stored.brandColour);
  return (
    <section aria-labelledby="branding-heading" data-qa="settings-branding">
      <h2 class="utrecht-heading-2" id="branding-heading">
        {t.brandingHeading}
      </h2>
      <p class="utrecht-paragraph">{t.brandingIntro}</p>
      <TextField lang={lang} form={form} name="logoUrl" label={t.logoUrl} hint={t.logoUrlHint} type="text" />
      {stored.logoUrl && !isOwnLogo(stored.logoUrl) && (
        <p class="utrecht-paragraph ko-muted" data-qa="logo-not-shown">
          {t.logoNotShown}
        </p>
      )}
      <TextField
        lang={lang}
        form={form}
        name="brandColour"
        label={t.brandColour}
        hint={t.brandColourHint}
        autocomplete="off"
      />
      {storedColour && (
        <p class="utrecht-paragraph ko-muted" data-qa="current-contrast">
          {t.currentContrast(ratioText(lang, contrastRatio(storedColour, WHITE)))}
        </p>
      )}
    </section>
  );
}

function FiguresSection(props: { lang: Language; form: FormState; figures: SubMunicipalityFigures[] }) {
  const { lang, form, figures } = props;
  const t = settingsMessages[lang];
  return (
    <section aria-labelledby="figures-heading" data-qa="settings-figures">
      <h2 class="utrecht-heading-2" id="figures-heading">
        {t.figuresHeading}
      </h2>
      {figures.length === 0 ? (
        <p class="utrecht-paragraph">{t.noSubMunicipalities}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t.figuresIntro}</p>
          <TableScroll label={t.figuresHeading}>
            <table class="utrecht-table ko-table ko-table--compact" data-qa="figures">
              <TableHead heads={[t.colSubMunicipality, t.colPostcode, t.colChildren, t.colDate]} />
              <tbody class="utrecht-table__body">
                {figures.map((f) => (
                  <tr class="utrecht-table__row" key={f.id} data-qa="figure-row">
                    <th scope="row" class="utrecht-table__header-cell">
                      {f.name}
                    </th>
                    <td class="utrecht-table__cell">{f.postcode}</td>
                    <td class="utrecht-table__cell">
                      <CellInput
                        lang={lang}
                        form={form}
                        name={childrenField(f.id)}
                        label={t.childrenOf(f.name)}
                        type="text"
                        qa="figure-children"
                      />
                    </td>
                    <td class="utrecht-table__cell">
                      <CellInput
                        lang={lang}
                        form={form}
                        name={childrenDateField(f.id)}
                        label={t.dateOf(f.name)}
                        type="date"
                        qa="figure-date"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

/**
 * The settings of the desk's own municipality: one form (it works without JavaScript) in four
 * sections — the rules, the desk's contact details, the look, the children 0–3 per
 * sub-municipality — with one save button. A refused form comes back with 400, the values as
 * typed and the error summary on top.
 */
export function SettingsPage(props: {
  ctx: PageContext;
  data: SettingsPageData;
  form: FormState;
  done?: SaveOutcome;
}) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const t = settingsMessages[lang];
  const failed = Object.keys(form.errors).length > 0;
  return (
    <DeskLayout ctx={ctx} title={failed ? t.errorTitle(t.title) : t.title} current="settings">
      <h1 class="utrecht-heading-1">{t.title}</h1>
      {props.done && <Notice>{t.done[props.done]}</Notice>}
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph">{t.intro(data.settings.name)}</p>
      <form method="post" action={SETTINGS_PATH} novalidate class="ko-form" data-qa="settings-form">
        <CsrfField token={ctx.csrfToken} />
        <RulesSection lang={lang} form={form} />
        <ContactSection lang={lang} form={form} />
        <BrandingSection lang={lang} form={form} stored={data.settings} />
        <FiguresSection lang={lang} form={form} figures={data.figures} />
        <SubmitButton qa="settings-save">{t.save}</SubmitButton>
      </form>
    </DeskLayout>
  );
}
