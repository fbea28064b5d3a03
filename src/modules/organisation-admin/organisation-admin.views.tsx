import { formatDate, type Language } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { NewPasswordFields } from '../accounts/index.ts';
import { Notice } from '../provider-locations/index.ts';
import { InviteSection, PendingInvitations, PeopleTable } from './invitations.views.tsx';
import { messages } from './organisation-admin.messages.ts';
import type { InvitationView, MemberData, StaffData } from './organisation-admin.service.ts';

export type StaffDone = keyof (typeof messages)['nl']['done'];

function AccessFields(props: { lang: Language; form: FormState; locations: { id: string; name: string }[] }) {
  const t = messages[props.lang];
  return (
    <>
      <ChoiceGroup
        lang={props.lang}
        form={props.form}
        name="role"
        legend={t.roleLegend}
        hint={t.roleHints}
        required
        options={(['provider_staff', 'provider_admin'] as const).map((r) => ({
          value: r,
          label: t.roles[r],
        }))}
      />
      <ChoiceGroup
        lang={props.lang}
        form={props.form}
        name="locations"
        legend={t.locationsLegend}
        multiple
        required
        options={props.locations.map((l) => ({ value: l.id, label: l.name }))}
      />
    </>
  );
}

export function StaffPage(props: { ctx: PageContext; data: StaffData; form: FormState; done?: StaffDone }) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const base = `/provider/organisations/${data.organisation.id}/staff`;
  return (
    <Layout ctx={ctx} title={t.title(data.organisation.name)}>
      <h1 class="utrecht-heading-1">{t.title(data.organisation.name)}</h1>
      {props.done && <Notice>{t.done[props.done]}</Notice>}
      <p class="utrecht-paragraph">{t.intro}</p>
      <PeopleTable
        caption={t.staffCaption}
        nameHeader={t.name}
        columns={[
          { header: t.email, cell: (m) => m.email },
          {
            header: t.access,
            cell: (m) => m.grants.map((g) => `${g.locationName} (${t.roles[g.role]})`).join(', '),
            wrap: true,
          },
          { header: t.status, cell: (m) => (m.invited ? t.invited : t.active) },
        ]}
        rows={data.staff}
        rowKey={(m) => m.id}
        qa="staff"
        rowQa="staff-member"
        action={(m) =>
          m.id !== data.self && (
            <a class="utrecht-link" href={`${base}/${m.id}`} aria-label={t.changeFor(m.displayName)}>
              {t.change}
            </a>
          )
        }
      />
      <PendingInvitations
        lang={lang}
        csrfToken={ctx.csrfToken}
        base={base}
        invitations={data.invitations}
        columns={[
          { header: t.email, cell: (i) => i.email },
          {
            header: t.access,
            cell: (i) => i.locations.map((l) => `${l} (${t.roles[i.role]})`).join(', '),
            wrap: true,
          },
          { header: t.invitedBy, cell: (i) => i.invitedBy },
        ]}
        t={t}
      />
      <InviteSection
        lang={lang}
        form={form}
        csrfToken={ctx.csrfToken}
        action={base}
        t={{ ...t, displayName: t.name }}
      >
        <AccessFields lang={lang} form={form} locations={data.locations} />
      </InviteSection>
    </Layout>
  );
}

export function memberForm(data: MemberData): FormState {
  const role = data.member.grants.some((g) => g.role === 'provider_admin')
    ? 'provider_admin'
    : 'provider_staff';
  return { values: { role, locations: data.member.grants.map((g) => g.locationId) }, errors: {} };
}

export function MemberPage(props: { ctx: PageContext; data: MemberData; form: FormState }) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const base = `/provider/organisations/${data.organisation.id}/staff`;
  const title = t.memberTitle(data.member.displayName);
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t.back}
        </a>
      </p>
      <p class="utrecht-paragraph">{data.member.email}</p>
      <ErrorSummary lang={lang} form={form} />
      <form
        method="post"
        action={`${base}/${data.member.id}`}
        class="ko-form"
        novalidate
        data-qa="access-form"
      >
        <CsrfField token={ctx.csrfToken} />
        <AccessFields lang={lang} form={form} locations={data.locations} />
        <SubmitButton qa="save-access">{t.save}</SubmitButton>
      </form>
      <h2 class="utrecht-heading-2">{t.removeTitle}</h2>
      <p class="utrecht-paragraph">{t.removeIntro}</p>
      {/* A GET form: the button leads to the confirmation page, which removes. */}
      <form method="get" action={`${base}/${data.member.id}/remove`} class="ko-form">
        <SubmitButton qa="remove-access" secondary>
          {t.removeStart}
        </SubmitButton>
      </form>
    </Layout>
  );
}

/** What removing a member's access does, before it is done (UX.md rule 4). */
export function RemoveConfirmPage(props: { ctx: PageContext; data: MemberData; form: FormState }) {
  const { ctx, data } = props;
  const t = messages[ctx.lang];
  const base = `/provider/organisations/${data.organisation.id}/staff`;
  const locations = data.member.grants.map((g) => g.locationName).join(', ');
  return (
    <ConfirmPage
      ctx={ctx}
      title={t.removeConfirmTitle(data.member.displayName)}
      happens={[t.removeHappens(data.member.displayName, locations), t.removeAccountStays]}
      warning={t.removeFinal}
      warningLabel={t.warning}
      action={`${base}/${data.member.id}/remove`}
      submitLabel={t.removeConfirm}
      cancel={{ href: `${base}/${data.member.id}`, label: t.cancel }}
      form={props.form}
      qa="confirm-remove-access"
    />
  );
}

/** Behind the invitation link: who invites whom to what, and the two answers. */
export function InvitationPage(props: { ctx: PageContext; invitation: InvitationView; form: FormState }) {
  const { ctx, invitation: inv, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const newAccount = !inv.account.hasPassword;
  return (
    <Layout ctx={ctx} title={t.invitationTitle}>
      <h1 class="utrecht-heading-1">{t.invitationTitle}</h1>
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph ko-lead" data-qa="invitation-lead">
        {t.invitationLead(inv.inviter, inv.organisation, t.roles[inv.role])}
      </p>
      {inv.locations.length > 0 && (
        <>
          <h2 class="utrecht-heading-3">{t.invitationLocations}</h2>
          <ul class="utrecht-unordered-list" data-qa="invitation-locations">
            {inv.locations.map((name) => (
              <li class="utrecht-unordered-list__item" key={name}>
                {name}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="utrecht-paragraph">{t.invitationAccount(inv.account.email)}</p>
      <p class="utrecht-paragraph">{t.invitationValidUntil(formatDate(lang, inv.expiresAt))}</p>
      <form method="post" action="/invitation" class="ko-form" novalidate data-qa="accept-invitation">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={inv.token} />
        {newAccount && (
          <>
            <p class="utrecht-paragraph">{t.invitationNewAccount}</p>
            <input type="hidden" name="username" value={inv.account.email} autocomplete="username" />
            <NewPasswordFields
              lang={lang}
              form={form}
              label={t.newPassword}
              hint={t.newPasswordHint}
              repeatLabel={t.newPasswordRepeat}
            />
          </>
        )}
        <SubmitButton name="answer" value="accept" qa="accept">
          {t.accept}
        </SubmitButton>
      </form>
      <form method="post" action="/invitation" class="ko-form" data-qa="decline-invitation">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={inv.token} />
        <p class="utrecht-paragraph">{t.declineIntro}</p>
        <SubmitButton name="answer" value="decline" qa="decline" secondary>
          {t.decline}
        </SubmitButton>
      </form>
    </Layout>
  );
}
