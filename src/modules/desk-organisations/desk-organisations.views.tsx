import {
  formatDate,
  formatNumber,
  type Language,
  plural,
  withColon,
  wordFor,
} from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { DeskLayout, DeskNav } from '../desk/index.ts';
import { InviteSection, PendingInvitations, PeopleSection } from '../organisation-admin/index.ts';
import { Notice } from '../provider-locations/index.ts';
import { organisationMessages } from './desk-organisations.messages.ts';
import { INTERMEDIARY_KINDS } from './desk-organisations.schemas.ts';
import type { ListData, MemberData, OrganisationData } from './desk-organisations.service.ts';

export const ORGANISATIONS_PATH = '/desk/organisations';
export const organisationPath = (id: string) => `${ORGANISATIONS_PATH}/${id}`;

export type OrganisationDone =
  | { key: 'created' | 'withdrawn' | 'removed' }
  | { key: 'invited'; email: string };

const kindLabel = (lang: Language, kind: string) => {
  const t = organisationMessages[lang];
  return wordFor(t.kinds, kind, t.kinds.other);
};

export function ListPage(props: { ctx: PageContext; data: ListData; form: FormState }) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const t = organisationMessages[lang];
  return (
    <DeskLayout ctx={ctx} title={t.listTitle} current="organisations">
      <h1 class="utrecht-heading-1">{t.listTitle}</h1>
      <p class="utrecht-paragraph">{t.listIntro(data.municipality)}</p>
      {data.organisations.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="no-organisations">
          {t.none}
        </p>
      ) : (
        <TableScroll label={t.listCaption}>
          <table class="utrecht-table ko-table" data-qa="organisations">
            <caption class="ko-caption ko-visually-hidden">{t.listCaption}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t.colName}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t.colKind}
                </th>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t.colStaff}
                </th>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t.colFamilies}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {data.organisations.map((o) => (
                <tr class="utrecht-table__row" key={o.id} data-qa="organisation">
                  <th class="utrecht-table__header-cell" scope="row">
                    <a class="utrecht-link" href={organisationPath(o.id)} data-qa="organisation-link">
                      {o.name}
                    </a>
                  </th>
                  <td class="utrecht-table__cell">{kindLabel(lang, o.kind)}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric" data-qa="organisation-staff">
                    {formatNumber(lang, o.staff)}
                  </td>
                  <td
                    class="utrecht-table__cell utrecht-table__cell--numeric"
                    data-qa="organisation-families"
                  >
                    {formatNumber(lang, o.families)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="utrecht-heading-2">{t.newTitle}</h2>
      <p class="utrecht-paragraph">{t.newIntro}</p>
      <ErrorSummary lang={lang} form={form} />
      <form method="post" action={ORGANISATIONS_PATH} class="ko-form" novalidate data-qa="organisation-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="name" label={t.name} autocomplete="off" required />
        <SelectField
          lang={lang}
          form={form}
          name="kind"
          label={t.kind}
          required
          options={INTERMEDIARY_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
        />
        <SubmitButton qa="create-organisation">{t.create}</SubmitButton>
      </form>
    </DeskLayout>
  );
}

export function OrganisationPage(props: {
  ctx: PageContext;
  data: OrganisationData;
  form: FormState;
  done?: OrganisationDone | undefined;
}) {
  const { ctx, data, form, done } = props;
  const lang = ctx.lang;
  const t = organisationMessages[lang];
  const base = organisationPath(data.organisation.id);
  return (
    <DeskLayout ctx={ctx} title={data.organisation.name} current="organisations">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={ORGANISATIONS_PATH}>
          {t.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{data.organisation.name}</h1>
      {done && <Notice>{done.key === 'invited' ? t.done.invited(done.email) : t.done[done.key]}</Notice>}
      <p class="utrecht-paragraph" data-qa="organisation-summary">
        {`${withColon(lang, t.kind)} ${kindLabel(lang, data.organisation.kind)}. ${plural(lang, data.staff.length, t.staffCount)}, ${plural(lang, data.families, t.familyCount)}.`}
      </p>
      <PeopleSection
        caption={t.staffCaption}
        empty={{ text: t.noStaff, qa: 'no-staff' }}
        nameHeader={t.colName}
        columns={[
          { header: t.colEmail, cell: (m) => m.email, wrap: true },
          { header: t.colSince, cell: (m) => formatDate(lang, m.since) },
        ]}
        rows={data.staff}
        rowKey={(m) => m.userId}
        qa="staff"
        rowQa="staff-member"
        action={(m) => (
          <a
            class="utrecht-link"
            href={`${base}/staff/${m.userId}/remove`}
            aria-label={t.removeFor(m.displayName)}
            data-qa="remove-staff"
          >
            {t.remove}
          </a>
        )}
      />
      <PendingInvitations
        lang={lang}
        csrfToken={ctx.csrfToken}
        base={base}
        invitations={data.invitations}
        columns={[
          { header: t.colEmail, cell: (i) => i.email, wrap: true },
          { header: t.colInvited, cell: (i) => formatDate(lang, i.createdAt) },
        ]}
        t={{ ...t, name: t.colName, validUntil: t.colValidUntil }}
      />
      <InviteSection lang={lang} form={form} csrfToken={ctx.csrfToken} action={`${base}/invitations`} t={t} />
    </DeskLayout>
  );
}

/** What removing a staff member does, before it is done (UX.md rule 4). */
export function RemoveConfirmPage(props: { ctx: PageContext; data: MemberData; form: FormState }) {
  const { ctx, data } = props;
  const t = organisationMessages[ctx.lang];
  const base = organisationPath(data.organisation.id);
  return (
    <ConfirmPage
      ctx={ctx}
      nav={<DeskNav lang={ctx.lang} current="organisations" />}
      title={t.removeConfirmTitle(data.member.displayName)}
      happens={[
        t.removeHappens(data.member.displayName, data.organisation.name),
        t.removeSessions,
        t.removeAccountStays,
      ]}
      warning={t.removeFinal}
      warningLabel={t.warning}
      action={`${base}/staff/${data.member.userId}/remove`}
      submitLabel={t.removeConfirm}
      cancel={{ href: base, label: t.cancel }}
      form={props.form}
      qa="confirm-remove-staff"
    />
  );
}
