import { formatDate, type Language, locale } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Notice } from '../../platform/views/notice.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { TextArea } from '../provider-locations/index.ts';
import type { BirthsPage, LineError } from './births.service.ts';
import { FIRST_BIRTHS_YEAR } from './births.service.ts';
import { forecastMessages } from './forecast.messages.ts';
import type { Forecast, ForecastRow } from './forecast.ts';
import { formatPublished } from './policy-figures.tables.ts';
import { FIGURES_PATH } from './policy-figures.views.tsx';

export const BIRTHS_PATH = `${FIGURES_PATH}/births`;

const per100 = (lang: Language, share: number | null) =>
  share === null
    ? '–'
    : new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(Math.round(share * 1000) / 10);

function Cells(props: { lang: Language; row: ForecastRow; year: number }) {
  const { lang, row } = props;
  const t = forecastMessages[lang].forecast;
  const num = 'utrecht-table__cell utrecht-table__cell--numeric';
  return (
    <>
      <td class={num} data-qa={`forecast-${row.key}-births`}>
        {row.births ? formatPublished(lang, row.births) : '–'}
      </td>
      <td class={num} data-qa={`forecast-${row.key}-requests`}>
        {formatPublished(lang, row.requests)}
      </td>
      <td class={num} data-qa={`forecast-${row.key}-ratio`}>
        {per100(lang, row.ratio)}
      </td>
      <td class={num} data-qa={`forecast-${row.key}-expected`}>
        {row.expected ? formatPublished(lang, row.expected) : '–'}
        {row.expected && row.nextFromBase ? ` ${t.sameAsBase(props.year)}` : ''}
      </td>
      <td class={num} data-qa={`forecast-${row.key}-places`}>
        {new Intl.NumberFormat(locale(lang)).format(row.places)}
      </td>
      <td class={num} data-qa={`forecast-${row.key}-placesPerBirths`}>
        {per100(lang, row.placesPerBirth)}
      </td>
    </>
  );
}

/** Figure 10 on the figures page: the table and the method, written out. */
export function ForecastSection(props: { lang: Language; forecast: Forecast; canEnterBirths: boolean }) {
  const { lang, forecast } = props;
  const t = forecastMessages[lang].forecast;
  const heads = [
    t.municipality,
    t.births(forecast.year),
    t.requests(forecast.year),
    t.ratio,
    t.expected(forecast.next),
    t.places,
    t.placesPerBirths,
  ];
  return (
    <section aria-labelledby="forecast-heading" data-qa="forecast">
      <h2 class="utrecht-heading-2" id="forecast-heading">
        {t.title}
      </h2>
      <TableScroll label={t.title}>
        <table class="utrecht-table ko-table" data-qa="forecast-table">
          <caption class="utrecht-table__caption">{t.caption(forecast.year, forecast.next)}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {heads.map((h, i) => (
                <th
                  key={h}
                  scope="col"
                  class={`utrecht-table__header-cell ${i > 0 ? 'utrecht-table__header-cell--numeric' : ''}`}
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {forecast.rows.map((row) => (
              <tr class="utrecht-table__row" key={row.key}>
                <th scope="row" class="utrecht-table__header-cell">
                  {row.name}
                </th>
                <Cells lang={lang} row={row} year={forecast.year} />
              </tr>
            ))}
            {forecast.total && (
              <tr class="utrecht-table__row">
                <th scope="row" class="utrecht-table__header-cell">
                  {t.total}
                </th>
                <Cells lang={lang} row={forecast.total} year={forecast.year} />
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
      {forecast.countedTo && (
        <p class="utrecht-paragraph">{t.yearNotOver(formatDate(lang, forecast.countedTo))}</p>
      )}
      {forecast.rows.every((r) => !r.births) && <p class="utrecht-paragraph">{t.noBirths}</p>}
      <p class="utrecht-paragraph" data-qa="forecast-method">
        {t.method(forecast.year, forecast.next)}
      </p>
      {props.canEnterBirths && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={BIRTHS_PATH} data-qa="births-link">
            {t.enterBirths}
          </a>
        </p>
      )}
    </section>
  );
}

function lineText(lang: Language, e: LineError): string {
  const t = forecastMessages[lang].births;
  switch (e.kind) {
    case 'format':
      return t.lineFormat(e.line);
    case 'twice':
      return t.lineTwice(e.line);
    case 'year':
      return t.lineYear(e.line, e.from, e.to);
    case 'births':
      return t.lineBirths(e.line, e.max);
  }
}

/** The desk's births per year: one year at a time, or lines `year;births` pasted from a file. */
export function BirthsPageView(props: {
  ctx: PageContext;
  data: BirthsPage;
  lastYear: number;
  form: FormState;
  importForm: FormState;
  lineErrors?: LineError[] | 'empty';
  saved?: number;
}) {
  const { ctx, data, form, importForm } = props;
  const lang = ctx.lang;
  const t = forecastMessages[lang].births;
  const failed = Object.keys(form.errors).length > 0 || props.lineErrors !== undefined;
  return (
    <Layout ctx={ctx} title={t.title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={FIGURES_PATH}>
          {t.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t.title}</h1>
      {props.saved !== undefined && !failed && <Notice>{t.saved(props.saved)}</Notice>}
      <ErrorSummary lang={lang} form={form} />
      {props.lineErrors && (
        <div class="utrecht-alert utrecht-alert--error ko-error-summary" role="alert" data-qa="import-errors">
          <h2 class="utrecht-heading-2">{props.lineErrors === 'empty' ? t.empty : t.lineErrors}</h2>
          {props.lineErrors !== 'empty' && (
            <ul class="utrecht-unordered-list">
              {props.lineErrors.map((e) => (
                <li key={e.line}>
                  <a class="utrecht-link" href="#field-csv">
                    {lineText(lang, e)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p class="utrecht-paragraph">{t.intro(data.municipality.name)}</p>
      <form method="post" action={BIRTHS_PATH} novalidate class="ko-form" data-qa="births-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={lang}
          form={form}
          name="year"
          label={t.year}
          hint={t.yearHint(FIRST_BIRTHS_YEAR, props.lastYear)}
          inputMode="numeric"
          required
        />
        <TextField lang={lang} form={form} name="births" label={t.births} inputMode="numeric" required />
        <SubmitButton qa="births-save">{t.save}</SubmitButton>
      </form>
      <h2 class="utrecht-heading-2">{t.importTitle}</h2>
      <form method="post" action={`${BIRTHS_PATH}/import`} novalidate class="ko-form" data-qa="births-import">
        <CsrfField token={ctx.csrfToken} />
        <TextArea
          lang={lang}
          form={importForm}
          name="csv"
          label={t.importLabel}
          hint={t.importHint}
          rows={5}
        />
        <SubmitButton qa="births-import-submit">{t.import}</SubmitButton>
      </form>
      <h2 class="utrecht-heading-2">{t.listTitle}</h2>
      {data.births.length === 0 ? (
        <p class="utrecht-paragraph">{t.none}</p>
      ) : (
        <TableScroll label={t.listTitle}>
          <table class="utrecht-table ko-table ko-table--compact" data-qa="births-table">
            <caption class="utrecht-table__caption">{t.listTitle}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">
                  {t.year}
                </th>
                <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                  {t.births}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {data.births.map((b) => (
                <tr class="utrecht-table__row" key={b.year}>
                  <th scope="row" class="utrecht-table__header-cell">
                    {b.year}
                  </th>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric" data-qa={`births-${b.year}`}>
                    {new Intl.NumberFormat(locale(lang)).format(b.births)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}
