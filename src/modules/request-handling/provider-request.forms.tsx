import { formatDate, formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  emptyForm,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { TextArea } from '../provider-locations/index.ts';
import { customField } from './annotations.service.ts';
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
  const none = !a.waitingList && !a.offer && !a.noPlace && !a.withdraw && !a.enrolled;
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
            {t.offerStart}: {formatDate(lang, detail.pendingOffer.start)}
          </p>
          {a.withdraw && (
            <form method="post" action={`${base}/withdraw-offer`} class="ko-form">
              <CsrfField token={ctx.csrfToken} />
              <p class="utrecht-paragraph">{t.withdrawOfferHint}</p>
              <SubmitButton qa="withdraw-offer" secondary>
                {t.withdrawOffer}
              </SubmitButton>
            </form>
          )}
        </div>
      )}
      {a.enrolled && (
        <form method="post" action={`${base}/enrolled`} class="ko-form">
          <CsrfField token={ctx.csrfToken} />
          <p class="utrecht-paragraph">{t.markEnrolledHint}</p>
          <SubmitButton qa="mark-enrolled">{t.markEnrolled}</SubmitButton>
        </form>
      )}
      {a.waitingList && (
        <form method="post" action={`${base}/waiting-list`} class="ko-form">
          <CsrfField token={ctx.csrfToken} />
          <p class="utrecht-paragraph">{t.putOnWaitingListHint}</p>
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
        <details class="ko-details" open={props.stateOf('noPlace') !== emptyForm}>
          <summary class="ko-details__summary" data-qa="open-no-place">
            {t.noPlaceHeading}
          </summary>
          <form method="post" action={`${base}/no-place`} novalidate class="ko-form" data-qa="no-place-form">
            <CsrfField token={ctx.csrfToken} />
            <SelectField
              lang={lang}
              form={props.stateOf('noPlace')}
              name="noPlaceReason"
              label={t.noPlaceReasonLabel}
              emptyLabel={t.emptyChoice}
              required
              options={(Object.keys(t.noPlaceReasons) as (keyof typeof t.noPlaceReasons)[]).map((r) => ({
                value: r,
                label: t.noPlaceReasons[r],
              }))}
            />
            <TextArea
              lang={lang}
              form={props.stateOf('noPlace')}
              name="noPlaceText"
              label={t.noPlaceTextLabel}
              rows={2}
            />
            <SubmitButton qa="send-no-place" secondary>
              {t.sendNoPlace}
            </SubmitButton>
          </form>
        </details>
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
