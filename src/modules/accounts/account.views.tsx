import { type CurrentUser, hasRole, homePathFor } from '../../platform/auth/actions.ts';
import { common } from '../../platform/i18n/common.ts';
import { LANGUAGES } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { type AccountNotice, messages } from './account.messages.ts';
import { messages as accountMessages } from './accounts.messages.ts';
import type { getAccountDetails } from './credentials.service.ts';
import { NewPasswordFields } from './password-fields.tsx';
import { messages as secondFactorMessages } from './second-factor.messages.ts';

/**
 * "Your address is not confirmed yet" with a button to send the mail again. For any page of a
 * logged-in user whose address is unconfirmed (`CurrentUser.emailVerified`).
 */
export function VerifyEmailNotice(props: { ctx: PageContext }) {
  const { ctx } = props;
  const t = messages[ctx.lang];
  return (
    <section
      class="utrecht-alert utrecht-alert--warning ko-notice"
      aria-labelledby="verify-email-notice-title"
      data-qa="verify-email-notice"
    >
      <h2 class="utrecht-heading-3" id="verify-email-notice-title">
        {t.verifyNoticeTitle}
      </h2>
      <p class="utrecht-paragraph">{t.verifyNotice}</p>
      <form method="post" action="/account/verify-email" class="ko-inline-form">
        <CsrfField token={ctx.csrfToken} />
        <SubmitButton qa="resend-verification" secondary>
          {t.verifyResend}
        </SubmitButton>
      </form>
    </section>
  );
}

/** The outcome of the last change, shown once after the redirect. */
function Notice(props: { ctx: PageContext; notice: AccountNotice | undefined }) {
  if (!props.notice) return null;
  return (
    <div class="utrecht-alert utrecht-alert--ok ko-notice" role="status" data-qa="account-notice">
      <p class="utrecht-paragraph">{messages[props.ctx.lang].notices[props.notice]}</p>
    </div>
  );
}

function BackToAccount(props: { ctx: PageContext }) {
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/account">
        {messages[props.ctx.lang].backToAccount}
      </a>
    </p>
  );
}

export function AccountPage(props: {
  ctx: PageContext;
  user: CurrentUser;
  details: Awaited<ReturnType<typeof getAccountDetails>>;
  notice: AccountNotice | undefined;
  languageForm: FormState;
  secondFactor: { enrolled: boolean; recoveryCodesLeft: number };
}) {
  const { ctx, user, details } = props;
  const t = messages[ctx.lang];
  const a = accountMessages[ctx.lang];
  const f = secondFactorMessages[ctx.lang];
  const languageOptions = LANGUAGES.map((l) => ({ value: l, label: common[ctx.lang].languageNames[l] }));
  const languageForm: FormState = {
    ...props.languageForm,
    values: { language: details.language, ...props.languageForm.values },
  };
  return (
    <Layout ctx={ctx} title={a.accountTitle}>
      <h1 class="utrecht-heading-1">{a.accountTitle}</h1>
      <ErrorSummary lang={ctx.lang} form={props.languageForm} />
      <Notice ctx={ctx} notice={props.notice} />
      {!details.emailVerified && <VerifyEmailNotice ctx={ctx} />}

      <h2 class="utrecht-heading-2">{t.detailsHeading}</h2>
      <dl class="utrecht-data-list utrecht-data-list--rows ko-data-list" data-qa="account-details">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{t.name}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {details.displayName}
          </dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{t.email}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            <span data-qa="account-email">{details.email}</span> (
            <span data-qa="account-email-status">
              {details.emailVerified ? t.emailVerified : t.emailNotVerified}
            </span>
            )
          </dd>
          <dd class="utrecht-data-list__actions utrecht-data-list__actions--html-dd">
            <a class="utrecht-link" href="/account/email" data-qa="change-email-link">
              {t.changeEmailLink}
            </a>
          </dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{t.password}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">••••••••••</dd>
          <dd class="utrecht-data-list__actions utrecht-data-list__actions--html-dd">
            <a class="utrecht-link" href="/account/password" data-qa="change-password-link">
              {t.changePasswordLink}
            </a>
          </dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{f.accountRowLabel}</dt>
          <dd
            class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd"
            data-qa="second-factor-status"
          >
            {props.secondFactor.enrolled ? f.accountOn(props.secondFactor.recoveryCodesLeft) : f.accountOff}
          </dd>
          {!props.secondFactor.enrolled && (
            <dd class="utrecht-data-list__actions utrecht-data-list__actions--html-dd">
              <a class="utrecht-link" href="/account/second-factor" data-qa="second-factor-link">
                {f.accountSetUp}
              </a>
            </dd>
          )}
        </div>
      </dl>

      <h2 class="utrecht-heading-2">{t.languageHeading}</h2>
      <form method="post" action="/account/language" novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <ChoiceGroup
          lang={ctx.lang}
          form={languageForm}
          name="language"
          legend={t.languageLegend}
          options={languageOptions}
        />
        <SubmitButton qa="save-language" secondary>
          {t.saveLanguage}
        </SubmitButton>
      </form>

      {hasRole(user, 'parent') && (
        <>
          <h2 class="utrecht-heading-2">{t.myDataHeading}</h2>
          <p class="utrecht-paragraph">{t.myDataIntro}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/parent/my-data" data-qa="my-data-link">
              {t.myDataLink}
            </a>
          </p>
        </>
      )}

      <h2 class="utrecht-heading-2">{a.accountRoles}</h2>
      {homePathFor(user) === '/account' && <p class="utrecht-paragraph">{a.accountComingSoon}</p>}
      <ul class="utrecht-unordered-list">
        {user.grants.map((g) => (
          <li
            key={`${g.role}-${g.providerLocationId ?? g.municipalityId ?? g.intermediaryOrganisationId ?? ''}`}
          >
            {a.roleNames[g.role]}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function ChangeEmailPage(props: { ctx: PageContext; form: FormState; currentEmail: string }) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.changeEmailTitle}>
      <h1 class="utrecht-heading-1">{t.changeEmailTitle}</h1>
      <ErrorSummary lang={ctx.lang} form={form} />
      <p class="utrecht-paragraph">{t.changeEmailIntro(props.currentEmail)}</p>
      <form method="post" action="/account/email" novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={ctx.lang}
          form={form}
          name="email"
          type="email"
          label={t.newEmail}
          autocomplete="email"
          required
        />
        <TextField
          lang={ctx.lang}
          form={form}
          name="currentPassword"
          type="password"
          label={t.currentPassword}
          hint={t.currentPasswordHint}
          autocomplete="current-password"
          value=""
          required
        />
        <SubmitButton qa="change-email-submit">{t.changeEmailButton}</SubmitButton>
      </form>
      <BackToAccount ctx={ctx} />
    </Layout>
  );
}

export function ConfirmEmailChangePage(props: { ctx: PageContext; token: string; email: string }) {
  const { ctx } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.confirmEmailTitle}>
      <h1 class="utrecht-heading-1">{t.confirmEmailTitle}</h1>
      <p class="utrecht-paragraph">{t.confirmEmailIntro(props.email)}</p>
      <form method="post" action="/account/email/confirm" class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <SubmitButton qa="confirm-email-submit">{t.confirmEmailButton}</SubmitButton>
      </form>
      <BackToAccount ctx={ctx} />
    </Layout>
  );
}

export function ChangePasswordPage(props: { ctx: PageContext; form: FormState }) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.changePasswordTitle}>
      <h1 class="utrecht-heading-1">{t.changePasswordTitle}</h1>
      <ErrorSummary lang={ctx.lang} form={form} />
      <p class="utrecht-paragraph">{t.changePasswordIntro}</p>
      <form method="post" action="/account/password" novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={ctx.lang}
          form={form}
          name="currentPassword"
          type="password"
          label={t.currentPassword}
          autocomplete="current-password"
          value=""
          required
        />
        <NewPasswordFields
          lang={ctx.lang}
          form={form}
          label={t.newPassword}
          hint={accountMessages[ctx.lang].passwordHint}
          repeatLabel={t.newPasswordRepeat}
        />
        <SubmitButton qa="change-password-submit">{t.changePasswordButton}</SubmitButton>
      </form>
      <BackToAccount ctx={ctx} />
    </Layout>
  );
}
