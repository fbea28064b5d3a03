import { common } from '../../platform/i18n/common.ts';
import { formatDate, LANGUAGES } from '../../platform/i18n/index.ts';
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
import { childName } from './children.ts';
import { familyMessages } from './families.messages.ts';
import type { ChildRow } from './families.queries.ts';
import { FAMILY_FACTS, SITUATIONS } from './families.schemas.ts';
import type { FamilyPage as FamilyData } from './families.service.ts';

/**
 * A parent's fields (names, national number, contact, language, situation, days a week). With
 * `email`, the first parent's address is that of the account and only shown; without it, the
 * parent's e-mail is a field (`parent<n>Email`). A national number is never filled in again.
 */
export function ParentFields(props: {
  lang: PageContext['lang'];
  form: FormState;
  n: 1 | 2;
  email?: string | undefined;
  emailHint?: string | undefined;
  numberKept: boolean;
}) {
  const { lang, form, n } = props;
  const f = familyMessages[lang];
  const name = (field: string) => `parent${n}${field}`;
  return (
    <>
      <TextField
        lang={lang}
        form={form}
        name={name('FirstName')}
        label={f.firstName}
        autocomplete={n === 1 ? 'given-name' : 'off'}
        required={n === 1}
      />
      <TextField
        lang={lang}
        form={form}
        name={name('LastName')}
        label={f.lastName}
        autocomplete={n === 1 ? 'family-name' : 'off'}
        required={n === 1}
      />
      <TextField
        lang={lang}
        form={form}
        name={name('NationalNumber')}
        label={f.nationalNumber}
        hint={props.numberKept ? `${f.nationalNumberHint} ${f.nationalNumberKept}` : f.nationalNumberHint}
        inputMode="numeric"
        autocomplete="off"
      />
      {n === 1 && props.email !== undefined ? (
        <p class="utrecht-paragraph">{f.emailOfAccount(props.email)}</p>
      ) : (
        <TextField
          lang={lang}
          form={form}
          name={name('Email')}
          type="email"
          label={f.email}
          hint={props.emailHint}
          autocomplete="off"
        />
      )}
      <TextField
        lang={lang}
        form={form}
        name={name('Phone')}
        type="tel"
        label={f.phone}
        autocomplete={n === 1 ? 'tel' : 'off'}
      />
      <ChoiceGroup
        lang={lang}
        form={form}
        name={name('Language')}
        legend={f.language}
        options={LANGUAGES.map((l) => ({ value: l, label: common[lang].languageNames[l] }))}
      />
      <ChoiceGroup
        lang={lang}
        form={form}
        name={name('Situation')}
        legend={f.situation}
        options={SITUATIONS.map((s) => ({ value: s, label: f.situations[s] }))}
      />
      <TextField
        lang={lang}
        form={form}
        name={name('DaysPerWeek')}
        label={f.daysPerWeek}
        hint={f.daysPerWeekHint}
        inputMode="text"
      />
    </>
  );
}

/** The sub-municipalities of the active municipalities, each with its postcode and municipality. */
export function subMunicipalityOptions(data: {
  municipalities: { id: string; name: string }[];
  subMunicipalities: FamilyData['subMunicipalities'];
}) {
  return data.subMunicipalities.flatMap((s) => {
    const m = data.municipalities.find((x) => x.id === s.municipalityId);
    return m ? [{ value: s.id, label: `${s.name} (${s.postcode}, ${m.name})` }] : [];
  });
}

export function FamilyFilePage(props: {
  ctx: PageContext;
  data: FamilyData;
  form: FormState;
  email: string;
  next: string | undefined;
}) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const f = familyMessages[lang];
  const subOptions = subMunicipalityOptions(data);
  const [p1, p2] = data.parents;
  return (
    <Layout ctx={ctx} title={f.familyTitle}>
      <h1 class="utrecht-heading-1">{f.familyTitle}</h1>
      <ErrorSummary lang={lang} form={form} />
      {data.family && (
        <p class="utrecht-paragraph">
          {familyMessages[lang].fileNumber}: <strong data-qa="file-number">{data.family.fileNumber}</strong>
        </p>
      )}
      <p class="utrecht-paragraph">{data.family ? f.familyIntro : f.familyFirst}</p>
      <form method="post" action="/parent/family" novalidate class="ko-form" data-qa="family-form">
        <CsrfField token={ctx.csrfToken} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <section aria-labelledby="section-you">
          <h2 class="utrecht-heading-2" id="section-you">
            {f.sectionYou}
          </h2>
          <ParentFields
            lang={lang}
            form={form}
            n={1}
            email={props.email}
            numberKept={Boolean(p1?.nationalNumberKept)}
          />
        </section>
        <section aria-labelledby="section-second">
          <h2 class="utrecht-heading-2" id="section-second">
            {f.sectionSecondParent}
          </h2>
          <p class="utrecht-paragraph">{f.secondParentHint}</p>
          <ParentFields lang={lang} form={form} n={2} numberKept={Boolean(p2?.nationalNumberKept)} />
        </section>
        <section aria-labelledby="section-address">
          <h2 class="utrecht-heading-2" id="section-address">
            {f.sectionAddress}
          </h2>
          <TextField lang={lang} form={form} name="street" label={f.street} autocomplete="address-line1" />
          <TextField lang={lang} form={form} name="houseNumber" label={f.houseNumber} />
          <TextField lang={lang} form={form} name="postcode" label={f.postcode} autocomplete="postal-code" />
          <TextField lang={lang} form={form} name="city" label={f.city} autocomplete="address-level2" />
          <SelectField
            lang={lang}
            form={form}
            name="municipalityId"
            label={f.municipality}
            emptyLabel={f.chooseMunicipality}
            options={data.municipalities.map((m) => ({ value: m.id, label: m.name }))}
            required
          />
          <SelectField
            lang={lang}
            form={form}
            name="subMunicipalityId"
            label={f.subMunicipality}
            emptyLabel={f.chooseSubMunicipality}
            options={subOptions}
          />
        </section>
        <section aria-labelledby="section-household">
          <h2 class="utrecht-heading-2" id="section-household">
            {f.sectionHousehold}
          </h2>
          {/* The rules valid today in plain words; a new tab keeps what was typed in this form. */}
          <p class="utrecht-paragraph">
            <a
              class="utrecht-link"
              href="/priority-rules"
              target="_blank"
              rel="noopener"
              data-qa="priority-rules-link"
            >
              {f.priorityRulesLink}
            </a>
          </p>
          <ChoiceGroup
            lang={lang}
            form={form}
            name="facts"
            legend={f.householdHint}
            multiple
            options={FAMILY_FACTS.map((fact) => ({ value: fact, label: f.facts[fact] }))}
          />
          <TextField
            lang={lang}
            form={form}
            name="yearlyIncome"
            label={f.yearlyIncome}
            hint={f.yearlyIncomeHint}
            inputMode="numeric"
          />
          {data.family && (
            <p class="utrecht-paragraph" data-qa="facts-given">
              {data.family.priorityFactsGivenAt
                ? f.factsGiven(formatDate(lang, data.family.priorityFactsGivenAt))
                : f.factsGivenUnknown}
            </p>
          )}
          <TextField
            lang={lang}
            form={form}
            name="homeLanguage"
            label={f.homeLanguage}
            hint={f.homeLanguageHint}
          />
        </section>
        <section aria-labelledby="section-consent">
          <h2 class="utrecht-heading-2" id="section-consent">
            {f.sectionConsent}
          </h2>
          {data.family?.consentAt && (
            <p class="utrecht-paragraph">{f.consentGiven(formatDate(lang, data.family.consentAt))}</p>
          )}
          <ChoiceGroup
            lang={lang}
            form={form}
            name="consent"
            legend={f.sectionConsent}
            multiple
            required
            options={[{ value: 'yes', label: f.consent }]}
          />
        </section>
        <SubmitButton qa="save-family">{f.saveFamily}</SubmitButton>
      </form>
      {data.family && <ChildrenList lang={lang} children={data.children} />}
    </Layout>
  );
}

export function ChildrenList(props: {
  lang: PageContext['lang'];
  children: (Pick<ChildRow, 'id' | 'firstName' | 'lastName' | 'birthDate' | 'expectedBirthDate'> & {
    openRequestId: string | null;
  })[];
}) {
  const { lang } = props;
  const f = familyMessages[lang];
  return (
    <section aria-labelledby="section-children">
      <h2 class="utrecht-heading-2" id="section-children">
        {f.sectionChildren}
      </h2>
      {props.children.length === 0 ? (
        <p class="utrecht-paragraph">{f.noChildren}</p>
      ) : (
        <ul class="ko-card-list" data-qa="children">
          {props.children.map((c) => (
            <li key={c.id} class="ko-card" data-qa="child">
              <p class="utrecht-paragraph">
                <strong>{childName(c)}</strong>,{' '}
                {c.birthDate
                  ? f.bornOn(formatDate(lang, c.birthDate))
                  : f.expectedOn(formatDate(lang, c.expectedBirthDate ?? ''))}
              </p>
              <ul class="ko-inline-list">
                {!c.birthDate && (
                  <li>
                    <a class="utrecht-link" href={`/parent/children/${c.id}/birth`} data-qa="child-born-link">
                      {f.childIsBorn}
                    </a>
                  </li>
                )}
                {c.openRequestId && (
                  <li>
                    <a class="utrecht-link" href={`/parent/requests/${c.openRequestId}`}>
                      {f.viewRequest}
                    </a>
                  </li>
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
