import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, SelectField, SubmitButton } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { forecastMessages } from './forecast.messages.ts';
import { graceDefinition } from './grace.ts';
import { messages } from './policy-figures.messages.ts';
import { formatPublished } from './policy-figures.tables.ts';
import { FIGURES_PATH } from './policy-figures.views.tsx';
import { FIRST_YEAR, YEARLY_MEASURES, type Yearly } from './yearly.ts';

export const YEARLY_PATH = `${FIGURES_PATH}/yearly`;

export function YearlyPage(props: { ctx: PageContext; yearly: Yearly; thisYear: number }) {
  const { ctx, yearly } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const y = t.yearly;
  const form = { values: yearly.values, errors: yearly.errors };
  const years = Array.from({ length: props.thisYear - FIRST_YEAR + 1 }, (_, i) => String(props.thisYear - i));
  const query = new URLSearchParams({ year: String(yearly.year) }).toString();
  const table = yearly.table;
  return (
    <Layout ctx={ctx} title={y.title(yearly.year)}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={FIGURES_PATH} data-qa="figures-link">
          {y.allFigures}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{y.title(yearly.year)}</h1>
      <p class="utrecht-paragraph">{y.intro}</p>
      <ErrorSummary lang={lang} form={form} />
      <form method="get" action={YEARLY_PATH} class="ko-filters" data-qa="year-form" novalidate>
        <div class="ko-filters__grid">
          <SelectField
            lang={lang}
            form={form}
            name="year"
            label={y.year}
            options={years.map((v) => ({ value: v, label: v }))}
          />
        </div>
        <div class="ko-button-row">
          <SubmitButton qa="show-year">{y.show}</SubmitButton>
        </div>
      </form>
      {table && (
        <>
          <h2 class="utrecht-heading-2">{t.downloads}</h2>
          <ul class="ko-inline-list">
            <li>
              <a
                class="utrecht-link"
                href={`${YEARLY_PATH}/export.xlsx?${query}`}
                data-qa="yearly-xlsx"
                download
              >
                {t.exportXlsx}
              </a>
            </li>
            <li>
              <a
                class="utrecht-link"
                href={`${YEARLY_PATH}/export.csv?${query}`}
                data-qa="yearly-csv"
                download
              >
                {t.exportCsv}
              </a>
            </li>
            <li>
              <a
                class="utrecht-link"
                href={`${YEARLY_PATH}/export.pdf?${query}`}
                data-qa="yearly-pdf"
                download
              >
                {forecastMessages[lang].pdf.download}
              </a>
            </li>
          </ul>
          <TableScroll label={y.title(yearly.year)}>
            <table class="utrecht-table ko-table" data-qa="yearly-table">
              <caption class="utrecht-table__caption">{y.title(yearly.year)}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th scope="col" class="utrecht-table__header-cell">
                    {t.municipality}
                  </th>
                  {YEARLY_MEASURES.map((m) => (
                    <th
                      key={m}
                      scope="col"
                      class="utrecht-table__header-cell utrecht-table__header-cell--numeric"
                    >
                      {y.measures[m]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {table.rows.map((row) => (
                  <tr class="utrecht-table__row" key={row.municipalityId}>
                    <th scope="row" class="utrecht-table__header-cell">
                      {row.name}
                    </th>
                    {YEARLY_MEASURES.map((m) => (
                      <td
                        key={m}
                        class="utrecht-table__cell utrecht-table__cell--numeric"
                        data-qa={`yearly-${row.municipalityId}-${m}`}
                      >
                        {formatPublished(lang, row.values[m])}
                      </td>
                    ))}
                  </tr>
                ))}
                {table.rows.length > 1 && (
                  <tr class="utrecht-table__row">
                    <th scope="row" class="utrecht-table__header-cell">
                      {y.regionTotal}
                    </th>
                    {YEARLY_MEASURES.map((m) => (
                      <td
                        key={m}
                        class="utrecht-table__cell utrecht-table__cell--numeric"
                        data-qa={`yearly-total-${m}`}
                      >
                        {formatPublished(lang, table.total[m])}
                      </td>
                    ))}
                  </tr>
                )}
              </tbody>
            </table>
          </TableScroll>
          <h2 class="utrecht-heading-2">{t.definitionsTitle}</h2>
          <ul class="utrecht-unordered-list">
            <li>{t.definitions.unique}</li>
            {table.rows.length > 1 && <li data-qa="yearly-total-note">{y.regionTotalNote}</li>}
            <li>{graceDefinition(lang, yearly.municipalities)}</li>
            <li>
              {yearly.ruleSet
                ? y.judgedOn(yearly.ruleSet.name[lang] ?? yearly.ruleSet.name.nl)
                : t.definitions.noRuleSet}
            </li>
          </ul>
          <p class="utrecht-paragraph">{t.suppression}</p>
        </>
      )}
    </Layout>
  );
}
