import { common, errorText } from '../../platform/i18n/common.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { PreferencesTable } from './preferences-table.tsx';
import { messages } from './requests.messages.ts';
import type { getParentOverview, getRequestFormData, getRequestForParent } from './requests.service.ts';
import { childName } from './requests.service.ts';
import { Timeline } from './timeline.tsx';

export function ParentHomePage(props: {
  ctx: PageContext;
  overview: Awaited<ReturnType<typeof getParentOverview>>;
}) {
  const { ctx, overview } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.parentHomeTitle}>
      <h1 class="utrecht-heading-1">{t.parentHomeTitle}</h1>
      {overview.requests.length === 0 ? (
        <p class="utrecht-paragraph">{t.noRequestsYet}</p>
      ) : (
        <ul class="ko-card-list" data-qa="request-list">
          {overview.requests.map((r) => (
            <li key={r.id} class="ko-card">
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link" href={`/parent/requests/${r.id}`} data-qa="request-link">
                  {t.requestTitle(childName({ firstName: r.childFirstName, lastName: r.childLastName }))}
                </a>
              </h2>
              <p class="utrecht-paragraph">
                {t.requestStatus}: <strong>{t.requestStatuses[r.status]}</strong> · {t.startDate}:{' '}
                {formatDate(ctx.lang, r.desiredStart)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href="/parent/requests/new"
          data-qa="new-request"
        >
          {t.newRequest}
        </a>
      </p>
    </Layout>
  );
}

export function NewRequestPage(props: {
  ctx: PageContext;
  form: FormState;
  data: Awaited<ReturnType<typeof getRequestFormData>>;
  submissionKey: string;
}) {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const defaults = Object.fromEntries(WEEKDAYS.map((d) => [`day_${d}`, 'none']));
  const form: FormState = { ...props.form, values: { childBorn: 'yes', ...defaults, ...props.form.values } };
  const dayOptions = (['none', 'half', 'full'] as const).map((p) => ({ value: p, label: t.dayParts[p] }));
  const locationOptions = data.locations.map((l) => ({
    value: l.id,
    label: `${l.name} (${t.careTypes[l.careType]}, ${l.municipalityName})`,
  }));
  const carePlanError = form.errors.carePlan;
  return (
    <Layout ctx={ctx} title={t.newRequestTitle}>
      <h1 class="utrecht-heading-1">{t.newRequestTitle}</h1>
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph">{t.newRequestIntro}</p>
      <form method="post" action="/parent/requests" novalidate class="ko-form" data-qa="request-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
        {!data.hasFamily && (
          <section aria-labelledby="section-family">
            <h2 class="utrecht-heading-2" id="section-family">
              {t.sectionFamily}
            </h2>
            <TextField
              lang={lang}
              form={form}
              name="parentFirstName"
              label={t.parentFirstName}
              autocomplete="given-name"
              required
            />
            <TextField
              lang={lang}
              form={form}
              name="parentLastName"
              label={t.parentLastName}
              autocomplete="family-name"
              required
            />
            <TextField lang={lang} form={form} name="phone" type="tel" label={t.phone} autocomplete="tel" />
            <SelectField
              lang={lang}
              form={form}
              name="municipalityId"
              label={t.municipality}
              emptyLabel={t.chooseMunicipality}
              options={data.municipalities.map((m) => ({ value: m.id, label: m.name }))}
              required
            />
          </section>
        )}
        <section aria-labelledby="section-child">
          <h2 class="utrecht-heading-2" id="section-child">
            {t.sectionChild}
          </h2>
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
            name="expectedBirthDate"
            type="date"
            label={t.expectedBirthDate}
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
        </section>
        <section aria-labelledby="section-care">
          <h2 class="utrecht-heading-2" id="section-care">
            {t.sectionCare}
          </h2>
          <TextField
            lang={lang}
            form={form}
            name="desiredStart"
            type="date"
            label={t.desiredStart}
            hint={t.dateHint}
            required
          />
          <TextField
            lang={lang}
            form={form}
            name="desiredEnd"
            type="date"
            label={t.desiredEnd}
            hint={t.desiredEndHint}
          />
          <fieldset
            class="utrecht-form-fieldset ko-fieldset"
            id="field-carePlan"
            aria-describedby={carePlanError ? 'error-carePlan' : undefined}
          >
            <legend class="utrecht-form-fieldset__legend">
              {t.carePlan} <span class="ko-required">{common[lang].requiredMarker}</span>
            </legend>
            {carePlanError && (
              <p class="utrecht-form-field-error-message" id="error-carePlan">
                {errorText(lang, carePlanError)}
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
        </section>
        <section aria-labelledby="section-preferences">
          <h2 class="utrecht-heading-2" id="section-preferences">
            {t.sectionPreferences}
          </h2>
          <p class="utrecht-paragraph">{t.preferenceHint}</p>
          {Array.from({ length: data.maxPreferences }, (_, i) => (
            <SelectField
              key={`p${i + 1}`}
              lang={lang}
              form={form}
              name={`preference${i + 1}`}
              label={t.preference(i + 1)}
              emptyLabel={t.noChoice}
              options={locationOptions}
              required={i === 0}
            />
          ))}
        </section>
        <SubmitButton qa="submit-request">{t.submitRequest}</SubmitButton>
      </form>
    </Layout>
  );
}

export function FollowUpPage(props: {
  ctx: PageContext;
  detail: Awaited<ReturnType<typeof getRequestForParent>>;
  form: FormState;
}) {
  const { ctx, detail, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const name = childName(detail.child);
  const { request, preferences, events } = detail;
  const offers = preferences.filter((p) => p.offerId && p.status === 'offer_made');
  return (
    <Layout ctx={ctx} title={t.requestTitle(name)}>
      <h1 class="utrecht-heading-1">{t.requestTitle(name)}</h1>
      <ErrorSummary lang={lang} form={form} />
      <dl class="ko-facts">
        <div>
          <dt>{t.fileNumber}</dt>
          <dd>{detail.family.fileNumber}</dd>
        </div>
        <div>
          <dt>{t.requestStatus}</dt>
          <dd data-qa="request-status">{t.requestStatuses[request.status]}</dd>
        </div>
        <div>
          <dt>{t.submittedOn}</dt>
          <dd>{formatDate(lang, request.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t.startDate}</dt>
          <dd>{formatDate(lang, request.desiredStart)}</dd>
        </div>
      </dl>
      {offers.map((p) => {
        const higherOpen = preferences.some(
          (o) =>
            o.id !== p.id &&
            o.rank !== null &&
            p.rank !== null &&
            o.rank < p.rank &&
            ['new', 'seen', 'waiting_list', 'offer_made'].includes(o.status),
        );
        return (
          <section
            class="ko-offer utrecht-alert utrecht-alert--info"
            aria-labelledby={`offer-${p.offerId}`}
            key={p.offerId}
            data-qa="offer"
          >
            <h2 class="utrecht-heading-2" id={`offer-${p.offerId}`}>
              {t.offerHeading(p.locationName)}
            </h2>
            <dl class="ko-facts">
              <div>
                <dt>{t.offerStart}</dt>
                <dd>{p.offerStart ? formatDate(lang, p.offerStart) : ''}</dd>
              </div>
              <div>
                <dt>{t.offerDeadline}</dt>
                <dd>{p.offerDeadline ? formatDate(lang, p.offerDeadline) : ''}</dd>
              </div>
            </dl>
            {p.offerMessage && (
              <p class="utrecht-paragraph">
                <strong>{t.offerMessage}:</strong> {p.offerMessage}
              </p>
            )}
            <form
              method="post"
              action={`/parent/requests/${request.id}/offers/${p.offerId}/accept`}
              class="ko-form"
            >
              <CsrfField token={ctx.csrfToken} />
              {higherOpen && (
                <ChoiceGroup
                  lang={lang}
                  form={form}
                  name="keepHigher"
                  legend={t.keepHigher}
                  options={[
                    { value: 'yes', label: t.keepHigherYes },
                    { value: 'no', label: t.keepHigherNo },
                  ]}
                  required
                />
              )}
              <SubmitButton qa="accept-offer">{t.accept}</SubmitButton>
            </form>
            <form
              method="post"
              action={`/parent/requests/${request.id}/offers/${p.offerId}/decline`}
              class="ko-form"
            >
              <CsrfField token={ctx.csrfToken} />
              <SubmitButton qa="decline-offer" secondary>
                {t.decline}
              </SubmitButton>
            </form>
          </section>
        );
      })}
      <h2 class="utrecht-heading-2">{t.preferencesHeading}</h2>
      <PreferencesTable lang={lang} preferences={preferences} showNextStep />
      <h2 class="utrecht-heading-2">{t.timeline}</h2>
      <Timeline lang={lang} events={events} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/parent">
          {t.parentHomeTitle}
        </a>
      </p>
    </Layout>
  );
}
