import { formatDate, formatDateTime, type Language } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  emptyForm,
  type FormState,
  SelectField,
  SubmitButton,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableScroll } from '../../platform/views/table-scroll.tsx';
import { childName } from '../families/index.ts';
import { Notice, TextArea } from '../provider-locations/index.ts';
import { handlingMessages } from '../request-handling/index.ts';
import { deskEmergencyMessages } from './desk-emergency.messages.ts';
import type { EmergencyPageData } from './desk-emergency.service.ts';

export type DoneKey = keyof (typeof deskEmergencyMessages)['nl']['done'];
export type Done = { key: DoneKey } | { key: 'forwarded'; added: number; already: number; unmailed: number };
export type FailedForm = { form: 'flag' | 'contact' | 'forward'; state: FormState };

export const emergencyPath = (requestId: string) => `/desk/requests/${requestId}/emergency`;

function doneText(lang: Language, done: Done): string {
  const t = deskEmergencyMessages[lang];
  if (done.key !== 'forwarded') return t.done[done.key];
  return [
    done.added > 0 ? t.forwardedAdded(done.added) : '',
    done.added === 0 ? '' : done.unmailed > 0 ? t.forwardedUnmailed(done.unmailed) : t.forwardedMailed,
    done.already > 0 ? t.forwardedAlready(done.already) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function FileFacts(props: { lang: Language; data: EmergencyPageData }) {
  const { lang, data } = props;
  const { file } = data;
  const t = deskEmergencyMessages[lang];
  const h = handlingMessages[lang];
  const birth = file.birthDate
    ? t.born(formatDate(lang, file.birthDate))
    : file.expectedBirthDate
      ? t.expected(formatDate(lang, file.expectedBirthDate))
      : '';
  return (
    <dl class="ko-facts" data-qa="emergency-facts">
      <Fact label={t.child}>
        {childName({ firstName: file.childFirstName, lastName: file.childLastName })}
        {birth && <span class="ko-muted">, {birth}</span>}
      </Fact>
      <Fact label={t.fileNumber}>{file.fileNumber}</Fact>
      <Fact label={t.parents}>
        <ul class="utrecht-unordered-list ko-card-list">
          {data.parents.map((p) => (
            <li key={p.id}>
              {childName(p)}
              <span class="ko-muted"> · {[p.phone, p.email].filter(Boolean).join(' · ') || t.noContact}</span>
            </li>
          ))}
        </ul>
      </Fact>
      <Fact label={t.start}>{formatDate(lang, file.desiredStart)}</Fact>
      <Fact label={t.end}>{file.desiredEnd ? formatDate(lang, file.desiredEnd) : t.noEnd}</Fact>
      <Fact label={t.submitted}>{formatDate(lang, file.submittedAt)}</Fact>
      <Fact label={t.status} qa="request-status">
        {h.requestStatuses[file.status]}
        {file.placed && <span class="ko-muted"> · {t.placed}</span>}
      </Fact>
      <Fact label={t.flag} qa="social-emergency">
        {file.socialReason ? (
          <span class="ko-flag ko-flag--social">
            {file.socialEmergencyAt
              ? t.flaggedBy(
                  h.socialReasons[file.socialReason],
                  file.socialEmergencyBy ?? t.someone,
                  formatDateTime(lang, file.socialEmergencyAt),
                )
              : t.flaggedWithoutWho(h.socialReasons[file.socialReason])}
          </span>
        ) : (
          t.notFlagged
        )}
      </Fact>
    </dl>
  );
}

function FlagSection(props: { ctx: PageContext; data: EmergencyPageData; form: FormState }) {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const t = deskEmergencyMessages[lang];
  const h = handlingMessages[lang];
  const flagged = Boolean(data.file.socialReason);
  const form: FormState = flagged
    ? { ...props.form, values: { category: data.file.socialReason ?? '', ...props.form.values } }
    : props.form;
  const options = Object.entries(h.socialReasons).map(([value, label]) => ({ value, label }));
  return (
    <section aria-labelledby="flag-heading">
      <h2 class="utrecht-heading-2" id="flag-heading">
        {flagged ? t.changeHeading : t.flagHeading}
      </h2>
      <p class="utrecht-paragraph">{t.flagIntro}</p>
      {data.forwardable ? (
        <form
          method="post"
          action={emergencyPath(data.file.requestId)}
          novalidate
          class="ko-form"
          data-qa="flag-form"
        >
          <CsrfField token={ctx.csrfToken} />
          <SelectField
            lang={lang}
            form={form}
            name="category"
            label={t.category}
            options={options}
            {...(flagged ? {} : { emptyLabel: t.chooseCategory })}
            required
          />
          <TextArea
            lang={lang}
            form={form}
            name="note"
            label={t.note}
            hint={flagged ? t.noteOptionalHint : t.noteHint}
            required={!flagged}
            rows={3}
          />
          <div class="ko-button-row">
            <SubmitButton qa="flag-submit">{flagged ? t.changeSubmit : t.flagSubmit}</SubmitButton>
            {flagged && (
              <a class="utrecht-link" href={`${emergencyPath(data.file.requestId)}/lift`} data-qa="lift-link">
                {t.liftLink}
              </a>
            )}
          </div>
        </form>
      ) : (
        <>
          <p class="utrecht-paragraph">{t.notForwardable}</p>
          {flagged && (
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`${emergencyPath(data.file.requestId)}/lift`} data-qa="lift-link">
                {t.liftLink}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function NoteList(props: { lang: Language; notes: EmergencyPageData['notes']; empty: string; qa: string }) {
  const t = deskEmergencyMessages[props.lang];
  if (props.notes.length === 0) return <p class="utrecht-paragraph ko-muted">{props.empty}</p>;
  return (
    <ul class="utrecht-unordered-list ko-card-list" data-qa={props.qa}>
      {props.notes.map((n) => (
        <li key={n.id} class="ko-card">
          <p class="utrecht-paragraph ko-muted">
            {n.contactChannel ? `${t.channels[n.contactChannel]} · ` : ''}
            {t.noteBy(n.author ?? t.someone, formatDateTime(props.lang, n.createdAt))}
          </p>
          <p class="utrecht-paragraph ko-pre-line">{n.body}</p>
        </li>
      ))}
    </ul>
  );
}

function ContactSection(props: { ctx: PageContext; data: EmergencyPageData; form: FormState }) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const t = deskEmergencyMessages[lang];
  const channels = Object.entries(t.channels).map(([value, label]) => ({ value, label }));
  return (
    <section aria-labelledby="contacts-heading">
      <h2 class="utrecht-heading-2" id="contacts-heading">
        {t.contactsHeading}
      </h2>
      <NoteList
        lang={lang}
        notes={data.notes.filter((n) => n.kind === 'contact')}
        empty={t.noContacts}
        qa="contact-log"
      />
      <form
        method="post"
        action={`${emergencyPath(data.file.requestId)}/contacts`}
        novalidate
        class="ko-form"
        data-qa="contact-form"
      >
        <h3 class="utrecht-heading-3">{t.addContactHeading}</h3>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          lang={lang}
          form={{ ...form, values: { channel: 'phone', ...form.values } }}
          name="channel"
          label={t.contactChannel}
          options={channels}
          required
        />
        <TextArea lang={lang} form={form} name="contactText" label={t.contactText} required rows={3} />
        <SubmitButton qa="contact-submit">{t.contactSubmit}</SubmitButton>
      </form>
    </section>
  );
}

function ForwardSection(props: { ctx: PageContext; data: EmergencyPageData; form: FormState }) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const t = deskEmergencyMessages[lang];
  const h = handlingMessages[lang];
  const forwarded = new Set(data.forwards.map((f) => f.locationId));
  const options = data.locations.map((l) => ({
    value: l.id,
    label: [
      l.name,
      t.careTypes[l.careType],
      t.ageRange(l.minAgeMonths, l.maxAgeMonths),
      ...(l.lastMinutePlaces > 0 ? [t.lastMinute(l.lastMinutePlaces)] : []),
      ...(forwarded.has(l.id) ? [t.alreadyForwarded] : []),
    ].join(' · '),
  }));
  return (
    <section aria-labelledby="forwards-heading">
      <h2 class="utrecht-heading-2" id="forwards-heading">
        {t.forwardsHeading}
      </h2>
      {data.forwards.length === 0 ? (
        <p class="utrecht-paragraph ko-muted">{t.noForwards}</p>
      ) : (
        <TableScroll label={t.forwardsHeading}>
          <table class="utrecht-table ko-table ko-table--compact" data-qa="forwards">
            <TableHead heads={[t.location, t.forwardedOn, t.forwardedBy, t.didSince]} />
            <tbody class="utrecht-table__body">
              {data.forwards.map((f) => (
                <tr class="utrecht-table__row" key={f.locationId} data-qa="forward-row">
                  <th scope="row" class="utrecht-table__header-cell">
                    {f.locationName}
                  </th>
                  <td class="utrecht-table__cell">{formatDateTime(lang, f.forwardedAt)}</td>
                  <td class="utrecht-table__cell">{f.forwardedBy ?? t.someone}</td>
                  <td class="utrecht-table__cell" data-qa="forward-did">
                    {f.preferenceStatus && f.preferenceChangedAt
                      ? `${h.preferenceStatuses[f.preferenceStatus]} (${formatDate(lang, f.preferenceChangedAt)})`
                      : t.nothingYet}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {data.forwardable && (
        <form
          method="post"
          action={`${emergencyPath(data.file.requestId)}/forward`}
          novalidate
          class="ko-form"
          data-qa="forward-form"
        >
          <h3 class="utrecht-heading-3">{t.forwardHeading}</h3>
          <p class="utrecht-paragraph">{t.forwardIntro}</p>
          <CsrfField token={ctx.csrfToken} />
          <ChoiceGroup
            lang={lang}
            form={form}
            name="locations"
            legend={t.forwardLegend}
            options={options}
            multiple
            required
          />
          <SubmitButton qa="forward-submit">{t.forwardSubmit}</SubmitButton>
        </form>
      )}
    </section>
  );
}

/**
 * The emergency follow-up of one request (the file first, then the actions, the history last):
 * the facts and the flag, the flag form, the confidential notes, the contact log, the forwards.
 */
export function DeskEmergencyPage(props: {
  ctx: PageContext;
  data: EmergencyPageData;
  done?: Done;
  failed?: FailedForm;
}) {
  const { ctx, data, failed } = props;
  const lang = ctx.lang;
  const t = deskEmergencyMessages[lang];
  const title = t.title(
    childName({ firstName: data.file.childFirstName, lastName: data.file.childLastName }),
  );
  const formOf = (name: FailedForm['form']) => (failed?.form === name ? failed.state : emptyForm);
  return (
    <Layout ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/desk/families/${data.file.familyId}`} data-qa="back-to-file">
          {t.backToFile}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      {props.done && <Notice>{doneText(lang, props.done)}</Notice>}
      {failed && <ErrorSummary lang={lang} form={failed.state} />}
      <FileFacts lang={lang} data={data} />
      <FlagSection ctx={ctx} data={data} form={formOf('flag')} />
      <section aria-labelledby="notes-heading">
        <h2 class="utrecht-heading-2" id="notes-heading">
          {t.notesHeading}
        </h2>
        <NoteList
          lang={lang}
          notes={data.notes.filter((n) => n.kind === 'social_emergency')}
          empty={t.noNotes}
          qa="confidential-notes"
        />
      </section>
      <ForwardSection ctx={ctx} data={data} form={formOf('forward')} />
      <ContactSection ctx={ctx} data={data} form={formOf('contact')} />
    </Layout>
  );
}

/** The confirmation page before lifting the flag (UX rule 4). */
export function LiftConfirmPage(props: { ctx: PageContext; data: EmergencyPageData; form?: FormState }) {
  const { ctx, data } = props;
  const t = deskEmergencyMessages[ctx.lang];
  const category = data.file.socialReason
    ? handlingMessages[ctx.lang].socialReasons[data.file.socialReason]
    : '';
  const path = emergencyPath(data.file.requestId);
  return (
    <ConfirmPage
      ctx={ctx}
      title={t.liftTitle}
      happens={[t.liftGone(category), t.liftKept, t.liftAgain]}
      warningLabel={t.warning}
      action={`${path}/lift`}
      submitLabel={t.liftSubmit}
      cancel={{ href: path, label: t.cancel }}
      {...(props.form ? { form: props.form } : {})}
      qa="lift"
    />
  );
}
