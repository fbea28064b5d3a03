import type { ComponentChildren } from 'preact';
import { formatDate, type Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { graceDefinition, regionOption } from './grace.ts';
import { FigureSections, FiguresContents } from './policy-figures.flows.views.tsx';
import { messages } from './policy-figures.messages.ts';
import type { Figures } from './policy-figures.service.ts';
import { type FigureTable, figureTables, formatPublished, formatShare } from './policy-figures.tables.ts';

export const FIGURES_PATH = '/figures';

const ruleSetName = (lang: Language, name: { nl: string; fr?: string; en?: string }) => name[lang] ?? name.nl;

function PeriodForm(props: { lang: Language; figures: Figures }) {
  const { lang, figures } = props;
  const t = messages[lang];
  const form = { values: figures.values, errors: figures.errors };
  return (
    <form method="get" action={FIGURES_PATH} class="ko-filters" data-qa="period" novalidate>
      <h2 class="utrecht-heading-2">{t.period}</h2>
      <div class="ko-filters__grid">
        {figures.municipalities.length > 1 && (
          <SelectField
            lang={lang}
            form={form}
            name="municipality"
            label={t.municipality}
            options={[
              ...figures.regions.map((r) => ({ value: `region:${r.id}`, label: regionOption(lang, r.name) })),
              ...figures.municipalities.map((m) => ({ value: m.id, label: m.name })),
            ]}
          />
        )}
        <TextField lang={lang} form={form} name="from" label={t.from} hint={t.dateHint} type="date" />
        <TextField lang={lang} form={form} name="to" label={t.to} hint={t.dateHint} type="date" />
      </div>
      <div class="ko-button-row">
        <SubmitButton qa="show-figures">{t.show}</SubmitButton>
      </div>
    </form>
  );
}

function Table(props: { lang: Language; table: FigureTable }) {
  const t = messages[props.lang];
  const { table, lang } = props;
  const withShare = table.rows.some((r) => r.share !== undefined);
  return (
    <TableScroll label={table.caption}>
      <table class="utrecht-table ko-table" data-qa={`figures-${table.key}`}>
        <caption class="utrecht-table__caption">{table.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">
              {t.label}
            </th>
            <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">
              {t.number}
            </th>
            {withShare && (
              <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                {table.key === 'coverage' ? t.coverageColumn : t.share}
              </th>
            )}
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
                {formatPublished(lang, row.value)}
              </td>
              {withShare && (
                <td class="utrecht-table__cell utrecht-table__cell--numeric">
                  {formatShare(lang, row.share)}
                </td>
              )}
            </tr>
          ))}
          {table.total && (
            <tr class="utrecht-table__row">
              <th scope="row" class="utrecht-table__header-cell">
                {t.total}
              </th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric" data-qa={`${table.key}-total`}>
                {formatPublished(lang, table.total)}
              </td>
              {withShare && <td class="utrecht-table__cell" />}
            </tr>
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function FiguresPage(props: { ctx: PageContext; figures: Figures; children?: ComponentChildren }) {
  const { ctx, figures } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const title = t.title(figures.municipality.name);
  const query = new URLSearchParams({
    municipality: figures.municipality.id,
    from: figures.period.from,
    to: figures.period.to,
  }).toString();
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t.intro}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${FIGURES_PATH}/yearly`} data-qa="yearly-link">
          {t.yearly.link}
        </a>
      </p>
      <ErrorSummary lang={lang} form={{ values: figures.values, errors: figures.errors }} />
      <PeriodForm lang={lang} figures={figures} />
      {figures.groups && (
        <>
          <p class="utrecht-paragraph" data-qa="figures-period">
            {t.periodText(formatDate(lang, figures.period.from), formatDate(lang, figures.period.to))}
          </p>
          <h2 class="utrecht-heading-2">{t.downloads}</h2>
          <ul class="ko-inline-list">
            <li>
              <a
                class="utrecht-link"
                href={`${FIGURES_PATH}/export.xlsx?${query}`}
                data-qa="figures-xlsx"
                download
              >
                {t.exportXlsx}
              </a>
            </li>
            <li>
              <a
                class="utrecht-link"
                href={`${FIGURES_PATH}/export.csv?${query}`}
                data-qa="figures-csv"
                download
              >
                {t.exportCsv}
              </a>
            </li>
          </ul>
          <FiguresContents lang={lang} />
          <FigureSections
            lang={lang}
            tables={figureTables(lang, {
              groups: figures.groups,
              subMunicipalities: figures.subMunicipalities,
              period: figures.period,
            })}
            table={(table) => <Table key={table.key} lang={lang} table={table} />}
            groups={figures.groups}
            subMunicipalities={figures.subMunicipalities}
            flows={figures.flows}
          />
          <h2 class="utrecht-heading-2" id="figures-about">
            {t.suppressionTitle}
          </h2>
          <p class="utrecht-paragraph">{t.suppression}</p>
          <h2 class="utrecht-heading-2">{t.definitionsTitle}</h2>
          <ul class="utrecht-unordered-list" data-qa="figures-definitions">
            <li>{t.definitions.unique}</li>
            <li>{t.definitions.coverage}</li>
            <li>{graceDefinition(lang, figures.counted)}</li>
            <li>
              {figures.ruleSet
                ? t.definitions.priority(ruleSetName(lang, figures.ruleSet.name))
                : t.definitions.noRuleSet}
            </li>
          </ul>
          {props.children}
        </>
      )}
    </Layout>
  );
}
