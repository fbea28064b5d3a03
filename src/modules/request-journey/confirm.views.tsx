import type { ComponentChildren } from 'preact';
import { CONFIRM_FIELD, CONFIRM_VALUE } from '../../platform/http/forms.ts';

import { formatDate, type Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { CsrfField, ErrorSummary, type FormState, SubmitButton } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { childName } from '../families/index.ts';
import { isOpenPreference, requestMessages as messages } from '../requests/index.ts';
import { confirmMessages } from './confirm.messages.ts';
import { followUpMessages } from './follow-up.messages.ts';
import type { getRequestForParent } from './request-journey.service.ts';

/**
 * Confirmation pages before a step that cannot be taken back: they say what will happen to this
 * request (and only what is true for it), then a button that posts `confirmed=yes` and a way back.
 */

type PreferenceLike = {
  id: string;
  status: string;
  locationName: string;
  offerId: string | null;
  offerStart: string | null;
};

/** What declining this offer does to the rest of the request, for the parent or for staff. */
export function DeclineConsequences(props: {
  lang: Language;
  preferences: PreferenceLike[];
  declined: PreferenceLike;
  requestActive: boolean;
  audience?: 'parent' | 'staff';
}) {
  const { lang, declined } = props;
  const c = confirmMessages[lang];
  const staff = props.audience === 'staff';
  const others = props.preferences.filter((p) => p.id !== declined.id && isOpenPreference(p.status));
  const accepted = props.preferences.find((p) => p.status === 'offer_accepted' || p.status === 'enrolled');
  const start = formatDate(lang, declined.offerStart ?? '');
  return (
    <div data-qa="decline-consequences">
      <p class="utrecht-paragraph">
        {staff
          ? c.declinePlaceStaff(declined.locationName, start)
          : c.declinePlace(declined.locationName, start)}
      </p>
      {others.length > 0 ? (
        <>
          <p class="utrecht-paragraph">{staff ? c.staysOnStaff : c.staysOn}</p>
          <ul class="utrecht-unordered-list" data-qa="stays-on">
            {others.map((p) => (
              <li key={p.id}>{p.locationName}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="utrecht-paragraph" data-qa="no-other-open">
          {staff ? c.noOtherOpenStaff : c.noOtherOpen}
          {!staff && props.requestActive ? ` ${c.canAddLocations}` : ''}
        </p>
      )}
      {accepted && (
        <p class="utrecht-paragraph">
          {staff ? c.keepsAcceptedStaff(accepted.locationName) : c.keepsAccepted(accepted.locationName)}
        </p>
      )}
    </div>
  );
}

/** A warning before a step that cannot be undone (GOV.UK "warning text"). */
export function CannotUndo(props: { lang: Language }) {
  return (
    <div class="utrecht-alert utrecht-alert--warning ko-notice" data-qa="cannot-undo">
      <p class="utrecht-paragraph">
        <strong>{confirmMessages[props.lang].cannotUndo}</strong>
      </p>
    </div>
  );
}

type Detail = Awaited<ReturnType<typeof getRequestForParent>>;

function ConfirmFrame(props: {
  ctx: PageContext;
  detail: Detail;
  title: string;
  form: FormState;
  action: string;
  confirmLabel: string;
  confirmQa: string;
  backLabel: string;
  children: ComponentChildren;
}) {
  const { ctx, detail } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={props.title}>
      <p class="ko-caption">{t.requestTitle(childName(detail.child))}</p>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      <ErrorSummary lang={ctx.lang} form={props.form} />
      {props.children}
      <CannotUndo lang={ctx.lang} />
      <form method="post" action={props.action} class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
        <SubmitButton qa={props.confirmQa}>{props.confirmLabel}</SubmitButton>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/parent/requests/${detail.request.id}`} data-qa="back-to-request">
          {props.backLabel}
        </a>
      </p>
    </Layout>
  );
}

/** "Decline the offer from X?": what happens, then the confirm button and the way back. */
export function DeclineOfferPage(props: {
  ctx: PageContext;
  detail: Detail;
  offered: Detail['preferences'][number];
  form: FormState;
}) {
  const { ctx, detail, offered } = props;
  const c = confirmMessages[ctx.lang];
  return (
    <ConfirmFrame
      ctx={ctx}
      detail={detail}
      title={c.declineTitle(offered.locationName)}
      form={props.form}
      action={`/parent/requests/${detail.request.id}/offers/${offered.offerId}/decline`}
      confirmLabel={c.declineConfirm}
      confirmQa="confirm-decline"
      backLabel={c.keepOffer}
    >
      <DeclineConsequences
        lang={ctx.lang}
        preferences={detail.preferences}
        declined={offered}
        requestActive={detail.request.status === 'active'}
      />
    </ConfirmFrame>
  );
}

/** "Withdraw the request": which lists it leaves, which offer lapses, which place is given up. */
export function WithdrawPage(props: { ctx: PageContext; detail: Detail; form: FormState }) {
  const { ctx, detail } = props;
  const c = confirmMessages[ctx.lang];
  const u = followUpMessages[ctx.lang];
  const open = detail.preferences.filter((p) => isOpenPreference(p.status));
  const pending = detail.preferences.filter((p) => p.status === 'offer_made');
  const accepted = detail.preferences.filter((p) => p.status === 'offer_accepted');
  return (
    <ConfirmFrame
      ctx={ctx}
      detail={detail}
      title={u.withdrawTitle}
      form={props.form}
      action={`/parent/requests/${detail.request.id}/withdraw`}
      confirmLabel={u.withdrawConfirm}
      confirmQa="confirm-withdraw"
      backLabel={c.keepRequest}
    >
      <div data-qa="withdraw-consequences">
        {open.length > 0 && (
          <>
            <p class="utrecht-paragraph">{c.withdrawLeaves}</p>
            <ul class="utrecht-unordered-list" data-qa="leaves">
              {open.map((p) => (
                <li key={p.id}>{p.locationName}</li>
              ))}
            </ul>
          </>
        )}
        {pending.map((p) => (
          <p class="utrecht-paragraph" key={p.id}>
            {c.withdrawOfferLapses(p.locationName)}
          </p>
        ))}
        {accepted.map((p) => (
          <p class="utrecht-paragraph" key={p.id}>
            {c.withdrawGivesUpPlace(p.locationName)}
          </p>
        ))}
        <p class="utrecht-paragraph">{c.withdrawNewRequest}</p>
      </div>
    </ConfirmFrame>
  );
}
