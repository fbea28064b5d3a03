import { errorText } from '../../platform/i18n/common.ts';
import { formatDate, formatNumber, type Language, plural, withColon } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
  value,
} from '../../platform/views/forms.tsx';
import { TextNotice as Notice } from '../../platform/views/notice.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { InviteSection, PendingInvitations, PeopleSection } from '../organisation-admin/index.ts';
import { AdminLayout, AdminNav } from '../platform-admin/index.ts';
import { messages } from './region-admin.messages.ts';
import { MUNICIPALITY_ROLES } from './region-admin.schemas.ts';
import type {
  MemberData,
  MunicipalityData,
  Overview,
  RegionData,
  RegionMemberData,
} from './region-admin.service.ts';

export const MUNICIPALITIES_PATH = '/admin/municipalities';
export const municipalityPath = (id: string) => `${MUNICIPALITIES_PATH}/${id}`;
export const regionPath = (id: string) => `/admin/regions/${id}`;

export type RegionDone = { key: 'withdrawn' | 'removed' } | { key: 'invited'; email: string };

export type MunicipalityDone =
  | { key: 'created' | 'withdrawn' | 'removed' }
  | { key: 'invited'; email: string }
  | { key: 'joined'; region: string };

const num = 'utrecht-table__cell utrecht-table__cell--numeric';
const numHead = 'utrecht-table__header-cell utrecht-table__header-cell--numeric';

/** Regions and municipalities, with links to add either. */
export function OverviewPage(props: { ctx: PageContext; data: Overview; regionCreated: boolean }) {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <AdminLayout ctx={ctx} title={t.listTitle} current="municipalities">
      <h1 class="utrecht-heading-1">{t.listTitle}</h1>
      {props.regionCreated && <Notice text={t.done.regionCreated} />}
      <p class="utrecht-paragraph">{t.listIntro}</p>
      <ul class="ko-inline-list">
        <li>
          <a class="utrecht-link" href={`${MUNICIPALITIES_PATH}/new`} data-qa="new-municipality">
            {t.newMunicipality}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/admin/regions/new" data-qa="new-region">
            {t.newRegion}
          </a>
        </li>
      </ul>
      <h2 class="utrecht-heading-2">{t.municipalitiesCaption}</h2>
      {data.municipalities.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="no-municipalities">
          {t.noMunicipalities}
        </p>
      ) : (
        <TableScroll label={t.municipalitiesCaption}>
          <table class="utrecht-table ko-table" data-qa="municipalities">
            <caption class="ko-caption ko-visually-hidden">{t.municipalitiesCaption}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t.colName}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t.colNis}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t.colRegion}
                </th>
                <th class={numHead} scope="col">
                  {t.colDesk}
                </th>
                <th class={numHead} scope="col">
                  {t.colPolicy}
                </th>
                <th class={numHead} scope="col">
                  {t.colProviders}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {data.municipalities.map((m) => (
                <tr class="utrecht-table__row" key={m.id} data-qa="municipality">
                  <th class="utrecht-table__header-cell" scope="row">
                    <a class="utrecht-link" href={municipalityPath(m.id)} data-qa="municipality-link">
                      {m.name}
                    </a>
                  </th>
                  <td class="utrecht-table__cell">{m.nisCode}</td>
                  <td class="utrecht-table__cell" data-qa="municipality-region">
                    {m.regionName}
                  </td>
                  <td class={num} data-qa="municipality-desk">
                    {formatNumber(lang, m.desk)}
                  </td>
                  <td class={num}>{formatNumber(lang, m.policy)}</td>
                  <td class={num}>{formatNumber(lang, m.locations)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="utrecht-heading-2">{t.regionsCaption}</h2>
      <TableScroll label={t.regionsCaption}>
        <table class="utrecht-table ko-table" data-qa="regions">
          <caption class="ko-caption ko-visually-hidden">{t.regionsCaption}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t.colName}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t.colCode}
              </th>
              <th class={numHead} scope="col">
                {t.colMunicipalities}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {data.regions.map((r) => (
              <tr class="utrecht-table__row" key={r.id} data-qa="region">
                <th class="utrecht-table__header-cell" scope="row">
                  <a class="utrecht-link" href={regionPath(r.id)} data-qa="region-link">
                    {r.name}
                  </a>
                </th>
                <td class="utrecht-table__cell">
                  <code>{r.code}</code>
                </td>
                <td class={num}>{formatNumber(lang, r.municipalities)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </AdminLayout>
  );
}

function BackLink(props: { lang: Language }) {
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={MUNICIPALITIES_PATH}>
        {messages[props.lang].back}
      </a>
    </p>
  );
}

export function RegionFormPage(props: { ctx: PageContext; form: FormState }) {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <AdminLayout ctx={ctx} title={t.regionTitle} current="municipalities">
      <BackLink lang={lang} />
      <h1 class="utrecht-heading-1">{t.regionTitle}</h1>
      <p class="utrecht-paragraph">{t.regionIntro}</p>
      <ErrorSummary lang={lang} form={form} />
      <form method="post" action="/admin/regions" class="ko-form" novalidate data-qa="region-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="name" label={t.regionName} autocomplete="off" required />
        <TextField
          lang={lang}
          form={form}
          name="code"
          label={t.regionCode}
          hint={t.regionCodeHint}
          autocomplete="off"
          required
        />
        <SubmitButton qa="create-region">{t.createRegion}</SubmitButton>
      </form>
    </AdminLayout>
  );
}

/** A text area with its label, hint and message (the sub-municipalities, one per line). */
function LinesField(props: { lang: Language; form: FormState; name: string; label: string; hint: string }) {
  const { lang, form, name } = props;
  const error = form.errors[name];
  const describedBy = [`hint-${name}`, error ? `error-${name}` : ''].filter(Boolean).join(' ');
  return (
    <div class={`utrecht-form-field utrecht-form-field--text ${error ? 'utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={`field-${name}`}>
          {props.label}
        </label>
      </div>
      <div class="utrecht-form-field-description" id={`hint-${name}`}>
        {props.hint}
      </div>
      {error && (
        <p class="utrecht-form-field-error-message" id={`error-${name}`}>
          {errorText(lang, error)}
        </p>
      )}
      <textarea
        class="utrecht-textarea utrecht-textarea--html-textarea"
        id={`field-${name}`}
        name={name}
        rows={6}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {value(form, name)}
      </textarea>
    </div>
  );
}

export function MunicipalityFormPage(props: {
  ctx: PageContext;
  form: FormState;
  regions: { id: string; name: string }[];
}) {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <AdminLayout ctx={ctx} title={t.municipalityTitle} current="municipalities">
      <BackLink lang={lang} />
      <h1 class="utrecht-heading-1">{t.municipalityTitle}</h1>
      <p class="utrecht-paragraph">{t.municipalityIntro}</p>
      <ErrorSummary lang={lang} form={form} />
      <form method="post" action={MUNICIPALITIES_PATH} class="ko-form" novalidate data-qa="municipality-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={lang}
          form={form}
          name="name"
          label={t.municipalityName}
          autocomplete="off"
          required
        />
        <TextField
          lang={lang}
          form={form}
          name="nisCode"
          label={t.nisCode}
          hint={t.nisCodeHint}
          autocomplete="off"
          required
        />
        <SelectField
          lang={lang}
          form={form}
          name="regionId"
          label={t.region}
          required
          options={props.regions.map((r) => ({ value: r.id, label: r.name }))}
        />
        <LinesField
          lang={lang}
          form={form}
          name="subMunicipalities"
          label={t.subMunicipalities}
          hint={t.subMunicipalitiesHint}
        />
        <SubmitButton qa="create-municipality">{t.createMunicipality}</SubmitButton>
      </form>
    </AdminLayout>
  );
}

function doneText(lang: Language, done: MunicipalityDone): string {
  const t = messages[lang].done;
  switch (done.key) {
    case 'invited':
      return t.invited(done.email);
    case 'joined':
      return t.joined(done.region);
    default:
      return t[done.key];
  }
}

/** One municipality: its facts, its desk and policy staff, open invitations and the invite form. */
export function MunicipalityPage(props: {
  ctx: PageContext;
  data: MunicipalityData;
  form: FormState;
  done?: MunicipalityDone | undefined;
}) {
  const { ctx, data, form, done } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const m = data.municipality;
  const base = municipalityPath(m.id);
  return (
    <AdminLayout ctx={ctx} title={m.name} current="municipalities">
      <BackLink lang={lang} />
      <h1 class="utrecht-heading-1">{m.name}</h1>
      {done && <Notice text={doneText(lang, done)} />}
      <dl class="ko-facts" data-qa="municipality-facts">
        <Fact label={t.colNis}>{m.nisCode}</Fact>
        <Fact label={t.inRegion} qa="municipality-region">
          {m.regionName}{' '}
          <a class="utrecht-link" href={`${base}/region`} data-qa="change-region">
            {t.changeRegion}
          </a>
        </Fact>
        <Fact label={t.slug}>{m.slug}</Fact>
        <Fact label={t.subMunicipalities}>
          {withColon(lang, plural(lang, data.subMunicipalities.length, t.subMunicipalitiesCount))}{' '}
          {data.subMunicipalities.map((s) => `${s.postcode} ${s.name}`).join(', ')}
        </Fact>
      </dl>
      <PeopleSection
        caption={t.staffCaption}
        empty={{ text: t.noStaff, qa: 'no-staff' }}
        nameHeader={t.colName}
        columns={[
          { header: t.colRole, cell: (s) => t.roleShort[s.role === 'policy' ? 'policy' : 'desk'] },
          { header: t.colEmail, cell: (s) => s.email, wrap: true },
          { header: t.colSince, cell: (s) => formatDate(lang, s.since) },
        ]}
        rows={data.staff}
        rowKey={(s) => `${s.userId}-${s.role}`}
        qa="staff"
        rowQa="staff-member"
        action={(s) => (
          <a
            class="utrecht-link"
            href={`${base}/staff/${s.userId}/remove`}
            aria-label={t.removeFor(s.displayName)}
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
          { header: t.colRole, cell: (i) => t.roleShort[i.role === 'policy' ? 'policy' : 'desk'] },
          { header: t.colEmail, cell: (i) => i.email, wrap: true },
          { header: t.colInvited, cell: (i) => formatDate(lang, i.createdAt) },
        ]}
        t={{ ...t, name: t.colName, validUntil: t.colValidUntil }}
      />
      <InviteSection lang={lang} form={form} csrfToken={ctx.csrfToken} action={`${base}/invitations`} t={t}>
        <SelectField
          lang={lang}
          form={form}
          name="role"
          label={t.role}
          required
          options={MUNICIPALITY_ROLES.map((r) => ({ value: r, label: t.roles[r] }))}
        />
      </InviteSection>
    </AdminLayout>
  );
}

/** Removing a staff member (of a municipality or a region), asked first (UX.md rule 4). */
function RemoveStaffConfirm(props: {
  ctx: PageContext;
  form: FormState;
  base: string;
  member: { userId: string; displayName: string };
  title: string;
  happens: string;
}) {
  const t = messages[props.ctx.lang];
  return (
    <ConfirmPage
      ctx={props.ctx}
      nav={<AdminNav lang={props.ctx.lang} current="municipalities" />}
      title={props.title}
      happens={[props.happens, t.removeSessions, t.removeAccountStays]}
      warning={t.removeFinal}
      warningLabel={t.warning}
      action={`${props.base}/staff/${props.member.userId}/remove`}
      submitLabel={t.removeConfirm}
      cancel={{ href: props.base, label: t.cancel }}
      form={props.form}
      qa="confirm-remove-staff"
    />
  );
}

/** What removing a desk or policy staff member does, before it is done. */
export function RemoveConfirmPage(props: { ctx: PageContext; data: MemberData; form: FormState }) {
  const { member, municipality } = props.data;
  const t = messages[props.ctx.lang];
  return (
    <RemoveStaffConfirm
      ctx={props.ctx}
      form={props.form}
      base={municipalityPath(municipality.id)}
      member={member}
      title={t.removeConfirmTitle(member.displayName)}
      happens={t.removeHappens(member.displayName, municipality.name)}
    />
  );
}

/** Moving the municipality into another region: what it means, the region to choose, then confirm. */
export function JoinRegionPage(props: { ctx: PageContext; data: MunicipalityData; form: FormState }) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const m = data.municipality;
  const base = municipalityPath(m.id);
  const others = data.regions.filter((r) => r.id !== m.regionId);
  if (others.length === 0)
    return (
      <AdminLayout ctx={ctx} title={t.joinTitle(m.name)} current="municipalities">
        <h1 class="utrecht-heading-1">{t.joinTitle(m.name)}</h1>
        <p class="utrecht-paragraph" data-qa="no-other-region">
          {t.noOtherRegion}
        </p>
        <ul class="ko-inline-list">
          <li>
            <a class="utrecht-link" href="/admin/regions/new" data-qa="new-region">
              {t.newRegion}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={base}>
              {t.cancel}
            </a>
          </li>
        </ul>
      </AdminLayout>
    );
  return (
    <ConfirmPage
      ctx={ctx}
      nav={<AdminNav lang={lang} current="municipalities" />}
      title={t.joinTitle(m.name)}
      happens={[t.joinHappens(m.name), t.joinDataStays, t.joinPolicy, t.joinExisting]}
      warning={t.joinWarning}
      warningLabel={t.warning}
      action={`${base}/region`}
      submitLabel={t.joinConfirm}
      cancel={{ href: base, label: t.cancel }}
      form={form}
      qa="confirm-join-region"
      fields={
        <SelectField
          lang={lang}
          form={form}
          name="regionId"
          label={t.newRegionLabel}
          required
          options={others.map((r) => ({ value: r.id, label: r.name }))}
        />
      }
    />
  );
}

/**
 * One region: its municipalities, its own policy staff (the figures of the whole region, never a
 * name), their open invitations and the form to appoint one.
 */
export function RegionPage(props: {
  ctx: PageContext;
  data: RegionData;
  form: FormState;
  done?: RegionDone | undefined;
}) {
  const { ctx, data, form, done } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const r = data.region;
  const base = regionPath(r.id);
  const doneText = !done
    ? undefined
    : done.key === 'invited'
      ? t.done.invited(done.email)
      : done.key === 'removed'
        ? t.regionRemoved
        : t.done.withdrawn;
  return (
    <AdminLayout ctx={ctx} title={r.name} current="municipalities">
      <BackLink lang={lang} />
      <h1 class="utrecht-heading-1">{r.name}</h1>
      {doneText && <Notice text={doneText} />}
      <p class="utrecht-paragraph">{t.regionPageIntro}</p>
      <dl class="ko-facts" data-qa="region-facts">
        <Fact label={t.colCode}>
          <code>{r.code}</code>
        </Fact>
        <Fact label={t.regionMunicipalities} qa="region-municipalities">
          {data.municipalities.length === 0
            ? t.noRegionMunicipalities
            : data.municipalities.map((m, i) => (
                <span key={m.id}>
                  {i > 0 && ', '}
                  <a class="utrecht-link" href={municipalityPath(m.id)}>
                    {m.name}
                  </a>
                </span>
              ))}
        </Fact>
      </dl>
      <PeopleSection
        caption={t.regionStaffCaption}
        empty={{ text: t.noRegionStaff, qa: 'no-staff' }}
        nameHeader={t.colName}
        columns={[
          { header: t.colEmail, cell: (s) => s.email, wrap: true },
          { header: t.colSince, cell: (s) => formatDate(lang, s.since) },
        ]}
        rows={data.staff}
        rowKey={(s) => s.userId}
        qa="staff"
        rowQa="staff-member"
        action={(s) => (
          <a
            class="utrecht-link"
            href={`${base}/staff/${s.userId}/remove`}
            aria-label={t.removeFor(s.displayName)}
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
      <InviteSection
        lang={lang}
        form={form}
        csrfToken={ctx.csrfToken}
        action={`${base}/invitations`}
        t={{ ...t, inviteTitle: t.regionInviteTitle }}
      />
    </AdminLayout>
  );
}

/** What removing someone from the region's policy team does, before it is done. */
export function RegionRemoveConfirmPage(props: {
  ctx: PageContext;
  data: RegionMemberData;
  form: FormState;
}) {
  const { member, region } = props.data;
  const t = messages[props.ctx.lang];
  return (
    <RemoveStaffConfirm
      ctx={props.ctx}
      form={props.form}
      base={regionPath(region.id)}
      member={member}
      title={t.regionRemoveConfirmTitle(member.displayName)}
      happens={t.regionRemoveHappens(member.displayName, region.name)}
    />
  );
}
