import { formatDate, formatShortDate, withColon } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { RequestActions } from '../desk-requests/index.ts';
import { childName } from '../families/index.ts';
import { OfferPlanComparison, PreferencesTable, Timeline } from '../request-journey/index.ts';
import { messages } from './intermediaries.messages.ts';
import type { getFamilyFile, getRequestFollowUp } from './intermediaries.service.ts';
import { Notice } from './intermediaries.views.tsx';

type FamilyFile = Awaited<ReturnType<typeof getFamilyFile>>;
type FollowUp = Awaited<ReturnType<typeof getRequestFollowUp>>;
type RequestStatus = keyof (typeof messages)['nl']['requestStatuses'];

/** A client family: parents and how to reach them, requests, and handing the file over. */
export function FamilyPage(props: { ctx: PageContext; file: FamilyFile; form: FormState; notice?: string }) {
  const { ctx, file, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const { family } = file;
  const base = `/intermediary/families/${family.id}`;
  return (
    <Layout ctx={ctx} title={t.familyTitle(family.fileNumber)}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/intermediary">
          {t.homeTitle}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t.familyTitle(family.fileNumber)}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} form={form} />
      {family.consentAt && (
        <p class="utrecht-paragraph" data-qa="consent">
          {t.consentGiven(formatDate(lang, family.consentAt))}
        </p>
      )}
      <h2 class="utrecht-heading-2">{t.parents}</h2>
      <ul class="utrecht-unordered-list" data-qa="parents">
        {file.parents.map((p) => (
          <li key={p.id}>
            {p.firstName} {p.lastName} – {p.phone ?? t.noPhone}, {p.email ?? t.noEmailShort}
            {p.userId ? ` (${t.hasAccount})` : ''}
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t.requests}</h2>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/requests/new`} data-qa="new-request">
          {t.newRequest}
        </a>
      </p>
      <ul class="utrecht-unordered-list" data-qa="requests">
        {file.requests.map((r) => (
          <li key={r.id}>
            <a class="utrecht-link" href={`${base}/requests/${r.id}`}>
              {childName({ firstName: r.childFirstName, lastName: r.childLastName })}
            </a>
            {`: ${t.requestStatuses[r.status as RequestStatus]}, ${t.submitted} ${formatShortDate(lang, r.submittedAt)}`}
            <RequestActions
              lang={lang}
              base={`${base}/requests/${r.id}`}
              status={r.status}
              childBorn={Boolean(r.childBirthDate)}
            />
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t.handOverTitle}</h2>
      <p class="utrecht-paragraph">{t.handOverIntro}</p>
      <form method="post" action={`${base}/hand-over`} novalidate data-qa="hand-over-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="email" label={t.handOverEmail} type="email" required />
        <SelectField
          lang={lang}
          form={form}
          name="language"
          label={t.handOverLanguage}
          options={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
        />
        <SubmitButton qa="hand-over" secondary>
          {t.handOverSubmit}
        </SubmitButton>
      </form>
    </Layout>
  );
}

const OPEN = new Set(['new', 'seen', 'waiting_list', 'offer_made']);

/** A pending offer and the family's answer, as staff record it after a phone call. */
function OfferAnswer(props: {
  ctx: PageContext;
  detail: FollowUp;
  preference: FollowUp['preferences'][number];
  form: FormState;
}) {
  const { ctx, detail, preference: p } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const higherOpen = detail.preferences.some(
    (o) => o.id !== p.id && o.rank !== null && p.rank !== null && o.rank < p.rank && OPEN.has(o.status),
  );
  const action = `/intermediary/families/${detail.family.id}/requests/${detail.request.id}/offers/${p.offerId}/answer`;
  return (
    <section class="ko-offer" data-qa="pending-offer" aria-labelledby={`offer-${p.offerId}`}>
      <h3 class="utrecht-heading-3" id={`offer-${p.offerId}`}>
        {t.offerHeading(p.locationName)}
      </h3>
      <p class="utrecht-paragraph">
        {t.offerFacts(formatDate(lang, p.offerStart ?? ''), formatDate(lang, p.offerDeadline ?? ''))}
      </p>
      {p.offerStart && p.offerCarePlan && (
        <OfferPlanComparison
          lang={lang}
          audience="staff"
          requested={{ start: detail.request.desiredStart, carePlan: detail.request.carePlan }}
          offered={{ start: p.offerStart, carePlan: p.offerCarePlan }}
        />
      )}
      <p class="utrecht-paragraph">{t.offerIntro}</p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ChoiceGroup
          lang={lang}
          form={props.form}
          name="answer"
          legend={t.answer}
          options={[
            { value: 'accept', label: t.accept },
            { value: 'decline', label: t.decline },
          ]}
        />
        {higherOpen && (
          <ChoiceGroup
            lang={lang}
            form={props.form}
            name="keepHigher"
            legend={t.keepHigher}
            options={[
              { value: 'yes', label: t.keepHigherYes },
              { value: 'no', label: t.keepHigherNo },
            ]}
          />
        )}
        <SubmitButton qa="answer-offer" secondary>
          {t.answerSubmit}
        </SubmitButton>
      </form>
    </section>
  );
}

/** A client's request: status per preference, pending offers to answer, and the history. */
export function RequestPage(props: {
  ctx: PageContext;
  detail: FollowUp;
  form?: FormState;
  notice?: string;
}) {
  const { ctx, detail } = props;
  const form = props.form ?? { values: {}, errors: {} };
  const lang = ctx.lang;
  const t = messages[lang];
  const title = t.requestTitle(childName(detail.child));
  return (
    <Layout ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/intermediary/families/${detail.family.id}`}>
          {t.backToFamily}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph" data-qa="request-status">
        {withColon(lang, t.status)} {t.requestStatuses[detail.request.status as RequestStatus]} (
        {detail.family.fileNumber})
      </p>
      <h2 class="utrecht-heading-2">{t.preferencesHeading}</h2>
      <PreferencesTable lang={lang} preferences={detail.preferences} showNextStep />
      {detail.preferences
        .filter((p) => p.offerId && p.status === 'offer_made')
        .map((p) => (
          <OfferAnswer key={p.id} ctx={ctx} detail={detail} preference={p} form={form} />
        ))}
      <h2 class="utrecht-heading-2">{t.timeline}</h2>
      <Timeline lang={lang} events={detail.events} viewer="staff" />
    </Layout>
  );
}

/** The parent's side of a hand-over: log in or register, then take the file over. */
export function TakeOverPage(props: {
  ctx: PageContext;
  token: string;
  fileNumber: string | undefined;
  loggedIn: boolean;
  form: FormState;
}) {
  const { ctx, token } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  if (!props.fileNumber) {
    return (
      <Layout ctx={ctx} title={t.takeOverTitle}>
        <h1 class="utrecht-heading-1">{t.takeOverTitle}</h1>
        <p class="utrecht-paragraph" data-qa="take-over-invalid">
          {t.takeOverInvalid}
        </p>
      </Layout>
    );
  }
  const here = `/take-over?token=${encodeURIComponent(token)}`;
  return (
    <Layout ctx={ctx} title={t.takeOverTitle}>
      <h1 class="utrecht-heading-1">{t.takeOverTitle}</h1>
      <ErrorSummary lang={lang} form={props.form} />
      <p class="utrecht-paragraph">{t.takeOverIntro(props.fileNumber)}</p>
      {props.loggedIn ? (
        <form method="post" action="/take-over">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="token" value={token} />
          <SubmitButton qa="take-over">{t.takeOverSubmit}</SubmitButton>
        </form>
      ) : (
        <>
          <p class="utrecht-paragraph">
            {t.takeOverLogin}{' '}
            <a
              class="utrecht-link"
              href={`/login?next=${encodeURIComponent(here)}`}
              data-qa="take-over-login"
            >
              {t.loginLink}
            </a>
          </p>
          <p class="utrecht-paragraph">
            {t.takeOverRegister}{' '}
            <a
              class="utrecht-link"
              href={`/register?next=${encodeURIComponent(here)}`}
              data-qa="take-over-register"
            >
              {t.registerLink}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}
