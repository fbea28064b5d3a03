import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { familyMessages, ParentFields } from '../families/index.ts';
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
