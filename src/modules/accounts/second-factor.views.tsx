import { groupedSecret } from '../../platform/auth/totp.ts';
import { withColon } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { CsrfField, type FormState, SubmitButton, TextField } from '../../platform/views/forms.tsx';
import { CodeForm, LogoutForm, SecondFactorFrame } from './second-factor.frames.tsx';
import { messages } from './second-factor.messages.ts';

/** The second step of a log-in: a code of the app, or a recovery code. */
export function CodePage(props: { ctx: PageContext; form: FormState; next: string | undefined }) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  return (
    <SecondFactorFrame ctx={ctx} title={t.codeTitle} form={form}>
      <p class="utrecht-paragraph">{t.codeIntro}</p>
      <CodeForm
        ctx={ctx}
        form={form}
        action="/login/code"
        next={props.next}
        label={t.codeLabel}
        hint={t.codeHint}
        qa="second-factor-submit"
        button={t.codeButton}
      />
      <LogoutForm ctx={ctx} />
    </SecondFactorFrame>
  );
}

/**
 * Enrolment: the secret as text in groups of four, and the otpauth URI, then a first code. At
 * log-in (`action` /login/enrol) or from the account page (/account/second-factor).
 */
export function EnrolPage(props: {
  ctx: PageContext;
  form: FormState;
  action: '/login/enrol' | '/account/second-factor';
  staff: boolean;
  secret: string;
  uri: string;
  /** The URI as a QR code (SVG made on the server by qrcode, from our own URI: no user markup). */
  qrSvg: string;
  next?: string | undefined;
}) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  return (
    <SecondFactorFrame ctx={ctx} title={t.enrolTitle} form={form}>
      <p class="utrecht-paragraph">{props.staff ? t.enrolIntroStaff : t.enrolIntroParent}</p>
      <ol class="utrecht-ordered-list">
        <li class="utrecht-ordered-list__item">{t.enrolStep1}</li>
        <li class="utrecht-ordered-list__item">
          {t.enrolStep2}
          <div
            class="ko-qr"
            role="img"
            aria-label={t.enrolQrLabel}
            data-qa="totp-qr"
            dangerouslySetInnerHTML={{ __html: props.qrSvg }}
          />
          <p class="utrecht-paragraph">{t.enrolTypeKey}</p>
          <p class="utrecht-paragraph">
            <span class="ko-visually-hidden">{withColon(ctx.lang, t.enrolKey)} </span>
            <code class="ko-secret" data-qa="totp-secret">
              {groupedSecret(props.secret)}
            </code>
          </p>
          <p class="utrecht-paragraph">
            {t.enrolUri} <code data-qa="totp-uri">{props.uri}</code>
          </p>
        </li>
        <li class="utrecht-ordered-list__item">{t.enrolStep3}</li>
      </ol>
      <CodeForm
        ctx={ctx}
        form={form}
        action={props.action}
        next={props.next}
        label={t.enrolCodeLabel}
        inputMode="numeric"
        qa="enrol-submit"
        button={t.enrolButton}
      />
      {props.action === '/login/enrol' && <LogoutForm ctx={ctx} />}
    </SecondFactorFrame>
  );
}

/** The recovery codes, shown once, in the answer to the enrolment (they are stored hashed). */
export function RecoveryCodesPage(props: { ctx: PageContext; codes: string[]; next: string }) {
  const { ctx } = props;
  const t = messages[ctx.lang];
  return (
    <SecondFactorFrame ctx={ctx} title={t.recoveryTitle}>
      <p class="utrecht-paragraph">{t.recoveryIntro}</p>
      <ul class="utrecht-unordered-list" data-qa="recovery-codes">
        {props.codes.map((code) => (
          <li key={code} class="utrecht-unordered-list__item">
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={props.next} data-qa="recovery-continue">
          {t.recoveryContinue}
        </a>
      </p>
    </SecondFactorFrame>
  );
}

/** The platform admin resets a staff member's factor. */
export function ResetPage(props: { ctx: PageContext; form: FormState; done: boolean }) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  return (
    <SecondFactorFrame ctx={ctx} title={t.resetTitle} form={form}>
      {props.done && (
        <div class="utrecht-alert utrecht-alert--ok" role="status" data-qa="reset-done">
          <p class="utrecht-paragraph">{t.resetDone}</p>
        </div>
      )}
      <p class="utrecht-paragraph">{t.resetIntro}</p>
      <form method="post" action="/admin/second-factor" novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={ctx.lang}
          form={form}
          name="email"
          type="email"
          label={t.resetEmail}
          autocomplete="off"
          required
        />
        <SubmitButton qa="reset-submit">{t.resetButton}</SubmitButton>
      </form>
    </SecondFactorFrame>
  );
}
