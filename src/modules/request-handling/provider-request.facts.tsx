import { common } from '../../platform/i18n/common.ts';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatShortDate,
  type Language,
  locale,
  withColon,
} from '../../platform/i18n/index.ts';
import { homeLanguageName } from '../../platform/i18n/spoken-languages.ts';
import { Fact } from '../../platform/views/facts.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { ageInMonths, childName, maskedNationalNumber } from '../families/index.ts';
import { describePriority, describeRecordedPriority, priorityMessages } from '../priority-rules/index.ts';
import { compactCarePlan } from '../requests/index.ts';
import type { RequestForLocation } from './provider-request.service.ts';
import { handlingMessages } from './request-handling.messages.ts';

/** The read-only parts of the provider's request page: child, care, family, preferences, history. */

const plan = (lang: Language, p: Parameters<typeof compactCarePlan>[0]) => {
  const t = handlingMessages[lang];
  return compactCarePlan(p, t.dayShort, t.daysPerWeek, locale(lang));
};

export function ChildFacts(props: { lang: Language; detail: RequestForLocation }) {
  const { lang, detail } = props;
  const t = handlingMessages[lang];
  const { child } = detail;
  const masked = maskedNationalNumber(child);
  return (
    <dl class="ko-facts">
      <Fact label={t.childName}>{childName(child)}</Fact>
      {child.birthDate ? (
        <>
          <Fact label={t.birthDate}>{formatDate(lang, child.birthDate)}</Fact>
          <Fact label={t.age}>{t.ageMonths(Math.max(0, ageInMonths(child.birthDate, detail.today)))}</Fact>
        </>
      ) : (
        <Fact label={t.expectedBirthDate}>
          {child.expectedBirthDate ? formatDate(lang, child.expectedBirthDate) : t.unborn}
        </Fact>
      )}
      <Fact label={t.nationalNumber} qa="national-number">
        {masked ? t.nationalNumberOnFile(masked) : t.nationalNumberNone}
      </Fact>
    </dl>
  );
}

export function CareFacts(props: { lang: Language; detail: RequestForLocation }) {
  const { lang, detail } = props;
  const t = handlingMessages[lang];
  const r = detail.request;
  return (
    <>
      <dl class="ko-facts">
        <Fact label={t.desiredStart}>{formatDate(lang, r.desiredStart)}</Fact>
        <Fact label={t.desiredEnd}>{r.desiredEnd ? formatDate(lang, r.desiredEnd) : t.notGiven}</Fact>
        <Fact label={t.kind}>{t.kinds[r.kind]}</Fact>
        {r.kind === 'occasional' && r.occasionalReason && (
          <Fact label={t.occasionalReason}>{r.occasionalReason}</Fact>
        )}
        <Fact label={t.carePlan}>{plan(lang, r.carePlan)}</Fact>
        <Fact label={t.careNeeds}>{r.careNeeds ? r.careNeedsText || t.yes : t.no}</Fact>
        <Fact label={t.channel}>{t.channels[r.channel]}</Fact>
      </dl>
      <TableScroll label={t.carePlan}>
        <table class="utrecht-table ko-table ko-table--compact" data-qa="care-plan">
          <caption class="utrecht-table__caption">
            {withColon(lang, t.carePlan)} {r.carePlan.fixed ? t.planFixed : t.planVariable}
            {r.carePlan.early ? ` · ${t.early}` : ''}
            {r.carePlan.late ? ` · ${t.late}` : ''}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {WEEKDAYS.map((d) => (
                <th scope="col" class="utrecht-table__header-cell" key={d}>
                  {t.dayNames[d]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <tr class="utrecht-table__row">
              {WEEKDAYS.map((d) => (
                <td class="utrecht-table__cell" key={d}>
                  {t.dayParts[r.carePlan.days[d]]}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

const FACT_KEYS = [
  'needsCareForWork',
  'singleParent',
  'disabilityOrSocialReason',
  'noSecondaryDiploma',
  'fosterChild',
  'siblingsInCare',
] as const;

export function FamilyFacts(props: { lang: Language; detail: RequestForLocation }) {
  const { lang, detail } = props;
  const t = handlingMessages[lang];
  const f = detail.family;
  const address = [
    [f.street, f.houseNumber].filter(Boolean).join(' '),
    [f.postcode, f.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  const facts = FACT_KEYS.filter((k) => f[k]);
  return (
    <>
      <dl class="ko-facts">
        <Fact label={t.address}>{address || t.notGiven}</Fact>
        {detail.subMunicipalityName && <Fact label={t.subMunicipality}>{detail.subMunicipalityName}</Fact>}
        {f.homeLanguage && <Fact label={t.homeLanguage}>{homeLanguageName(lang, f.homeLanguage)}</Fact>}
        <Fact label={t.priorityFacts}>
          {facts.length > 0 ? facts.map((k) => t.facts[k]).join(', ') : t.none}
        </Fact>
        <Fact label={t.yearlyIncome}>{f.yearlyIncome === null ? t.incomeNotGiven : t.incomeGiven}</Fact>
        <Fact label={t.factsGivenOn}>
          <span data-qa="facts-given">
            {f.priorityFactsGivenAt ? formatDate(lang, f.priorityFactsGivenAt) : t.factsGivenUnknown}
          </span>
        </Fact>
      </dl>
      <h3 class="utrecht-heading-3">{t.parents}</h3>
      <ul class="utrecht-unordered-list" data-qa="parents">
        {detail.parents.map((p) => (
          <li key={p.id}>
            {p.firstName} {p.lastName}
            {p.email ? ` · ${withColon(lang, t.email)} ${p.email}` : ''}
            {p.phone ? ` · ${withColon(lang, t.phone)} ${p.phone}` : ''}
            {` · ${withColon(lang, t.language)} ${common[lang].languageNames[p.language]}`}
            {p.situation ? ` · ${t.situations[p.situation]}` : ''}
            {p.daysPerWeek ? ` (${t.daysWorked(formatNumber(lang, Number(p.daysPerWeek)))})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export function Preferences(props: { lang: Language; detail: RequestForLocation }) {
  const { lang, detail } = props;
  const t = handlingMessages[lang];
  return (
    <TableScroll label={t.sectionPreferences}>
      <table class="utrecht-table ko-table" data-qa="preferences">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {[t.rank, t.location, t.status, t.since, t.details].map((h) => (
              <th scope="col" class="utrecht-table__header-cell" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {detail.preferences.map((p) => (
            <tr class="utrecht-table__row" key={p.id} data-qa="preference-row">
              <td class="utrecht-table__cell">{p.rank ?? t.none}</td>
              <td class="utrecht-table__cell ko-wrap">
                {p.locationName} {p.locationId === detail.location.id ? t.yourLocation : ''}
                {p.addedFromEmergencyList ? ` (${t.viaEmergencyList})` : ''}
              </td>
              <td class="utrecht-table__cell" data-qa="preference-status">
                {t.preferenceStatuses[p.status]}
              </td>
              <td class="utrecht-table__cell">{formatShortDate(lang, p.statusChangedAt)}</td>
              <td class="utrecht-table__cell ko-wrap">
                {p.offerStart && p.offerDeadline
                  ? t.offerDetail(formatShortDate(lang, p.offerStart), formatShortDate(lang, p.offerDeadline))
                  : p.status === 'no_place' && p.noPlaceReason
                    ? t.noPlaceReasons[p.noPlaceReason]
                    : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function eventText(lang: Language, e: RequestForLocation['events'][number]): string | undefined {
  const t = handlingMessages[lang];
  const [record, what = ''] = e.eventType.split('.');
  const details = e.details ?? {};
  if (e.eventType === 'request.submitted') return t.eventSubmitted;
  if (Object.hasOwn(t.eventChanges, e.eventType))
    return t.eventChanges[e.eventType as keyof typeof t.eventChanges];
  if (e.eventType === 'preference.added')
    return details.fromEmergencyList ? t.eventAddedEmergency : t.eventAdded;
  if (e.eventType === 'preference.waiting_list' && details.offerWithdrawn) return t.eventOfferWithdrawn;
  if (record === 'preference' && details.noPlaceUndone) return t.eventNoPlaceUndone;
  if (record === 'request' && what in t.requestStatuses)
    return t.requestStatuses[what as keyof typeof t.requestStatuses];
  if (record === 'preference' && what in t.preferenceStatuses) {
    const label = t.preferenceStatuses[what as keyof typeof t.preferenceStatuses];
    const reason = details.reason as keyof typeof t.noPlaceReasons | undefined;
    return what === 'no_place' && reason && reason in t.noPlaceReasons
      ? `${label}: ${t.noPlaceReasons[reason]}`
      : label;
  }
  return undefined;
}

export function History(props: { lang: Language; detail: RequestForLocation }) {
  const { lang, detail } = props;
  const t = handlingMessages[lang];
  const items = detail.events.flatMap((e) => {
    const label = eventText(lang, e);
    return label ? [{ ...e, label }] : [];
  });
  return (
    <ol class="utrecht-ordered-list ko-timeline" data-qa="timeline">
      {items.map((e) => {
        // An offer says under which rules priority stood when it was made (ADR 0018).
        const priority = detail.offerPriorities.get(e.id);
        return (
          <li key={e.id}>
            {formatDateTime(lang, e.occurredAt)} — {e.label}
            {e.locationName ? ` (${e.locationName})` : ''}
            {e.actorRole ? ` · ${t.actorRoles[e.actorRole]}` : ''}
            {priority && (
              <>
                <br />
                <small data-qa="offer-priority">{describeRecordedPriority(lang, priority)}</small>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Whether the request has priority and why ("Absolute priority: works ≥ 4/5 · sibling present"),
 * under the rule set valid today (named by PriorityRuleSet, below the facts).
 */
export function PriorityFact(props: { lang: Language; detail: RequestForLocation }) {
  const { lang, detail } = props;
  const { verdict, ruleSet } = detail.priority;
  const p = priorityMessages[lang];
  return (
    <Fact label={handlingMessages[lang].priorityGroup} qa="priority">
      {ruleSet ? describePriority(lang, verdict, ruleSet.reservedSharePercent) : p.noRuleSet}
    </Fact>
  );
}

/** The rule set that judged the priority, with a link to its source: one line under the facts. */
export function PriorityRuleSet(props: { lang: Language; detail: RequestForLocation }) {
  const { lang, detail } = props;
  const { ruleSet } = detail.priority;
  if (!ruleSet) return null;
  const p = priorityMessages[lang];
  return (
    <p class="ko-facts-note">
      <small data-qa="priority-rule-set">
        {p.underRules(ruleSet.name[lang] ?? ruleSet.name.nl)}
        {ruleSet.sourceUrl && (
          <>
            {' ('}
            <a
              class="utrecht-link"
              href={ruleSet.sourceUrl}
              rel="noopener noreferrer"
              title={ruleSet.sourceReference}
            >
              {p.source}
            </a>
            {')'}
          </>
        )}
      </small>
    </p>
  );
}
