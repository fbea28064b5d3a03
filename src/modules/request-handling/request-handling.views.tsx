import { formatDate, withColon } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import { ErrorSummary, emptyForm } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Notified } from '../families/index.ts';
import { childName } from '../families/index.ts';
import { LocationNav, Notice } from '../provider-locations/index.ts';
import { isOpenPreference } from '../requests/index.ts';
import { toldText } from './provider-request.confirm.tsx';
import {
  CareFacts,
  ChildFacts,
  FamilyFacts,
  History,
  Preferences,
  PriorityFact,
  PriorityRuleSet,
} from './provider-request.facts.tsx';
import { Actions, CustomColumnsForm, type FailedForm, Notes } from './provider-request.forms.tsx';
import type { RequestForLocation } from './provider-request.service.ts';
import { type HandlingMessages, handlingMessages } from './request-handling.messages.ts';

export type { FailedForm };

export function ProviderHomePage(props: {
  ctx: PageContext;
  locations: { id: string; name: string; careType: string }[];
}) {
  const { ctx } = props;
  const t = handlingMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.providerHomeTitle}>
      <h1 class="utrecht-heading-1">{t.providerHomeTitle}</h1>
      <ul class="ko-card-list">
        {props.locations.map((l) => (
          <li key={l.id} class="ko-card">
            <h2 class="utrecht-heading-2">{l.name}</h2>
            <LocationNav lang={ctx.lang} location={l} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export type DoneKey = keyof HandlingMessages['done'];

export function ProviderRequestPage(props: {
  ctx: PageContext;
  detail: RequestForLocation;
  failed?: FailedForm;
  done?: DoneKey;
  /** How the family was told of the step just done (from the step's own outcome). */
  told?: Notified;
}) {
  const { ctx, detail } = props;
  const lang = ctx.lang;
  const t = handlingMessages[lang];
  const name = childName(detail.child);
  const base = `/provider/locations/${detail.location.id}/requests/${detail.request.id}`;
  const stateOf = (form: FailedForm['form']) =>
    props.failed?.form === form ? props.failed.state : emptyForm;
  const summary = props.failed?.state ?? emptyForm;
  return (
    <Layout ctx={ctx} title={t.requestDetailTitle(name)}>
      <LocationNav lang={lang} location={detail.location} current="waitingList" />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/provider/locations/${detail.location.id}/waiting-list`}>
          {t.backToWaitingList}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t.requestDetailTitle(name)}</h1>
      {props.done && (
        <Notice>
          {t.done[props.done]}
          {/* Only when the family is still reached the way the step reached it: never a guess. */}
          {props.told && props.told === detail.reach.kind ? ` ${toldText(lang, detail.reach)}` : ''}
        </Notice>
      )}
      <ErrorSummary lang={lang} form={summary} />
      {detail.request.socialReason && (
        <p class="ko-flag ko-flag--social" data-qa="social-emergency">
          {withColon(lang, t.socialEmergency)} {t.socialReasons[detail.request.socialReason]}
        </p>
      )}
      {detail.acceptedElsewhere && (
        <div class="utrecht-alert utrecht-alert--warning ko-notice" data-qa="accepted-elsewhere">
          <p class="utrecht-paragraph">
            {t.acceptedElsewhere(
              detail.acceptedElsewhere.locationName,
              formatDate(lang, detail.acceptedElsewhere.statusChangedAt),
            )}
            {isOpenPreference(detail.preference.status) ? ` ${t.stayedOnList}` : ''}
          </p>
        </div>
      )}
      {/* The file first (who the child is, what is asked, where else the family asked), compact so
          that the actions follow within a laptop's first screen; the family and the history after. */}
      <div class="ko-request-top" data-qa="request-summary">
        <dl class="ko-facts">
          <Fact label={t.status} qa="own-status">
            {t.preferenceStatuses[detail.preference.status]}
          </Fact>
          <Fact label={t.requestStatus}>{t.requestStatuses[detail.request.status]}</Fact>
          <Fact label={t.rank}>{detail.preference.rank ?? t.viaEmergencyList}</Fact>
          <Fact label={t.fileNumber}>{detail.family.fileNumber}</Fact>
          <Fact label={t.submittedOn}>{formatDate(lang, detail.request.submittedAt)}</Fact>
          <PriorityFact lang={lang} detail={detail} />
        </dl>
        <PriorityRuleSet lang={lang} detail={detail} />
        <div class="ko-request-top__grid">
          <section aria-labelledby="child">
            <h2 class="utrecht-heading-2" id="child">
              {t.sectionChild}
            </h2>
            <ChildFacts lang={lang} detail={detail} />
          </section>
          <section aria-labelledby="care">
            <h2 class="utrecht-heading-2" id="care">
              {t.sectionCare}
            </h2>
            <CareFacts lang={lang} detail={detail} />
          </section>
        </div>
        <section aria-labelledby="preferences">
          <h2 class="utrecht-heading-2" id="preferences">
            {t.sectionPreferences}
          </h2>
          <Preferences lang={lang} detail={detail} />
        </section>
      </div>

      <Actions ctx={ctx} detail={detail} base={base} stateOf={stateOf} />

      <section aria-labelledby="family">
        <h2 class="utrecht-heading-2" id="family">
          {t.sectionFamily}
        </h2>
        <FamilyFacts lang={lang} detail={detail} />
      </section>
      <section aria-labelledby="custom">
        <h2 class="utrecht-heading-2" id="custom">
          {t.sectionCustom}
        </h2>
        <CustomColumnsForm ctx={ctx} detail={detail} base={base} form={stateOf('custom')} />
      </section>
      <section aria-labelledby="notes">
        <h2 class="utrecht-heading-2" id="notes">
          {t.sectionNotes}
        </h2>
        <Notes ctx={ctx} detail={detail} base={base} form={stateOf('note')} />
      </section>
      <section aria-labelledby="history">
        <h2 class="utrecht-heading-2" id="history">
          {t.sectionHistory}
        </h2>
        <History lang={lang} detail={detail} />
      </section>
    </Layout>
  );
}
