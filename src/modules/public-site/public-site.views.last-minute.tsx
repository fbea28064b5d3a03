/** Last-minute places: free places that providers publish; they disappear when they expire. */
import { formatDate, type Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import {
  ChoiceGroup,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
} from '../../platform/views/forms.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { ageLabel, LocalText, Pagination, PublicLayout } from './public-site.components.tsx';
import { searchMessages } from './public-site.messages.search.ts';
import { messages } from './public-site.messages.ts';
import type { getLastMinutePlaces } from './public-site.queries.ts';
import { AGE_OPTIONS } from './public-site.schemas.ts';

type Place = Awaited<ReturnType<typeof getLastMinutePlaces>>['rows'][number];

export function LastMinutePlaceCard(props: {
  lang: Language;
  place: Place;
  headingLevel?: 2 | 3;
  showProvider?: boolean;
}) {
  const { lang, place } = props;
  const t = messages[lang];
  const s = searchMessages[lang];
  const days = WEEKDAYS.filter((d) => place.days.includes(d));
  return (
    <li class="ko-card" data-qa="last-minute-place" data-place-id={place.id}>
      {props.showProvider !== false && (
        <h3 class="utrecht-heading-3">
          <a class="utrecht-link" href={`/providers/${place.locationId}`}>
            {place.locationName}
          </a>
        </h3>
      )}
      {props.showProvider !== false && (
        <p class="utrecht-paragraph">
          {t.careTypesShort[place.careType]} · {place.city}
          {place.city !== place.municipalityName ? ` (${place.municipalityName})` : ''}
        </p>
      )}
      <dl class="ko-facts">
        <Fact label={s.placePeriod}>
          {s.period(formatDate(lang, place.availableFrom), formatDate(lang, place.availableUntil))}
        </Fact>
        <Fact label={s.placeDays}>{days.map((d) => t.weekdays[d]).join(', ')}</Fact>
        <Fact label={s.placeAges}>
          {t.ageRange(ageLabel(lang, place.minAgeMonths), ageLabel(lang, place.maxAgeMonths))}
        </Fact>
        {(place.phone || place.email) && (
          <Fact label={s.contact}>
            {place.phone && (
              <a class="utrecht-link" href={`tel:${place.phone.replace(/\s+/g, '')}`}>
                {place.phone}
              </a>
            )}
            {place.phone && place.email ? ' · ' : ''}
            {place.email && (
              <a class="utrecht-link" href={`mailto:${place.email}`}>
                {place.email}
              </a>
            )}
          </Fact>
        )}
      </dl>
      {place.note && (
        <p class="utrecht-paragraph">
          <LocalText text={place.note} lang={lang} />
        </p>
      )}
    </li>
  );
}

export function LastMinutePage(props: {
  ctx: PageContext;
  form: FormState;
  params: URLSearchParams;
  municipalities: { id: string; name: string }[];
  result: { rows: Place[]; total: number; page: number; pages: number } | undefined;
}) {
  const { ctx, form, result } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const s = searchMessages[lang];
  return (
    <PublicLayout ctx={ctx} title={s.lastMinuteTitle} section="lastMinute">
      <h1 class="utrecht-heading-1">{s.lastMinuteTitle}</h1>
      <p class="utrecht-paragraph ko-lead">{s.lastMinuteIntro}</p>
      <ErrorSummary lang={lang} form={form} />
      <form
        method="get"
        action="/last-minute"
        class="ko-form ko-filter-bar"
        aria-labelledby="lm-filter"
        novalidate
      >
        <h2 class="utrecht-heading-2" id="lm-filter">
          {s.lastMinuteFilter}
        </h2>
        <SelectField
          lang={lang}
          form={form}
          name="age"
          label={s.age}
          emptyLabel={s.ageAny}
          options={AGE_OPTIONS.map((a) => ({ value: a, label: ageLabel(lang, Number(a)) }))}
        />
        <ChoiceGroup
          lang={lang}
          form={form}
          name="day"
          legend={s.daysLegend}
          multiple
          options={WEEKDAYS.map((d) => ({ value: d, label: t.weekdays[d] }))}
        />
        <SelectField
          lang={lang}
          form={form}
          name="municipality"
          label={s.municipality}
          emptyLabel={s.allMunicipalities}
          options={props.municipalities.map((m) => ({ value: m.id, label: m.name }))}
        />
        <SubmitButton qa="last-minute-submit">{s.search}</SubmitButton>
      </form>
      {result && (
        <section aria-labelledby="lm-results">
          <h2 class="utrecht-heading-2" id="lm-results" data-qa="place-count">
            {s.placesFound(result.total)}
          </h2>
          {result.rows.length === 0 ? (
            <p class="utrecht-paragraph" data-qa="no-places">
              {s.noPlaces}
            </p>
          ) : (
            <ul class="ko-card-list" data-qa="last-minute-list">
              {result.rows.map((place) => (
                <LastMinutePlaceCard key={place.id} lang={lang} place={place} />
              ))}
            </ul>
          )}
          <Pagination
            lang={lang}
            path="/last-minute"
            params={props.params}
            page={result.page}
            pages={result.pages}
          />
        </section>
      )}
    </PublicLayout>
  );
}
