import { errorText } from '../../platform/i18n/common.ts';
import type { Language } from '../../platform/i18n/index.ts';
import {
  ChoiceGroup,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
  value,
} from '../../platform/views/forms.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { handlingMessages } from '../request-handling/index.ts';
import { messages } from './waiting-list.messages.ts';
import type { WaitingList } from './waiting-list.service.ts';
import { DAY_COUNTS, PAGE_SIZES, RANKS, STATUS_GROUPS } from './waiting-list.view.ts';

/**
 * The list's filters as one GET form (bookmarkable, no JavaScript needed) that takes one line: the
 * search and the status with the button, and the other filters folded away in a `<details>` that
 * opens by itself when one of them is in use or wrong. So the rows start high on a laptop screen.
 */

const listPath = (locationId: string) => `/provider/locations/${locationId}/waiting-list`;

/** The filters inside "more filters" (the search and the status stay in the line). */
const MORE = [
  'startFrom',
  'startTo',
  'days',
  'minDays',
  'maxDays',
  'priority',
  'rank',
  'occasional',
  'careNeeds',
  'overdue',
  'size',
] as const;

/** The filter form's current values, as the form components read them. */
function filterState(list: WaitingList): FormState {
  const f = list.view.filters;
  return {
    values: {
      q: f.q,
      status: f.status,
      startFrom: f.startFrom ?? '',
      startTo: f.startTo ?? '',
      days: f.days,
      minDays: f.minDays === undefined ? '' : String(f.minDays),
      maxDays: f.maxDays === undefined ? '' : String(f.maxDays),
      priority: f.priority ?? '',
      rank: f.rank ?? '',
      occasional: f.occasional ?? '',
      careNeeds: f.careNeeds ?? '',
      overdue: f.overdue ? '1' : '',
      size: String(list.view.size),
    },
    errors: list.errors,
  };
}

/** How many of the folded filters narrow the list now (the page size does not). */
function moreInUse(list: WaitingList): number {
  const f = list.view.filters;
  return [
    f.startFrom,
    f.startTo,
    f.days.length > 0,
    f.minDays !== undefined,
    f.maxDays !== undefined,
    f.priority,
    f.rank,
    f.occasional,
    f.careNeeds,
    f.overdue,
  ].filter(Boolean).length;
}

export function FilterForm(props: { lang: Language; list: WaitingList }) {
  const { lang, list } = props;
  const t = messages[lang];
  const h = handlingMessages[lang];
  const form = filterState(list);
  const inUse = moreInUse(list);
  const open = inUse > 0 || MORE.some((k) => list.errors[k]);
  const yesNo = [
    { value: 'yes', label: t.yes },
    { value: 'no', label: t.no },
  ];
  const dayCount = DAY_COUNTS.map((n) => ({ value: n, label: n.replace('.', lang === 'en' ? '.' : ',') }));
  /** A filter that may also be left at "any". */
  const anyOf = (name: string, label: string, options: { value: string; label: string }[]) => (
    <SelectField lang={lang} form={form} name={name} label={label} emptyLabel={t.any} options={options} />
  );
  return (
    <form
      method="get"
      action={listPath(list.location.id)}
      class="ko-wl-filters"
      data-qa="filters"
      aria-label={t.filters}
      novalidate
    >
      <input type="hidden" name="sort" value={list.view.sort.column} />
      <input type="hidden" name="dir" value={list.view.sort.dir} />
      <div class="ko-wl-filters__line">
        <TextField lang={lang} form={form} name="q" label={t.search} />
        <SelectField
          lang={lang}
          form={form}
          name="status"
          label={t.statusFilter}
          options={[
            ...STATUS_GROUPS.map((g) => ({ value: g, label: t.statusGroups[g] })),
            ...(Object.keys(h.preferenceStatuses) as (keyof typeof h.preferenceStatuses)[]).map((s) => ({
              value: s,
              label: h.preferenceStatuses[s],
            })),
          ]}
        />
        <SubmitButton qa="apply-filters">{t.applyFilters}</SubmitButton>
        <a class="utrecht-link" href={`${listPath(list.location.id)}?status=open`} data-qa="clear-filters">
          {t.clearFilters}
        </a>
        <details class="ko-wl-filters__more" open={open} data-qa="more-filters">
          <summary class="ko-wl-filters__summary" data-qa="more-filters-summary">
            {t.moreFilters(inUse)}
          </summary>
          <div class="ko-filters__grid">
            <MonthField lang={lang} form={form} name="startFrom" label={t.startFrom} hint={t.monthHint} />
            <MonthField lang={lang} form={form} name="startTo" label={t.startTo} hint={t.monthHint} />
            {anyOf('minDays', t.minDays, dayCount)}
            {anyOf('maxDays', t.maxDays, dayCount)}
            {anyOf('priority', t.priority, yesNo)}
            {anyOf(
              'rank',
              t.rank,
              RANKS.map((r) => ({ value: r, label: r === 'none' ? t.rankNone : r })),
            )}
            {anyOf('occasional', t.occasional, yesNo)}
            {anyOf('careNeeds', t.careNeeds, yesNo)}
            <SelectField
              lang={lang}
              form={form}
              name="size"
              label={t.pageSize}
              options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
            />
          </div>
          <ChoiceGroup
            lang={lang}
            form={form}
            name="days"
            legend={t.fitsDays}
            hint={t.fitsDaysHint}
            multiple
            options={WEEKDAYS.map((d) => ({ value: d, label: t.dayNames[d] }))}
          />
          <ChoiceGroup
            lang={lang}
            form={form}
            name="overdue"
            legend={t.columns.waitingDays}
            multiple
            options={[{ value: '1', label: t.overdueOnly }]}
          />
          <SubmitButton qa="apply-more-filters">{t.applyFilters}</SubmitButton>
        </details>
      </div>
    </form>
  );
}

/** A month field (`<input type="month">`, which degrades to a text field where a browser lacks it). */
function MonthField(props: { lang: Language; form: FormState; name: string; label: string; hint: string }) {
  const { name, form } = props;
  const error = form.errors[name];
  const id = `field-${name}`;
  return (
    <div class={`utrecht-form-field utrecht-form-field--text ${error ? 'utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {props.label}
        </label>
      </div>
      <div class="utrecht-form-field-description" id={`hint-${name}`}>
        {props.hint}
      </div>
      {error && (
        <p class="utrecht-form-field-error-message" id={`error-${name}`}>
          {errorText(props.lang, error)}
        </p>
      )}
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          id={id}
          name={name}
          type="month"
          pattern="[0-9]{4}-[0-9]{2}"
          value={value(form, name)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={[`hint-${name}`, error ? `error-${name}` : ''].filter(Boolean).join(' ')}
        />
      </div>
    </div>
  );
}
