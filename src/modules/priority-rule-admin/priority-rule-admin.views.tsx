import type { Translated } from '../../platform/db/schema/index.ts';
import type { FormBody } from '../../platform/http/forms.ts';
import { CONFIRM_FIELD, CONFIRM_VALUE } from '../../platform/http/forms.ts';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  type Language,
  plural,
  withColon,
} from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Notice } from '../../platform/views/notice.tsx';
import { TableHead, TableScroll } from '../../platform/views/table-scroll.tsx';
import { AdminLayout } from '../platform-admin/index.ts';
import { PRIORITY_CRITERIA, type PriorityCriterion, priorityMessages } from '../priority-rules/index.ts';
import { TextArea } from '../provider-locations/index.ts';
import { ruleSetMessages } from './priority-rule-admin.messages.ts';
import {
  fromField,
  INCOME_THRESHOLD,
  MAX_PERIOD_SLOTS,
  NAME_LANGUAGES,
  nameField,
  PERIOD_SLOTS,
  untilField,
} from './priority-rule-admin.schemas.ts';
import type { DayEffect, SaveOutcome, StoredPeriod, Version } from './priority-rule-admin.service.ts';

export const LIST_PATH = '/admin/priority-rules';
export const NEW_PATH = `${LIST_PATH}/new`;
export const setPath = (code: string) => `${LIST_PATH}/${encodeURIComponent(code)}`;
export const correctPath = (code: string) => `${setPath(code)}/correct`;

export type Done = 'added' | 'corrected';

const buttonLink = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action';

/** A set's name in the page's language, or the Dutch one marked as Dutch. */
function LocalName(props: { name: Translated; lang: Language }) {
  const own = props.name[props.lang];
  if (own) return <>{own}</>;
  return <span lang={props.lang === 'nl' ? undefined : 'nl'}>{props.name.nl}</span>;
}
const nameText = (name: Translated, lang: Language) => name[lang] ?? name.nl;

function periodText(lang: Language, p: Pick<StoredPeriod, 'validFrom' | 'validUntil'>): string {
  const t = ruleSetMessages[lang];
  const from = formatDate(lang, p.validFrom);
  return p.validUntil ? t.period(from, formatDate(lang, p.validUntil)) : t.openEnded(from);
}

function Periods(props: { lang: Language; periods: StoredPeriod[] }) {
  return (
    <ul class="utrecht-unordered-list" data-qa="rule-set-periods">
      {props.periods.map((p) => (
        <li key={p.id}>{periodText(props.lang, p)}</li>
      ))}
    </ul>
  );
}

/** A list cell's reference: its first words; the whole text is on the set's page. */
const LIST_REFERENCE = 90;
function shortened(text: string): string {
  if (text.length <= LIST_REFERENCE) return text;
  const cut = text.slice(0, LIST_REFERENCE);
  const words = cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : LIST_REFERENCE);
  return `${words.replace(/[\s,;:.]+$/, '')}…`;
}

function Source(props: { lang: Language; period: StoredPeriod; short?: boolean }) {
  const t = ruleSetMessages[props.lang];
  const reference = props.period.sourceReference;
  return (
    <>
      <span lang="nl">{props.short ? shortened(reference) : reference}</span>
      {props.period.sourceUrl && (
        <>
          {' '}
          (
          <a class="utrecht-link" href={props.period.sourceUrl} rel="noopener noreferrer">
            {t.sourceLink}
          </a>
          )
        </>
      )}
    </>
  );
}

const criteriaWords = (lang: Language, list: PriorityCriterion[]) =>
  list.map((c) => priorityMessages[lang].criteria[c]);

function WordList(props: { words: string[]; qa: string }) {
  return (
    <ul class="utrecht-unordered-list" data-qa={props.qa}>
      {props.words.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

/** Everything a version says, in plain words: criteria, absolute ones, vulnerable families, shares, amounts. */
function RuleSetDescription(props: { lang: Language; version: Version; headingLevel: 2 | 3 }) {
  const { lang } = props;
  const t = ruleSetMessages[lang];
  const first = props.version.periods[0] as StoredPeriod;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const headingClass = props.headingLevel === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3';
  const thresholds = Object.entries(first.yearlyAmounts)
    .flatMap(([year, amounts]) =>
      typeof amounts[INCOME_THRESHOLD] === 'number' ? [[year, amounts[INCOME_THRESHOLD]] as const] : [],
    )
    .sort(([a], [b]) => a.localeCompare(b));
  const v = first.vulnerable;
  return (
    <div data-qa="rule-set-description">
      <Heading class={headingClass}>{t.periodsHeading}</Heading>
      <Periods lang={lang} periods={props.version.periods} />
      <Heading class={headingClass}>{t.sourceHeading}</Heading>
      <p class="utrecht-paragraph" data-qa="rule-set-source">
        <Source lang={lang} period={first} />
      </p>
      <Heading class={headingClass}>{t.whatItSays}</Heading>
      <p class="utrecht-paragraph">{t.criteriaSentence}</p>
      <WordList words={criteriaWords(lang, first.criteria)} qa="rule-set-criteria" />
      {first.absoluteCriteria.length > 0 ? (
        <>
          <p class="utrecht-paragraph">{t.absoluteSentence}</p>
          <WordList words={criteriaWords(lang, first.absoluteCriteria)} qa="rule-set-absolute" />
        </>
      ) : (
        <p class="utrecht-paragraph">{t.noAbsolute}</p>
      )}
      {v.characteristics.length > 0 ? (
        <>
          <p class="utrecht-paragraph">{t.vulnerableSentence(v.minimum)}</p>
          <WordList words={criteriaWords(lang, v.characteristics)} qa="rule-set-vulnerable" />
          {v.requiredAmong.length > 0 && (
            <>
              <p class="utrecht-paragraph">{t.vulnerableRequired}</p>
              <WordList words={criteriaWords(lang, v.requiredAmong)} qa="rule-set-required" />
            </>
          )}
          <p class="utrecht-paragraph" data-qa="rule-set-reserved">
            {t.reservedSentence(first.reservedSharePercent)}
          </p>
        </>
      ) : (
        <p class="utrecht-paragraph">{t.noVulnerableRule}</p>
      )}
      <p class="utrecht-paragraph" data-qa="rule-set-deviation">
        {first.deviationSharePercent === null
          ? t.noDeviation
          : t.deviationSentence(first.deviationSharePercent)}
      </p>
      <Heading class={headingClass}>{t.amountsHeading}</Heading>
      {thresholds.length === 0 ? (
        <p class="utrecht-paragraph">{t.noAmounts}</p>
      ) : (
        <table class="utrecht-table ko-table ko-table--compact" data-qa="rule-set-amounts">
          <TableHead heads={[t.colYear, t.colIncomeThreshold]} />
          <tbody class="utrecht-table__body">
            {thresholds.map(([year, amount]) => (
              <tr class="utrecht-table__row" key={year}>
                <th scope="row" class="utrecht-table__header-cell">
                  {year}
                </th>
                <td class="utrecht-table__cell">€ {formatNumber(lang, amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Every set (its newest version), the one valid today marked, and the way to add one. */
export function RuleSetListPage(props: {
  ctx: PageContext;
  sets: Version[];
  validTodayCode: string | undefined;
}) {
  const { ctx, sets } = props;
  const lang = ctx.lang;
  const t = ruleSetMessages[lang];
  const today = sets.find((s) => s.code === props.validTodayCode)?.periods[0];
  return (
    <AdminLayout ctx={ctx} title={t.listTitle} current="priorityRules">
      <h1 class="utrecht-heading-1">{t.listTitle}</h1>
      <p class="utrecht-paragraph">{t.listIntro}</p>
      <p class="utrecht-paragraph" data-qa="valid-today">
        <strong>{today ? t.validTodayIs(nameText(today.name, lang)) : t.noneValidToday}</strong>
      </p>
      <p class="utrecht-paragraph">
        <a class={buttonLink} href={NEW_PATH} data-qa="rule-set-new">
          {t.addSet}
        </a>
      </p>
      <TableScroll label={t.listTitle}>
        <table class="utrecht-table ko-table ko-table--compact" data-qa="rule-sets">
          <caption class="utrecht-table__caption">{plural(lang, sets.length, t.count)}</caption>
          <TableHead heads={[t.colName, t.colCode, t.colVersion, t.colPeriods, t.colSource, t.colToday]} />
          <tbody class="utrecht-table__body">
            {sets.map((set) => {
              const first = set.periods[0] as StoredPeriod;
              const valid = set.code === props.validTodayCode;
              return (
                <tr class="utrecht-table__row" key={set.code} data-qa="rule-set-row">
                  <th scope="row" class="utrecht-table__header-cell">
                    <a class="utrecht-link" href={setPath(set.code)} data-qa="rule-set-link">
                      <LocalName name={first.name} lang={lang} />
                    </a>
                  </th>
                  <td class="utrecht-table__cell">
                    <code>{set.code}</code>
                  </td>
                  <td class="utrecht-table__cell">{set.version}</td>
                  <td class="utrecht-table__cell">
                    <Periods lang={lang} periods={set.periods} />
                  </td>
                  <td class="utrecht-table__cell ko-wrap">
                    <Source lang={lang} period={first} short />
                  </td>
                  <td class="utrecht-table__cell" data-qa="rule-set-today">
                    {valid && <span class="ko-badge">{t.validTodayBadge}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </AdminLayout>
  );
}

/** One set: its newest version in plain words, the way to correct it, and its earlier versions. */
export function RuleSetPage(props: {
  ctx: PageContext;
  current: Version;
  earlier: Version[];
  validToday: boolean;
  done?: Done;
}) {
  const { ctx, current } = props;
  const lang = ctx.lang;
  const t = ruleSetMessages[lang];
  const first = current.periods[0] as StoredPeriod;
  const name = nameText(first.name, lang);
  return (
    <AdminLayout ctx={ctx} title={name} current="priorityRules">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={LIST_PATH} data-qa="rule-set-back">
          {t.backToList}
        </a>
      </p>
      <h1 class="utrecht-heading-1">
        <LocalName name={first.name} lang={lang} />
      </h1>
      {props.done && (
        <Notice>
          {props.done === 'added' ? t.done.added(name) : t.done.corrected(name, current.version)}
        </Notice>
      )}
      <p class="utrecht-paragraph" data-qa="rule-set-version">
        {t.versionOf(current.version)} · <code>{current.code}</code> ·{' '}
        {t.savedOn(formatDateTime(lang, first.createdAt))}
        {props.validToday && (
          <>
            {' '}
            <span class="ko-badge">{t.validTodayBadge}</span>
          </>
        )}
      </p>
      <p class="utrecht-paragraph">
        <a class={buttonLink} href={correctPath(current.code)} data-qa="rule-set-correct">
          {t.correct}
        </a>
      </p>
      <RuleSetDescription lang={lang} version={current} headingLevel={2} />
      <h2 class="utrecht-heading-2">{t.earlierVersions}</h2>
      {props.earlier.length === 0 ? (
        <p class="utrecht-paragraph">{t.noEarlierVersions}</p>
      ) : (
        props.earlier.map((v) => {
          const p = v.periods[0] as StoredPeriod;
          return (
            <details class="ko-details" key={v.version} data-qa="rule-set-earlier">
              <summary class="ko-details__summary">
                {t.versionOf(v.version)} · {nameText(p.name, lang)} ·{' '}
                {t.savedOn(formatDateTime(lang, p.createdAt))}
              </summary>
              <RuleSetDescription lang={lang} version={v} headingLevel={3} />
            </details>
          );
        })
      )}
    </AdminLayout>
  );
}

const criterionOptions = (lang: Language) =>
  PRIORITY_CRITERIA.map((c) => ({ value: c, label: priorityMessages[lang].criteria[c] }));

/** How many period rows to show: the filled ones and one empty, at least PERIOD_SLOTS. */
function periodSlots(form: FormState): number {
  let last = 0;
  for (let slot = 1; slot <= MAX_PERIOD_SLOTS; slot++)
    if (form.values[fromField(slot)] || form.values[untilField(slot)]) last = slot;
  return Math.min(MAX_PERIOD_SLOTS, Math.max(PERIOD_SLOTS, last + 1));
}

/** The form for a new set, or a correction of `base` (prefilled from its newest version). */
export function RuleSetFormPage(props: {
  ctx: PageContext;
  form: FormState;
  base?: { code: string; name: Translated; version: number };
}) {
  const { ctx, form, base } = props;
  const lang = ctx.lang;
  const t = ruleSetMessages[lang];
  const heading = base ? t.correctTitle(nameText(base.name, lang)) : t.newTitle;
  const failed = Object.keys(form.errors).length > 0;
  const legend = 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend';
  const options = criterionOptions(lang);
  const slots = periodSlots(form);
  return (
    <AdminLayout ctx={ctx} title={failed ? t.errorTitle(heading) : heading} current="priorityRules">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base ? setPath(base.code) : LIST_PATH} data-qa="rule-set-back">
          {t.backToList}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{heading}</h1>
      <ErrorSummary lang={lang} form={form} />
      {base && <p class="utrecht-paragraph">{t.correctIntro(base.version)}</p>}
      <form
        method="post"
        action={base ? correctPath(base.code) : NEW_PATH}
        novalidate
        class="ko-form"
        data-qa="rule-set-form"
      >
        <CsrfField token={ctx.csrfToken} />
        {base && <input type="hidden" name="baseVersion" value={String(base.version)} />}
        <fieldset class="utrecht-form-fieldset">
          <legend class={legend}>{t.nameHeading}</legend>
          {NAME_LANGUAGES.map((l) => (
            <TextField
              key={l}
              lang={lang}
              form={form}
              name={nameField(l)}
              label={t.nameLabel[l]}
              required={l === 'nl'}
              autocomplete="off"
            />
          ))}
        </fieldset>
        <fieldset class="utrecht-form-fieldset">
          <legend class={legend}>{t.sourceHeading}</legend>
          <TextArea
            lang={lang}
            form={form}
            name="sourceReference"
            label={t.sourceReference}
            hint={t.sourceReferenceHint}
            required
            rows={3}
          />
          <TextField lang={lang} form={form} name="sourceUrl" label={t.sourceUrl} hint={t.sourceUrlHint} />
        </fieldset>
        <p class="utrecht-paragraph ko-hint">{t.periodHint}</p>
        {Array.from({ length: slots }, (_, i) => i + 1).map((slot) => (
          <fieldset class="utrecht-form-fieldset" key={slot} data-qa={`rule-set-period-${slot}`}>
            <legend class={legend}>{t.periodLegend(slot)}</legend>
            <TextField
              lang={lang}
              form={form}
              name={fromField(slot)}
              label={t.validFrom}
              type="date"
              required={slot === 1}
            />
            <TextField
              lang={lang}
              form={form}
              name={untilField(slot)}
              label={t.validUntil}
              hint={t.validUntilHint}
              type="date"
            />
          </fieldset>
        ))}
        <ChoiceGroup
          lang={lang}
          form={form}
          name="criteria"
          legend={t.criteriaLegend}
          options={options}
          multiple
          required
        />
        <ChoiceGroup
          lang={lang}
          form={form}
          name="absoluteCriteria"
          legend={t.absoluteLegend}
          hint={t.absoluteHint}
          options={options}
          multiple
        />
        <fieldset class="utrecht-form-fieldset">
          <legend class={legend}>{t.vulnerableHeading}</legend>
          <ChoiceGroup
            lang={lang}
            form={form}
            name="vulnerableCharacteristics"
            legend={t.characteristicsLegend}
            hint={t.characteristicsHint}
            options={options}
            multiple
          />
          <TextField
            lang={lang}
            form={form}
            name="vulnerableMinimum"
            label={t.minimumLabel}
            inputMode="numeric"
            required
          />
          <ChoiceGroup
            lang={lang}
            form={form}
            name="vulnerableRequiredAmong"
            legend={t.requiredLegend}
            hint={t.requiredHint}
            options={options}
            multiple
          />
          <TextField
            lang={lang}
            form={form}
            name="reservedSharePercent"
            label={t.reservedLabel}
            inputMode="numeric"
            required
          />
        </fieldset>
        <TextField
          lang={lang}
          form={form}
          name="deviationSharePercent"
          label={t.deviationLabel}
          hint={t.deviationHint}
          inputMode="numeric"
        />
        <TextArea
          lang={lang}
          form={form}
          name="incomeThresholds"
          label={t.thresholdsLabel}
          hint={t.thresholdsHint}
          rows={4}
        />
        <SubmitButton qa="rule-set-preview">{t.toPreview}</SubmitButton>
      </form>
    </AdminLayout>
  );
}

/** The form's values again, as hidden fields (the preview's forms carry them without JavaScript). */
function HiddenValues(props: { values: FormBody }) {
  return (
    <>
      {Object.entries(props.values).flatMap(([name, v]) =>
        name === CONFIRM_FIELD || name === 'edit'
          ? []
          : (Array.isArray(v) ? v : [v ?? '']).map((item, i) => (
              <input type="hidden" key={`${name}-${i}`} name={name} value={item} />
            )),
      )}
    </>
  );
}

function EffectLine(props: { lang: Language; effect: DayEffect }) {
  const t = ruleSetMessages[props.lang];
  const { effect } = props;
  const setName = (s: DayEffect['before']) => (s ? t.nameAndVersion(s.name, s.version) : t.appliesNone);
  return (
    <li data-qa="preview-day">
      <strong>{withColon(props.lang, t.previewDay(formatDate(props.lang, effect.day)))}</strong>{' '}
      {t.appliesNow(setName(effect.before))}; {t.appliesThen(setName(effect.after))}.{' '}
      <span data-qa="preview-changes">{plural(props.lang, effect.changes, t.changes)}</span>
    </li>
  );
}

/**
 * Before saving: what applies on each day that matters before and after, and how many open
 * requests change level; "Save" posts the same values with the confirmation, "Back to the form"
 * posts them to show the form again. Nothing is stored until "Save".
 */
export function RuleSetPreviewPage(props: {
  ctx: PageContext;
  values: FormBody;
  outcome: Extract<SaveOutcome, { ok: true }>;
  name: string;
  action: string;
  cancelHref: string;
}) {
  const { ctx, outcome } = props;
  const lang = ctx.lang;
  const t = ruleSetMessages[lang];
  return (
    <AdminLayout ctx={ctx} title={t.previewTitle} current="priorityRules">
      <h1 class="utrecht-heading-1">{t.previewTitle}</h1>
      <p class="utrecht-paragraph">{t.previewIntro(props.name, outcome.version)}</p>
      <ul class="utrecht-unordered-list ko-confirm-list" data-qa="preview-days">
        {outcome.effects.map((e) => (
          <EffectLine key={e.day} lang={lang} effect={e} />
        ))}
      </ul>
      <div class="utrecht-alert utrecht-alert--warning ko-notice">
        <p class="utrecht-paragraph">
          <strong>{withColon(lang, t.previewWarningLabel)} </strong>
          {t.previewWarning}
        </p>
      </div>
      <form method="post" action={props.action} novalidate class="ko-form" data-qa="preview-form">
        <CsrfField token={ctx.csrfToken} />
        <HiddenValues values={props.values} />
        <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
        <div class="ko-button-row">
          <SubmitButton qa="preview-confirm">{t.confirmSave}</SubmitButton>
        </div>
      </form>
      <form method="post" action={props.action} novalidate class="ko-form" data-qa="preview-edit-form">
        <CsrfField token={ctx.csrfToken} />
        <HiddenValues values={props.values} />
        <input type="hidden" name="edit" value="yes" />
        <div class="ko-button-row">
          <SubmitButton qa="preview-edit" secondary>
            {t.backToForm}
          </SubmitButton>
          <a class="utrecht-link" href={props.cancelHref} data-qa="preview-cancel">
            {t.cancel}
          </a>
        </div>
      </form>
    </AdminLayout>
  );
}
