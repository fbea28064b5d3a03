import { errorText } from '../../platform/i18n/common.ts';
import type { Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
  value,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { LocationNav, Notice } from '../provider-locations/index.ts';
import { handlingMessages } from '../request-handling/index.ts';
import { cellText, cellValue, columnHeader } from './waiting-list.cells.ts';
import { messages } from './waiting-list.messages.ts';
import type { ListRow, WaitingList } from './waiting-list.service.ts';
import {
  type ColumnKey,
  DAY_COUNTS,
  PAGE_SIZES,
  RANKS,
  type Sort,
  STATUS_GROUPS,
  savedFilters,
  viewParams,
} from './waiting-list.view.ts';

const listPath = (locationId: string) => `/provider/locations/${locationId}/waiting-list`;

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

function FilterForm(props: { lang: Language; list: WaitingList }) {
  const { lang, list } = props;
  const t = messages[lang];
  const h = handlingMessages[lang];
  const form = filterState(list);
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
    <form method="get" action={listPath(list.location.id)} class="ko-filters" data-qa="filters" novalidate>
      <h2 class="utrecht-heading-2">{t.filters}</h2>
      <input type="hidden" name="sort" value={list.view.sort.column} />
      <input type="hidden" name="dir" value={list.view.sort.dir} />
      <div class="ko-filters__grid">
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
      <div class="ko-button-row">
        <SubmitButton qa="apply-filters">{t.applyFilters}</SubmitButton>
        <a class="utrecht-link" href={`${listPath(list.location.id)}?status=all`} data-qa="clear-filters">
          {t.clearFilters}
        </a>
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

function SortHeader(props: { lang: Language; list: WaitingList; column: ColumnKey }) {
  const { lang, list, column } = props;
  const t = messages[lang];
  const label = columnHeader(lang, column, list.customColumns);
  const current = list.view.sort.column === column ? list.view.sort.dir : undefined;
  const next: Sort = { column, dir: current === 'asc' ? 'desc' : 'asc' };
  const href = `${listPath(list.location.id)}?${viewParams(list.view, { sort: next, page: 1 })}`;
  return (
    <th
      scope="col"
      class="utrecht-table__header-cell"
      aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : undefined}
      data-qa={`column-${column}`}
    >
      <a class="utrecht-link ko-sort-link" href={href} data-qa={`sort-${column}`} title={t.sortBy(label)}>
        {label}
        {current && <span aria-hidden="true">{current === 'asc' ? ' ▲' : ' ▼'}</span>}
      </a>
    </th>
  );
}

function Cell(props: { lang: Language; list: WaitingList; column: ColumnKey; row: ListRow }) {
  const { lang, list, column, row } = props;
  const t = messages[lang];
  const text = cellText(lang, cellValue(lang, column, row, list.customColumns));
  if (column === 'child') {
    return (
      <td class="utrecht-table__cell">
        <a
          class="utrecht-link"
          href={`/provider/locations/${list.location.id}/requests/${row.requestId}`}
          data-qa="waiting-list-child"
        >
          {text}
        </a>
      </td>
    );
  }
  if (
    column === 'waitingDays' &&
    row.waitingDays !== null &&
    row.waitingDays > list.location.firstAnswerDays
  ) {
    return (
      <td class="utrecht-table__cell ko-overdue" data-qa="overdue">
        {text} <span class="ko-badge ko-badge--warning">{t.overdue}</span>
      </td>
    );
  }
  const wrap = column === 'notes' || column.startsWith('custom:');
  return (
    <td
      class={`utrecht-table__cell${wrap ? ' ko-wrap' : ''}`}
      data-qa={column === 'status' ? 'waiting-list-status' : undefined}
    >
      {column === 'notes' && text.length > 80 ? `${text.slice(0, 80)}…` : text}
    </td>
  );
}

function Pagination(props: { lang: Language; list: WaitingList }) {
  const { lang, list } = props;
  const t = messages[lang];
  if (list.pages <= 1) return null;
  const href = (page: number) => `${listPath(list.location.id)}?${viewParams(list.view, { page })}`;
  const current = list.view.page;
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, list.pages])]
    .filter((p) => p >= 1 && p <= list.pages)
    .sort((a, b) => a - b);
  return (
    <nav aria-label={t.pagination} class="ko-pagination" data-qa="pagination">
      <ul class="ko-inline-list">
        {current > 1 && (
          <li>
            <a class="utrecht-link" href={href(current - 1)} rel="prev" data-qa="page-previous">
              {t.previous}
            </a>
          </li>
        )}
        {shown.map((p) => (
          <li key={p}>
            {p === current ? (
              <span aria-current="page" class="ko-pagination__current">
                {p}
              </span>
            ) : (
              <a class="utrecht-link" href={href(p)} aria-label={t.pageN(p)}>
                {p}
              </a>
            )}
          </li>
        ))}
        {current < list.pages && (
          <li>
            <a class="utrecht-link" href={href(current + 1)} rel="next" data-qa="page-next">
              {t.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function WaitingListPage(props: { ctx: PageContext; list: WaitingList; saved?: boolean }) {
  const { ctx, list } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const title = t.title(list.location.name);
  const path = listPath(list.location.id);
  const query = viewParams(list.view, { page: 1 }).toString();
  return (
    <Layout ctx={ctx} title={title}>
      <LocationNav lang={lang} location={list.location} current="waitingList" />
      <h1 class="utrecht-heading-1">{title}</h1>
      {props.saved && <Notice>{t.viewSaved}</Notice>}
      <ErrorSummary lang={lang} form={{ values: {}, errors: list.errors }} />
      <FilterForm lang={lang} list={list} />
      <div class="ko-toolbar">
        <form method="post" action={`${path}/default-view`} class="ko-inline-form">
          <CsrfField token={ctx.csrfToken} />
          {Object.entries(savedFilters(list.view)).flatMap(([k, v]) =>
            (k === 'days' ? v.split(',') : [v]).map((item) => (
              <input key={`${k}-${item}`} type="hidden" name={k} value={item} />
            )),
          )}
          <SubmitButton qa="save-view" secondary>
            {t.saveView}
          </SubmitButton>
        </form>
        <ul class="ko-inline-list">
          <li>
            <a class="utrecht-link" href={`${path}/export.xlsx?${query}`} data-qa="export-xlsx" download>
              {t.exportXlsx}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`${path}/export.csv?${query}`} data-qa="export-csv" download>
              {t.exportCsv}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`${path}/columns`} data-qa="columns-link">
              {t.columnSettings}
            </a>
          </li>
        </ul>
      </div>
      {list.rows.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="empty-list">
          {t.empty}
        </p>
      ) : (
        <TableScroll label={t.caption(list.total, list.view.page, list.pages)}>
          <table class="utrecht-table ko-table" data-qa="waiting-list">
            <caption class="utrecht-table__caption" data-qa="waiting-list-caption">
              {t.caption(list.total, list.view.page, list.pages)}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {list.columns.map((c) => (
                  <SortHeader key={c} lang={lang} list={list} column={c} />
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {list.rows.map((row) => (
                <tr class="utrecht-table__row" key={row.preferenceId} data-qa="waiting-list-row">
                  {list.columns.map((c) => (
                    <Cell key={c} lang={lang} list={list} column={c} row={row} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination lang={lang} list={list} />
    </Layout>
  );
}
