import { formatShortDate, type Language, locale } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableScroll } from '../../platform/views/table-scroll.tsx';
import { daysBetween, type LocalDate, WEEKDAYS } from '../../shared/dates.ts';
import { ageInMonths } from '../families/index.ts';
import { priorityLevelText } from '../priority-rules/index.ts';
import { LocationNav, TextArea } from '../provider-locations/index.ts';
import { handlingMessages } from '../request-handling/index.ts';
import { compactCarePlan } from '../requests/index.ts';
import { messages } from './emergency-list.messages.ts';
import type { EmergencyRow } from './emergency-list.queries.ts';
import { type EmergencyList, type EmergencyRequest, offersFromList } from './emergency-list.service.ts';

function ageText(lang: Language, row: EmergencyRow, today: LocalDate): string {
  if (row.birthDate) return handlingMessages[lang].ageMonths(Math.max(0, ageInMonths(row.birthDate, today)));
  return messages[lang].unborn(row.expectedBirthDate ? formatShortDate(lang, row.expectedBirthDate) : '?');
}

function planText(lang: Language, row: EmergencyRow): string {
  const h = handlingMessages[lang];
  const t = messages[lang];
  const extra = [row.kind === 'occasional' ? t.occasional : '', row.careNeeds ? t.careNeeds : ''].filter(
    Boolean,
  );
  const plan = compactCarePlan(row.carePlan, h.dayShort, h.daysPerWeek, locale(lang));
  return extra.length > 0 ? `${plan} (${extra.join(', ')})` : plan;
}

/** The desk put this request forward to the looking location (it is on top of its list). */
function ForwardedFlag(props: { lang: Language; row: EmergencyRow }) {
  if (!props.row.forwardedOn) return null;
  return (
    <strong class="ko-badge" data-qa="forwarded-flag">
      {messages[props.lang].forwarded(formatShortDate(props.lang, props.row.forwardedOn))}
    </strong>
  );
}

/** The flag and category of a social emergency: never the desk's confidential note. */
function SocialFlag(props: { lang: Language; row: EmergencyRow }) {
  const h = handlingMessages[props.lang];
  if (!props.row.socialReason) return null;
  return (
    <span class="ko-flag ko-flag--social" data-qa="social-flag">
      {messages[props.lang].socialFlag}: {h.socialReasons[props.row.socialReason]}
    </span>
  );
}

export function EmergencyListPage(props: { ctx: PageContext; list: EmergencyList }) {
  const { ctx, list } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const h = handlingMessages[lang];
  const title = t.title(list.location.municipalityName);
  const base = `/provider/locations/${list.location.id}`;
  return (
    <Layout ctx={ctx} title={title}>
      <LocationNav lang={lang} location={list.location} current="emergencyList" />
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t.intro(list.windowDays, list.location.municipalityName)}</p>
      {list.rows.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="empty-emergency-list">
          {t.empty}
        </p>
      ) : (
        <TableScroll label={t.caption(list.total)}>
          <table class="utrecht-table ko-table" data-qa="emergency-list">
            <caption class="utrecht-table__caption">{t.caption(list.total)}</caption>
            <TableHead
              heads={[
                t.emergency,
                t.age,
                t.start,
                t.carePlan,
                t.subMunicipality,
                t.priorityGroup,
                t.pendingOffers,
                t.action,
              ]}
            />
            <tbody class="utrecht-table__body">
              {list.rows.map((row) => {
                const start = formatShortDate(lang, row.desiredStart);
                const age = ageText(lang, row, list.today);
                return (
                  <tr class="utrecht-table__row" key={row.requestId} data-qa="emergency-row">
                    <td class="utrecht-table__cell ko-wrap">
                      <ForwardedFlag lang={lang} row={row} />
                      {row.forwardedOn && row.socialReason && <br />}
                      <SocialFlag lang={lang} row={row} />
                    </td>
                    <td class="utrecht-table__cell" data-qa="emergency-age">
                      {age}
                    </td>
                    <td class="utrecht-table__cell" data-qa="emergency-start">
                      {start} ({t.inDays(daysBetween(list.today, row.desiredStart as LocalDate))})
                    </td>
                    <td class="utrecht-table__cell">{planText(lang, row)}</td>
                    <td class="utrecht-table__cell">{row.subMunicipality ?? h.none}</td>
                    <td class="utrecht-table__cell">{priorityLevelText(lang, row.priorityLevel)}</td>
                    <td class="utrecht-table__cell">{row.pendingOffers}</td>
                    <td class="utrecht-table__cell">
                      {!offersFromList(row) ? (
                        <a
                          class="utrecht-link"
                          href={`${base}/requests/${row.requestId}`}
                          data-qa="emergency-open"
                        >
                          {t.onYourList}
                        </a>
                      ) : (
                        <a
                          class="utrecht-link"
                          href={`${base}/emergency-list/${row.requestId}`}
                          aria-label={t.offerPlaceFor(age, start)}
                          data-qa="emergency-offer"
                        >
                          {t.offerPlace}
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {list.pages > 1 && (
        <nav aria-label={t.pagination} class="ko-pagination">
          <ul class="ko-inline-list">
            {list.page > 1 && (
              <li>
                <a class="utrecht-link" href={`${base}/emergency-list?page=${list.page - 1}`} rel="prev">
                  {t.previous}
                </a>
              </li>
            )}
            <li>
              <span aria-current="page">
                {list.page} / {list.pages}
              </span>
            </li>
            {list.page < list.pages && (
              <li>
                <a class="utrecht-link" href={`${base}/emergency-list?page=${list.page + 1}`} rel="next">
                  {t.next}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  );
}

export function EmergencyOfferPage(props: { ctx: PageContext; data: EmergencyRequest; form: FormState }) {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const h = handlingMessages[lang];
  const { row } = data;
  const base = `/provider/locations/${data.location.id}`;
  const form: FormState = {
    ...props.form,
    values: {
      startDate: row.desiredStart < data.today ? data.today : row.desiredStart,
      answerDeadline: data.defaultDeadline,
      ...Object.fromEntries(WEEKDAYS.map((d) => [`day_${d}`, row.carePlan.days[d]])),
      ...props.form.values,
    },
  };
  const dayOptions = (['none', 'half', 'full'] as const).map((p) => ({ value: p, label: h.dayParts[p] }));
  return (
    <Layout ctx={ctx} title={t.offerTitle}>
      <LocationNav lang={lang} location={data.location} current="emergencyList" />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/emergency-list`}>
          {t.backToList}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t.offerTitle}</h1>
      <ErrorSummary lang={lang} form={form} />
      {row.forwardedOn && (
        <p class="utrecht-paragraph">
          <ForwardedFlag lang={lang} row={row} />
        </p>
      )}
      <SocialFlag lang={lang} row={row} />
      <dl class="ko-facts">
        <div>
          <dt>{t.age}</dt>
          <dd>{ageText(lang, row, data.today)}</dd>
        </div>
        <div>
          <dt>{t.start}</dt>
          <dd>{formatShortDate(lang, row.desiredStart)}</dd>
        </div>
        <div>
          <dt>{t.carePlan}</dt>
          <dd>{planText(lang, row)}</dd>
        </div>
        <div>
          <dt>{t.subMunicipality}</dt>
          <dd>{row.subMunicipality ?? h.none}</dd>
        </div>
        <div>
          <dt>{t.priorityGroup}</dt>
          <dd>{priorityLevelText(lang, row.priorityLevel)}</dd>
        </div>
        <div>
          <dt>{t.pendingOffers}</dt>
          <dd>{row.pendingOffers}</dd>
        </div>
      </dl>
      <p class="utrecht-paragraph">
        {row.ownStatus === 'no_place' ? t.offerIntroAfterNoPlace : t.offerIntro}
      </p>
      <form
        method="post"
        action={`${base}/emergency-list/${row.requestId}/offer`}
        novalidate
        class="ko-form"
        data-qa="emergency-offer-form"
      >
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="startDate" type="date" label={h.offerStartLabel} required />
        <TextField
          lang={lang}
          form={form}
          name="answerDeadline"
          type="date"
          label={h.offerDeadlineLabel}
          required
        />
        <fieldset class="utrecht-form-fieldset ko-fieldset">
          <legend class="utrecht-form-fieldset__legend">{h.offerCarePlan}</legend>
          <div class="utrecht-form-field-description">{h.offerCarePlanHint}</div>
          <div class="ko-care-plan">
            {WEEKDAYS.map((d) => (
              <SelectField
                key={d}
                lang={lang}
                form={form}
                name={`day_${d}`}
                label={h.dayNames[d]}
                options={dayOptions}
              />
            ))}
          </div>
        </fieldset>
        <TextArea lang={lang} form={form} name="message" label={h.offerMessageLabel} rows={3} />
        <SubmitButton qa="send-emergency-offer">{h.sendOffer}</SubmitButton>
      </form>
    </Layout>
  );
}
