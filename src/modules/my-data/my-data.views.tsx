import type { ComponentChildren } from 'preact';
import { common } from '../../platform/i18n/common.ts';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  type Language,
  wordFor,
} from '../../platform/i18n/index.ts';
import { homeLanguageName } from '../../platform/i18n/spoken-languages.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { labelFor, labels } from './my-data.labels.ts';
import { messages } from './my-data.messages.ts';
import type { MyDataExport } from './my-data.service.ts';

type Row = [label: string, value: ComponentChildren];

/** A list of label–value pairs; empty values show a dash. */
function Facts(props: { rows: Row[]; qa?: string }) {
  return (
    <dl class="utrecht-data-list utrecht-data-list--rows ko-data-list" data-qa={props.qa}>
      {props.rows.map(([label, value]) => (
        <div class="utrecht-data-list__item" key={label}>
          <dt class="utrecht-data-list__item-key">{label}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {value === null || value === undefined || value === '' ? '—' : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const day = (lang: Language, d: string | null) => (d ? formatDate(lang, d) : null);
const instant = (lang: Language, d: Date | null) => (d ? formatDateTime(lang, d) : null);

function CarePlanText(props: { lang: Language; plan: MyDataExport['requests'][number]['carePlan'] }) {
  const l = labels[props.lang];
  const days = WEEKDAYS.filter((d) => props.plan.days[d] !== 'none').map(
    (d) => `${l.weekdays[d]}: ${l.dayParts[props.plan.days[d]]}`,
  );
  return <>{days.join(', ')}</>;
}

export function MyDataPage(props: { ctx: PageContext; data: MyDataExport }) {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const l = labels[lang];
  const yesNo = (b: boolean) => (b ? l.yes : l.no);
  const family = data.family;
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1 class="utrecht-heading-1">{t.title}</h1>
      <p class="utrecht-paragraph">{t.intro}</p>

      <h2 class="utrecht-heading-2">{t.downloadHeading}</h2>
      <p class="utrecht-paragraph">{t.downloadIntro}</p>
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href="/parent/my-data/export.json"
          download
          data-qa="download-json"
        >
          {t.downloadJson}
        </a>
      </p>

      <h2 class="utrecht-heading-2">{t.accountHeading}</h2>
      <Facts
        qa="my-data-account"
        rows={[
          [t.name, data.account.displayName],
          [t.email, data.account.email],
          [t.language, common[lang].languageNames[data.account.language]],
          [t.createdAt, instant(lang, data.account.createdAt)],
          [t.emailVerifiedAt, instant(lang, data.account.emailVerifiedAt)],
        ]}
      />

      <h2 class="utrecht-heading-2">{t.familyHeading}</h2>
      {family ? (
        <Facts
          qa="my-data-family"
          rows={[
            [t.fileNumber, family.fileNumber],
            [t.municipality, family.municipality],
            [t.subMunicipality, family.subMunicipality],
            [
              t.address,
              [
                [family.address.street, family.address.houseNumber].filter(Boolean).join(' '),
                [family.address.postcode, family.address.city].filter(Boolean).join(' '),
              ]
                .filter(Boolean)
                .join(', '),
            ],
            [t.singleParent, yesNo(family.household.singleParent)],
            [
              t.yearlyIncome,
              family.household.yearlyIncome === null
                ? null
                : `€ ${formatNumber(lang, family.household.yearlyIncome)}`,
            ],
            [t.fosterChild, yesNo(family.household.fosterChild)],
            [t.disabilityOrSocialReason, yesNo(family.household.disabilityOrSocialReason)],
            [t.noSecondaryDiploma, yesNo(family.household.noSecondaryDiploma)],
            [t.needsCareForWork, yesNo(family.household.needsCareForWork)],
            [t.siblingsInCare, yesNo(family.household.siblingsInCare)],
            [
              t.homeLanguage,
              family.household.homeLanguage && homeLanguageName(lang, family.household.homeLanguage),
            ],
            [t.priorityFactsGivenAt, instant(lang, family.household.priorityFactsGivenAt)],
            [t.consentAt, instant(lang, family.consentAt)],
            [t.intermediary, family.intermediaryOrganisation],
          ]}
        />
      ) : (
        <p class="utrecht-paragraph">{t.noFamily}</p>
      )}

      {data.parents.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{t.parentsHeading}</h2>
          {data.parents.map((p, i) => (
            <Facts
              key={i}
              qa="my-data-parent"
              rows={[
                [t.name, `${p.firstName} ${p.lastName}${p.isYou ? ` (${l.you})` : ''}`],
                [t.nationalNumber, p.nationalNumber],
                [t.email, p.email],
                [t.phone, p.phone],
                [t.language, common[lang].languageNames[p.language]],
                [t.situation, labelFor(l.situations, p.situation, l.otherCode)],
                [t.daysPerWeek, p.daysPerWeek === null ? null : formatNumber(lang, Number(p.daysPerWeek))],
              ]}
            />
          ))}
        </>
      )}

      {data.children.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{t.childrenHeading}</h2>
          {data.children.map((c, i) => (
            <Facts
              key={i}
              qa="my-data-child"
              rows={[
                [t.name, [c.firstName, c.lastName].filter(Boolean).join(' ')],
                [t.birthDate, day(lang, c.birthDate)],
                ...(c.expectedBirthDate
                  ? [[t.expectedBirthDate, day(lang, c.expectedBirthDate)] as Row]
                  : []),
                [t.nationalNumber, c.nationalNumber],
              ]}
            />
          ))}
        </>
      )}

      {family && (
        <>
          <h2 class="utrecht-heading-2">{t.requestsHeading}</h2>
          {data.requests.length === 0 && <p class="utrecht-paragraph">{t.noRequests}</p>}
          {data.requests.map((r) => (
            <RequestSection key={r.id} lang={lang} request={r} />
          ))}
          <MailsSection lang={lang} mails={data.mails} />
          <AccessSection lang={lang} entries={data.accessLog} />
        </>
      )}

      <h2 class="utrecht-heading-2">{t.deleteHeading}</h2>
      <p class="utrecht-paragraph">{t.deleteIntro}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/parent/my-data/delete" data-qa="delete-account-link">
          {t.deleteLink}
        </a>
      </p>
    </Layout>
  );
}

function RequestSection(props: { lang: Language; request: MyDataExport['requests'][number] }) {
  const { lang, request: r } = props;
  const t = messages[lang];
  const l = labels[lang];
  return (
    <section class="ko-card" aria-labelledby={`request-${r.id}`} data-qa="my-data-request">
      <h3 class="utrecht-heading-3" id={`request-${r.id}`}>
        {t.requestFor(r.child)}
      </h3>
      <Facts
        rows={[
          [t.municipality, r.municipality],
          [t.kind, labelFor(l.kinds, r.kind, l.otherCode)],
          ...(r.occasionalReason ? [[t.occasionalReason, r.occasionalReason] as Row] : []),
          [t.start, day(lang, r.desiredStart)],
          [t.end, day(lang, r.desiredEnd)],
          [t.carePlan, <CarePlanText key="plan" lang={lang} plan={r.carePlan} />],
          [t.careNeeds, r.careNeeds ? (r.careNeedsText ?? l.yes) : l.no],
          [t.status, labelFor(l.requestStatuses, r.status, l.otherCode)],
          [t.channel, labelFor(l.channels, r.channel, l.otherCode)],
          ...(r.socialReason
            ? [[t.socialReason, labelFor(l.socialReasons, r.socialReason, l.otherCode)] as Row]
            : []),
          [t.submittedAt, instant(lang, r.submittedAt)],
          [t.lastConfirmedAt, instant(lang, r.lastConfirmedAt)],
        ]}
      />
      <h4 class="utrecht-heading-4">{t.preferences}</h4>
      <TableScroll label={t.preferences}>
        <table class="utrecht-table utrecht-table--html-table ko-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t.rank}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t.provider}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t.status}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t.offers}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {r.preferences.map((p) => (
              <tr class="utrecht-table__row" key={`${p.provider}-${p.rank}`}>
                <td class="utrecht-table__cell">{p.rank ?? '—'}</td>
                <td class="utrecht-table__cell ko-wrap">{p.provider}</td>
                <td class="utrecht-table__cell ko-wrap">
                  {labelFor(l.preferenceStatuses, p.status, l.otherCode)} ({t.since}{' '}
                  {formatDate(lang, p.statusChangedAt)}){p.noPlaceText ? ` — ${p.noPlaceText}` : ''}
                </td>
                <td class="utrecht-table__cell ko-wrap">
                  {p.offers.map((o) => (
                    <p class="utrecht-paragraph" key={o.createdAt.toISOString()}>
                      {t.offer(
                        formatDate(lang, o.startDate),
                        formatDate(lang, o.answerDeadline),
                        labelFor(l.offerStatuses, o.status, l.otherCode),
                      )}
                      {o.message ? ` — “${o.message}”` : ''}
                    </p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h4 class="utrecht-heading-4">{t.history}</h4>
      <ol class="utrecht-ordered-list ko-timeline">
        {r.history.map((e, i) => (
          <li key={i}>
            {formatDateTime(lang, e.occurredAt)} — {eventText(lang, e.eventType, e.toStatus)}
            {e.provider ? ` (${e.provider})` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Words for a history event: its own name, else the status it led to; never the stored code. */
function eventText(lang: Language, eventType: string, toStatus: string | null): string {
  const l = labels[lang];
  const [record] = eventType.split('.');
  if (Object.hasOwn(l.events, eventType)) return labelFor(l.events, eventType, l.otherEvent);
  if (record === 'request' && toStatus) return labelFor(l.requestStatuses, toStatus, l.otherEvent);
  if (record === 'preference' && toStatus) return labelFor(l.preferenceStatuses, toStatus, l.otherEvent);
  return wordFor(l.events, eventType, l.otherEvent);
}

function MailsSection(props: { lang: Language; mails: MyDataExport['mails'] }) {
  const { lang, mails } = props;
  const t = messages[lang];
  return (
    <>
      <h2 class="utrecht-heading-2">{t.mailsHeading}</h2>
      {mails.length === 0 ? (
        <p class="utrecht-paragraph">{t.noMails}</p>
      ) : (
        <ul class="ko-card-list" data-qa="my-data-mails">
          {mails.map((m, i) => (
            <li class="ko-card" key={i}>
              <Facts
                rows={[
                  [t.when, formatDateTime(lang, m.createdAt)],
                  [t.to, m.to],
                  [t.subject, m.subject],
                  [t.sentAt, m.sentAt ? formatDateTime(lang, m.sentAt) : t.notSentYet],
                ]}
              />
              <details>
                <summary>{t.mailText}</summary>
                <pre class="ko-mail-text">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function AccessSection(props: { lang: Language; entries: MyDataExport['accessLog'] }) {
  const { lang, entries } = props;
  const t = messages[lang];
  const l = labels[lang];
  const who = (e: MyDataExport['accessLog'][number]) => {
    if (e.byYou) return l.you;
    if (!e.byRole) return l.system;
    const role = labelFor(l.roles, e.byRole, l.otherCode);
    return e.byOrganisation.length > 0 ? `${role}, ${e.byOrganisation.join(', ')}` : role;
  };
  return (
    <>
      <h2 class="utrecht-heading-2">{t.accessHeading}</h2>
      {entries.length === 0 ? (
        <p class="utrecht-paragraph">{t.noAccess}</p>
      ) : (
        <TableScroll label={t.accessHeading}>
          <table class="utrecht-table utrecht-table--html-table ko-table" data-qa="my-data-access">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t.when}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t.who}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t.what}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {entries.map((e, i) => (
                <tr class="utrecht-table__row" key={i}>
                  <td class="utrecht-table__cell">{formatDateTime(lang, e.occurredAt)}</td>
                  <td class="utrecht-table__cell ko-wrap">{who(e)}</td>
                  <td class="utrecht-table__cell ko-wrap">{labelFor(l.actions, e.action, l.otherAction)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export function DeleteAccountPage(props: { ctx: PageContext; form: FormState }) {
  const { ctx, form } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.deleteTitle}>
      <h1 class="utrecht-heading-1">{t.deleteTitle}</h1>
      <ErrorSummary lang={ctx.lang} form={form} />
      <h2 class="utrecht-heading-2">{t.deleteWhat}</h2>
      <ul class="utrecht-unordered-list">
        <li>{t.deleteConsequence1}</li>
        <li>{t.deleteConsequence2}</li>
        <li>{t.deleteConsequence3}</li>
      </ul>
      <div class="utrecht-alert utrecht-alert--warning ko-notice">
        <p class="utrecht-paragraph">
          <strong>{t.deleteWarning}</strong>
        </p>
      </div>
      <form method="post" action="/parent/my-data/delete" novalidate class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={ctx.lang}
          form={form}
          name="password"
          type="password"
          label={t.password}
          hint={t.passwordHint}
          autocomplete="current-password"
          value=""
          required
        />
        <SubmitButton qa="delete-account-submit">{t.deleteButton}</SubmitButton>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/parent/my-data">
          {t.cancel}
        </a>
      </p>
    </Layout>
  );
}
