import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  emptyForm,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { LocationNav, Notice } from '../provider-locations/index.ts';
import { columnHeader } from './waiting-list.cells.ts';
import { messages } from './waiting-list.messages.ts';
import { CUSTOM_KINDS, type getColumnSettings } from './waiting-list.service.ts';
import { ALWAYS_SHOWN } from './waiting-list.view.ts';

export type ColumnsNotice = 'saved' | 'added' | 'deleted';

/** The user's columns (show, order) and the location's own columns (add, delete). */
export function ColumnSettingsPage(props: {
  ctx: PageContext;
  data: Awaited<ReturnType<typeof getColumnSettings>>;
  customForm?: FormState;
  notice?: ColumnsNotice;
}) {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const title = t.columnsTitle(data.location.name);
  const base = `/provider/locations/${data.location.id}/waiting-list`;
  const customForm = props.customForm ?? emptyForm;
  const notices = { saved: t.columnsSaved, added: t.customAdded, deleted: t.customDeleted };
  return (
    <Layout ctx={ctx} title={title}>
      <LocationNav lang={lang} location={data.location} current="waitingList" />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base} data-qa="back-to-list">
          {t.backToList}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      {props.notice && <Notice>{notices[props.notice]}</Notice>}
      <ErrorSummary lang={lang} form={customForm} />
      <p class="utrecht-paragraph">{t.columnsIntro}</p>
      <form method="post" action={`${base}/columns`} class="ko-form ko-form--wide" data-qa="columns-form">
        <CsrfField token={ctx.csrfToken} />
        <TableScroll label={t.columnsTitle(data.location.name)}>
          <table class="utrecht-table ko-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">
                  {t.show}
                </th>
                <th scope="col" class="utrecht-table__header-cell">
                  {t.order}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {data.columns.map((c, i) => {
                const name = columnHeader(lang, c.key, data.customColumns);
                const id = `show-${c.key.replace(':', '-')}`;
                return (
                  <tr class="utrecht-table__row" key={c.key} data-qa="column-row">
                    <td class="utrecht-table__cell">
                      <div class="utrecht-form-field utrecht-form-field--checkbox">
                        <input
                          class="utrecht-checkbox utrecht-checkbox--html-input"
                          type="checkbox"
                          id={id}
                          name="visible"
                          value={c.key}
                          checked={c.visible}
                          disabled={c.key === ALWAYS_SHOWN}
                          data-qa={`show-${c.key}`}
                        />
                        <label class="utrecht-form-label" for={id}>
                          {name} {c.key === ALWAYS_SHOWN ? t.alwaysShown : ''}
                        </label>
                      </div>
                    </td>
                    <td class="utrecht-table__cell">
                      <button
                        type="submit"
                        class="utrecht-button utrecht-button--secondary-action ko-button--small"
                        name="move"
                        value={`${c.key}:up`}
                        aria-label={t.moveUp(name)}
                        disabled={i <= 1 || c.key === ALWAYS_SHOWN}
                        data-qa={`up-${c.key}`}
                      >
                        {t.up}
                      </button>{' '}
                      <button
                        type="submit"
                        class="utrecht-button utrecht-button--secondary-action ko-button--small"
                        name="move"
                        value={`${c.key}:down`}
                        aria-label={t.moveDown(name)}
                        disabled={i === data.columns.length - 1 || c.key === ALWAYS_SHOWN}
                        data-qa={`down-${c.key}`}
                      >
                        {t.down}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        <SubmitButton qa="save-columns">{t.saveColumns}</SubmitButton>
      </form>

      <section aria-labelledby="custom-columns">
        <h2 class="utrecht-heading-2" id="custom-columns">
          {t.customTitle}
        </h2>
        <p class="utrecht-paragraph">{t.customIntro}</p>
        {data.customColumns.length === 0 ? (
          <p class="utrecht-paragraph">{t.customNone}</p>
        ) : (
          <ul class="ko-card-list" data-qa="custom-columns">
            {data.customColumns.map((c) => (
              <li key={c.id} class="ko-card ko-card--row">
                <span>
                  {c.name} ({t.customKinds[c.kind as keyof typeof t.customKinds] ?? c.kind})
                </span>
                <form method="post" action={`${base}/custom-columns/${c.id}/delete`} class="ko-inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--secondary-action ko-button--small"
                    aria-label={t.deleteCustom(c.name)}
                    data-qa="delete-custom-column"
                  >
                    {t.delete}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form
          method="post"
          action={`${base}/custom-columns`}
          novalidate
          class="ko-form"
          data-qa="custom-column-form"
        >
          <CsrfField token={ctx.csrfToken} />
          <TextField lang={lang} form={customForm} name="name" label={t.customName} required />
          <SelectField
            lang={lang}
            form={customForm}
            name="kind"
            label={t.customKind}
            options={CUSTOM_KINDS.map((k) => ({ value: k, label: t.customKinds[k] }))}
          />
          <SubmitButton qa="add-custom-column" secondary>
            {t.addCustom}
          </SubmitButton>
        </form>
      </section>
    </Layout>
  );
}
