import type { ComponentChildren } from 'preact';
import { formatDate, type Language } from '../../platform/i18n/index.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';

/**
 * The parts of a staff page that both inviters show (an organisation admin, and the desk for an
 * intermediary organisation): a table of people, the open invitations with their withdraw button,
 * and the invite form. Each module passes its own texts, so the parts hold no wording of their own.
 */

export type PersonColumn<R> = { header: string; cell: (row: R) => ComponentChildren; wrap?: boolean };

/** A table of people: the name heads each row, then the given columns, then one action. */
export function PeopleTable<R extends { displayName: string }>(props: {
  caption: string;
  captionHidden?: boolean;
  nameHeader: string;
  columns: PersonColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  action: (row: R) => ComponentChildren;
  qa: string;
  rowQa: string;
}) {
  return (
    <TableScroll label={props.caption}>
      <table class="utrecht-table ko-table" data-qa={props.qa}>
        <caption class={props.captionHidden ? 'ko-caption ko-visually-hidden' : 'ko-caption'}>
          {props.caption}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {props.nameHeader}
            </th>
            {props.columns.map((c) => (
              <th class="utrecht-table__header-cell" scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
            <td class="utrecht-table__header-cell" />
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rows.map((r) => (
            <tr class="utrecht-table__row" key={props.rowKey(r)} data-qa={props.rowQa}>
              <th class="utrecht-table__header-cell" scope="row">
                {r.displayName}
              </th>
              {props.columns.map((c) => (
                <td class={c.wrap ? 'utrecht-table__cell ko-wrap' : 'utrecht-table__cell'} key={c.header}>
                  {c.cell(r)}
                </td>
              ))}
              <td class="utrecht-table__cell">{props.action(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

type PeopleTableProps<R extends { displayName: string }> = Parameters<typeof PeopleTable<R>>[0];

/** A heading over a table of people (its caption then only for screen readers), or a line saying there are none. */
export function PeopleSection<R extends { displayName: string }>(
  props: Omit<PeopleTableProps<R>, 'captionHidden'> & { empty: { text: string; qa: string } },
) {
  const { empty, ...table } = props;
  return (
    <>
      <h2 class="utrecht-heading-2">{props.caption}</h2>
      {props.rows.length === 0 ? (
        <p class="utrecht-paragraph" data-qa={empty.qa}>
          {empty.text}
        </p>
      ) : (
        <PeopleTable {...table} captionHidden />
      )}
    </>
  );
}

type OpenInvitation = { id: string; displayName: string; expiresAt: Date };

/** The open invitations, each with a button that withdraws it (POST to `{base}/invitations/{id}/withdraw`). */
export function PendingInvitations<R extends OpenInvitation>(props: {
  lang: Language;
  csrfToken: string;
  base: string;
  invitations: R[];
  /** The columns between the name and the validity. */
  columns: PersonColumn<R>[];
  t: {
    pendingCaption: string;
    noPending: string;
    name: string;
    validUntil: string;
    withdraw: string;
    withdrawFor: (name: string) => string;
  };
}) {
  const { t } = props;
  return (
    <PeopleSection
      caption={t.pendingCaption}
      empty={{ text: t.noPending, qa: 'no-invitations' }}
      nameHeader={t.name}
      columns={[
        ...props.columns,
        { header: t.validUntil, cell: (i: R) => formatDate(props.lang, i.expiresAt) },
      ]}
      rows={props.invitations}
      rowKey={(i) => i.id}
      qa="invitations"
      rowQa="invitation"
      action={(i) => (
        <form method="post" action={`${props.base}/invitations/${i.id}/withdraw`} class="ko-inline-form">
          <CsrfField token={props.csrfToken} />
          <button
            type="submit"
            class="utrecht-button utrecht-button--secondary-action"
            aria-label={t.withdrawFor(i.displayName)}
            data-qa="withdraw-invitation"
          >
            {t.withdraw}
          </button>
        </form>
      )}
    />
  );
}

/** The invite form (address, name, language, then whatever the inviter adds), with its heading. */
export function InviteSection(props: {
  lang: Language;
  form: FormState;
  csrfToken: string;
  action: string;
  t: {
    inviteTitle: string;
    inviteIntro: string;
    email: string;
    displayName: string;
    language: string;
    languages: Record<Language, string>;
    invite: string;
  };
  children?: ComponentChildren;
}) {
  const { lang, form, t } = props;
  return (
    <>
      <h2 class="utrecht-heading-2">{t.inviteTitle}</h2>
      <p class="utrecht-paragraph">{t.inviteIntro}</p>
      <ErrorSummary lang={lang} form={form} />
      <form method="post" action={props.action} class="ko-form" novalidate data-qa="invite-form">
        <CsrfField token={props.csrfToken} />
        <TextField
          lang={lang}
          form={form}
          name="email"
          label={t.email}
          type="email"
          autocomplete="off"
          required
        />
        <TextField
          lang={lang}
          form={form}
          name="displayName"
          label={t.displayName}
          autocomplete="off"
          required
        />
        <SelectField
          lang={lang}
          form={form}
          name="language"
          label={t.language}
          options={(['nl', 'fr', 'en'] as const).map((l) => ({ value: l, label: t.languages[l] }))}
        />
        {props.children}
        <SubmitButton qa="invite">{t.invite}</SubmitButton>
      </form>
    </>
  );
}
