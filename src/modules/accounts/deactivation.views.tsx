import { formatDate } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { TextNotice as Notice } from '../../platform/views/notice.tsx';
import { AdminLayout, AdminNav } from '../platform-admin/index.ts';
import { messages as accountMessages } from './accounts.messages.ts';
import { messages } from './deactivation.messages.ts';
import type { StaffAccount } from './deactivation.service.ts';

export const ACCOUNTS_PATH = '/admin/accounts';
export const accountPath = (id: string) => `${ACCOUNTS_PATH}/${id}`;

/**
 * The platform admin's accounts page: a form by e-mail address (posted, so the address stays out of
 * URLs and logs) and, on the account's own page, the account found
 * (name, roles, active or since when deactivated) with the link to deactivate or reactivate it.
 */
export function AccountsPage(props: {
  ctx: PageContext;
  form: FormState;
  account?: StaffAccount | undefined;
  isOwn?: boolean;
  notice?: string | undefined;
}) {
  const { ctx, form, account } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const roleNames = accountMessages[lang].roleNames;
  return (
    <AdminLayout ctx={ctx} title={t.title} current="accounts">
      <h1 class="utrecht-heading-1">{t.title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph">{t.intro}</p>
      <form method="post" action={ACCOUNTS_PATH} novalidate class="ko-form" data-qa="account-search">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={lang}
          form={form}
          name="email"
          type="email"
          label={t.emailLabel}
          autocomplete="off"
        />
        <SubmitButton qa="account-search-submit">{t.search}</SubmitButton>
      </form>
      {account && (
        <section aria-labelledby="account-heading" data-qa="account">
          <h2 class="utrecht-heading-2" id="account-heading">
            {account.displayName}
          </h2>
          <dl class="ko-facts">
            <Fact label={t.email}>{account.email}</Fact>
            <Fact label={t.roles}>{account.roles.map((r) => roleNames[r]).join(', ')}</Fact>
            <Fact label={t.status} qa="account-status">
              {account.deactivatedAt ? t.deactivatedOn(formatDate(lang, account.deactivatedAt)) : t.active}
            </Fact>
          </dl>
          {props.isOwn ? (
            <p class="utrecht-paragraph" data-qa="own-account">
              {t.ownAccount}
            </p>
          ) : account.deactivatedAt ? (
            <a class="utrecht-link" href={`${accountPath(account.id)}/reactivate`} data-qa="reactivate">
              {t.reactivate}
            </a>
          ) : (
            <a class="utrecht-link" href={`${accountPath(account.id)}/deactivate`} data-qa="deactivate">
              {t.deactivate}
            </a>
          )}
        </section>
      )}
    </AdminLayout>
  );
}

/** Deactivating or reactivating: what will happen, then the confirming button. */
export function ChangeConfirmPage(props: { ctx: PageContext; account: StaffAccount; active: boolean }) {
  const { ctx, account } = props;
  const t = messages[ctx.lang];
  const name = account.displayName;
  const back = accountPath(account.id);
  return props.active ? (
    <ConfirmPage
      ctx={ctx}
      nav={<AdminNav lang={ctx.lang} current="accounts" />}
      title={t.reactivateTitle(name)}
      happens={[t.reactivateHappens(name)]}
      warningLabel={t.warning}
      action={`${accountPath(account.id)}/reactivate`}
      submitLabel={t.reactivateConfirm}
      cancel={{ href: back, label: t.cancel }}
      qa="confirm-reactivate"
    />
  ) : (
    <ConfirmPage
      ctx={ctx}
      nav={<AdminNav lang={ctx.lang} current="accounts" />}
      title={t.deactivateTitle(name)}
      happens={[t.deactivateHappens(name), t.deactivateSessions, t.deactivateRolesStay]}
      warning={t.deactivateWarning}
      warningLabel={t.warning}
      action={`${accountPath(account.id)}/deactivate`}
      submitLabel={t.deactivateConfirm}
      cancel={{ href: back, label: t.cancel }}
      qa="confirm-deactivate"
    />
  );
}
