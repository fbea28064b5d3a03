import { formatNumber, formatShortDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { messages } from './desk.messages.ts';
import type { SearchResult } from './desk.service.ts';
import { DeskLayout } from './desk.views.tsx';

export type SearchOutcome = { results: SearchResult[]; more: boolean } | undefined;

function Results(props: { ctx: PageContext; outcome: NonNullable<SearchOutcome>; limit: number }) {
  const lang = props.ctx.lang;
  const t = messages[lang];
  const { results, more } = props.outcome;
  if (results.length === 0)
    return (
      <p class="utrecht-paragraph" data-qa="no-results">
        {t.noResults}
      </p>
    );
  const caption = t.resultsCaption(formatNumber(lang, results.length));
  return (
    <>
      {more && <p class="utrecht-paragraph">{t.moreResults(formatNumber(lang, props.limit))}</p>}
      <TableScroll label={caption}>
        <table class="utrecht-table ko-table" data-qa="search-results">
          <caption class="utrecht-table__caption">{caption}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th scope="col" class="utrecht-table__header-cell">
                {t.colFile}
              </th>
              <th scope="col" class="utrecht-table__header-cell">
                {t.colChildren}
              </th>
              <th scope="col" class="utrecht-table__header-cell">
                {t.colParents}
              </th>
              <th scope="col" class="utrecht-table__header-cell">
                {t.colContact}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {results.map((r) => (
              <tr class="utrecht-table__row" key={r.id} data-qa="result-row">
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={`/desk/families/${r.id}`} data-qa="result-link">
                    {r.fileNumber}
                  </a>
                </td>
                <td class="utrecht-table__cell ko-wrap">
                  {r.children.map((c) => (
                    <div key={c.name}>
                      {c.name}
                      {c.birthDate
                        ? ` (${formatShortDate(lang, c.birthDate)})`
                        : c.expectedBirthDate
                          ? ` (${t.expected(formatShortDate(lang, c.expectedBirthDate))})`
                          : ''}
                    </div>
                  ))}
                </td>
                <td class="utrecht-table__cell ko-wrap">
                  {r.parents.map((p) => (
                    <div key={p.name}>{p.name}</div>
                  ))}
                </td>
                <td class="utrecht-table__cell ko-wrap">
                  {r.parents.map((p) => (
                    <div key={p.name}>{[p.email, p.phone].filter(Boolean).join(', ') || t.none}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** Find a file: the GET form (names, dates, numbers, contact) and the POST-only national number form. */
export function SearchPage(props: {
  ctx: PageContext;
  form: FormState;
  nnForm: FormState;
  outcome: SearchOutcome;
  limit: number;
  message?: string | undefined;
}) {
  const { ctx, form, nnForm } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <DeskLayout ctx={ctx} title={t.searchTitle} current="search">
      <h1 class="utrecht-heading-1">{t.searchTitle}</h1>
      <ErrorSummary lang={lang} form={Object.keys(form.errors).length > 0 ? form : nnForm} />
      {props.message && (
        <div class="utrecht-alert ko-notice utrecht-alert--warning" role="status" data-qa="search-message">
          <p class="utrecht-paragraph">{props.message}</p>
        </div>
      )}
      <p class="utrecht-paragraph">{t.searchIntro}</p>
      <p class="utrecht-paragraph">
        {t.notFoundRegister}{' '}
        <a class="utrecht-link" href="/desk/families/new" data-qa="register-family">
          {t.registerFamily}
        </a>
      </p>
      <form method="get" action="/desk/search" novalidate data-qa="search-form" class="ko-filter-form">
        <TextField lang={lang} form={form} name="name" label={t.searchName} />
        <TextField lang={lang} form={form} name="birthDate" label={t.searchBirthDate} type="date" />
        <TextField
          lang={lang}
          form={form}
          name="fileNumber"
          label={t.searchFileNumber}
          hint={t.searchFileNumberHint}
        />
        <TextField lang={lang} form={form} name="email" label={t.searchEmail} type="email" />
        <TextField lang={lang} form={form} name="phone" label={t.searchPhone} type="tel" />
        <SubmitButton qa="search">{t.searchSubmit}</SubmitButton>
      </form>
      {props.outcome && <Results ctx={ctx} outcome={props.outcome} limit={props.limit} />}
      <h2 class="utrecht-heading-2">{t.nnTitle}</h2>
      <p class="utrecht-paragraph">{t.nnIntro}</p>
      <form method="post" action="/desk/search" novalidate data-qa="nn-search-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={lang}
          form={nnForm}
          name="nationalNumber"
          label={t.nnLabel}
          inputMode="numeric"
          autocomplete="off"
          value=""
        />
        <SubmitButton qa="nn-search" secondary>
          {t.nnSubmit}
        </SubmitButton>
      </form>
    </DeskLayout>
  );
}
