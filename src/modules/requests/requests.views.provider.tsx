import { formatDate, formatShortDate, locale } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { compactCarePlan } from './care-plan.ts';
import type { getRequestForLocation, getWaitingListForLocation } from './handling.service.ts';
import { PreferencesTable } from './preferences-table.tsx';
import { messages } from './requests.messages.ts';
import { childName } from './requests.service.ts';
import { Timeline } from './timeline.tsx';

export function ProviderHomePage(props: { ctx: PageContext; locations: { id: string; name: string }[] }) {
  const { ctx } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.providerHomeTitle}>
      <h1 class="utrecht-heading-1">{t.providerHomeTitle}</h1>
      <ul class="utrecht-unordered-list">
        {props.locations.map((l) => (
          <li key={l.id}>
            <a class="utrecht-link" href={`/provider/locations/${l.id}/waiting-list`}>
              {t.waitingListTitle(l.name)}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function WaitingListPage(props: {
  ctx: PageContext;
  list: Awaited<ReturnType<typeof getWaitingListForLocation>>;
}) {
  const { ctx, list } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const title = t.waitingListTitle(list.location.name);
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      {list.rows.length === 0 ? (
        <p class="utrecht-paragraph">{t.emptyWaitingList}</p>
      ) : (
        <div class="ko-table-scroll">
          <table class="utrecht-table ko-table" data-qa="waiting-list">
            <caption class="utrecht-table__caption">{t.waitingListCaption(list.rows.length)}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {[
                  t.fileNumber,
                  t.child,
                  t.birth,
                  t.start,
                  t.end,
                  t.carePlanShort,
                  t.priorityGroup,
                  t.rank,
                  t.status,
                  t.received,
                ].map((h) => (
                  <th scope="col" class="utrecht-table__header-cell" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {list.rows.map((r) => (
                <tr class="utrecht-table__row" key={r.requestId} data-qa="waiting-list-row">
                  <td class="utrecht-table__cell">{r.fileNumber}</td>
                  <td class="utrecht-table__cell">
                    <a
                      class="utrecht-link"
                      href={`/provider/locations/${list.location.id}/requests/${r.requestId}`}
                      data-qa="waiting-list-child"
                    >
                      {childName({ firstName: r.childFirstName, lastName: r.childLastName })}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">
                    {r.birthDate
                      ? formatShortDate(lang, r.birthDate)
                      : r.expectedBirthDate
                        ? t.childUnborn(formatShortDate(lang, r.expectedBirthDate))
                        : ''}
                  </td>
                  <td class="utrecht-table__cell">{formatShortDate(lang, r.desiredStart)}</td>
                  <td class="utrecht-table__cell">
                    {r.desiredEnd ? formatShortDate(lang, r.desiredEnd) : ''}
                  </td>
                  <td class="utrecht-table__cell">
                    {compactCarePlan(r.carePlan, t.dayShort, t.daysPerWeek, locale(lang))}
                  </td>
                  <td class="utrecht-table__cell">{r.priorityGroup ? t.yes : t.no}</td>
                  <td class="utrecht-table__cell">{r.rank ?? '–'}</td>
                  <td class="utrecht-table__cell" data-qa="waiting-list-status">
                    {t.preferenceStatuses[r.preferenceStatus]}
                  </td>
                  <td class="utrecht-table__cell">{formatShortDate(lang, r.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function ProviderRequestPage(props: {
  ctx: PageContext;
  detail: Awaited<ReturnType<typeof getRequestForLocation>>;
  form: FormState;
}) {
  const { ctx, detail, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const name = childName(detail.child);
  const base = `/provider/locations/${detail.location.id}`;
  const offerForm: FormState = {
    ...form,
    values: {
      startDate: detail.request.desiredStart,
      answerDeadline: detail.defaultDeadline,
      ...form.values,
    },
  };
  const pending = detail.preferences.find((p) => p.locationId === detail.location.id && p.offerDeadline);
  return (
    <Layout ctx={ctx} title={t.requestDetailTitle(name)}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/waiting-list`}>
          {t.backToWaitingList}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t.requestDetailTitle(name)}</h1>
      <ErrorSummary lang={lang} form={form} />
      <dl class="ko-facts">
        <div>
          <dt>{t.fileNumber}</dt>
          <dd>{detail.family.fileNumber}</dd>
        </div>
        <div>
          <dt>{t.status}</dt>
          <dd data-qa="own-status">{t.preferenceStatuses[detail.preference.status]}</dd>
        </div>
        <div>
          <dt>{t.birth}</dt>
          <dd>
            {detail.child.birthDate
              ? formatDate(lang, detail.child.birthDate)
              : detail.child.expectedBirthDate
                ? t.childUnborn(formatDate(lang, detail.child.expectedBirthDate))
                : ''}
          </dd>
        </div>
        <div>
          <dt>{t.start}</dt>
          <dd>{formatDate(lang, detail.request.desiredStart)}</dd>
        </div>
        <div>
          <dt>{t.carePlanShort}</dt>
          <dd>{compactCarePlan(detail.request.carePlan, t.dayShort, t.daysPerWeek, locale(lang))}</dd>
        </div>
        <div>
          <dt>{t.priorityGroup}</dt>
          <dd>{detail.priorityGroup ? t.yes : t.no}</dd>
        </div>
        <div>
          <dt>{t.rank}</dt>
          <dd>{detail.preference.rank ?? '–'}</dd>
        </div>
      </dl>
      <h2 class="utrecht-heading-2">{t.otherPreferences}</h2>
      <PreferencesTable lang={lang} preferences={detail.preferences} ownLocationId={detail.location.id} />
      {pending?.offerDeadline && (
        <p class="utrecht-paragraph">{t.offerPending(formatDate(lang, pending.offerDeadline))}</p>
      )}
      {detail.canOffer && (
        <section aria-labelledby="make-offer">
          <h2 class="utrecht-heading-2" id="make-offer">
            {t.makeOffer}
          </h2>
          <form
            method="post"
            action={`${base}/requests/${detail.request.id}/offer`}
            novalidate
            class="ko-form"
          >
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
            <TextField lang={lang} form={offerForm} name="message" label={t.offerMessageLabel} />
            <SubmitButton qa="send-offer">{t.sendOffer}</SubmitButton>
          </form>
        </section>
      )}
      <h2 class="utrecht-heading-2">{t.history}</h2>
      <Timeline lang={lang} events={detail.events} />
    </Layout>
  );
}
