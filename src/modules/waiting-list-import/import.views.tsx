import type { CarePlan } from '../../platform/db/schema/requests.ts';
import { CONFIRM_FIELD, CONFIRM_VALUE } from '../../platform/http/forms.ts';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  type Language,
  plural,
  withColon,
} from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import { CsrfField, type FormState, SelectField, SubmitButton } from '../../platform/views/forms.tsx';
import { Notice } from '../../platform/views/notice.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { DeskLayout } from '../desk/index.ts';
import { importMessages } from './import.messages.ts';
import type { MappingData, PreviewData, RecordData, UploadData } from './import.service.ts';
import type { FileError } from './import-file.ts';
import {
  FIELDS,
  type Field,
  type ImportRow,
  type Mapping,
  type MappingError,
  type Refusal,
} from './import-rows.ts';

/** The pages of the waiting-list import: upload, mapping, preview (the confirmation), record. */

export const IMPORTS_PATH = '/desk/imports';
export const uploadPath = (locationId: string) => `/desk/providers/locations/${locationId}/import`;
const locationPagePath = (locationId: string) => `/desk/providers/locations/${locationId}`;
export const importPath = (importId: string) => `${IMPORTS_PATH}/${importId}`;

/** Fields the mapping must fill (one of the two birth dates, one of e-mail and phone). */
const REQUIRED: ReadonlySet<Field> = new Set([
  'childLastName',
  'parentFirstName',
  'desiredStart',
  'requestDate',
]);
/** The mapping error each missing field shows, for the summary's links to the field. */
const ERROR_FIELD: Record<MappingError, Field> = {
  mapChildLastName: 'childLastName',
  mapBirth: 'birthDate',
  mapParentFirstName: 'parentFirstName',
  mapContact: 'email',
  mapDesiredStart: 'desiredStart',
  mapRequestDate: 'requestDate',
};

function Summary(props: { lang: Language; items: { href: string; text: string }[] }) {
  if (props.items.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error ko-error-summary" role="alert" data-module="error-summary">
      <h2 class="utrecht-heading-2" id="error-summary-title" tabIndex={-1}>
        {importMessages[props.lang].errorSummaryTitle}
      </h2>
      <ul class="utrecht-unordered-list">
        {props.items.map((i) => (
          <li key={i.href}>
            <a class="utrecht-link" href={i.href}>
              {i.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Back(props: { href: string; label: string }) {
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={props.href} data-qa="back">
        {props.label}
      </a>
    </p>
  );
}

function Head(props: { heads: string[] }) {
  return (
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        {props.heads.map((h) => (
          <th class="utrecht-table__header-cell" scope="col" key={h}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function UploadPage(props: {
  ctx: PageContext;
  data: UploadData;
  error?: FileError | undefined;
  discarded?: boolean;
}) {
  const { ctx, data, error } = props;
  const lang = ctx.lang;
  const t = importMessages[lang];
  const loc = data.location;
  const title = t.uploadTitle(loc.name);
  return (
    <DeskLayout ctx={ctx} title={title} current="providers">
      <Back href={locationPagePath(loc.id)} label={t.backTo(loc.name)} />
      <h1 class="utrecht-heading-1">{title}</h1>
      {props.discarded && <Notice>{t.discarded}</Notice>}
      {loc.active ? (
        <>
          <p class="utrecht-paragraph">{t.uploadIntro}</p>
          <Summary lang={lang} items={error ? [{ href: '#field-file', text: t.fileErrors[error] }] : []} />
          <form
            method="post"
            action={uploadPath(loc.id)}
            enctype="multipart/form-data"
            class="ko-form"
            novalidate
            data-qa="import-upload-form"
          >
            <CsrfField token={ctx.csrfToken} />
            <div class={`utrecht-form-field ${error ? 'utrecht-form-field--invalid' : ''}`}>
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for="field-file">
                  {t.file}
                </label>
              </div>
              <div class="utrecht-form-field-description" id="hint-file">
                {t.fileHint}
              </div>
              {error && (
                <p class="utrecht-form-field-error-message" id="error-file">
                  {t.fileErrors[error]}
                </p>
              )}
              <input
                class="ko-file-input"
                type="file"
                id="field-file"
                name="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? 'hint-file error-file' : 'hint-file'}
              />
            </div>
            <SubmitButton qa="import-upload">{t.uploadSubmit}</SubmitButton>
          </form>
        </>
      ) : (
        <p class="utrecht-paragraph">{t.inactive}</p>
      )}
      <h2 class="utrecht-heading-2">{t.earlierTitle}</h2>
      {data.imports.length === 0 ? (
        <p class="utrecht-paragraph">{t.earlierNone}</p>
      ) : (
        <TableScroll label={t.earlierTitle}>
          <table class="utrecht-table ko-table" data-qa="earlier-imports">
            <Head heads={[t.colWhen, t.colWho, t.colFile, t.colImported, t.colRefused]} />
            <tbody class="utrecht-table__body">
              {data.imports.map((i) => (
                <tr class="utrecht-table__row" key={i.id}>
                  <th class="utrecht-table__header-cell" scope="row">
                    <a class="utrecht-link" href={importPath(i.id)}>
                      {i.finishedAt ? formatDateTime(lang, i.finishedAt) : ''}
                    </a>
                  </th>
                  <td class="utrecht-table__cell">{i.by}</td>
                  <td class="utrecht-table__cell">{i.fileName}</td>
                  <td class="utrecht-table__cell">{formatNumber(lang, i.importedCount ?? 0)}</td>
                  <td class="utrecht-table__cell">{formatNumber(lang, i.refusedCount ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </DeskLayout>
  );
}

export function MappingPage(props: {
  ctx: PageContext;
  data: MappingData;
  errors?: MappingError[];
  mapping?: Mapping;
}) {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const t = importMessages[lang];
  const errors = props.errors ?? [];
  const mapping = props.mapping ?? data.mapping;
  const form: FormState = {
    values: Object.fromEntries(FIELDS.map((f) => [f, mapping[f] === undefined ? '' : String(mapping[f])])),
    errors: {},
  };
  const options = data.header.map((name, i) => ({ value: String(i), label: t.column(i + 1, name) }));
  const fieldErrors = new Map(errors.map((e) => [ERROR_FIELD[e], e]));
  return (
    <DeskLayout ctx={ctx} title={t.mappingTitle} current="providers">
      <Back href={uploadPath(data.location.id)} label={t.backTo(data.location.name)} />
      <h1 class="utrecht-heading-1">{t.mappingTitle}</h1>
      <p class="utrecht-paragraph">
        {t.mappingIntro(data.fileName, plural(lang, data.rowCount, t.rowsCount))}
      </p>
      <Summary
        lang={lang}
        items={errors.map((e) => ({ href: `#field-${ERROR_FIELD[e]}`, text: t.mappingErrors[e] }))}
      />
      <TableScroll label={t.sampleCaption}>
        <table class="utrecht-table ko-table" data-qa="import-sample">
          <caption class="ko-caption">{t.sampleCaption}</caption>
          <Head heads={data.header.map((h, i) => t.column(i + 1, h))} />
          <tbody class="utrecht-table__body">
            {data.sample.map((r) => (
              <tr class="utrecht-table__row" key={r.line}>
                {r.cells.map((c, i) => (
                  <td class="utrecht-table__cell" key={i}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <form
        method="post"
        action={`${importPath(data.id)}/mapping`}
        class="ko-form ko-form--wide"
        novalidate
        data-qa="import-mapping-form"
      >
        <CsrfField token={ctx.csrfToken} />
        {FIELDS.map((f) => {
          const error = fieldErrors.get(f);
          const hint = (t.hints as Partial<Record<Field, string>>)[f];
          return (
            <div key={f}>
              <SelectField
                lang={lang}
                form={form}
                name={f}
                label={t.fields[f]}
                errorMessage={error && t.mappingErrors[error]}
                required={REQUIRED.has(f)}
                emptyLabel={t.notInFile}
                options={options}
              />
              {hint && <p class="utrecht-form-field-description">{hint}</p>}
            </div>
          );
        })}
        <SubmitButton qa="import-mapping-save">{t.mappingSubmit}</SubmitButton>
      </form>
      <DiscardForm ctx={ctx} id={data.id} />
    </DeskLayout>
  );
}

function DiscardForm(props: { ctx: PageContext; id: string }) {
  const t = importMessages[props.ctx.lang];
  return (
    <form
      method="post"
      action={`${importPath(props.id)}/discard`}
      class="ko-form"
      data-qa="import-discard-form"
    >
      <CsrfField token={props.ctx.csrfToken} />
      <SubmitButton qa="import-discard" secondary>
        {t.discard}
      </SubmitButton>
    </form>
  );
}

export function planText(lang: Language, plan: CarePlan): string {
  const t = importMessages[lang];
  return WEEKDAYS.filter((d) => plan.days[d] !== 'none')
    .map((d) => (plan.days[d] === 'half' ? `${t.days[d]} ${t.halfDay}` : t.days[d]))
    .join(' ');
}

export function refusalText(lang: Language, r: Refusal): string {
  const t = importMessages[lang];
  switch (r.key) {
    case 'duplicateInFile':
      return t.duplicateInFile(formatNumber(lang, r.line));
    case 'openRequestHere':
      return t.openRequestHere(r.fileNumber);
    case 'openRequestElsewhere':
      return t.openRequestElsewhere(r.fileNumber);
    default:
      return t.reasons[r.key];
  }
}

const PREVIEW_ROWS = 10;

function GoodRow(props: { lang: Language; row: ImportRow }) {
  const { lang, row } = props;
  const t = importMessages[lang];
  const child = [row.child.firstName, row.child.lastName].filter(Boolean).join(' ');
  const birth = row.child.birthDate
    ? formatDate(lang, row.child.birthDate)
    : t.expected(formatDate(lang, row.child.expectedBirthDate ?? ''));
  return (
    <tr class="utrecht-table__row" data-qa="import-good-row">
      <td class="utrecht-table__cell">{formatNumber(lang, row.line)}</td>
      <th class="utrecht-table__header-cell" scope="row">
        {child}
      </th>
      <td class="utrecht-table__cell">{birth}</td>
      <td class="utrecht-table__cell">{`${row.parent.firstName} ${row.parent.lastName}`}</td>
      <td class="utrecht-table__cell">{[row.parent.email, row.parent.phone].filter(Boolean).join(' · ')}</td>
      <td class="utrecht-table__cell">{formatDate(lang, row.desiredStart)}</td>
      <td class="utrecht-table__cell">
        {row.carePlanGiven ? planText(lang, row.carePlan) : t.fullWeekAssumed}
      </td>
      <td class="utrecht-table__cell">{formatDate(lang, row.requestDate)}</td>
    </tr>
  );
}

export function PreviewPage(props: { ctx: PageContext; data: PreviewData; problem?: 'changed' | 'failed' }) {
  const { ctx, data, problem } = props;
  const lang = ctx.lang;
  const t = importMessages[lang];
  const good = data.good.length;
  return (
    <DeskLayout ctx={ctx} title={t.previewTitle} current="providers">
      <Back href={`${importPath(data.id)}/mapping`} label={t.changeMapping} />
      <h1 class="utrecht-heading-1">{t.previewTitle}</h1>
      {problem && (
        <div class="utrecht-alert utrecht-alert--error ko-notice" role="alert" data-qa="import-problem">
          <p class="utrecht-paragraph">{t[problem]}</p>
        </div>
      )}
      <p class="utrecht-paragraph" data-qa="import-lead">
        {t.previewLead(
          data.location.name,
          plural(lang, good, t.requestsCount),
          plural(lang, data.refused.length, t.refusedRowsCount),
        )}
      </p>
      <h2 class="utrecht-heading-2">{t.refusedCaption}</h2>
      {data.refused.length === 0 ? (
        <p class="utrecht-paragraph">{t.noRefused}</p>
      ) : (
        <TableScroll label={t.refusedCaption}>
          <table class="utrecht-table ko-table" data-qa="import-refused">
            <Head heads={[t.colLine, t.colChild, t.colReason]} />
            <tbody class="utrecht-table__body">
              {data.refused.slice(0, 1000).map((r) => (
                <tr class="utrecht-table__row" key={r.line} data-qa="import-refused-row">
                  <td class="utrecht-table__cell">{formatNumber(lang, r.line)}</td>
                  <th class="utrecht-table__header-cell" scope="row">
                    {r.name}
                  </th>
                  <td class="utrecht-table__cell">
                    {r.refusals.map((x) => refusalText(lang, x)).join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {good === 0 ? (
        <p class="utrecht-paragraph">{t.noGood}</p>
      ) : (
        <>
          <h2 class="utrecht-heading-2">{t.firstRowsCaption}</h2>
          <TableScroll label={t.firstRowsCaption}>
            <table class="utrecht-table ko-table" data-qa="import-good">
              <Head
                heads={[
                  t.colLine,
                  t.colChild,
                  t.colBirth,
                  t.colParent,
                  t.colContact,
                  t.colStart,
                  t.colPlan,
                  t.colRequestDate,
                ]}
              />
              <tbody class="utrecht-table__body">
                {data.good.slice(0, PREVIEW_ROWS).map((row) => (
                  <GoodRow key={row.line} lang={lang} row={row} />
                ))}
              </tbody>
            </table>
          </TableScroll>
          <h2 class="utrecht-heading-2">{t.happensTitle}</h2>
          <ul class="utrecht-unordered-list ko-confirm-list" data-qa="confirm-happens">
            {Object.values(t.happens).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div class="utrecht-alert utrecht-alert--warning ko-notice">
            <p class="utrecht-paragraph">
              <strong>{withColon(lang, t.warningLabel)} </strong>
              {t.warning}
            </p>
          </div>
          <form
            method="post"
            action={`${importPath(data.id)}/confirm`}
            class="ko-form"
            novalidate
            data-qa="import-confirm-form"
          >
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
            <input type="hidden" name="expected" value={String(good)} />
            <SubmitButton qa="import-confirm">{t.confirm(plural(lang, good, t.requestsCount))}</SubmitButton>
          </form>
        </>
      )}
      <DiscardForm ctx={ctx} id={data.id} />
    </DeskLayout>
  );
}

export function RecordPage(props: { ctx: PageContext; data: RecordData }) {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const t = importMessages[lang];
  const { imp, location } = data;
  const imported = imp.importedCount ?? 0;
  return (
    <DeskLayout ctx={ctx} title={t.recordTitle} current="providers">
      <Back href={uploadPath(location.id)} label={t.backTo(location.name)} />
      <h1 class="utrecht-heading-1">{t.recordTitle}</h1>
      <p class="utrecht-paragraph" data-qa="import-record-lead">
        {t.recordLead(location.name, plural(lang, imported, t.importedCount))}
      </p>
      <dl class="ko-facts" data-qa="import-record">
        <Fact label={t.recordFile}>{imp.fileName}</Fact>
        <Fact label={t.recordWhen}>{imp.finishedAt ? formatDateTime(lang, imp.finishedAt) : ''}</Fact>
        <Fact label={t.recordWho}>{data.by}</Fact>
        <Fact label={t.recordRows}>{formatNumber(lang, imp.rowCount)}</Fact>
        <Fact label={t.recordImported} qa="import-record-imported">
          {formatNumber(lang, imported)}
        </Fact>
        <Fact label={t.recordRefused} qa="import-record-refused">
          {formatNumber(lang, imp.refusedCount ?? 0)}
        </Fact>
      </dl>
      {(imp.refusedCount ?? 0) > 0 && <p class="utrecht-paragraph">{t.recordRefusedNote}</p>}
    </DeskLayout>
  );
}
