import type { Role } from '../../platform/auth/actions.ts';
import { formatNumber, type Language, locale, plural } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { AdminLayout } from './admin.views.tsx';
import type { AuditRow } from './audit.queries.ts';
import { messages } from './platform-admin.messages.ts';
import { AUDIT_ACTIONS, type AuditFilterInput, FILTER_FIELDS } from './platform-admin.schemas.ts';
import type { AuditPage } from './platform-admin.service.ts';

const whenFormat = new Map<Language, Intl.DateTimeFormat>();
/** '22/11/2026 10:05:31' in Belgian time: dense, and to the second, for a log. */
export function when(lang: Language, instant: Date): string {
  let f = whenFormat.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), {
      dateStyle: 'short',
      timeStyle: 'medium',
      timeZone: 'Europe/Brussels',
    });
    whenFormat.set(lang, f);
  }
  return f.format(instant);
}

export function roleWord(lang: Language, role: Role | null): string {
  const t = messages[lang];
  return role ? (t.roles[role] ?? t.unknownRole) : t.unknownRole;
}

/**
 * A row's details in one line: how many files a list named (and the first few numbers), then the
 * other keys with their values (ids and codes only: recordAudit never stores a personal value).
 */
export function detailsSummary(lang: Language, row: AuditRow, listedFiles: Map<string, string>): string {
  const details = row.details ?? {};
  const parts: string[] = [];
  const listed = details.families;
  if (Array.isArray(listed)) {
    const numbers = listed
      .map((id) => (typeof id === 'string' ? listedFiles.get(id) : undefined))
      .filter((n): n is string => Boolean(n));
    const head = numbers.slice(0, 5).join(', ');
    parts.push(
      `${plural(lang, listed.length, messages[lang].listedFiles)}${head ? ` (${head}${numbers.length > 5 ? ', …' : ''})` : ''}`,
    );
  }
  for (const [key, value] of Object.entries(details)) {
    if (key === 'families' || value === null || value === undefined) continue;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    parts.push(`${key}=${text}`);
  }
  const line = parts.join('; ');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The query string of the current filters, with a cursor when given. */
export function filterQuery(input: Partial<AuditFilterInput>, after?: string): string {
  const q = new URLSearchParams();
  for (const name of FILTER_FIELDS) {
    const v = input[name];
    if (v) q.set(name, v);
  }
  if (after) q.set('after', after);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function FilterForm(props: { lang: Language; form: FormState }) {
  const { lang, form } = props;
  const t = messages[lang];
  return (
    <form
      method="get"
      action="/admin/audit"
      class="ko-filters"
      data-qa="audit-filters"
      aria-label={t.filters}
      novalidate
    >
      <div class="ko-filters__grid">
        <TextField lang={lang} form={form} name="file" label={t.fileLabel} hint={t.fileHint} />
        <TextField lang={lang} form={form} name="staff" label={t.staffLabel} hint={t.staffHint} />
        <SelectField
          lang={lang}
          form={form}
          name="action"
          label={t.actionLabel}
          emptyLabel={t.anyAction}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))}
        />
        <TextField lang={lang} form={form} name="from" label={t.fromLabel} hint={t.dateHint} type="date" />
        <TextField lang={lang} form={form} name="until" label={t.untilLabel} hint={t.dateHint} type="date" />
      </div>
      <div class="ko-button-row">
        <SubmitButton qa="apply-filters">{t.apply}</SubmitButton>
        <a class="utrecht-link" href="/admin/audit" data-qa="clear-filters">
          {t.clear}
        </a>
      </div>
    </form>
  );
}

function AuditTable(props: { lang: Language; page: AuditPage }) {
  const { lang, page } = props;
  const t = messages[lang];
  return (
    <TableScroll label={t.auditTitle}>
      <table class="utrecht-table ko-table" data-qa="audit-table">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {[t.colWhen, t.colWho, t.colAction, t.colWhose, t.colDetails].map((h) => (
              <th key={h} scope="col" class="utrecht-table__header-cell">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {page.rows.map((row) => (
            <tr class="utrecht-table__row" key={row.id} data-qa="audit-row">
              <td class="utrecht-table__cell">{when(lang, row.occurredAt)}</td>
              <td class="utrecht-table__cell" data-qa="audit-who">
                {row.actorUserId ? (row.actorName ?? t.none) : t.nobody}
                {row.actorRole && <span class="ko-muted"> ({roleWord(lang, row.actorRole)})</span>}
              </td>
              <td class="utrecht-table__cell">
                <code>{row.action}</code>
              </td>
              <td class="utrecht-table__cell" data-qa="audit-file">
                {row.fileNumber ?? t.none}
              </td>
              <td class="utrecht-table__cell ko-muted">{detailsSummary(lang, row, page.listedFiles)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The audit log: filters (GET), the chosen staff member, the dense table, older/newest links, the CSV. */
export function AuditLogPage(props: { ctx: PageContext; form: FormState; page?: AuditPage }) {
  const { ctx, form, page } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const input = page?.filters.input;
  return (
    <AdminLayout ctx={ctx} title={t.auditTitle} current="audit">
      <ErrorSummary lang={lang} form={form} />
      <h1 class="utrecht-heading-1">{t.auditTitle}</h1>
      <p class="utrecht-paragraph">{t.auditIntro}</p>
      <FilterForm lang={lang} form={form} />
      {page && input && (
        <section aria-labelledby="audit-results" data-qa="audit-results">
          <h2 class="utrecht-heading-2" id="audit-results">
            {plural(lang, page.rows.length, t.shown)}
          </h2>
          {page.filters.unknown.includes('file') && (
            <p class="utrecht-paragraph" data-qa="unknown-file">
              {t.unknownFile}
            </p>
          )}
          {page.filters.unknown.includes('staff') && (
            <p class="utrecht-paragraph" data-qa="unknown-staff">
              {t.unknownStaff}
            </p>
          )}
          {page.filters.staffName && <p class="utrecht-paragraph">{t.staffIs(page.filters.staffName)}</p>}
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/admin/audit.csv${filterQuery(input)}`} data-qa="export-csv">
              {t.exportCsv}
            </a>
          </p>
          {page.rows.length === 0 ? (
            <p class="utrecht-paragraph">{t.noRows}</p>
          ) : (
            <AuditTable lang={lang} page={page} />
          )}
          {(page.olderCursor || !page.firstPage) && (
            <nav class="ko-pagination" aria-label={t.pagination}>
              <ul class="ko-inline-list">
                {!page.firstPage && (
                  <li>
                    <a class="utrecht-link" href={`/admin/audit${filterQuery(input)}`} data-qa="newest">
                      {t.newest}
                    </a>
                  </li>
                )}
                {page.olderCursor && (
                  <li>
                    <a
                      class="utrecht-link"
                      href={`/admin/audit${filterQuery(input, page.olderCursor)}`}
                      data-qa="older"
                    >
                      {t.older}
                    </a>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </section>
      )}
    </AdminLayout>
  );
}

/** A cell a spreadsheet would read as a formula gets an apostrophe first (CSV injection). */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The filtered log as CSV (UTF-8 with BOM, semicolons, as the waiting list's export); a last line when cut. */
export function auditCsv(
  lang: Language,
  data: { rows: AuditRow[]; listedFiles: Map<string, string>; cut: boolean },
  limit: number,
): string {
  const t = messages[lang];
  const header = [t.colWhen, t.colWho, t.colRole, t.colAction, t.colWhose, t.colDetails];
  const lines = [
    header,
    ...data.rows.map((row) => [
      row.occurredAt.toISOString(),
      row.actorUserId ? (row.actorName ?? '') : t.nobody,
      row.actorRole ? roleWord(lang, row.actorRole) : '',
      row.action,
      row.fileNumber ?? '',
      detailsSummary(lang, row, data.listedFiles),
    ]),
  ];
  if (data.cut) lines.push([t.csvCut(formatNumber(lang, limit))]);
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
