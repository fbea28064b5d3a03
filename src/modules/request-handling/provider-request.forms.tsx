import { formatDate, formatDateTime, withColon } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { TextArea } from '../provider-locations/index.ts';
import { customField } from './annotations.service.ts';
import { toldText } from './provider-request.confirm.tsx';
import type { RequestForLocation } from './provider-request.service.ts';
import { handlingMessages } from './request-handling.messages.ts';

/** The forms of the provider's request page: the handling steps, own columns, notes. */

/** Which form of the request page failed, so only that one shows the submitted values. */
export type FailedForm = { form: 'offer' | 'noPlace' | 'note' | 'custom' | 'step'; state: FormState };

export function Actions(props: {
  ctx: PageContext;
  detail: RequestForLocation;
  base: string;
  stateOf: (form: FailedForm['form']) => FormState;
}) {
  const { ctx, detail, base } = props;
  const lang = ctx.lang;
  const t = handlingMessages[lang];
  const a = detail.allowed;
  const none = !a.waitingList && !a.offer && !a.noPlace && !a.withdraw && !a.enrolled && !a.undoNoPlace;
  const told = toldText(lang, detail.reach);
  const offerState = props.stateOf('offer');
  const offerForm: FormState = {
    ...offerState,
    values: {
      startDate: detail.request.desiredStart < detail.today ? detail.today : detail.request.desiredStart,
      answerDeadline: detail.defaultDeadline,
      ...Object.fromEntries(WEEKDAYS.map((d) => [`day_${d}`, detail.request.carePlan.days[d]])),
      ...offerState.values,
    },
  };
  const dayOptions = (['none', 'half', 'full'] as const).map((p) => ({ value: p, label: t.dayParts[p] }));
  const own = detail.preferences.find((p) => p.locationId === detail.location.id);
  return (
    <section aria-labelledby="actions" class="ko-actions">
      <h2 class="utrecht-heading-2" id="actions">
        {t.sectionActions}
      </h2>
      {none && <p class="utrecht-paragraph">{t.noActions}</p>}
      {detail.preference.status === 'no_place' && own?.noPlaceReason && (
        <p class="utrecht-paragraph">
          {t.noPlaceGiven([t.noPlaceReasons[own.noPlaceReason], own.noPlaceText].filter(Boolean).join(' – '))}
        </p>
      )}
      {detail.pendingOffer && (
        <div class="ko-offer" data-qa="pending-offer">
          <h3 class="utrecht-heading-3">{t.yourOffer}</h3>
          <p class="utrecht-paragraph">{t.offerPending(formatDate(lang, detail.pendingOffer.deadline))}</p>
          <p class="utrecht-paragraph">
            {withColon(lang, t.offerStart)} {formatDate(lang, detail.pendingOffer.start)}
          </p>
          {a.withdraw && (
            // A GET form: the button leads to the confirmation page, which does the step.
            <form method="get" action={`${base}/withdraw-offer`} class="ko-form">
              <p class="utrecht-paragraph">{t.withdrawOfferHint}</p>
              <SubmitButton qa="withdraw-offer" secondary>
                {t.withdrawStart}
              </SubmitButton>
            </form>
          )}
        </div>
      )}
      {a.enrolled && (
        <form method="post" action={`${base}/enrolled`} class="ko-form">
          <CsrfField token={ctx.csrfToken} />
          <p class="utrecht-paragraph">
            {t.markEnrolledHint} {told}
          </p>
          <SubmitButton qa="mark-enrolled">{t.markEnrolled}</SubmitButton>
        </form>
      )}
      {a.waitingList && (
        <form method="post" action={`${base}/waiting-list`} class="ko-form">
          <CsrfField token={ctx.csrfToken} />
          <p class="utrecht-paragraph">
            {t.putOnWaitingListHint} {told}
          </p>
          <SubmitButton qa="put-on-waiting-list" secondary>
            {t.putOnWaitingList}
          </SubmitButton>
        </form>
      )}
      {a.offer && (
        <section aria-labelledby="make-offer" class="ko-action">
          <h3 class="utrecht-heading-3" id="make-offer">
            {t.makeOffer}
          </h3>
          <form method="post" action={`${base}/offer`} novalidate class="ko-form" data-qa="offer-form">
            <CsrfField token={ctx.csrfToken} />
            <TextField
              lang={lang}
              form={offerForm}
              name="startDate"
              type="date"
              label={t.offerStartLabel}
              required
            />
            <TextField
              lang={lang}
              form={offerForm}
              name="answerDeadline"
              type="date"
              label={t.offerDeadlineLabel}
              required
            />
            <fieldset class="utrecht-form-fieldset ko-fieldset">
              <legend class="utrecht-form-fieldset__legend">{t.offerCarePlan}</legend>
              <div class="utrecht-form-field-description">{t.offerCarePlanHint}</div>
              <div class="ko-care-plan">
                {WEEKDAYS.map((d) => (
                  <SelectField
                    key={d}
                    lang={lang}
                    form={offerForm}
                    name={`day_${d}`}
                    label={t.dayNames[d]}
                    options={dayOptions}
                  />
                ))}
              </div>
            </fieldset>
            <TextArea lang={lang} form={offerForm} name="message" label={t.offerMessageLabel} rows={3} />
            <SubmitButton qa="send-offer">{t.sendOffer}</SubmitButton>
          </form>
        </section>
      )}
      {a.noPlace && (
        <form method="get" action={`${base}/no-place`} class="ko-form" data-qa="no-place-start">
          <h3 class="utrecht-heading-3">{t.noPlaceHeading}</h3>
          <p class="utrecht-paragraph">{t.noPlaceStartHint}</p>
          <SubmitButton qa="open-no-place" secondary>
            {t.noPlaceStart}
          </SubmitButton>
        </form>
      )}
      {detail.preference.status === 'no_place' && detail.onEmergencyList && (
        <p class="utrecht-paragraph" data-qa="offer-from-emergency-list">
          {t.stillOfferFromEmergencyList}{' '}
          <a
            class="utrecht-link"
            href={`/provider/locations/${detail.location.id}/emergency-list/${detail.request.id}`}
          >
            {t.offerFromEmergencyListLink}
          </a>
        </p>
      )}
      {a.undoNoPlace && (
        <form method="post" action={`${base}/undo-no-place`} class="ko-form" data-qa="undo-no-place-form">
          <CsrfField token={ctx.csrfToken} />
          <p class="utrecht-paragraph">
            {t.undoNoPlaceHint} {told}
          </p>
          <SubmitButton qa="undo-no-place" secondary>
            {t.undoNoPlace}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}

export function CustomColumnsForm(props: {
  ctx: PageContext;
  detail: RequestForLocation;
  base: string;
  form: FormState;
}) {
  const { ctx, detail, base, form } = props;
  const lang = ctx.lang;
  const t = handlingMessages[lang];
  if (detail.customColumns.length === 0) return <p class="utrecht-paragraph">{t.customNone}</p>;
  const state: FormState = {
    ...form,
    values: {
      ...Object.fromEntries(detail.customColumns.map((c) => [customField(c.id), c.value])),
      ...form.values,
    },
  };
  return (
    <form
      method="post"
      action={`${base}/custom-values`}
      novalidate
      class="ko-form"
      data-qa="custom-values-form"
    >
      <CsrfField token={ctx.csrfToken} />
      {detail.customColumns.map((c) =>
        c.kind === 'yes_no' ? (
          <SelectField
            key={c.id}
            lang={lang}
            form={state}
            name={customField(c.id)}
            label={c.name}
            emptyLabel={t.emptyChoice}
            options={[
              { value: 'yes', label: t.yes },
              { value: 'no', label: t.no },
            ]}
          />
        ) : (
          <TextField
            key={c.id}
            lang={lang}
            form={state}
            name={customField(c.id)}
            label={c.name}
            type={c.kind === 'date' ? 'date' : 'text'}
          />
        ),
      )}
      <SubmitButton qa="save-custom-values" secondary>
        {t.saveCustom}
      </SubmitButton>
    </form>
  );
}

export function Notes(props: {
  ctx: PageContext;
  detail: RequestForLocation;
  base: string;
  form: FormState;
}) {
  const { ctx, detail, base } = props;
  const lang = ctx.lang;
  const t = handlingMessages[lang];
  return (
    <>
      <p class="utrecht-paragraph">{t.notesHint}</p>
      {detail.notes.length === 0 ? (
        <p class="utrecht-paragraph">{t.notesNone}</p>
      ) : (
        <ul class="ko-card-list" data-qa="notes">
          {detail.notes.map((n) => (
            <li key={n.id} class="ko-card">
              <p class="utrecht-paragraph ko-pre-line">{n.text}</p>
              <p class="utrecht-paragraph ko-muted">
                {t.noteBy(n.authorName ?? '', formatDateTime(lang, n.createdAt))}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/notes`} novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <TextArea lang={lang} form={props.form} name="note" label={t.noteLabel} rows={3} required />
        <SubmitButton qa="add-note" secondary>
          {t.addNote}
        </SubmitButton>
      </form>
    </>
  );
}
