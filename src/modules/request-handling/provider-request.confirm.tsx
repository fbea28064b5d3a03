import { formatDate, type Language } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { type FormState, SelectField } from '../../platform/views/forms.tsx';
import { childName } from '../families/index.ts';
import { LocationNav, TextArea } from '../provider-locations/index.ts';
import type { Reach, RequestForLocation } from './provider-request.service.ts';
import { handlingMessages } from './request-handling.messages.ts';

/**
 * The confirmation pages of the provider's steps that cannot simply be taken back: "no place"
 * (with its reason) and withdrawing an offer. Each says only what will happen for this request:
 * how the family hears of it (mail, a phone task, or nobody), whether other locations still handle
 * the request, and whether the step can be undone.
 */

/** How the family will hear (or heard) of a step, in one sentence. */
export function toldText(lang: Language, reach: Reach): string {
  const t = handlingMessages[lang].told;
  if (reach.kind === 'mailed') return t.mailed(reach.addresses.join(', '));
  if (reach.kind === 'task') return t.task(reach.organisation);
  return t.none;
}

function requestPath(detail: RequestForLocation) {
  return `/provider/locations/${detail.location.id}/requests/${detail.request.id}`;
}

export function NoPlaceConfirmPage(props: { ctx: PageContext; detail: RequestForLocation; form: FormState }) {
  const { ctx, detail, form } = props;
  const lang = ctx.lang;
  const t = handlingMessages[lang];
  const base = requestPath(detail);
  return (
    <ConfirmPage
      ctx={ctx}
      title={t.noPlaceConfirmTitle(childName(detail.child))}
      nav={<LocationNav lang={lang} location={detail.location} current="waitingList" />}
      happens={[
        t.noPlaceHappens(detail.location.name),
        toldText(lang, detail.reach),
        detail.othersOpen > 0 ? t.othersOpen(detail.othersOpen) : t.noOthersOpen,
      ]}
      warning={t.noPlaceUndoable}
      warningLabel={t.confirmWarning}
      action={`${base}/no-place`}
      submitLabel={t.noPlaceConfirm}
      cancel={{ href: base, label: t.cancelBackToRequest }}
      form={form}
      qa="confirm-no-place"
      fields={
        <>
          <SelectField
            lang={lang}
            form={form}
            name="noPlaceReason"
            label={t.noPlaceReasonLabel}
            emptyLabel={t.emptyChoice}
            required
            options={(Object.keys(t.noPlaceReasons) as (keyof typeof t.noPlaceReasons)[]).map((r) => ({
              value: r,
              label: t.noPlaceReasons[r],
            }))}
          />
          <TextArea lang={lang} form={form} name="noPlaceText" label={t.noPlaceTextLabel} rows={2} />
        </>
      }
    />
  );
}

export function WithdrawOfferConfirmPage(props: {
  ctx: PageContext;
  detail: RequestForLocation;
  form: FormState;
}) {
  const { ctx, detail, form } = props;
  const lang = ctx.lang;
  const t = handlingMessages[lang];
  const base = requestPath(detail);
  const start = detail.pendingOffer?.start;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t.withdrawConfirmTitle(childName(detail.child))}
      nav={<LocationNav lang={lang} location={detail.location} current="waitingList" />}
      happens={[
        ...(start ? [t.withdrawHappens(formatDate(lang, start))] : []),
        t.withdrawBackOnList,
        toldText(lang, detail.reach),
      ]}
      warning={t.withdrawFinal}
      warningLabel={t.confirmWarning}
      action={`${base}/withdraw-offer`}
      submitLabel={t.withdrawConfirm}
      cancel={{ href: base, label: t.cancelBackToRequest }}
      form={form}
      qa="confirm-withdraw-offer"
    />
  );
}
