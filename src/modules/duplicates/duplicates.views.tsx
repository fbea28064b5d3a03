import { formatShortDate, type Language, withColon } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  emptyForm,
  type FormState,
  SubmitButton,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableScroll } from '../../platform/views/table-scroll.tsx';
import type { FileForComparison, FileSummary } from './compare.queries.ts';
import { messages } from './duplicates.messages.ts';
import type { Comparison, DuplicateList } from './duplicates.service.ts';

type T = (typeof messages)[Language];

function childDates(
  t: T,
  lang: Language,
  c: { birthDate: string | null; expectedBirthDate: string | null },
): string {
  if (c.birthDate) return t.born(formatShortDate(lang, c.birthDate));
  if (c.expectedBirthDate) return t.expected(formatShortDate(lang, c.expectedBirthDate));
  return '';
}

function fullName(first: string | null, last: string): string {
  return [first, last].filter(Boolean).join(' ');
}

/** One file in a row of the list: number, parents, children. */
function FileCell(props: { lang: Language; file: FileSummary }) {
  const t = messages[props.lang];
  const { file } = props;
  return (
    <td class="utrecht-table__cell ko-wrap">
      <strong>{file.fileNumber}</strong>
      <div>{file.parents.map((p) => fullName(p.firstName, p.lastName)).join(', ') || t.none}</div>
      <div class="ko-muted">
        {file.children
          .map((c) =>
            [fullName(c.firstName, c.lastName), childDates(t, props.lang, c)].filter(Boolean).join(', '),
          )
          .join('; ')}
      </div>
    </td>
  );
}

export function DuplicateListPage(props: { ctx: PageContext; list: DuplicateList; dismissed: boolean }) {
  const { ctx, list } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <Layout ctx={ctx} title={t.listTitle}>
      <h1 class="utrecht-heading-1">{t.listTitle}</h1>
      {props.dismissed && (
        <div class="utrecht-alert ko-notice" role="status" data-qa="dismissed-notice">
          <p class="utrecht-paragraph">{t.dismissedNotice}</p>
        </div>
      )}
      <p class="utrecht-paragraph">{t.listIntro}</p>
      {list.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="no-duplicates">
          {t.empty}
        </p>
      ) : (
        <TableScroll label={t.caption}>
          <table class="utrecht-table ko-table" data-qa="duplicate-list">
            <caption class="utrecht-table__caption ko-visually-hidden">{t.caption}</caption>
            <TableHead heads={[t.action, t.fileA, t.fileB, t.why]} />
            <tbody class="utrecht-table__body">
              {list.map((pair) => (
                <tr class="utrecht-table__row" key={`${pair.a.id}-${pair.b.id}`} data-qa="duplicate-pair">
                  <td class="utrecht-table__cell">
                    <a
                      class="utrecht-link"
                      href={`/desk/duplicates/${pair.a.id}/${pair.b.id}`}
                      aria-label={t.compareLabel(pair.a.fileNumber, pair.b.fileNumber)}
                      data-qa="duplicate-compare"
                    >
                      {t.compare}
                    </a>
                  </td>
                  <FileCell lang={lang} file={pair.a} />
                  <FileCell lang={lang} file={pair.b} />
                  <td class="utrecht-table__cell ko-wrap" data-qa="duplicate-reasons">
                    {pair.reasons.map((r) => t.reasons[r]).join('. ')}
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

/** One file of the comparison: who is on it, its requests and how much history it holds. */
function FileColumn(props: { lang: Language; file: FileForComparison; qa: string }) {
  const { lang, file } = props;
  const t = messages[lang];
  const f = file.family;
  const address = [
    [f.street, f.houseNumber].filter(Boolean).join(' '),
    [f.postcode, f.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <section class="ko-card" data-qa={props.qa} aria-labelledby={`${props.qa}-heading`}>
      <h2 class="utrecht-heading-2" id={`${props.qa}-heading`}>
        {t.fileHeading(f.fileNumber)}
      </h2>
      <dl class="ko-facts">
        <Fact label={t.created}>{formatShortDate(lang, f.createdAt)}</Fact>
        <Fact label={t.address}>{address || t.none}</Fact>
      </dl>
      <h3 class="utrecht-heading-3">{t.parents}</h3>
      <ul class="utrecht-unordered-list" data-qa={`${props.qa}-parents`}>
        {file.parents.map((p) => (
          <li key={p.id}>
            {fullName(p.firstName, p.lastName)}
            {[
              p.email ? `${withColon(lang, t.email)} ${p.email}` : '',
              p.phone ? `${withColon(lang, t.phone)} ${p.phone}` : '',
              p.hasNationalNumber ? t.nationalNumberKnown : '',
              p.hasAccount ? t.account : '',
            ]
              .filter(Boolean)
              .map((line) => (
                <div class="ko-muted" key={line}>
                  {line}
                </div>
              ))}
          </li>
        ))}
      </ul>
      <h3 class="utrecht-heading-3">{t.children}</h3>
      <ul class="utrecht-unordered-list" data-qa={`${props.qa}-children`}>
        {file.children.map((c) => (
          <li key={c.id}>
            {fullName(c.firstName, c.lastName)}
            <div class="ko-muted">
              {[childDates(t, lang, c), c.hasNationalNumber ? t.nationalNumberKnown : '']
                .filter(Boolean)
                .join(', ')}
            </div>
          </li>
        ))}
      </ul>
      <h3 class="utrecht-heading-3">{t.requests}</h3>
      {file.requests.length === 0 ? (
        <p class="utrecht-paragraph">{t.none}</p>
      ) : (
        <ul class="utrecht-unordered-list" data-qa={`${props.qa}-requests`}>
          {file.requests.map((r) => (
            <li key={r.id}>
              {t.requestLine(
                fullName(r.childFirstName, r.childLastName),
                formatShortDate(lang, r.desiredStart),
              )}{' '}
              <span class="ko-badge">{t.requestStatuses[r.status]}</span>
            </li>
          ))}
        </ul>
      )}
      <h3 class="utrecht-heading-3">{t.history}</h3>
      <dl class="ko-facts">
        <Fact label={t.events}>{file.counts.events}</Fact>
        <Fact label={t.offers}>{file.counts.offers}</Fact>
        <Fact label={t.notes}>{file.counts.notes}</Fact>
        <Fact label={t.tasks}>{file.counts.tasks}</Fact>
      </dl>
    </section>
  );
}

export function ComparisonPage(props: { ctx: PageContext; comparison: Comparison; form?: FormState }) {
  const { ctx, comparison } = props;
  const form = props.form ?? emptyForm;
  const lang = ctx.lang;
  const t = messages[lang];
  const { a, b } = comparison;
  const title = t.compareTitle(a.family.fileNumber, b.family.fileNumber);
  const base = `/desk/duplicates/${a.family.id}/${b.family.id}`;
  const fileNumberOf = (familyId: string) => (familyId === a.family.id ? a : b).family.fileNumber;
  return (
    <Layout ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/desk/duplicates">
          {t.backToList}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph" data-qa="compare-reasons">
        {comparison.reasons.length > 0 ? comparison.reasons.map((r) => t.reasons[r]).join('. ') : t.noReason}
      </p>
      <div class="ko-facts ko-compare">
        <FileColumn lang={lang} file={a} qa="file-a" />
        <FileColumn lang={lang} file={b} qa="file-b" />
      </div>
      <h2 class="utrecht-heading-2">{t.mergeHeading}</h2>
      <div class="utrecht-alert utrecht-alert--warning ko-notice" data-qa="merge-warning">
        <p class="utrecht-paragraph">
          <strong>{withColon(lang, t.mergeWarningLabel)} </strong>
          {t.mergeWarning}
        </p>
      </div>
      {comparison.joined > 0 && <p class="utrecht-paragraph">{t.joinedChildren(comparison.joined)}</p>}
      <form method="post" action={`${base}/merge`} novalidate class="ko-form" data-qa="merge-form">
        <CsrfField token={ctx.csrfToken} />
        <ChoiceGroup
          lang={lang}
          form={form}
          name="keep"
          legend={t.keepLegend}
          required
          options={[a, b].map((f) => ({ value: f.family.id, label: t.keepOption(f.family.fileNumber) }))}
        />
        {comparison.conflicts.map((c) => (
          <ChoiceGroup
            key={c.field}
            lang={lang}
            form={form}
            name={c.field}
            legend={t.conflictLegend(c.childName)}
            required
            options={c.requests.map((r) => ({
              value: r.id,
              label: t.conflictOption(
                fileNumberOf(r.familyId),
                formatShortDate(lang, r.desiredStart),
                t.requestStatuses[r.status as keyof T['requestStatuses']],
              ),
            }))}
          />
        ))}
        <SubmitButton qa="merge-submit">{t.mergeButton}</SubmitButton>
      </form>
      <h2 class="utrecht-heading-2">{t.dismissHeading}</h2>
      <p class="utrecht-paragraph">{t.dismissIntro}</p>
      <form method="post" action={`${base}/dismiss`} class="ko-form" data-qa="dismiss-form">
        <CsrfField token={ctx.csrfToken} />
        <SubmitButton secondary qa="dismiss-submit">
          {t.dismissButton}
        </SubmitButton>
      </form>
    </Layout>
  );
}
