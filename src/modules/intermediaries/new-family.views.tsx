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
import { FAMILY_FACTS, ParentFields } from '../families/index.ts';
import { messages } from './intermediaries.messages.ts';

export type FormChoices = {
  municipalities: { id: string; name: string }[];
  subMunicipalities: { value: string; label: string }[];
};

function Section(props: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="utrecht-form-fieldset ko-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-heading-2">{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

/**
 * Registering a family the organisation follows: parents, address, household facts and the
 * family's consent. Saving leads straight into the request wizard for the family.
 */
export function NewFamilyPage(props: { ctx: PageContext; form: FormState; choices: FormChoices }) {
  const { ctx, form, choices } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <Layout ctx={ctx} title={t.formTitle}>
      <h1 class="utrecht-heading-1">{t.formTitle}</h1>
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph">{t.formIntro}</p>
      <form method="post" action="/intermediary/families" novalidate data-qa="new-family-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={String(form.values.submissionKey ?? '')} />
        <Section legend={t.sectionParent}>
          <ParentFields lang={lang} form={form} n={1} emailHint={t.emailHint} numberKept={false} />
        </Section>
        <Section legend={t.sectionSecondParent}>
          <p class="utrecht-paragraph">{t.secondParentHint}</p>
          <ParentFields lang={lang} form={form} n={2} emailHint={t.emailHint} numberKept={false} />
        </Section>
        <Section legend={t.sectionAddress}>
          <TextField lang={lang} form={form} name="street" label={t.street} />
          <TextField lang={lang} form={form} name="houseNumber" label={t.houseNumber} />
          <TextField lang={lang} form={form} name="postcode" label={t.postcode} />
          <TextField lang={lang} form={form} name="city" label={t.city} />
          <SelectField
            lang={lang}
            form={form}
            name="municipalityId"
            label={t.municipality}
            options={choices.municipalities.map((m) => ({ value: m.id, label: m.name }))}
            required
          />
          {choices.subMunicipalities.length > 0 && (
            <SelectField
              lang={lang}
              form={form}
              name="subMunicipalityId"
              label={t.subMunicipality}
              emptyLabel={t.chooseSubMunicipality}
              options={choices.subMunicipalities}
            />
          )}
        </Section>
        <Section legend={t.sectionFacts}>
          <ChoiceGroup
            lang={lang}
            form={form}
            name="facts"
            legend={t.facts}
            multiple
            options={FAMILY_FACTS.map((f) => ({ value: f, label: t.factLabels[f] }))}
          />
          <TextField
            lang={lang}
            form={form}
            name="yearlyIncome"
            label={t.yearlyIncome}
            hint={t.yearlyIncomeHint}
            inputMode="numeric"
          />
          <TextField lang={lang} form={form} name="homeLanguage" label={t.homeLanguage} />
        </Section>
        <Section legend={t.sectionConsent}>
          <ChoiceGroup
            lang={lang}
            form={form}
            name="consent"
            legend={t.consent}
            multiple
            options={[{ value: 'yes', label: t.consentYes }]}
            required
          />
          <TextField lang={lang} form={form} name="consentDate" label={t.consentDate} type="date" required />
        </Section>
        <p class="utrecht-paragraph">{t.nextIsRequest}</p>
        <SubmitButton qa="register-family">{t.submit}</SubmitButton>
      </form>
    </Layout>
  );
}
