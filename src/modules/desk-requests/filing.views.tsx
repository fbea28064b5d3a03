import type { ComponentChildren } from 'preact';
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
import { familyMessages, ParentFields } from '../families/index.ts';
import { CarePlanFields, NewChildFields } from '../request-journey/index.ts';
import { requestMessages } from '../requests/index.ts';
import { messages } from './desk-requests.messages.ts';

type Option = { value: string; label: string };

function Section(props: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="utrecht-form-fieldset ko-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-heading-2">{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

/** Registering a family that phones: parents, how to reach them, the address. */
export function PhoneFamilyPage(props: { ctx: PageContext; form: FormState; subMunicipalities: Option[] }) {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const f = familyMessages[lang];
  return (
    <Layout ctx={ctx} title={t.newFamilyTitle}>
      <h1 class="utrecht-heading-1">{t.newFamilyTitle}</h1>
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph">{t.newFamilyIntro}</p>
      <form method="post" action="/desk/families/new" novalidate data-qa="desk-family-form">
        <CsrfField token={ctx.csrfToken} />
        <Section legend={t.sectionParent}>
          <ParentFields lang={lang} form={form} n={1} numberKept={false} />
        </Section>
        <Section legend={t.sectionSecondParent}>
          <ParentFields lang={lang} form={form} n={2} numberKept={false} />
        </Section>
        <Section legend={t.sectionAddress}>
          <TextField lang={lang} form={form} name="street" label={f.street} />
          <TextField lang={lang} form={form} name="houseNumber" label={f.houseNumber} />
          <TextField lang={lang} form={form} name="postcode" label={f.postcode} />
          <TextField lang={lang} form={form} name="city" label={f.city} />
          {props.subMunicipalities.length > 0 && (
            <SelectField
              lang={lang}
              form={form}
              name="subMunicipalityId"
              label={f.subMunicipality}
              emptyLabel={f.chooseSubMunicipality}
              options={props.subMunicipalities}
              required
            />
          )}
        </Section>
        <SubmitButton qa="register-family">{t.saveFamily}</SubmitButton>
      </form>
    </Layout>
  );
}

/** The parent's wizard on one page, filled in by the desk for the family. */
export function PhoneRequestPage(props: {
  ctx: PageContext;
  familyId: string;
  fileNumber: string;
  form: FormState;
  locations: Option[];
  maxPreferences: number;
}) {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const r = requestMessages[lang];
  const back = `/desk/families/${props.familyId}`;
  return (
    <Layout ctx={ctx} title={t.newRequestTitle}>
      <p class="ko-caption">{props.fileNumber}</p>
      <h1 class="utrecht-heading-1">{t.newRequestTitle}</h1>
      <ErrorSummary lang={lang} form={form} />
      <form method="post" action={`${back}/requests/new`} novalidate data-qa="desk-request-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={String(form.values.submissionKey ?? '')} />
        <Section legend={t.sectionChild}>
          <NewChildFields lang={lang} form={form} voice="family" />
        </Section>
        <Section legend={t.sectionWhen}>
          <ChoiceGroup
            lang={lang}
            form={form}
            name="kind"
            legend={t.kind}
            options={[
              { value: 'regular', label: t.kindRegular },
              { value: 'occasional', label: t.kindOccasional },
            ]}
          />
          <TextField lang={lang} form={form} name="occasionalReason" label={t.occasionalReason} />
          <TextField
            lang={lang}
            form={form}
            name="desiredStart"
            type="date"
            label={r.desiredStart}
            hint={r.dateHint}
            required
          />
          <TextField
            lang={lang}
            form={form}
            name="desiredEnd"
            type="date"
            label={r.desiredEnd}
            hint={t.desiredEndHint}
          />
        </Section>
        <Section legend={t.sectionPlan}>
          <CarePlanFields lang={lang} form={form} voice="family" />
        </Section>
        <Section legend={t.sectionPreferences}>
          <p class="utrecht-paragraph">{t.preferencesHint(props.maxPreferences)}</p>
          {Array.from({ length: props.maxPreferences }, (_, i) => (
            <SelectField
              key={i}
              lang={lang}
              form={form}
              name={`preference${i + 1}`}
              label={t.preference(i + 1)}
              emptyLabel={t.noChoice}
              options={props.locations}
              required={i === 0}
            />
          ))}
        </Section>
        <SubmitButton qa="file-request">{t.submitRequest}</SubmitButton>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={back}>
          {t.backToFamily}
        </a>
      </p>
    </Layout>
  );
}
