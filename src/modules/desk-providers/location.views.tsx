import { formatNumber } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { DeskLayout, DeskNav } from '../desk/index.ts';
import { Notice } from '../provider-locations/index.ts';
import {
  OUT_OF_SCHOOL_SERVICES,
  ProfileFields,
  profileFormValues,
  profileMessages,
} from '../provider-profile/index.ts';
import { providerMessages } from './desk-providers.messages.ts';
import { CARE_TYPES, MODULES, SUBSIDY_LEVELS } from './desk-providers.schemas.ts';
import type { LocationData } from './desk-providers.service.ts';
import { type Done, doneText, locationPath, organisationPath, StateBadge } from './desk-providers.views.tsx';

/** The desk's pages for one location: its form (new or edit), the location's page, deactivating it. */

/** What a new location's form starts with: open weekdays, Dutch, the usual age range. */
export const newLocationForm: FormState = {
  values: { careType: 'group', subsidyLevel: '0', languages: ['nl'], minAgeMonths: '0', maxAgeMonths: '36' },
  errors: {},
};

/**
 * The location's form: empty (newLocationForm) to add a location to the organisation, or filled
 * with the location's details to correct them (`editing`); the same fields and rules either way.
 */
export function LocationFormPage(props: {
  ctx: PageContext;
  organisation: { id: string; name: string };
  form: FormState;
  editing?: { id: string; name: string };
}) {
  const { ctx, organisation, form, editing } = props;
  const lang = ctx.lang;
  const t = providerMessages[lang];
  const p = profileMessages[lang];
  const title = editing ? t.editTitle(editing.name) : t.newLocationTitle(organisation.name);
  const back = editing
    ? { href: locationPath(editing.id), label: t.backTo(editing.name) }
    : { href: organisationPath(organisation.id), label: t.backTo(organisation.name) };
  return (
    <DeskLayout ctx={ctx} title={title} current="providers">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={back.href}>
          {back.label}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{editing ? t.editLocationIntro : t.newLocationIntro}</p>
      <ErrorSummary lang={lang} form={form} />
      <form
        method="post"
        action={
          editing ? `${locationPath(editing.id)}/edit` : `${organisationPath(organisation.id)}/locations`
        }
        class="ko-form ko-form--wide"
        novalidate
        data-qa="location-form"
      >
        <CsrfField token={ctx.csrfToken} />
        <h2 class="utrecht-heading-2">{t.sectionLocation}</h2>
        <TextField lang={lang} form={form} name="name" label={t.locationName} autocomplete="off" required />
        <SelectField
          lang={lang}
          form={form}
          name="careType"
          label={t.careType}
          required
          options={CARE_TYPES.map((c) => ({ value: c, label: t.careTypes[c] }))}
        />
        <p class="utrecht-paragraph ko-muted" data-qa="care-type-hint">
          {t.careTypeHint}
        </p>
        <TextField lang={lang} form={form} name="street" label={t.street} autocomplete="off" required />
        <TextField
          lang={lang}
          form={form}
          name="houseNumber"
          label={t.houseNumber}
          autocomplete="off"
          required
        />
        <TextField
          lang={lang}
          form={form}
          name="postcode"
          label={t.postcode}
          inputMode="numeric"
          autocomplete="off"
          required
        />
        <TextField lang={lang} form={form} name="city" label={t.city} autocomplete="off" required />
        <ProfileFields
          lang={lang}
          form={form}
          subsidy={
            <SelectField
              lang={lang}
              form={form}
              name="subsidyLevel"
              label={t.subsidyLevel}
              required
              options={SUBSIDY_LEVELS.map((l) => ({ value: l, label: p.subsidyLevels[l] }))}
            />
          }
        />
        <div class="ko-button-row">
          <SubmitButton qa={editing ? 'save-location' : 'create-location'}>
            {editing ? t.save : t.createLocation}
          </SubmitButton>
          {editing && (
            <a class="utrecht-link" href={locationPath(editing.id)}>
              {t.cancelEdit}
            </a>
          )}
        </div>
      </form>
    </DeskLayout>
  );
}

/** The stored location as the form's values: its profile, and what only the desk sets. */
export function locationFormValues(loc: LocationData['location']): FormState {
  const profile = profileFormValues(loc);
  return {
    values: {
      ...profile.values,
      name: loc.name,
      careType: loc.careType,
      subsidyLevel: String(loc.subsidyLevel),
      street: loc.street,
      houseNumber: loc.houseNumber,
      postcode: loc.postcode,
      city: loc.city,
    },
    errors: {},
  };
}

export function LocationPage(props: { ctx: PageContext; data: LocationData; done?: Done | undefined }) {
  const { ctx, data, done } = props;
  const lang = ctx.lang;
  const t = providerMessages[lang];
  const loc = data.location;
  const base = locationPath(loc.id);
  const on = {
    planning: loc.planningEnabled,
    attendance: loc.attendanceEnabled,
    invoicing: loc.invoicingEnabled,
  };
  const modulesForm: FormState = { values: { modules: MODULES.filter((m) => on[m]) }, errors: {} };
  return (
    <DeskLayout ctx={ctx} title={loc.name} current="providers">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={organisationPath(loc.organisationId)}>
          {t.backTo(data.organisationName)}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{loc.name}</h1>
      {done && <Notice>{doneText(lang, done)}</Notice>}
      <dl class="ko-facts" data-qa="location-facts">
        <Fact label={t.organisation}>{data.organisationName}</Fact>
        <Fact label={t.state}>
          <StateBadge lang={lang} active={loc.active} />
        </Fact>
        <Fact label={t.careType}>{t.careTypes[loc.careType]}</Fact>
        <Fact label={t.address}>{`${loc.street} ${loc.houseNumber}, ${loc.postcode} ${loc.city}`}</Fact>
        <Fact label={t.capacity}>{formatNumber(lang, loc.capacity)}</Fact>
        <Fact label={t.ages}>{t.months(loc.minAgeMonths, loc.maxAgeMonths)}</Fact>
        <Fact label={t.subsidyLevel}>
          {profileMessages[lang].subsidyLevels[String(loc.subsidyLevel) as '0' | '1' | '2' | '3']}
        </Fact>
        {loc.careType === 'out_of_school' && (
          <>
            <Fact label={profileMessages[lang].sectionOutOfSchool} qa="location-out-of-school">
              {OUT_OF_SCHOOL_SERVICES.filter((sv) => loc.outOfSchoolHours[sv])
                .map((sv) => {
                  const h = loc.outOfSchoolHours[sv];
                  return `${profileMessages[lang].outOfSchoolServices[sv]} ${h?.opens}–${h?.closes}`;
                })
                .join(' · ')}
            </Fact>
            <Fact label={profileMessages[lang].schoolsServed} qa="location-schools">
              {loc.schoolsServed.join(' · ')}
            </Fact>
          </>
        )}
        <Fact label={t.requests} qa="location-requests">
          {formatNumber(lang, data.requests)}
        </Fact>
        <Fact label={t.modulesTitle} qa="location-modules">
          {MODULES.map((m) => `${t.modules[m]}: ${on[m] ? t.moduleOn : t.moduleOff}`).join(' · ')}
        </Fact>
      </dl>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/edit`} data-qa="edit-location">
          {t.editLocation}
        </a>
      </p>
      {loc.active && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/providers/${loc.id}`} data-qa="view-public-profile">
            {t.viewPublic}
          </a>
        </p>
      )}
      {loc.active && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/import`} data-qa="import-waiting-list">
            {t.importWaitingList}
          </a>
        </p>
      )}
      <h2 class="utrecht-heading-2">{t.modulesTitle}</h2>
      <p class="utrecht-paragraph">{t.modulesIntro}</p>
      <form method="post" action={`${base}/modules`} class="ko-form" novalidate data-qa="modules-form">
        <CsrfField token={ctx.csrfToken} />
        <ChoiceGroup
          lang={lang}
          form={modulesForm}
          name="modules"
          legend={t.modulesLegend}
          multiple
          options={MODULES.map((m) => ({ value: m, label: t.modules[m] }))}
        />
        <SubmitButton qa="save-modules" secondary>
          {t.modulesSave}
        </SubmitButton>
      </form>
      <h2 class="utrecht-heading-2">{t.deactivateTitle}</h2>
      {loc.active ? (
        <>
          <p class="utrecht-paragraph">{t.deactivateIntro}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base}/deactivate`} data-qa="deactivate">
              {t.deactivate}
            </a>
          </p>
        </>
      ) : (
        <form
          method="post"
          action={`${base}/reactivate`}
          class="ko-form"
          novalidate
          data-qa="reactivate-form"
        >
          <CsrfField token={ctx.csrfToken} />
          <p class="utrecht-paragraph">{t.reactivateIntro}</p>
          <SubmitButton qa="reactivate" secondary>
            {t.reactivate}
          </SubmitButton>
        </form>
      )}
    </DeskLayout>
  );
}

/** What deactivating does, before it is done (UX.md rule 4). */
export function DeactivateConfirmPage(props: { ctx: PageContext; data: LocationData }) {
  const { ctx, data } = props;
  const t = providerMessages[ctx.lang];
  const base = locationPath(data.location.id);
  return (
    <ConfirmPage
      ctx={ctx}
      nav={<DeskNav lang={ctx.lang} current="providers" />}
      title={t.deactivateConfirmTitle(data.location.name)}
      happens={[t.deactivateSearch, t.deactivateLists, t.deactivateHistory]}
      warning={t.deactivateUndo}
      warningLabel={t.warning}
      action={`${base}/deactivate`}
      submitLabel={t.deactivateConfirm}
      cancel={{ href: base, label: t.cancel }}
      qa="confirm-deactivate"
    />
  );
}
