import type { Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { CsrfField, ErrorSummary, SubmitButton } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { LocationNav, Notice } from '../provider-locations/index.ts';
import { cellText, cellValue, columnHeader } from './waiting-list.cells.ts';
import { FilterForm } from './waiting-list.filters.views.tsx';
import { messages } from './waiting-list.messages.ts';
import type { ListRow, WaitingList } from './waiting-list.service.ts';
import { ALWAYS_SHOWN, type ColumnKey, type Sort, savedFilters, viewParams } from './waiting-list.view.ts';

const listPath = (locationId: string) => `/provider/locations/${locationId}/waiting-list`;

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
      class={`utrecht-table__header-cell${column === ALWAYS_SHOWN ? ' ko-wl-sticky' : ''}`}
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
  if (column === ALWAYS_SHOWN) {
    // The row's header: the child it is about, first and kept in view when the table scrolls sideways.
    return (
      <th scope="row" class="utrecht-table__cell ko-wl-sticky">
        <a
          class="utrecht-link"
          href={`/provider/locations/${list.location.id}/requests/${row.requestId}`}
          data-qa="waiting-list-child"
        >
          {text}
        </a>
      </th>
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
      <div class="ko-wl-heading">
        <h1 class="utrecht-heading-1">{title}</h1>
        <div class="ko-wl-actions">
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
              {/* Short link texts keep the actions beside the title; the full name says what they do. */}
              <span aria-hidden="true">{t.exportLabel}</span>{' '}
              <a
                class="utrecht-link"
                href={`${path}/export.xlsx?${query}`}
                aria-label={t.exportXlsx}
                data-qa="export-xlsx"
                download
              >
                Excel
              </a>
            </li>
            <li>
              <a
                class="utrecht-link"
                href={`${path}/export.csv?${query}`}
                aria-label={t.exportCsv}
                data-qa="export-csv"
                download
              >
                CSV
              </a>
            </li>
            <li>
              <a class="utrecht-link" href={`${path}/columns`} data-qa="columns-link">
                {t.columnSettings}
              </a>
            </li>
          </ul>
        </div>
      </div>
      {props.saved && <Notice>{t.viewSaved}</Notice>}
      <ErrorSummary lang={lang} form={{ values: {}, errors: list.errors }} />
      <FilterForm lang={lang} list={list} />
      {list.rows.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="empty-list">
          {t.empty}
        </p>
      ) : (
        // A region named by the caption and focusable, so that keyboard users can scroll it sideways
        // (WCAG 2.1.1) and hear what it is.
        <section
          class="ko-wl-scroll"
          aria-labelledby="waiting-list-caption"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus
          tabIndex={0}
          data-qa="waiting-list-scroll"
        >
          <table class="utrecht-table ko-table ko-wl-table" data-qa="waiting-list">
            <caption
              class="utrecht-table__caption ko-wl-caption"
              id="waiting-list-caption"
              data-qa="waiting-list-caption"
            >
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
        </section>
      )}
      <Pagination lang={lang} list={list} />
    </Layout>
  );
}
