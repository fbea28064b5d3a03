import { formatDate, formatShortDate, withColon } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { VerifyEmailNotice } from '../accounts/index.ts';
import { ChildrenList, childName, familyMessages } from '../families/index.ts';
import { compactCarePlan, isOpenPreference, requestMessages as messages } from '../requests/index.ts';
import { followUpMessages } from './follow-up.messages.ts';
import { OfferPlanComparison } from './offer-plan.tsx';
import type { getParentOverview, getRequestForParent } from './request-journey.service.ts';
import { Timeline } from './timeline.tsx';
import { wizardMessages } from './wizard.messages.ts';

const buttonLink = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action';

export function ParentHomePage(props: {
  ctx: PageContext;
  overview: Awaited<ReturnType<typeof getParentOverview>>;
  /** The account's e-mail address is not confirmed yet: remind the parent (mails depend on it). */
  emailUnverified?: boolean;
}) {
  const { ctx, overview } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const f = familyMessages[lang];
  const u = followUpMessages[lang];
  return (
    <Layout ctx={ctx} title={t.parentHomeTitle}>
      <h1 class="utrecht-heading-1">{t.parentHomeTitle}</h1>
      {props.emailUnverified && <VerifyEmailNotice ctx={ctx} />}
      {!overview.family ? (
        <>
          <p class="utrecht-paragraph">{f.homeFamilyNone}</p>
          <p class="utrecht-paragraph">
            <a class={buttonLink} href="/parent/family" data-qa="start-family">
              {f.startFamily}
            </a>
          </p>
        </>
      ) : (
        <>
          {overview.draft && (
            <div class="utrecht-alert utrecht-alert--info ko-notice" data-qa="draft">
              <h2 class="utrecht-heading-2">{f.draftHeading}</h2>
              <p class="utrecht-paragraph">{f.draftText}</p>
              <p class="utrecht-paragraph">
                <a
                  class="utrecht-link"
                  href={`/parent/requests/new/${overview.draft.step}`}
                  data-qa="continue-draft"
                >
                  {f.continueDraft}
                </a>
              </p>
            </div>
          )}
          {overview.requests.length === 0 ? (
            <p class="utrecht-paragraph">{t.noRequestsYet}</p>
          ) : (
            <ul class="ko-card-list" data-qa="request-list">
              {overview.requests.map((r) => (
                <li key={r.id} class="ko-card">
                  <h2 class="utrecht-heading-3">
                    <a class="utrecht-link" href={`/parent/requests/${r.id}`} data-qa="request-link">
                      {t.requestTitle(childName({ firstName: r.childFirstName, lastName: r.childLastName }))}
                    </a>
                  </h2>
                  <p class="utrecht-paragraph">
                    {withColon(lang, t.requestStatus)} <strong>{t.requestStatuses[r.status]}</strong> ·{' '}
                    {withColon(lang, t.startDate)} {formatDate(lang, r.desiredStart)}
                  </p>
                  {r.answerDueBy && (
                    <p class="utrecht-paragraph" data-qa="answer-due">
                      <strong>{u.offerAnswerBy(formatDate(lang, r.answerDueBy))}</strong>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p class="utrecht-paragraph">
            <a class={buttonLink} href="/parent/requests/new" data-qa="new-request">
              {t.newRequest}
            </a>
          </p>
          <ChildrenList lang={lang} children={overview.children} />
          <h2 class="utrecht-heading-2">{f.homeFamily}</h2>
          <p class="utrecht-paragraph">
            {withColon(lang, t.fileNumber)} {overview.family.family.fileNumber}
          </p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/parent/family" data-qa="edit-family">
              {f.editFamily}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}

type Detail = Awaited<ReturnType<typeof getRequestForParent>>;

function OfferBox(props: {
  ctx: PageContext;
  detail: Detail;
  p: Detail['preferences'][number];
  form: FormState;
}) {
  const { ctx, detail, p, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const higherOpen = detail.preferences.some(
    (o) =>
      o.id !== p.id && o.rank !== null && p.rank !== null && o.rank < p.rank && isOpenPreference(o.status),
  );
  const requestId = detail.request.id;
  return (
    <section
      class="ko-offer utrecht-alert utrecht-alert--info"
      aria-labelledby={`offer-${p.offerId}`}
      data-qa="offer"
    >
      {/* One content block: the alert lays its children out in a row. */}
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2" id={`offer-${p.offerId}`}>
          {t.offerHeading(p.locationName)}
        </h2>
        <dl class="ko-facts">
          <div>
            <dt>{t.offerStart}</dt>
            <dd>{p.offerStart ? formatDate(lang, p.offerStart) : ''}</dd>
          </div>
          <div>
            <dt>{t.offerDeadline}</dt>
            <dd data-qa="offer-deadline">{p.offerDeadline ? formatDate(lang, p.offerDeadline) : ''}</dd>
          </div>
        </dl>
        {p.offerStart && p.offerCarePlan && (
          <OfferPlanComparison
            lang={lang}
            requested={{ start: detail.request.desiredStart, carePlan: detail.request.carePlan }}
            offered={{ start: p.offerStart, carePlan: p.offerCarePlan }}
          />
        )}
        {p.offerMessage && (
          <p class="utrecht-paragraph">
            <strong>{withColon(lang, t.offerMessage)}</strong> {p.offerMessage}
          </p>
        )}
        <form
          method="post"
          action={`/parent/requests/${requestId}/offers/${p.offerId}/accept`}
          class="ko-form"
        >
          <CsrfField token={ctx.csrfToken} />
          {higherOpen && (
            <ChoiceGroup
              lang={lang}
              form={form}
              name="keepHigher"
              legend={t.keepHigher}
              options={[
                { value: 'yes', label: t.keepHigherYes },
                { value: 'no', label: t.keepHigherNo },
              ]}
              required
            />
          )}
          <SubmitButton qa="accept-offer">{t.accept}</SubmitButton>
        </form>
        <p class="utrecht-paragraph">
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={`/parent/requests/${requestId}/offers/${p.offerId}/decline`}
            data-qa="decline-offer"
          >
            {t.decline}
          </a>
        </p>
      </div>
    </section>
  );
}

export function FollowUpPage(props: { ctx: PageContext; detail: Detail; form: FormState }) {
  const { ctx, detail, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const u = followUpMessages[lang];
  const w = wizardMessages[lang];
  const name = childName(detail.child);
  const { request, preferences, events, child } = detail;
  const offers = preferences.filter((p) => p.offerId && p.status === 'offer_made');
  // Once a place is accepted, a preference still open is a higher one the parents kept.
  const higherOpen = preferences.filter((p) => isOpenPreference(p.status)).length;
  const base = `/parent/requests/${request.id}`;
  return (
    <Layout ctx={ctx} title={t.requestTitle(name)}>
      <h1 class="utrecht-heading-1">{t.requestTitle(name)}</h1>
      <ErrorSummary lang={lang} form={form} />
      <div class="ko-status-box">
        <p class="utrecht-paragraph ko-lead">
          {withColon(lang, t.requestStatus)}{' '}
          <strong data-qa="request-status">{t.requestStatuses[request.status]}</strong>
        </p>
        <p class="utrecht-paragraph">{u.statusExplained[request.status]}</p>
        {/* Only when such preferences remain: never a line about higher ones that are not there. */}
        {request.status === 'answered' && higherOpen > 0 && (
          <p class="utrecht-paragraph" data-qa="higher-still-open">
            {u.higherStillOpen(higherOpen)}
          </p>
        )}
      </div>
      {detail.isUnborn && (
        <div class="utrecht-alert utrecht-alert--info ko-notice">
          <p class="utrecht-paragraph">{u.unborn(formatDate(lang, child.expectedBirthDate ?? ''))}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/parent/children/${child.id}/birth`} data-qa="child-born-link">
              {u.childIsBorn}
            </a>
          </p>
        </div>
      )}
      {offers.map((p) => (
        <OfferBox key={p.offerId} ctx={ctx} detail={detail} p={p} form={form} />
      ))}
      <h2 class="utrecht-heading-2">{t.preferencesHeading}</h2>
      <TableScroll label={t.preferencesHeading}>
        <table class="utrecht-table ko-table" data-qa="preferences">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {[t.rank, t.location, t.status, t.since, t.nextStep].map((h) => (
                <th scope="col" class="utrecht-table__header-cell" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {preferences.map((p) => (
              <tr class="utrecht-table__row" key={p.id} data-qa="preference-row">
                <td class="utrecht-table__cell">{p.rank ?? '–'}</td>
                <td class="utrecht-table__cell ko-wrap" data-qa="preference-location">
                  {p.locationName}
                </td>
                <td class="utrecht-table__cell ko-wrap" data-qa="preference-status">
                  {t.preferenceStatuses[p.status]}
                </td>
                <td class="utrecht-table__cell">{formatShortDate(lang, p.statusChangedAt)}</td>
                <td class="utrecht-table__cell ko-wrap">
                  {t.nextSteps[p.status]}
                  {p.status === 'offer_made' && p.offerDeadline
                    ? ` ${u.offerDeadline(formatDate(lang, p.offerDeadline))}`
                    : ''}
                  {p.answerExpectedBy && request.status === 'active'
                    ? ` ${u.answerBy(formatDate(lang, p.answerExpectedBy))}`
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {detail.confirmationDue && (
        <section class="ko-card" aria-labelledby="confirm-heading" data-qa="confirmation">
          <h2 class="utrecht-heading-2" id="confirm-heading">
            {u.confirmHeading}
          </h2>
          <p class="utrecht-paragraph">{u.confirmText(formatDate(lang, detail.confirmationDue))}</p>
          <form method="post" action={`${base}/confirm`} class="ko-form">
            <CsrfField token={ctx.csrfToken} />
            <SubmitButton qa="confirm-request" secondary>
              {u.confirmButton}
            </SubmitButton>
          </form>
        </section>
      )}
      <h2 class="utrecht-heading-2">{u.requestHeading}</h2>
      <dl class="ko-facts">
        <div>
          <dt>{t.fileNumber}</dt>
          <dd>{detail.family.fileNumber}</dd>
        </div>
        <div>
          <dt>{t.submittedOn}</dt>
          <dd data-qa="submitted-on">{formatDate(lang, request.submittedAt)}</dd>
        </div>
        <div>
          <dt>{u.kind}</dt>
          <dd>
            {u.kinds[request.kind]}
            {request.occasionalReason ? ` – ${request.occasionalReason}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t.startDate}</dt>
          <dd data-qa="start-date">{formatDate(lang, request.desiredStart)}</dd>
        </div>
        <div>
          <dt>{u.endDate}</dt>
          <dd>{request.desiredEnd ? formatDate(lang, request.desiredEnd) : u.noEnd}</dd>
        </div>
        <div>
          <dt>{u.carePlan}</dt>
          <dd data-qa="care-plan">
            {compactCarePlan(request.carePlan, t.dayShort, t.daysPerWeek, lang)}
            {request.carePlan.fixed ? '' : ` · ${w.fixedOptions.variable}`}
            {request.carePlan.early ? ` · ${w.hoursOptions.early}` : ''}
            {request.carePlan.late ? ` · ${w.hoursOptions.late}` : ''}
          </dd>
        </div>
        <div>
          <dt>{u.careNeeds}</dt>
          <dd>{request.careNeeds ? (request.careNeedsText ?? '') : w.none}</dd>
        </div>
      </dl>
      {detail.canChange && (
        <section aria-labelledby="change-heading">
          <h2 class="utrecht-heading-2" id="change-heading">
            {u.changeHeading}
          </h2>
          <ul class="utrecht-unordered-list ko-link-list">
            <li>
              <a class="utrecht-link" href={`${base}/dates`} data-qa="change-dates">
                {u.changeDates}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href={`${base}/care-plan`} data-qa="change-care-plan">
                {u.changeCarePlan}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href={`${base}/preferences`} data-qa="change-preferences">
                {u.changePreferences}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href={`${base}/withdraw`} data-qa="withdraw-request">
                {u.withdraw}
              </a>
            </li>
          </ul>
        </section>
      )}
      <h2 class="utrecht-heading-2">{t.timeline}</h2>
      <Timeline lang={lang} events={events} viewer="family" />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/parent">
          {t.parentHomeTitle}
        </a>
      </p>
    </Layout>
  );
}
