import { formatDate, type Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Downloads } from '../../platform/views/downloads.tsx';
import { ErrorSummary, SubmitButton, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { LocationNav } from '../provider-locations/index.ts';
import { messages } from './provider-reports.messages.ts';
import type { Report } from './provider-reports.service.ts';
import { formatValue, type ReportTable, reportTables } from './provider-reports.tables.ts';

export const reportsPath = (locationId: string) => `/provider/locations/${locationId}/reports`;

function PeriodForm(props: { lang: Language; report: Report }) {
  const { lang, report } = props;
  const t = messages[lang];
  const form = { values: report.values, errors: report.errors };
  return (
    <form
      method="get"
      action={reportsPath(report.location.id)}
      class="ko-filters"
      data-qa="period"
      novalidate
    >
      <h2 class="utrecht-heading-2">{t.period}</h2>
      <div class="ko-filters__grid">
        <TextField lang={lang} form={form} name="from" label={t.from} hint={t.dateHint} type="date" />
        <TextField lang={lang} form={form} name="to" label={t.to} hint={t.dateHint} type="date" />
      </div>
      <div class="ko-button-row">
        <SubmitButton qa="show-report">{t.show}</SubmitButton>
      </div>
    </form>
  );
}

function Table(props: { lang: Language; table: ReportTable }) {
  const t = messages[props.lang];
  const { table } = props;
  return (
    <TableScroll label={table.caption}>
      <table class="utrecht-table ko-table" data-qa={`report-${table.key}`}>
        <caption class="utrecht-table__caption">{table.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">
              {t.label}
            </th>
            <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">
              {t.number}
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {table.rows.map((row) => (
            <tr class="utrecht-table__row" key={row.key}>
              <th scope="row" class="utrecht-table__header-cell">
                {row.label}
              </th>
              <td
                class="utrecht-table__cell utrecht-table__cell--numeric"
                data-qa={`${table.key}-${row.key}`}
              >
                {formatValue(props.lang, row)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ReportsPage(props: { ctx: PageContext; report: Report }) {
  const { ctx, report } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const title = t.title(report.location.name);
  const query = new URLSearchParams({ from: report.period.from, to: report.period.to }).toString();
  const base = reportsPath(report.location.id);
  return (
    <Layout ctx={ctx} title={title}>
      <LocationNav lang={lang} location={report.location} current="reports" />
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t.intro}</p>
      <ErrorSummary lang={lang} form={{ values: report.values, errors: report.errors }} />
      <PeriodForm lang={lang} report={report} />
      {report.figures && (
        <>
          <p class="utrecht-paragraph" data-qa="report-period">
            {t.periodText(formatDate(lang, report.period.from), formatDate(lang, report.period.to))}
          </p>
          <Downloads
            heading={t.downloads}
            links={[
              { href: `${base}/export.xlsx?${query}`, label: t.exportXlsx, qa: 'report-xlsx' },
              { href: `${base}/export.csv?${query}`, label: t.exportCsv, qa: 'report-csv' },
            ]}
          />
          <div class="ko-report">
            {reportTables(lang, report.figures, report.location.firstAnswerDays).map((table) => (
              <Table key={table.key} lang={lang} table={table} />
            ))}
          </div>
        </>
      )}
    </Layout>
  );
}
