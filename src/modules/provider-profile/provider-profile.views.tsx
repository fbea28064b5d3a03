import type { ComponentChildren } from 'preact';
import { formatDate, type Language } from '../../platform/i18n/index.ts';
import { SPOKEN_LANGUAGES, spokenLanguageNames } from '../../platform/i18n/spoken-languages.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { TextArea } from '../provider-locations/index.ts';
import { AgeRangeFields, DoneNotice, ProfileNav, TimeInput } from './provider-profile.components.tsx';
import { messages } from './provider-profile.messages.ts';
import { HOURS_DAYS, OUT_OF_SCHOOL_SERVICES, TEXT_LANGUAGES } from './provider-profile.schemas.ts';
import { type CareType, type ProfileData, periodKey } from './provider-profile.service.ts';

export type ProfileDone = 'saved' | 'closingAdded' | 'closingRemoved';

/** The stored profile as form values (what the form shows before any submit). */
export function profileFormValues(location: ProfileData['location']): FormState {
  const v: FormState['values'] = {};
  for (const lang of TEXT_LANGUAGES) {
    v[`description_${lang}`] = location.description?.[lang] ?? '';
    v[`priceInfo_${lang}`] = location.priceInfo?.[lang] ?? '';
  }
  for (const day of HOURS_DAYS) {
    v[`opens_${day}`] = location.openingHours[day]?.opens ?? '';
    v[`closes_${day}`] = location.openingHours[day]?.closes ?? '';
  }
  v.languages = location.languages;
  v.capacity = String(location.capacity);
  v.minAgeMonths = String(location.minAgeMonths);
  v.maxAgeMonths = String(location.maxAgeMonths);
  v.care = [
    location.inclusiveCare ? 'inclusiveCare' : '',
    location.occasionalCare ? 'occasionalCare' : '',
  ].filter(Boolean);
  for (const service of OUT_OF_SCHOOL_SERVICES) {
    v[`oscOpens_${service}`] = location.outOfSchoolHours[service]?.opens ?? '';
    v[`oscCloses_${service}`] = location.outOfSchoolHours[service]?.closes ?? '';
  }
  v.schoolsServed = location.schoolsServed.join('\n');
  v.phone = location.phone ?? '';
  v.email = location.email ?? '';
  v.website = location.website ?? '';
  return { values: v, errors: {} };
}

export function ProfilePage(props: {
  ctx: PageContext;
  data: ProfileData;
  form: FormState;
  closingForm: FormState;
  done?: ProfileDone;
}) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const loc = data.location;
  const base = `/provider/locations/${loc.id}/profile`;
  const level = String(Math.min(3, Math.max(0, loc.subsidyLevel))) as '0' | '1' | '2' | '3';
  const periods = loc.closingPeriods.filter((p) => p.until >= data.today);
  return (
    <Layout ctx={ctx} title={t.profileTitle(loc.name)}>
      <h1 class="utrecht-heading-1">{t.profileTitle(loc.name)}</h1>
      <ProfileNav lang={lang} location={loc} current="profile" />
      <DoneNotice text={props.done ? t[props.done] : undefined} />
      <p class="utrecht-paragraph">{t.profileIntro}</p>
      <ul class="ko-inline-list">
        <li>
          <a class="utrecht-link" href={`/providers/${loc.id}`} data-qa="view-public-profile">
            {t.viewPublic}
          </a>
        </li>
        {data.isAdmin && (
          <li>
            <a
              class="utrecht-link"
              href={`/provider/organisations/${loc.organisationId}/staff`}
              data-qa="manage-staff"
            >
              {t.manageStaff}
            </a>
          </li>
        )}
      </ul>
      <ErrorSummary lang={lang} form={form} />
      <form method="post" action={base} class="ko-form ko-form--wide" novalidate data-qa="profile-form">
        <CsrfField token={ctx.csrfToken} />
        <ProfileFields
          lang={lang}
          form={form}
          careType={loc.careType}
          subsidy={
            <dl class="ko-data-list">
              <dt>{t.subsidyLevel}</dt>
              <dd data-qa="subsidy-level">
                {t.subsidyLevels[level]} <span class="ko-muted">({t.subsidyHint})</span>
              </dd>
            </dl>
          }
        />
        <SubmitButton qa="save-profile">{t.save}</SubmitButton>
      </form>

      <h2 class="utrecht-heading-2" id="closing">
        {t.sectionClosing}
      </h2>
      <p class="utrecht-paragraph">{t.closingIntro}</p>
      {periods.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="no-closing">
          {t.noClosing}
        </p>
      ) : (
        <ul class="ko-card-list" data-qa="closing-periods">
          {periods.map((p) => {
            const from = formatDate(lang, p.from);
            const until = formatDate(lang, p.until);
            return (
              <li key={periodKey(p)} class="ko-card ko-card--row">
                <span>
                  {from} – {until}
                  {p.reason ? ` · ${p.reason[lang] ?? p.reason.nl}` : ''}
                </span>
                <form method="post" action={`${base}/closing-periods/remove`} class="ko-inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="period" value={periodKey(p)} />
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--secondary-action ko-button--small"
                    aria-label={t.removeClosing(from, until)}
                  >
                    {t.remove}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorSummary lang={lang} form={props.closingForm} />
      <form
        method="post"
        action={`${base}/closing-periods`}
        class="ko-form"
        novalidate
        data-qa="closing-form"
      >
        <CsrfField token={ctx.csrfToken} />
        <h3 class="utrecht-heading-3">{t.addClosing}</h3>
        <TextField lang={lang} form={props.closingForm} name="from" label={t.from} type="date" required />
        <TextField lang={lang} form={props.closingForm} name="until" label={t.until} type="date" required />
        {TEXT_LANGUAGES.map((l) => (
          <TextField
            key={l}
            lang={lang}
            form={props.closingForm}
            name={`reason_${l}`}
            label={`${t.reason} ${t.inLanguage[l]}`}
          />
        ))}
        <SubmitButton qa="add-closing" secondary>
          {t.addClosing}
        </SubmitButton>
      </form>
    </Layout>
  );
}

/**
 * The profile's fields (texts, hours per day, places, ages, languages, care, price, contact): the
 * provider's own profile form, and the desk's form for a new location (desk-providers), which
 * passes its own subsidy field; here the subsidy level is only shown. The out-of-school care fields
 * (services with their hours, schools served) show for such a location, and in the desk's form,
 * where the kind of care is chosen in the same form (no script), with a hint saying for whom.
 */
export function ProfileFields(props: {
  lang: Language;
  form: FormState;
  subsidy: ComponentChildren;
  /** The location's kind of care; undefined in the desk's form for a new location. */
  careType?: CareType;
}) {
  const { lang, form } = props;
  const t = messages[lang];
  const outOfSchool = props.careType === undefined || props.careType === 'out_of_school';
  return (
    <>
      <h2 class="utrecht-heading-2">{t.sectionDescription}</h2>
      {TEXT_LANGUAGES.map((l) => (
        <TextArea
          key={l}
          lang={lang}
          form={form}
          name={`description_${l}`}
          label={`${t.description} ${t.inLanguage[l]}`}
          hint={l === 'nl' ? t.descriptionHint : undefined}
          rows={6}
        />
      ))}
      <h2 class="utrecht-heading-2">{t.sectionHours}</h2>
      <p class="utrecht-paragraph" id="hours-hint">
        {t.hoursHint}
      </p>
      <TableScroll label={t.sectionHours}>
        <table class="utrecht-table ko-table ko-table--compact" aria-describedby="hours-hint">
          <caption class="ko-visually-hidden">{t.sectionHours}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <td class="utrecht-table__header-cell" />
              <th class="utrecht-table__header-cell" scope="col">
                {t.opens}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t.closes}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {HOURS_DAYS.map((day) => (
              <tr class="utrecht-table__row" key={day}>
                <th class="utrecht-table__header-cell" scope="row">
                  {t.days[day]}
                </th>
                <td class="utrecht-table__cell">
                  <TimeInput
                    lang={lang}
                    form={form}
                    name={`opens_${day}`}
                    label={`${t.days[day]}: ${t.opens}`}
                  />
                </td>
                <td class="utrecht-table__cell">
                  <TimeInput
                    lang={lang}
                    form={form}
                    name={`closes_${day}`}
                    label={`${t.days[day]}: ${t.closes}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2 class="utrecht-heading-2">{t.sectionFacts}</h2>
      <TextField
        lang={lang}
        form={form}
        name="capacity"
        label={t.capacity}
        type="number"
        inputMode="numeric"
        required
      />
      {outOfSchool && (
        <p class="utrecht-paragraph ko-muted" data-qa="ages-hint">
          {t.agesHint}
        </p>
      )}
      <AgeRangeFields lang={lang} form={form} />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="languages"
        legend={t.languages}
        multiple
        options={SPOKEN_LANGUAGES.map((l) => ({ value: l, label: spokenLanguageNames[lang][l] }))}
      />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="care"
        legend={t.careOptions}
        multiple
        options={[
          { value: 'inclusiveCare', label: t.inclusiveCare },
          { value: 'occasionalCare', label: t.occasionalCare },
        ]}
      />
      {outOfSchool && <OutOfSchoolFields lang={lang} form={form} desk={props.careType === undefined} />}
      <h2 class="utrecht-heading-2">{t.sectionPrice}</h2>
      {props.subsidy}
      {TEXT_LANGUAGES.map((l) => (
        <TextArea
          key={l}
          lang={lang}
          form={form}
          name={`priceInfo_${l}`}
          label={`${t.priceInfo} ${t.inLanguage[l]}`}
          rows={3}
        />
      ))}
      <h2 class="utrecht-heading-2">{t.sectionContact}</h2>
      <TextField lang={lang} form={form} name="phone" label={t.phone} type="tel" autocomplete="off" />
      <TextField lang={lang} form={form} name="email" label={t.email} type="email" autocomplete="off" />
      <TextField
        lang={lang}
        form={form}
        name="website"
        label={t.website}
        hint={t.websiteHint}
        autocomplete="off"
      />
    </>
  );
}

/** Out-of-school care: the hours of each service and the schools served (one per line). */
function OutOfSchoolFields(props: { lang: Language; form: FormState; desk: boolean }) {
  const { lang, form } = props;
  const t = messages[lang];
  return (
    <>
      <h2 class="utrecht-heading-2" id="out-of-school">
        {t.sectionOutOfSchool}
      </h2>
      <p class="utrecht-paragraph" id="osc-hint">
        {props.desk ? t.outOfSchoolDeskHint : t.outOfSchoolIntro}
      </p>
      <TableScroll label={t.sectionOutOfSchool}>
        <table
          class="utrecht-table ko-table ko-table--compact"
          aria-describedby="osc-hint"
          data-qa="out-of-school-hours"
        >
          <caption class="ko-visually-hidden">{t.sectionOutOfSchool}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t.service}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t.opens}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t.closes}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {OUT_OF_SCHOOL_SERVICES.map((service) => (
              <tr class="utrecht-table__row" key={service}>
                <th class="utrecht-table__header-cell" scope="row">
                  {t.outOfSchoolServices[service]}
                </th>
                <td class="utrecht-table__cell">
                  <TimeInput
                    lang={lang}
                    form={form}
                    name={`oscOpens_${service}`}
                    label={`${t.outOfSchoolServices[service]}: ${t.opens}`}
                  />
                </td>
                <td class="utrecht-table__cell">
                  <TimeInput
                    lang={lang}
                    form={form}
                    name={`oscCloses_${service}`}
                    label={`${t.outOfSchoolServices[service]}: ${t.closes}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TextArea
        lang={lang}
        form={form}
        name="schoolsServed"
        label={t.schoolsServed}
        hint={t.schoolsHint}
        rows={4}
      />
    </>
  );
}
