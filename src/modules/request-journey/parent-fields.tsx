/** Form pieces shared by the wizard and the change pages of a filed request. */
import type { ComponentChildren } from 'preact';

import { common, errorText } from '../../platform/i18n/common.ts';
import type { Language } from '../../platform/i18n/index.ts';
import {
  ChoiceGroup,
  CsrfField,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
  value,
} from '../../platform/views/forms.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { requestMessages as messages } from '../requests/index.ts';
import { familyVoiceMessages, type Voice } from './family-voice.messages.ts';
import type { LocationSearch } from './location-search.ts';
import { wizardMessages } from './wizard.messages.ts';

/** A catalogue with the texts that speak to the parent replaced when the form is about a family. */
export function voiced<T extends object>(texts: T, lang: Language, voice: Voice = 'parent'): T {
  return voice === 'family' ? { ...texts, ...familyVoiceMessages[lang] } : texts;
}

export const Hidden = (props: { children: ComponentChildren }) => (
  <span class="ko-visually-hidden">{props.children}</span>
);

export function TextAreaField(props: {
  lang: Language;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
}) {
  const { name, form } = props;
  const error = form.errors[name];
  const describedBy = [props.hint ? `hint-${name}` : '', error ? `error-${name}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`utrecht-form-field utrecht-form-field--text ${error ? 'utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={`field-${name}`}>
          {props.label}
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
      <textarea
        class="utrecht-textarea utrecht-textarea--html-textarea"
        id={`field-${name}`}
        name={name}
        rows={4}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {value(form, name)}
      </textarea>
    </div>
  );
}

/**
 * The fields of a new child: names, born or not, and the dates and national number. `voice`
 * `family` words them about the family's child, for staff filling them in on its behalf.
 */
export function NewChildFields(props: { lang: Language; form: FormState; voice?: Voice }) {
  const { lang, form } = props;
  const t = voiced(messages[lang], lang, props.voice);
  const w = voiced(wizardMessages[lang], lang, props.voice);
  return (
    <>
      <TextField
        lang={lang}
        form={form}
        name="childFirstName"
        label={t.childFirstName}
        hint={t.childFirstNameHint}
      />
      <TextField lang={lang} form={form} name="childLastName" label={t.childLastName} required />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="childBorn"
        legend={t.childBorn}
        options={[
          { value: 'yes', label: t.yes },
          { value: 'no', label: t.no },
        ]}
        required
      />
      <fieldset class="utrecht-form-fieldset ko-fieldset">
        <legend class="utrecht-form-fieldset__legend">{w.ifBorn}</legend>
        <TextField
          lang={lang}
          form={form}
          name="birthDate"
          type="date"
          label={t.birthDate}
          hint={t.dateHint}
        />
        <TextField
          lang={lang}
          form={form}
          name="nationalNumber"
          label={t.nationalNumber}
          hint={t.nationalNumberHint}
          inputMode="numeric"
          autocomplete="off"
        />
      </fieldset>
      <fieldset class="utrecht-form-fieldset ko-fieldset">
        <legend class="utrecht-form-fieldset__legend">{w.ifUnborn}</legend>
        <TextField
          lang={lang}
          form={form}
          name="expectedBirthDate"
          type="date"
          label={t.expectedBirthDate}
          hint={t.dateHint}
        />
      </fieldset>
    </>
  );
}

/** The care plan: half or full days per weekday, fixed or changing, early or late hours, care needs. */
export function CarePlanFields(props: { lang: Language; form: FormState; voice?: Voice }) {
  const { lang, form } = props;
  const t = voiced(messages[lang], lang, props.voice);
  const w = voiced(wizardMessages[lang], lang, props.voice);
  const dayOptions = (['none', 'half', 'full'] as const).map((p) => ({ value: p, label: t.dayParts[p] }));
  const planError = form.errors.carePlan;
  return (
    <>
      <fieldset
        class="utrecht-form-fieldset ko-fieldset"
        id="field-carePlan"
        aria-describedby={planError ? 'error-carePlan' : undefined}
      >
        <legend class="utrecht-form-fieldset__legend">
          {t.carePlan} <span class="ko-required">{common[lang].requiredMarker}</span>
        </legend>
        {planError && (
          <p class="utrecht-form-field-error-message" id="error-carePlan">
            {errorText(lang, planError)}
          </p>
        )}
        <div class="ko-care-plan">
          {WEEKDAYS.map((d) => (
            <SelectField
              key={d}
              lang={lang}
              form={form}
              name={`day_${d}`}
              label={t.dayNames[d]}
              options={dayOptions}
            />
          ))}
        </div>
      </fieldset>
      <ChoiceGroup
        lang={lang}
        form={form}
        name="fixed"
        legend={w.fixed}
        options={(['fixed', 'variable'] as const).map((v) => ({ value: v, label: w.fixedOptions[v] }))}
      />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="hours"
        legend={w.hours}
        multiple
        options={(['early', 'late'] as const).map((v) => ({ value: v, label: w.hoursOptions[v] }))}
      />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="careNeeds"
        legend={w.careNeeds}
        hint={w.careNeedsHint}
        options={[
          { value: 'no', label: w.no },
          { value: 'yes', label: w.yes },
        ]}
      />
      <TextAreaField
        lang={lang}
        form={form}
        name="careNeedsText"
        label={w.careNeedsText}
        hint={w.careNeedsHint}
      />
    </>
  );
}

export type ChosenEntry = {
  key: string;
  name: string;
  careType: 'group' | 'family' | 'out_of_school';
  /** Where the location is; for a filed request, its provider's answer. */
  detail?: string | undefined;
  removable?: boolean;
};

/** The kinds of care to filter on: out-of-school care only where a municipality of the region takes requests for it. */
function careTypesOf(search: LocationSearch) {
  const outOfSchool = search.municipalities.some((m) => m.outOfSchoolRequests);
  return outOfSchool ? (['group', 'family', 'out_of_school'] as const) : (['group', 'family'] as const);
}

/**
 * The ordered choices with up / down / remove buttons, then the region's locations with filters
 * and an add button each. Every button is a plain form button (works without JavaScript); the
 * filters travel along so the parent stays on the same search.
 */
export function PreferenceEditor(props: {
  lang: Language;
  csrfToken: string;
  /** Where the buttons post (name "op", value "up:<key>", "add:<locationId>"…). */
  action: string;
  /** Where the search form goes (GET). */
  searchAction: string;
  entries: ChosenEntry[];
  /** The locations already chosen (no add button for them). */
  chosenLocations: string[];
  max: number;
  canReorder: boolean;
  search: LocationSearch;
  form: FormState;
}) {
  const { lang, entries, search } = props;
  const t = messages[lang];
  const w = wizardMessages[lang];
  const error = props.form.errors.preferences;
  const chosen = new Set(props.chosenLocations);
  return (
    <>
      <section id="field-preferences" aria-labelledby="chosen-heading" tabIndex={-1}>
        <h2 class="utrecht-heading-2" id="chosen-heading">
          {w.chosen(entries.length, props.max)}
        </h2>
        {error && (
          <p class="utrecht-form-field-error-message" id="error-preferences">
            {errorText(lang, error)}
          </p>
        )}
        {entries.length === 0 ? (
          <p class="utrecht-paragraph">{w.noneChosen}</p>
        ) : (
          <form method="post" action={`${props.action}?${search.query}`} class="ko-choices-form">
            <CsrfField token={props.csrfToken} />
            {props.canReorder && <p class="utrecht-paragraph">{w.orderHint}</p>}
            <ol class="ko-choice-list" data-qa="chosen-preferences">
              {entries.map((e, i) => (
                <li key={e.key} class="ko-choice" data-qa="chosen-preference">
                  <span class="ko-choice__name">
                    <strong>{e.name}</strong> ({t.careTypes[e.careType]}){e.detail ? ` – ${e.detail}` : ''}
                  </span>
                  <span class="ko-choice__buttons">
                    {props.canReorder && i > 0 && (
                      <button
                        type="submit"
                        class="utrecht-button utrecht-button--secondary-action"
                        name="op"
                        value={`up:${e.key}`}
                      >
                        {w.moveUp}
                        <Hidden>: {e.name}</Hidden>
                      </button>
                    )}
                    {props.canReorder && i < entries.length - 1 && (
                      <button
                        type="submit"
                        class="utrecht-button utrecht-button--secondary-action"
                        name="op"
                        value={`down:${e.key}`}
                      >
                        {w.moveDown}
                        <Hidden>: {e.name}</Hidden>
                      </button>
                    )}
                    {e.removable !== false && (
                      <button
                        type="submit"
                        class="utrecht-button utrecht-button--subtle ko-button-danger"
                        name="op"
                        value={`remove:${e.key}`}
                      >
                        {w.remove}
                        <Hidden>: {e.name}</Hidden>
                      </button>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          </form>
        )}
      </section>
      {props.canReorder && (
        <section aria-labelledby="search-heading">
          <h2 class="utrecht-heading-2" id="search-heading">
            {w.searchHeading}
          </h2>
          <form method="get" action={props.searchAction} class="ko-filter-form" data-qa="location-filter">
            <SelectField
              lang={lang}
              form={{ values: search.values, errors: {} }}
              name="careType"
              label={w.careType}
              emptyLabel={w.allTypes}
              options={careTypesOf(search).map((c) => ({ value: c, label: t.careTypes[c] }))}
            />
            <SelectField
              lang={lang}
              form={{ values: search.values, errors: {} }}
              name="municipalityId"
              label={w.municipality}
              emptyLabel={w.allMunicipalities}
              options={search.municipalities.map((m) => ({ value: m.id, label: m.name }))}
            />
            <TextField lang={lang} form={{ values: search.values, errors: {} }} name="name" label={w.name} />
            <SubmitButton qa="search-locations" secondary>
              {w.search}
            </SubmitButton>
          </form>
          {search.results.length === 0 ? (
            <p class="utrecht-paragraph">{w.noResults}</p>
          ) : (
            <form method="post" action={`${props.action}?${search.query}`}>
              <CsrfField token={props.csrfToken} />
              <TableScroll label={w.resultsCaption(search.results.length)}>
                <table class="utrecht-table ko-table ko-table--stack" data-qa="location-results">
                  <caption class="utrecht-table__caption">{w.resultsCaption(search.results.length)}</caption>
                  <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                      <th scope="col" class="utrecht-table__header-cell">
                        {t.location}
                      </th>
                      <th scope="col" class="utrecht-table__header-cell">
                        {w.careType}
                      </th>
                      <th scope="col" class="utrecht-table__header-cell">
                        {w.municipality}
                      </th>
                      <th scope="col" class="utrecht-table__header-cell">
                        <Hidden>{w.add}</Hidden>
                      </th>
                    </tr>
                  </thead>
                  <tbody class="utrecht-table__body">
                    {search.results.map((l) => (
                      <tr class="utrecht-table__row" key={l.id} data-qa="location-result">
                        <td class="utrecht-table__cell ko-wrap">{l.name}</td>
                        <td class="utrecht-table__cell">{t.careTypes[l.careType]}</td>
                        <td class="utrecht-table__cell">{l.municipalityName}</td>
                        <td class="utrecht-table__cell">
                          {!chosen.has(l.id) && (
                            <button
                              type="submit"
                              class="utrecht-button utrecht-button--secondary-action"
                              name="op"
                              value={`add:${l.id}`}
                              data-qa="add-location"
                            >
                              {w.add}
                              <Hidden>: {l.name}</Hidden>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              {search.more && <p class="utrecht-paragraph">{w.moreResults}</p>}
            </form>
          )}
        </section>
      )}
    </>
  );
}
