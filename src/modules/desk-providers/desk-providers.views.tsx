import { formatDate, formatNumber, type Language, plural, wordFor } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { DeskLayout } from '../desk/index.ts';
import { InviteSection, PendingInvitations, PeopleSection } from '../organisation-admin/index.ts';
import { Notice } from '../provider-locations/index.ts';
import { providerMessages } from './desk-providers.messages.ts';
import { PROVIDER_KINDS } from './desk-providers.schemas.ts';
import type { ListData, OrganisationData } from './desk-providers.service.ts';

/** The desk's list of provider organisations and locations, and the new-organisation form. */
export const PROVIDERS_PATH = '/desk/providers';
export const organisationPath = (id: string) => `${PROVIDERS_PATH}/${id}`;
export const locationPath = (id: string) => `${PROVIDERS_PATH}/locations/${id}`;

export type Done =
  | {
      key:
        | 'created'
        | 'locationCreated'
        | 'withdrawn'
        | 'modules'
        | 'deactivated'
        | 'reactivated'
        | 'edited'
        | 'locationEdited'
        | 'unchanged';
    }
  | { key: 'invited'; email: string };

export const doneText = (lang: Language, done: Done) => {
  const t = providerMessages[lang];
  return done.key === 'invited' ? t.done.invited(done.email) : t.done[done.key];
};

export const kindLabel = (lang: Language, kind: string | null) => {
  const t = providerMessages[lang];
  return wordFor(t.kinds, kind ?? 'other', t.kinds.other);
};

export function StateBadge(props: { lang: Language; active: boolean }) {
  const t = providerMessages[props.lang];
  return props.active ? (
    <span data-qa="location-state">{t.states.active}</span>
  ) : (
    <span class="ko-badge ko-badge--warning" data-qa="location-state">
      {t.states.deactivated}
    </span>
  );
}

export function ListPage(props: { ctx: PageContext; data: ListData }) {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const t = providerMessages[lang];
  const locations = data.rows.filter((r) => r.locationId !== null).length;
  return (
    <DeskLayout ctx={ctx} title={t.listTitle} current="providers">
      <h1 class="utrecht-heading-1">{t.listTitle}</h1>
      <p class="utrecht-paragraph">{t.listIntro(data.municipality)}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${PROVIDERS_PATH}/new`} data-qa="new-organisation">
          {t.newOrganisation}
        </a>
      </p>
      <form method="get" action={PROVIDERS_PATH} class="ko-filter-form" novalidate data-qa="provider-filter">
        <TextField
          lang={lang}
          form={{ values: { q: data.filter ?? '' }, errors: {} }}
          name="q"
          label={t.filterLabel}
          autocomplete="off"
        />
        <div class="ko-button-row">
          <SubmitButton qa="filter" secondary>
            {t.filterSubmit}
          </SubmitButton>
          {data.filter && (
            <a class="utrecht-link" href={PROVIDERS_PATH}>
              {t.filterClear}
            </a>
          )}
        </div>
      </form>
      {data.rows.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="no-providers">
          {data.filter ? t.noMatch(data.filter) : t.none}
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph" data-qa="location-count">
            {plural(lang, locations, t.rowCount)}
          </p>
          <TableScroll label={t.listCaption}>
            <table class="utrecht-table ko-table" data-qa="providers">
              <caption class="ko-caption ko-visually-hidden">{t.listCaption}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  {[t.colLocation, t.colOrganisation, t.colCare, t.colPlace].map((h) => (
                    <th class="utrecht-table__header-cell" scope="col" key={h}>
                      {h}
                    </th>
                  ))}
                  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                    {t.colCapacity}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {t.colState}
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {data.rows.map((r) => (
                  <tr
                    class="utrecht-table__row"
                    key={r.locationId ?? r.organisationId}
                    data-qa="provider-row"
                  >
                    <th class="utrecht-table__header-cell" scope="row">
                      {r.locationId ? (
                        <a class="utrecht-link" href={locationPath(r.locationId)} data-qa="location-link">
                          {r.locationName}
                        </a>
                      ) : (
                        <span class="ko-muted">{t.noLocationYet}</span>
                      )}
                    </th>
                    <td class="utrecht-table__cell">
                      <a
                        class="utrecht-link"
                        href={organisationPath(r.organisationId)}
                        data-qa="organisation-link"
                      >
                        {r.organisationName}
                      </a>
                    </td>
                    <td class="utrecht-table__cell">{r.careType ? t.careTypes[r.careType] : ''}</td>
                    <td class="utrecht-table__cell">{r.postcode ? `${r.postcode} ${r.city}` : ''}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">
                      {r.capacity === null ? '' : formatNumber(lang, r.capacity)}
                    </td>
                    <td class="utrecht-table__cell">
                      {r.active === null ? '' : <StateBadge lang={lang} active={r.active} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </DeskLayout>
  );
}

/**
 * The organisation's form: empty to register a new organisation, or filled with its details to
 * correct them (`editing`); the same fields and rules either way.
 */
export function OrganisationFormPage(props: {
  ctx: PageContext;
  form: FormState;
  editing?: { id: string; name: string };
}) {
  const { ctx, form, editing } = props;
  const lang = ctx.lang;
  const t = providerMessages[lang];
  const title = editing ? t.editTitle(editing.name) : t.newTitle;
  const back = editing
    ? { href: organisationPath(editing.id), label: t.backTo(editing.name) }
    : { href: PROVIDERS_PATH, label: t.back };
  return (
    <DeskLayout ctx={ctx} title={title} current="providers">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={back.href}>
          {back.label}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{editing ? t.editIntro : t.newIntro}</p>
      <ErrorSummary lang={lang} form={form} />
      <form
        method="post"
        action={editing ? `${organisationPath(editing.id)}/edit` : PROVIDERS_PATH}
        class="ko-form"
        novalidate
        data-qa="organisation-form"
      >
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="name" label={t.name} autocomplete="off" required />
        <SelectField
          lang={lang}
          form={form}
          name="kind"
          label={t.kind}
          required
          options={PROVIDER_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
        />
        <TextField
          lang={lang}
          form={form}
          name="enterpriseNumber"
          label={t.enterpriseNumber}
          hint={t.enterpriseHint}
          autocomplete="off"
        />
        <TextField lang={lang} form={form} name="contactName" label={t.contactName} autocomplete="off" />
        <TextField lang={lang} form={form} name="email" label={t.email} type="email" autocomplete="off" />
        <TextField lang={lang} form={form} name="phone" label={t.phone} type="tel" autocomplete="off" />
        <div class="ko-button-row">
          <SubmitButton qa={editing ? 'save-organisation' : 'create-organisation'}>
            {editing ? t.save : t.create}
          </SubmitButton>
          {editing && (
            <a class="utrecht-link" href={organisationPath(editing.id)}>
              {t.cancelEdit}
            </a>
          )}
        </div>
      </form>
    </DeskLayout>
  );
}

/** The stored organisation as the form's values. */
export function organisationFormValues(org: OrganisationData['organisation']): FormState {
  return {
    values: {
      name: org.name,
      kind: org.kind ?? '',
      enterpriseNumber: org.enterpriseNumber ?? '',
      contactName: org.contactName ?? '',
      email: org.email ?? '',
      phone: org.phone ?? '',
    },
    errors: {},
  };
}

export function OrganisationPage(props: {
  ctx: PageContext;
  data: OrganisationData;
  form: FormState;
  done?: Done | undefined;
}) {
  const { ctx, data, form, done } = props;
  const lang = ctx.lang;
  const t = providerMessages[lang];
  const org = data.organisation;
  const base = organisationPath(org.id);
  const open = data.locations.filter((l) => l.active);
  return (
    <DeskLayout ctx={ctx} title={org.name} current="providers">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={PROVIDERS_PATH}>
          {t.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{org.name}</h1>
      {done && <Notice>{doneText(lang, done)}</Notice>}
      <dl class="ko-facts" data-qa="organisation-facts">
        <div>
          <dt>{t.kind}</dt>
          <dd>{kindLabel(lang, org.kind)}</dd>
        </div>
        {org.enterpriseNumber && (
          <div>
            <dt>{t.enterpriseNumber}</dt>
            <dd>{org.enterpriseNumber}</dd>
          </div>
        )}
        {(org.contactName || org.email || org.phone) && (
          <div>
            <dt>{t.contactName}</dt>
            <dd class="ko-wrap">{[org.contactName, org.email, org.phone].filter(Boolean).join(' · ')}</dd>
          </div>
        )}
      </dl>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/edit`} data-qa="edit-organisation">
          {t.editOrganisation}
        </a>
      </p>
      <h2 class="utrecht-heading-2">{t.locationsCaption}</h2>
      {data.locations.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="no-locations">
          {t.noLocations}
        </p>
      ) : (
        <TableScroll label={t.locationsCaption}>
          <table class="utrecht-table ko-table" data-qa="locations">
            <caption class="ko-caption ko-visually-hidden">{t.locationsCaption}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {[t.colLocation, t.colCare, t.colPlace, t.colState].map((h) => (
                  <th class="utrecht-table__header-cell" scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {data.locations.map((l) => (
                <tr class="utrecht-table__row" key={l.id} data-qa="location">
                  <th class="utrecht-table__header-cell" scope="row">
                    <a class="utrecht-link" href={locationPath(l.id)} data-qa="location-link">
                      {l.name}
                    </a>
                  </th>
                  <td class="utrecht-table__cell">{t.careTypes[l.careType]}</td>
                  <td class="utrecht-table__cell">{`${l.postcode} ${l.city}`}</td>
                  <td class="utrecht-table__cell">
                    <StateBadge lang={lang} active={l.active} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/locations/new`} data-qa="add-location">
          {t.addLocation}
        </a>
      </p>
      <PeopleSection
        caption={t.staffCaption}
        empty={{ text: t.noStaff, qa: 'no-staff' }}
        nameHeader={t.colName}
        columns={[
          { header: t.colEmail, cell: (m) => m.email, wrap: true },
          { header: t.colRole, cell: (m) => t.roles[m.admin ? 'provider_admin' : 'provider_staff'] },
          { header: t.colSince, cell: (m) => formatDate(lang, m.since) },
        ]}
        rows={data.staff}
        rowKey={(m) => m.userId}
        qa="staff"
        rowQa="staff-member"
        action={() => null}
      />
      <PendingInvitations
        lang={lang}
        csrfToken={ctx.csrfToken}
        base={base}
        invitations={data.invitations}
        columns={[
          { header: t.colEmail, cell: (i) => i.email, wrap: true },
          {
            header: t.colRole,
            cell: (i) => t.roles[i.role === 'provider_admin' ? 'provider_admin' : 'provider_staff'],
          },
          { header: t.colInvited, cell: (i) => formatDate(lang, i.createdAt) },
        ]}
        t={{ ...t, name: t.colName, validUntil: t.colValidUntil }}
      />
      <InviteForm
        lang={lang}
        csrfToken={ctx.csrfToken}
        action={`${base}/invitations`}
        form={form}
        locations={open}
      />
    </DeskLayout>
  );
}

/** The invite form: address, name, language, role and the open locations (all ticked when there is one). */
function InviteForm(props: {
  lang: Language;
  csrfToken: string;
  action: string;
  form: FormState;
  locations: { id: string; name: string }[];
}) {
  const t = providerMessages[props.lang];
  if (props.locations.length === 0)
    return (
      <>
        <h2 class="utrecht-heading-2">{t.inviteTitle}</h2>
        <p class="utrecht-paragraph" data-qa="invite-needs-location">
          {t.inviteNeedsLocation}
        </p>
      </>
    );
  return <InviteFormFields {...props} />;
}

function InviteFormFields(props: {
  lang: Language;
  csrfToken: string;
  action: string;
  form: FormState;
  locations: { id: string; name: string }[];
}) {
  const { lang } = props;
  const t = providerMessages[lang];
  const [only] = props.locations;
  const form: FormState =
    props.locations.length === 1 && only && props.form.values.locations === undefined
      ? { ...props.form, values: { ...props.form.values, locations: [only.id] } }
      : props.form;
  return (
    <InviteSection lang={lang} form={form} csrfToken={props.csrfToken} action={props.action} t={t}>
      <ChoiceGroup
        lang={lang}
        form={form}
        name="role"
        legend={t.role}
        required
        options={(['provider_admin', 'provider_staff'] as const).map((r) => ({
          value: r,
          label: t.roleHints[r],
        }))}
      />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="locations"
        legend={t.locations}
        multiple
        required
        options={props.locations.map((l) => ({ value: l.id, label: l.name }))}
      />
    </InviteSection>
  );
}
