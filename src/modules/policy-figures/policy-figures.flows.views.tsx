import type { ComponentChildren, VNode } from 'preact';
import type { Language } from '../../platform/i18n/index.ts';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { BarChart, type ChartSeries, LineChart } from './charts.tsx';
import { emergencyDefinition } from './emergency-window.ts';
import { flowMessages } from './policy-figures.flows.messages.ts';
import {
  chartNumber,
  type FigureGrid,
  type Flows,
  flowGrids,
  formatGridValue,
  type GridValue,
  monthLabel,
} from './policy-figures.flows.tables.ts';
import type { ChildGroup } from './policy-figures.queries.ts';
import { UNANSWERED_GRACE_DAYS } from './policy-figures.service.ts';
import type { FigureTable, SubMunicipality } from './policy-figures.tables.ts';
import { formatPublished } from './policy-figures.tables.ts';

/** The sections of the figures page, in order: their anchors and the contents list's words. */
export const FIGURE_SECTIONS = [
  'requests',
  'unanswered',
  'emergency',
  'intermediaries',
  'priority',
  'demand',
  'noPlace',
  'about',
] as const;
type SectionKey = (typeof FIGURE_SECTIONS)[number];
export const sectionId = (key: SectionKey) => `figures-${key}`;

/** The in-page contents list: a link to each section. */
export function FiguresContents(props: { lang: Language }) {
  const t = flowMessages[props.lang];
  return (
    <nav class="ko-contents" aria-labelledby="figures-contents" data-qa="figures-contents">
      <h2 class="utrecht-heading-2" id="figures-contents">
        {t.contents}
      </h2>
      <ol class="utrecht-ordered-list">
        {FIGURE_SECTIONS.map((key) => (
          <li key={key}>
            <a class="utrecht-link" href={`#${sectionId(key)}`}>
              {t.groups[key]}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Section(props: {
  lang: Language;
  id: SectionKey;
  definition?: string;
  children: ComponentChildren;
}) {
  const t = flowMessages[props.lang];
  return (
    <section class="ko-figure-section" aria-labelledby={sectionId(props.id)} data-qa={`section-${props.id}`}>
      <h2 class="utrecht-heading-2" id={sectionId(props.id)}>
        {t.groups[props.id]}
      </h2>
      {props.definition && <p class="utrecht-paragraph ko-definition">{props.definition}</p>}
      {props.children}
    </section>
  );
}

/** A table of several columns, its first column kept in view when it scrolls sideways. */
export function GridTable(props: { lang: Language; grid: FigureGrid }) {
  const { lang, grid } = props;
  const t = flowMessages[lang];
  const rows = [...grid.rows, ...(grid.total ? [{ key: 'total', label: t.total, values: grid.total }] : [])];
  return (
    <TableScroll label={grid.caption}>
      <table class="utrecht-table ko-table" data-qa={`figures-${grid.key}`}>
        <caption class="utrecht-table__caption">{grid.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">
              {grid.rowHeader}
            </th>
            {grid.columns.map((c) => (
              <th
                scope="col"
                class="utrecht-table__header-cell utrecht-table__header-cell--numeric"
                key={c.key}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((row) => (
            <tr class="utrecht-table__row" key={row.key}>
              <th scope="row" class="utrecht-table__header-cell">
                {row.label}
              </th>
              {grid.columns.map((c, i) => {
                const v = row.values[i];
                return (
                  <td
                    class="utrecht-table__cell utrecht-table__cell--numeric"
                    key={c.key}
                    data-qa={`${grid.key}-${row.key}-${c.key}`}
                  >
                    {v ? formatGridValue(lang, v) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A chart's series from a grid's column (a gap where the value is not shown). */
function seriesOf(lang: Language, grid: FigureGrid, column: number): ChartSeries {
  const values = grid.rows.map((r) => r.values[column]);
  return {
    name: grid.columns[column]?.label ?? '',
    values: values.map(chartNumber),
    gaps: values.map((v: GridValue | undefined) =>
      v && chartNumber(v) === null ? formatGridValue(lang, v) : null,
    ),
  };
}

function Chart(props: {
  lang: Language;
  kind: 'bar' | 'line';
  id: string;
  title: string;
  labels: string[];
  series: ChartSeries[];
  unit?: 'count' | 'percent' | 'decimal';
}) {
  const t = flowMessages[props.lang];
  const gaps = props.series.reduce((a, s) => a + s.values.filter((v) => v === null).length, 0);
  const description = `${t.chartDesc(props.title, props.labels[0] ?? '', props.labels.at(-1) ?? '', gaps)} ${t.chartTableNote}`;
  const chart = { ...props, description };
  return props.kind === 'bar' ? <BarChart {...chart} /> : <LineChart {...chart} />;
}

/**
 * Every figure group in its own section: figures 1–4 (the tables the page had), then 5–9 with a
 * definition, a chart of the monthly trend where there is one, and the table with the same values.
 */
export function FigureSections(props: {
  lang: Language;
  tables: FigureTable[];
  table: (table: FigureTable) => VNode;
  groups: ChildGroup[];
  subMunicipalities: SubMunicipality[];
  flows: (Flows & { ruleSetNames: { nl: string; fr?: string; en?: string }[] }) | undefined;
}) {
  const { lang, tables, flows } = props;
  const t = flowMessages[lang];
  const byMonth = tables.find((x) => x.key === 'byMonth');
  const firstPart = tables.filter((x) => ['byChannel', 'byResidence', 'coverage', 'byMonth'].includes(x.key));
  const secondPart = tables.filter((x) => !firstPart.includes(x));
  const grids = flows
    ? flowGrids(lang, { groups: props.groups, subMunicipalities: props.subMunicipalities, flows, tables })
    : [];
  const grid = (key: string) => grids.find((g) => g.key === key) as FigureGrid;
  const months = (g: FigureGrid) => g.rows.map((r) => r.label);
  const setNames = flows?.ruleSetNames.map((n) => `“${n[lang] ?? n.nl}”`).join(', ') ?? '';
  return (
    <>
      <Section lang={lang} id="requests">
        {byMonth && (
          <Chart
            lang={lang}
            kind="bar"
            id="chart-byMonth"
            title={t.tables.monthTrend}
            labels={byMonth.rows.map((r) => monthLabel(lang, r.key))}
            series={[
              {
                name: t.tables.monthTrend,
                values: byMonth.rows.map((r) => (r.value.kind === 'count' ? r.value.value : null)),
                gaps: byMonth.rows.map((r) =>
                  r.value.kind === 'count' ? null : formatPublished(lang, r.value),
                ),
              },
            ]}
          />
        )}
        <div class="ko-report">{firstPart.map(props.table)}</div>
      </Section>
      <Section lang={lang} id="unanswered">
        <div class="ko-report">{secondPart.map(props.table)}</div>
      </Section>
      {flows && (
        <>
          <Section lang={lang} id="emergency" definition={emergencyDefinition(lang, flows.windows)}>
            <Chart
              lang={lang}
              kind="line"
              id="chart-emergency"
              title={t.tables.emergency}
              labels={months(grid('emergency'))}
              series={[seriesOf(lang, grid('emergency'), 0), seriesOf(lang, grid('emergency'), 1)]}
            />
            <GridTable lang={lang} grid={grid('emergency')} />
            <GridTable lang={lang} grid={grid('emergencySpeed')} />
          </Section>
          <Section lang={lang} id="intermediaries" definition={t.definitions.intermediaries}>
            <Chart
              lang={lang}
              kind="bar"
              id="chart-intermediaryMonths"
              title={t.tables.intermediaryMonths}
              labels={months(grid('intermediaryMonths'))}
              series={[seriesOf(lang, grid('intermediaryMonths'), 0)]}
            />
            <GridTable lang={lang} grid={grid('intermediaryMonths')} />
            <GridTable lang={lang} grid={grid('intermediaryKinds')} />
          </Section>
          <Section lang={lang} id="priority" definition={t.definitions.priority(setNames || '–')}>
            <Chart
              lang={lang}
              kind="line"
              id="chart-priorityMonths"
              title={t.columns.priorityShare}
              labels={months(grid('priorityMonths'))}
              series={[seriesOf(lang, grid('priorityMonths'), 1)]}
              unit="percent"
            />
            <GridTable lang={lang} grid={grid('priorityMonths')} />
          </Section>
          <Section lang={lang} id="demand" definition={t.definitions.demand}>
            <Chart
              lang={lang}
              kind="bar"
              id="chart-demandWeekday"
              title={t.tables.demandWeekday}
              labels={months(grid('demandWeekday'))}
              series={[seriesOf(lang, grid('demandWeekday'), 0), seriesOf(lang, grid('demandWeekday'), 1)]}
              unit="decimal"
            />
            <GridTable lang={lang} grid={grid('demandWeekday')} />
            <GridTable lang={lang} grid={grid('demandMonths')} />
            <GridTable lang={lang} grid={grid('demandTimes')} />
          </Section>
          <Section lang={lang} id="noPlace" definition={t.definitions.noPlace(UNANSWERED_GRACE_DAYS)}>
            <GridTable lang={lang} grid={grid('noPlacePriority')} />
            <GridTable lang={lang} grid={grid('noPlaceResidence')} />
            <GridTable lang={lang} grid={grid('noPlacePlan')} />
            <GridTable lang={lang} grid={grid('noPlaceCareType')} />
          </Section>
        </>
      )}
    </>
  );
}
