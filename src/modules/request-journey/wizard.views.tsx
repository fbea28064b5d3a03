import { formatDate, withColon } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
  value,
  values,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { childName, familyMessages } from '../families/index.ts';
import { compactCarePlan, requestMessages as messages } from '../requests/index.ts';
import { familyWizardVoiceMessages } from './family-voice.messages.ts';
import type { LocationSearch } from './location-search.ts';
import { CarePlanFields, Hidden, NewChildFields, PreferenceEditor, voiced } from './parent-fields.tsx';
import { wizardMessages } from './wizard.messages.ts';
import type { Step, StepPage } from './wizard.service.ts';
import { STEPS } from './wizard.service.ts';

type Location = {
  id: string;
  name: string;
  careType: 'group' | 'family' | 'out_of_school';
  municipalityName: string;
};

export type WizardView = {
  ctx: PageContext;
  step: Step;
  page: StepPage;
  form: FormState;
  /** The preference step and the summary: the chosen locations, in order. */
  locations: Location[];
  search?: LocationSearch;
  existingRequestId?: string | undefined;
  /** Staff just registered the family: said above the step. */
  registered?: boolean;
  links: WizardLinks;
};

/**
 * Where the wizard's pages are and where its links go. `family` is set when staff file for a
 * family: the pages then speak about the family and its child, show the file number and lead back.
 */
export type WizardLinks = {
  base: string;
  existing: (requestId: string) => string;
  family?: { fileNumber: string; back: string } | undefined;
};

const stepAction = (links: WizardLinks, step: Step) => `${links.base}/${step}`;

/** The wizard's texts, about the family when staff file for it. */
const textsOf = (lang: PageContext['lang'], links: WizardLinks) =>
  links.family
    ? { ...voiced(wizardMessages[lang], lang, 'family'), ...familyWizardVoiceMessages[lang] }
    : wizardMessages[lang];
const voiceOf = (links: WizardLinks) => (links.family ? 'family' : 'parent');

function Navigation(props: { lang: PageContext['lang']; step: Step }) {
  const w = wizardMessages[props.lang];
  return (
    <div class="ko-button-row">
      <SubmitButton name="nav" value="next" qa="wizard-next">
        {w.next}
      </SubmitButton>
      {props.step !== 'child' && (
        <SubmitButton name="nav" value="back" qa="wizard-back" secondary>
          {w.back}
        </SubmitButton>
      )}
    </div>
  );
}

function Progress(props: { lang: PageContext['lang']; step: Step; links: WizardLinks }) {
  const w = textsOf(props.lang, props.links);
  return (
    <nav aria-label={w.progress}>
      <ol class="ko-steps">
        {STEPS.map((s) => (
          <li
            key={s}
            aria-current={s === props.step ? 'step' : undefined}
            class={s === props.step ? 'ko-steps__current' : ''}
          >
            {w.steps[s]}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function WizardPage(props: WizardView) {
  const { ctx, step, page, links } = props;
  const lang = ctx.lang;
  const w = textsOf(lang, links);
  const n = STEPS.indexOf(step) + 1;
  const title = `${w.steps[step]} – ${w.title}`;
  // A failed form shows what was posted (an unticked box is absent from it); otherwise the draft.
  const posted = Object.keys(props.form.values).length > 0;
  const form: FormState = { ...props.form, values: posted ? props.form.values : page.values };
  return (
    <Layout ctx={ctx} title={title}>
      <p class="ko-caption" data-qa="wizard-caption">
        {links.family ? `${links.family.fileNumber} · ` : ''}
        {w.title} · {w.stepOf(n, STEPS.length)}
      </p>
      <h1 class="utrecht-heading-1">{w.steps[step]}</h1>
      <Progress lang={lang} step={step} links={links} />
      {props.registered && links.family && (
        <div class="utrecht-alert utrecht-alert--ok ko-notice" role="status" data-qa="notice">
          <p class="utrecht-paragraph">{familyWizardVoiceMessages[lang].registered}</p>
        </div>
      )}
      <ErrorSummary lang={lang} form={form} />
      {step === 'child' && <ChildStep {...props} form={form} />}
      {step === 'when' && <WhenStep {...props} form={form} />}
      {step === 'plan' && (
        <form
          method="post"
          action={stepAction(links, 'plan')}
          novalidate
          class="ko-form"
          data-qa="wizard-form"
        >
          <CsrfField token={ctx.csrfToken} />
          <CarePlanFields lang={lang} form={form} voice={voiceOf(links)} />
          <Navigation lang={lang} step={step} />
        </form>
      )}
      {step === 'preferences' && <PreferencesStep {...props} form={form} />}
      {step === 'summary' && <SummaryStep {...props} />}
      {links.family && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={links.family.back} data-qa="back-to-family">
            {familyWizardVoiceMessages[lang].backToFamily}
          </a>
        </p>
      )}
    </Layout>
  );
}

function ChildStep(props: WizardView) {
  const { ctx, page, form, links } = props;
  const lang = ctx.lang;
  const w = textsOf(lang, links);
  const f = familyMessages[lang];
  const free = page.children.filter((c) => !c.openRequestId);
  const busy = page.children.filter((c) => c.openRequestId);
  const describe = (c: (typeof page.children)[number]) =>
    `${childName(c)} (${c.birthDate ? f.bornOn(formatDate(lang, c.birthDate)) : f.expectedOn(formatDate(lang, c.expectedBirthDate ?? ''))})`;
  return (
    <form method="post" action={stepAction(links, 'child')} novalidate class="ko-form" data-qa="wizard-form">
      <CsrfField token={ctx.csrfToken} />
      {props.existingRequestId && (
        <div class="utrecht-alert utrecht-alert--warning ko-notice" data-qa="existing-request">
          <p class="utrecht-paragraph">{w.existingRequest}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={links.existing(props.existingRequestId)}>
              {w.openExisting}
            </a>
          </p>
        </div>
      )}
      {busy.length > 0 && (
        <ul class="utrecht-unordered-list">
          {busy.map((c) => (
            <li key={c.id}>
              {childName(c)} {withColon(lang, w.hasRequest)}{' '}
              <a class="utrecht-link" href={links.existing(c.openRequestId ?? '')}>
                {f.viewRequest}
                <Hidden> ({childName(c)})</Hidden>
              </a>
            </li>
          ))}
        </ul>
      )}
      {free.length > 0 ? (
        <ChoiceGroup
          lang={lang}
          form={form}
          name="childId"
          legend={w.whichChild}
          required
          options={[
            ...free.map((c) => ({ value: c.id, label: describe(c) })),
            { value: 'new', label: w.newChild },
          ]}
        />
      ) : (
        <input type="hidden" name="childId" value="new" />
      )}
      <section aria-labelledby="new-child-heading">
        <h2 class="utrecht-heading-2" id="new-child-heading">
          {free.length > 0 ? w.newChildHeading : w.whichChild}
        </h2>
        {free.length > 0 && <p class="utrecht-paragraph">{w.newChildHint}</p>}
        <NewChildFields lang={lang} form={form} voice={voiceOf(links)} />
      </section>
      <Navigation lang={lang} step="child" />
    </form>
  );
}

function WhenStep(props: WizardView) {
  const { ctx, page, form, links } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const w = textsOf(lang, links);
  return (
    <form method="post" action={stepAction(links, 'when')} novalidate class="ko-form" data-qa="wizard-form">
      <CsrfField token={ctx.csrfToken} />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="kind"
        legend={w.kind}
        required
        options={(['regular', 'occasional'] as const).map((k) => ({ value: k, label: w.kinds[k] }))}
      />
      <TextField
        lang={lang}
        form={form}
        name="occasionalReason"
        label={w.occasionalReason}
        hint={w.occasionalReasonHint}
      />
      <TextField
        lang={lang}
        form={form}
        name="desiredStart"
        type="date"
        label={t.desiredStart}
        hint={w.desiredStartHint}
        required
      />
      {page.farAhead && <FarAhead lang={lang} links={links} months={page.municipality.maxMonthsAhead} />}
      <TextField
        lang={lang}
        form={form}
        name="desiredEnd"
        type="date"
        label={t.desiredEnd}
        hint={page.defaultEnd ? w.desiredEndHint(formatDate(lang, page.defaultEnd)) : t.desiredEndHint}
      />
      <Navigation lang={lang} step="when" />
    </form>
  );
}

function FarAhead(props: { lang: PageContext['lang']; links: WizardLinks; months: number }) {
  return (
    <div class="utrecht-alert utrecht-alert--warning ko-notice" data-qa="far-ahead">
      <p class="utrecht-paragraph">{textsOf(props.lang, props.links).farAhead(props.months)}</p>
    </div>
  );
}

function PreferencesStep(props: WizardView) {
  const { ctx, page, form, search, links } = props;
  const lang = ctx.lang;
  if (!search) throw new Error('preference step without search');
  return (
    <>
      <PreferenceEditor
        lang={lang}
        csrfToken={ctx.csrfToken}
        action={stepAction(links, 'preferences')}
        searchAction={stepAction(links, 'preferences')}
        entries={props.locations.map((l) => ({
          key: l.id,
          name: l.name,
          careType: l.careType,
          detail: l.municipalityName,
        }))}
        chosenLocations={props.locations.map((l) => l.id)}
        max={page.municipality.maxPreferences}
        canReorder
        search={search}
        form={form}
      />
      <form method="post" action={stepAction(links, 'preferences')} class="ko-form" data-qa="wizard-form">
        <CsrfField token={ctx.csrfToken} />
        <Navigation lang={lang} step="preferences" />
      </form>
    </>
  );
}

function SummaryStep(props: WizardView) {
  const { ctx, page, links } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const w = textsOf(lang, links);
  const f = familyMessages[lang];
  const when = page.data.when ?? {};
  const plan = page.data.plan ?? {};
  const text = (raw: Record<string, string | string[]>, name: string) =>
    value({ values: raw, errors: {} }, name);
  const child = page.child;
  const days = Object.fromEntries(WEEKDAYS.map((d) => [d, text(plan, `day_${d}`) || 'none'])) as Record<
    (typeof WEEKDAYS)[number],
    'none' | 'half' | 'full'
  >;
  const hours = values({ values: plan, errors: {} }, 'hours') as ('early' | 'late')[];
  const kind = text(when, 'kind') === 'occasional' ? 'occasional' : 'regular';
  const end = text(when, 'desiredEnd');
  const ChangeLink = (p: { step: Step }) => (
    <a class="utrecht-link" href={stepAction(links, p.step)} data-qa={`change-${p.step}`}>
      {w.change}
      <Hidden> – {w.steps[p.step]}</Hidden>
    </a>
  );
  return (
    <>
      <p class="utrecht-paragraph">{w.summaryIntro}</p>
      {page.farAhead && <FarAhead lang={lang} links={links} months={page.municipality.maxMonthsAhead} />}
      <dl class="ko-summary" data-qa="summary">
        <div>
          <dt>{w.steps.child}</dt>
          <dd>
            {child
              ? `${childName(child)} (${child.birthDate ? f.bornOn(formatDate(lang, child.birthDate)) : f.expectedOn(formatDate(lang, child.expectedBirthDate ?? ''))})`
              : ''}
          </dd>
          <dd>
            <ChangeLink step="child" />
          </dd>
        </div>
        <div>
          <dt>{w.kind}</dt>
          <dd>
            {w.kinds[kind]}
            {kind === 'occasional' ? ` – ${text(when, 'occasionalReason')}` : ''}
          </dd>
          <dd>
            <ChangeLink step="when" />
          </dd>
        </div>
        <div>
          <dt>{t.desiredStart}</dt>
          <dd data-qa="summary-start">
            {text(when, 'desiredStart') ? formatDate(lang, text(when, 'desiredStart')) : ''}
          </dd>
          <dd>
            <ChangeLink step="when" />
          </dd>
        </div>
        <div>
          <dt>{t.desiredEnd}</dt>
          <dd>{end ? formatDate(lang, end) : w.noEnd}</dd>
          <dd>
            <ChangeLink step="when" />
          </dd>
        </div>
        <div>
          <dt>{t.carePlanShort}</dt>
          <dd>
            {compactCarePlan(
              { days, fixed: true, early: false, late: false },
              t.dayShort,
              t.daysPerWeek,
              lang,
            )}
            {text(plan, 'fixed') === 'variable' ? ` · ${w.fixedOptions.variable}` : ''}
            {hours.map((h) => ` · ${w.hoursOptions[h]}`).join('')}
          </dd>
          <dd>
            <ChangeLink step="plan" />
          </dd>
        </div>
        <div>
          <dt>{w.careNeeds}</dt>
          <dd>{text(plan, 'careNeeds') === 'yes' ? text(plan, 'careNeedsText') : w.none}</dd>
          <dd>
            <ChangeLink step="plan" />
          </dd>
        </div>
        <div>
          <dt>{w.steps.preferences}</dt>
          <dd>
            <ol class="utrecht-ordered-list" data-qa="summary-preferences">
              {props.locations.map((l) => (
                <li key={l.id}>
                  {l.name} ({t.careTypes[l.careType]}, {l.municipalityName})
                </li>
              ))}
            </ol>
          </dd>
          <dd>
            <ChangeLink step="preferences" />
          </dd>
        </div>
      </dl>
      <p class="utrecht-paragraph">{w.consentNote}</p>
      <form method="post" action={stepAction(links, 'summary')} class="ko-form" data-qa="wizard-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={page.draftId} />
        <div class="ko-button-row">
          <SubmitButton name="nav" value="next" qa="submit-request">
            {w.submit}
          </SubmitButton>
          <SubmitButton name="nav" value="back" qa="wizard-back" secondary>
            {w.back}
          </SubmitButton>
        </div>
      </form>
      <form method="post" action={`${links.base}/discard`} class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <SubmitButton qa="discard-draft" secondary>
          {w.discard}
        </SubmitButton>
      </form>
    </>
  );
}
