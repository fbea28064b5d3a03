/** The search page: filters in a GET form, the results as a list (complete) and on a map (extra). */
import { common } from '../../platform/i18n/common.ts';
import { formatDate, type Language, withColon } from '../../platform/i18n/index.ts';
import { spokenLanguageName, spokenLanguageNames } from '../../platform/i18n/spoken-languages.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
  value,
  values,
} from '../../platform/views/forms.tsx';
import { parseLocalDate, WEEKDAYS } from '../../shared/dates.ts';
import { MUNICIPALITY_POINTS } from './data/postcodes-belgium.ts';
import type { GeoPoint } from './geocoding.ts';
import { formatPoint, type LatLng } from './point.ts';
import {
  ageLabel,
  formatKm,
  hoursSummary,
  MapEnhancement,
  type MapMarker,
  Pagination,
  PublicLayout,
  schoolAgeLabel,
  withParam,
} from './public-site.components.tsx';
import { searchMessages } from './public-site.messages.search.ts';
import { messages } from './public-site.messages.ts';
import type { AreaMatch } from './public-site.queries.ts';
import {
  AGE_OPTIONS,
  CLOSES_AFTER_OPTIONS,
  DISTANCE_OPTIONS,
  MAX_MARKERS,
  OPENS_BEFORE_OPTIONS,
  SCHOOL_AGE_OPTIONS,
  SCHOOL_SERVICES,
  SPOKEN_LANGUAGES,
} from './public-site.schemas.ts';
import { areaLabel, type SearchResult } from './public-site.service.ts';

/**
 * The area searched in (its name), and the places to choose from when the typed one was unclear,
 * with the search's parameters for their links.
 */
export type AreaState = {
  chosen: { name: string; municipality: string | undefined } | undefined;
  choices: AreaMatch[];
  params: URLSearchParams;
};
export type MapConfig = { tileUrl: string | undefined; tileAttribution: string | undefined };

/**
 * The area as a text field (a name or a postcode, matched on the server) instead of a list of
 * every municipality and sub-municipality: the page stays light at Flanders scale. When what the
 * visitor typed matches several places, the first few are links that search in each.
 */
function AreaField(props: { lang: Language; form: FormState; area: AreaState }) {
  const s = searchMessages[props.lang];
  const typed = value(props.form, 'place');
  const chosen = props.area.chosen;
  const shown = typed || (chosen ? areaLabel(chosen.name, chosen.municipality) : '');
  return (
    <div class="ko-area" data-qa="area-field">
      <TextField
        lang={props.lang}
        form={props.form}
        name="place"
        label={s.area}
        hint={s.areaHint}
        value={shown}
      />
      {props.area.choices.length > 0 && (
        <ul class="utrecht-unordered-list ko-area__choices" data-qa="area-choices">
          {props.area.choices.map((c) => (
            <li key={c.area}>
              <a class="utrecht-link" href={`/search?${areaParams(props.area.params, c.area)}`}>
                {c.municipality ? areaLabel(c.name, c.municipality) : s.wholeMunicipality(c.name)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The search's parameters with `area` instead of the typed place, from page 1. */
function areaParams(params: URLSearchParams, area: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('page');
  next.delete('place');
  next.set('area', area);
  return next;
}

function Checkbox(props: { form: FormState; name: string; label: string }) {
  const id = `field-${props.name}`;
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <input
        class="utrecht-checkbox utrecht-checkbox--html-input"
        type="checkbox"
        id={id}
        name={props.name}
        value="yes"
        checked={value(props.form, props.name) === 'yes'}
      />
      <label class="utrecht-form-label" for={id}>
        {props.label}
      </label>
    </div>
  );
}

/** The filters the visitor chose, in a few words each, for the summary above the folded form. */
function chosenFilters(lang: Language, form: FormState, area: AreaState): string[] {
  const t = messages[lang];
  const s = searchMessages[lang];
  const c = s.chosen;
  const v = (name: string) => value(form, name).trim();
  const out: string[] = [];
  if (v('q')) out.push(c.text(v('q')));
  if (v('offer') === 'school') {
    // Out-of-school care: its own filters, then the ones both searches share.
    if (v('school')) out.push(s.chosenSchool(v('school')));
    if (/^\d+$/.test(v('schoolAge'))) out.push(schoolAgeLabel(lang, Number(v('schoolAge'))));
    const services = values(form, 'service').filter((sv): sv is (typeof SCHOOL_SERVICES)[number] =>
      (SCHOOL_SERVICES as readonly string[]).includes(sv),
    );
    if (services.length > 0) out.push(services.map((sv) => t.outOfSchoolServices[sv]).join(', '));
    return [...out, ...sharedFilters(lang, form, area)];
  }
  const type = v('type');
  if (type === 'group' || type === 'family') out.push(t.careTypesShort[type]);
  if (v('age') && /^\d+$/.test(v('age'))) out.push(ageLabel(lang, Number(v('age'))));
  const born = parseLocalDate(v('birthDate'));
  if (born) out.push(c.bornOn(formatDate(lang, born)));
  const days = values(form, 'day').filter((d): d is (typeof WEEKDAYS)[number] =>
    (WEEKDAYS as readonly string[]).includes(d),
  );
  if (days.length > 0) out.push(days.map((d) => t.weekdays[d]).join(', '));
  if (v('tariff') === 'income') out.push(t.incomeRelated);
  if (v('tariff') === 'fixed') out.push(t.fixedPrice);
  if (v('opensBefore')) out.push(c.opensBefore(v('opensBefore')));
  if (v('closesAfter')) out.push(c.closesAfter(v('closesAfter')));
  if (v('occasional') === 'yes') out.push(c.occasional);
  return [...out, ...sharedFilters(lang, form, area)];
}

/** The filters both searches have: language, inclusive care, area and distance. */
function sharedFilters(lang: Language, form: FormState, area: AreaState): string[] {
  const c = searchMessages[lang].chosen;
  const v = (name: string) => value(form, name).trim();
  const out: string[] = [];
  const language = SPOKEN_LANGUAGES.find((l) => l === v('language'));
  if (language) out.push(spokenLanguageNames[lang][language]);
  if (v('inclusive') === 'yes') out.push(c.inclusive);
  if (area.chosen) out.push(areaLabel(area.chosen.name, area.chosen.municipality));
  if (v('home')) out.push(c.home(v('home')));
  if (v('work')) out.push(c.work(v('work')));
  if (v('near')) out.push(c.near);
  if (v('distance') && /^\d+$/.test(v('distance'))) out.push(c.distance(v('distance')));
  return out;
}

/**
 * The filters fold away in a <details> (no script needed) once the visitor has chosen some, so
 * that on a phone the results come right after a one-line summary; they stay open on a first
 * visit and whenever a field has an error (the error summary links to the fields).
 */
function FilterPanel(props: { ctx: PageContext; form: FormState; area: AreaState; schools: string[] }) {
  const { lang } = props.ctx;
  const s = searchMessages[lang];
  const chosen = chosenFilters(lang, props.form, props.area);
  const open = chosen.length === 0 || Object.keys(props.form.errors).length > 0;
  return (
    <div class="ko-search__panel">
      {chosen.length > 0 && (
        <p class="utrecht-paragraph ko-search__chosen" data-qa="filter-summary">
          <span class="ko-search__chosen-label">{withColon(lang, s.chosenFilters)}</span> {chosen.join(' · ')}
        </p>
      )}
      <details class="ko-search__details" open={open} data-qa="filter-details">
        <summary data-qa="filter-toggle">{s.filtersToggle(chosen.length)}</summary>
        {value(props.form, 'offer') === 'school' ? (
          <SchoolFilters ctx={props.ctx} form={props.form} area={props.area} schools={props.schools} />
        ) : (
          <SearchFilters ctx={props.ctx} form={props.form} area={props.area} />
        )}
      </details>
    </div>
  );
}

function SearchFilters(props: { ctx: PageContext; form: FormState; area: AreaState }) {
  const { lang } = props.ctx;
  const t = messages[lang];
  const s = searchMessages[lang];
  const form: FormState = { ...props.form, values: { type: '', tariff: '', ...props.form.values } };
  const sort = value(form, 'sort');
  return (
    <form
      method="get"
      action="/search"
      class="ko-search__filters"
      aria-labelledby="filters-title"
      data-qa="search-form"
      novalidate
    >
      <h2 class="utrecht-heading-2" id="filters-title">
        {s.filters}
      </h2>
      <TextField lang={lang} form={form} name="q" label={s.text} />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="type"
        legend={s.typeLegend}
        options={[
          { value: '', label: s.any },
          { value: 'group', label: t.careTypes.group },
          { value: 'family', label: t.careTypes.family },
        ]}
      />
      <SelectField
        lang={lang}
        form={form}
        name="age"
        label={s.age}
        emptyLabel={s.ageAny}
        options={AGE_OPTIONS.map((a) => ({ value: a, label: ageLabel(lang, Number(a)) }))}
      />
      <TextField
        lang={lang}
        form={form}
        name="birthDate"
        type="date"
        label={s.birthDate}
        hint={s.birthDateHint}
      />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="day"
        legend={s.daysLegend}
        multiple
        options={WEEKDAYS.map((d) => ({ value: d, label: t.weekdays[d] }))}
      />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="tariff"
        legend={s.tariffLegend}
        options={[
          { value: '', label: s.any },
          { value: 'income', label: s.tariffIncome },
          { value: 'fixed', label: s.tariffFixed },
        ]}
      />
      <SelectField
        lang={lang}
        form={form}
        name="opensBefore"
        label={s.opensBefore}
        emptyLabel={s.anyTime}
        options={OPENS_BEFORE_OPTIONS.map((h) => ({ value: h, label: h }))}
      />
      <SelectField
        lang={lang}
        form={form}
        name="closesAfter"
        label={s.closesAfter}
        emptyLabel={s.anyTime}
        options={CLOSES_AFTER_OPTIONS.map((h) => ({ value: h, label: h }))}
      />
      <SelectField
        lang={lang}
        form={form}
        name="language"
        label={s.language}
        emptyLabel={s.anyLanguage}
        options={SPOKEN_LANGUAGES.map((l) => ({ value: l, label: spokenLanguageNames[lang][l] }))}
      />
      <fieldset class="utrecht-form-fieldset ko-fieldset">
        <legend class="utrecht-form-fieldset__legend">{s.careNeeds}</legend>
        <Checkbox form={form} name="inclusive" label={t.inclusive} />
        <Checkbox form={form} name="occasional" label={t.occasional} />
      </fieldset>
      <AreaField lang={lang} form={form} area={props.area} />
      <fieldset class="utrecht-form-fieldset ko-fieldset">
        <legend class="utrecht-form-fieldset__legend">{s.distanceLegend}</legend>
        <TextField
          lang={lang}
          form={form}
          name="home"
          label={s.home}
          hint={s.placeHint}
          autocomplete="postal-code"
        />
        <TextField lang={lang} form={form} name="work" label={s.work} hint={s.placeHint} />
        {/* Filled by a click on the map (public/map.js); typed by hand without JavaScript. */}
        <TextField lang={lang} form={form} name="near" label={s.near} hint={s.nearHint} />
        <SelectField
          lang={lang}
          form={form}
          name="distance"
          label={s.distance}
          emptyLabel={s.anyDistance}
          options={DISTANCE_OPTIONS.map((d) => ({ value: d, label: s.km(d) }))}
        />
      </fieldset>
      {(sort === 'distance' || sort === 'name') && <input type="hidden" name="sort" value={sort} />}
      <div class="ko-button-row">
        <SubmitButton qa="search-submit">{s.search}</SubmitButton>
        <a class="utrecht-link" href="/search" data-qa="search-clear">
          {s.clear}
        </a>
      </div>
    </form>
  );
}

/**
 * The out-of-school care search's own filters: school (with the schools served as suggestions, a
 * plain text field without JavaScript), age, when care is needed; then language, inclusive care,
 * area and distance as in the baby and toddler search. `offer=school` rides along hidden.
 */
function SchoolFilters(props: { ctx: PageContext; form: FormState; area: AreaState; schools: string[] }) {
  const { lang } = props.ctx;
  const t = messages[lang];
  const s = searchMessages[lang];
  const form = props.form;
  const sort = value(form, 'sort');
  return (
    <form
      method="get"
      action="/search"
      class="ko-search__filters"
      aria-labelledby="filters-title"
      data-qa="search-form"
      novalidate
    >
      <h2 class="utrecht-heading-2" id="filters-title">
        {s.filters}
      </h2>
      <input type="hidden" name="offer" value="school" />
      <TextField lang={lang} form={form} name="q" label={s.text} />
      <SchoolField lang={lang} form={form} schools={props.schools} />
      <SelectField
        lang={lang}
        form={form}
        name="schoolAge"
        label={s.schoolAge}
        emptyLabel={s.ageAny}
        options={SCHOOL_AGE_OPTIONS.map((a) => ({ value: a, label: schoolAgeLabel(lang, Number(a)) }))}
      />
      <ChoiceGroup
        lang={lang}
        form={form}
        name="service"
        legend={s.servicesLegend}
        multiple
        options={SCHOOL_SERVICES.map((sv) => ({ value: sv, label: t.outOfSchoolServices[sv] }))}
      />
      <SelectField
        lang={lang}
        form={form}
        name="language"
        label={s.language}
        emptyLabel={s.anyLanguage}
        options={SPOKEN_LANGUAGES.map((l) => ({ value: l, label: spokenLanguageNames[lang][l] }))}
      />
      <fieldset class="utrecht-form-fieldset ko-fieldset">
        <legend class="utrecht-form-fieldset__legend">{s.careNeeds}</legend>
        <Checkbox form={form} name="inclusive" label={t.inclusive} />
      </fieldset>
      <AreaField lang={lang} form={form} area={props.area} />
      <fieldset class="utrecht-form-fieldset ko-fieldset">
        <legend class="utrecht-form-fieldset__legend">{s.distanceLegend}</legend>
        <TextField
          lang={lang}
          form={form}
          name="home"
          label={s.home}
          hint={s.placeHint}
          autocomplete="postal-code"
        />
        <TextField lang={lang} form={form} name="work" label={s.work} hint={s.placeHint} />
        <TextField lang={lang} form={form} name="near" label={s.near} hint={s.nearHint} />
        <SelectField
          lang={lang}
          form={form}
          name="distance"
          label={s.distance}
          emptyLabel={s.anyDistance}
          options={DISTANCE_OPTIONS.map((d) => ({ value: d, label: s.km(d) }))}
        />
      </fieldset>
      {(sort === 'distance' || sort === 'name') && <input type="hidden" name="sort" value={sort} />}
      <div class="ko-button-row">
        <SubmitButton qa="search-submit">{s.search}</SubmitButton>
        <a class="utrecht-link" href="/search?offer=school" data-qa="search-clear">
          {s.clear}
        </a>
      </div>
    </form>
  );
}

/** The school field: free text, with the schools served offered as suggestions (a datalist). */
function SchoolField(props: { lang: Language; form: FormState; schools: string[] }) {
  const s = searchMessages[props.lang];
  const invalid = Boolean(props.form.errors.school);
  return (
    <div class={`utrecht-form-field ${invalid ? 'utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for="field-school">
          {s.school}
        </label>
      </div>
      <p class="utrecht-form-field-description" id="hint-school">
        {s.schoolHint}
      </p>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="text"
        id="field-school"
        name="school"
        value={value(props.form, 'school')}
        list="schools-served"
        autocomplete="off"
        aria-describedby="hint-school"
        aria-invalid={invalid ? 'true' : undefined}
      />
      <datalist id="schools-served">
        {props.schools.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </div>
  );
}

/** Two searches, each with its own filters: baby and toddler care, and out-of-school care. */
function OfferNav(props: { lang: Language; school: boolean }) {
  const s = searchMessages[props.lang];
  const link = (current: boolean, href: string, label: string, qa: string) => (
    <li>
      {current ? (
        <span aria-current="page" class="ko-sort__current" data-qa={qa}>
          {label}
        </span>
      ) : (
        <a class="utrecht-link" href={href} data-qa={qa}>
          {label}
        </a>
      )}
    </li>
  );
  return (
    <nav aria-label={s.offerNav} class="ko-offer-nav" data-qa="offer-nav">
      <ul class="ko-inline-list">
        {link(!props.school, '/search', s.offerBaby, 'offer-baby')}
        {link(props.school, '/search?offer=school', s.offerSchool, 'offer-school')}
      </ul>
    </nav>
  );
}

type Row = Extract<SearchResult, { ok: true }>['rows'][number];

/** A profile link that remembers the search, so the profile's "back to search" keeps the filters. */
function profileHref(id: string, searchQuery: string): string {
  return searchQuery
    ? `/providers/${id}?${new URLSearchParams({ search: searchQuery }).toString()}`
    : `/providers/${id}`;
}

function ResultCard(props: { lang: Language; row: Row; searchQuery: string }) {
  const { lang, row } = props;
  const t = messages[lang];
  const hours = hoursSummary(lang, row.openingHours);
  const distances = [
    row.homeKm !== null ? t.kmFromHome(formatKm(lang, row.homeKm)) : undefined,
    row.workKm !== null ? t.kmFromWork(formatKm(lang, row.workKm)) : undefined,
    row.pointKm !== null ? t.kmFromPoint(formatKm(lang, row.pointKm)) : undefined,
  ].filter(Boolean);
  return (
    <li class="ko-card ko-result" data-qa="result" data-location-id={row.id}>
      <h3 class="utrecht-heading-3 ko-result__name">
        <a class="utrecht-link" href={profileHref(row.id, props.searchQuery)} data-qa="result-link">
          {row.name}
        </a>
      </h3>
      {row.hasLastMinutePlace && (
        <p class="ko-badge" data-qa="last-minute-badge">
          {t.lastMinuteBadge}
        </p>
      )}
      <p class="utrecht-paragraph ko-result__meta">
        {t.careTypesShort[row.careType]} · {row.street} {row.houseNumber}, {row.postcode} {row.city}
        {row.city !== row.municipalityName ? ` (${row.municipalityName})` : ''}
      </p>
      {distances.length > 0 && (
        <p class="utrecht-paragraph ko-result__distance" data-qa="distance">
          {distances.join(' · ')}
        </p>
      )}
      {row.careType === 'out_of_school' ? (
        <SchoolFacts lang={lang} row={row} />
      ) : (
        <BabyFacts lang={lang} row={row} hours={hours} />
      )}
    </li>
  );
}

/** Out-of-school care's facts on a result card: ages in years, when, the schools served. */
function SchoolFacts(props: { lang: Language; row: Row }) {
  const { lang, row } = props;
  const t = messages[lang];
  const services = SCHOOL_SERVICES.filter((sv) => row.outOfSchoolHours[sv]);
  return (
    <dl class="ko-result__facts" data-qa="result-facts">
      <div>
        <dt>{t.resultFacts.age}</dt>
        <dd>{t.ageRange(schoolAgeLabel(lang, row.minAgeMonths), schoolAgeLabel(lang, row.maxAgeMonths))}</dd>
      </div>
      {services.length > 0 && (
        <div>
          <dt>{t.schoolFacts.services}</dt>
          <dd data-qa="result-services">{services.map((sv) => t.outOfSchoolServices[sv]).join(', ')}</dd>
        </div>
      )}
      {row.schoolsServed.length > 0 && (
        <div>
          <dt>{t.schoolFacts.schools}</dt>
          <dd data-qa="result-schools">{row.schoolsServed.join(', ')}</dd>
        </div>
      )}
      {row.languages.length > 0 && (
        <div>
          <dt>{t.resultFacts.languages}</dt>
          <dd>{row.languages.map((l) => spokenLanguageName(lang, l)).join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}

function BabyFacts(props: { lang: Language; row: Row; hours: string | undefined }) {
  const { lang, row, hours } = props;
  const t = messages[lang];
  return (
    <dl class="ko-result__facts" data-qa="result-facts">
      <div>
        <dt>{t.resultFacts.age}</dt>
        <dd>{t.ageRange(ageLabel(lang, row.minAgeMonths), ageLabel(lang, row.maxAgeMonths))}</dd>
      </div>
      {hours && (
        <div>
          <dt>{t.resultFacts.hours}</dt>
          <dd data-qa="result-hours">{hours}</dd>
        </div>
      )}
      <div>
        <dt>{t.resultFacts.price}</dt>
        <dd>{row.subsidyLevel >= 2 ? t.incomeRelated : t.fixedPrice}</dd>
      </div>
      {row.languages.length > 0 && (
        <div>
          <dt>{t.resultFacts.languages}</dt>
          <dd>{row.languages.map((l) => spokenLanguageName(lang, l)).join(', ')}</dd>
        </div>
      )}
      {(row.inclusiveCare || row.occasionalCare) && (
        <div>
          <dt>{t.resultFacts.care}</dt>
          {row.inclusiveCare && <dd>{t.inclusive}</dd>}
          {row.occasionalCare && <dd>{t.occasional}</dd>}
        </div>
      )}
    </dl>
  );
}

function SortLinks(props: {
  lang: Language;
  params: URLSearchParams;
  sort: 'distance' | 'name';
  canDistance: boolean;
}) {
  const s = searchMessages[props.lang];
  if (!props.canDistance) return null;
  const link = (sort: 'distance' | 'name', label: string) =>
    props.sort === sort ? (
      <span aria-current="true" class="ko-sort__current">
        {label}
      </span>
    ) : (
      <a
        class="utrecht-link"
        href={withParam('/search', withoutPage(props.params), 'sort', sort)}
        data-qa={`sort-${sort}`}
      >
        {label}
      </a>
    );
  return (
    <p class="utrecht-paragraph ko-sort">
      {withColon(props.lang, s.sortBy)} {link('distance', s.sortDistance)} · {link('name', s.sortName)}
    </p>
  );
}

function withoutPage(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('page');
  return next;
}

const MAX_PLACE_LABELS = 60;

/**
 * The municipalities around the points on the map (their box widened by about 5 km), largest
 * first, named in the page's language: written on a map that has no tiles (public/map.js leaves out
 * a name that would overlap one before it).
 */
function placesAround(points: LatLng[], lang: Language): { name: string; lat: number; lng: number }[] {
  if (points.length === 0) return [];
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const [south, north] = [Math.min(...lats) - 0.05, Math.max(...lats) + 0.05];
  const [west, east] = [Math.min(...lngs) - 0.08, Math.max(...lngs) + 0.08];
  return MUNICIPALITY_POINTS.filter(
    ([, , , lat, lng]) => lat >= south && lat <= north && lng >= west && lng <= east,
  )
    .sort((a, b) => b[5] - a[5])
    .slice(0, MAX_PLACE_LABELS)
    .map(([, nl, fr, lat, lng]) => ({ name: lang === 'fr' ? fr || nl : nl || fr, lat, lng }));
}

/** "50.88000, 4.70000": the point as the visitor typed or clicked it, readable. */
const pointText = (p: LatLng) => formatPoint(p).replace(',', ', ');

export function SearchPage(props: {
  ctx: PageContext;
  form: FormState;
  params: URLSearchParams;
  area: AreaState;
  /** The schools served by out-of-school care, suggested in its school filter. */
  schools: string[];
  result: SearchResult | undefined;
  map: MapConfig;
}) {
  const { ctx, result } = props;
  const lang = ctx.lang;
  const s = searchMessages[lang];
  const school = value(props.form, 'offer') === 'school';
  const title = school ? s.schoolTitle : s.title;
  const ok = result?.ok ? result : undefined;
  const markers: MapMarker[] =
    ok?.markers.map((m) => ({ id: m.id, name: m.name, type: m.careType, lat: m.lat, lng: m.lng })) ?? [];
  const places = placesAround(
    [...markers, ok?.home, ok?.work, ok?.point].filter((p): p is LatLng => p !== undefined),
    lang,
  );
  // A street address is searched from its postcode's point: the page says so (fromPostcode).
  const placeOrigin = (place: GeoPoint | undefined) =>
    place
      ? place.fromPostcode
        ? s.distanceFromPostcode(place.label)
        : s.distanceFrom(place.label)
      : undefined;
  const origins = ok
    ? [
        placeOrigin(ok.home),
        placeOrigin(ok.work),
        ok.point ? s.distanceFrom(s.pointLabel(pointText(ok.point))) : undefined,
      ].filter((label): label is string => label !== undefined)
    : [];
  return (
    <PublicLayout
      ctx={ctx}
      title={ok && ok.total > 0 ? `${title} – ${s.results(ok.total)}` : title}
      section="search"
    >
      <h1 class="utrecht-heading-1">{title}</h1>
      <OfferNav lang={lang} school={school} />
      <p class="utrecht-paragraph ko-lead">{school ? s.schoolIntro : s.intro}</p>
      <ErrorSummary lang={lang} form={props.form} />
      {ok && (
        <p class="utrecht-paragraph ko-search__skip">
          <a class="utrecht-link" href="#results-title" data-qa="skip-to-results">
            {s.skipToResults}
          </a>
        </p>
      )}
      <div class="ko-search">
        <FilterPanel ctx={ctx} form={props.form} area={props.area} schools={props.schools} />
        <section class="ko-search__results" aria-labelledby="results-title">
          {ok ? (
            <>
              <h2 class="utrecht-heading-2" id="results-title" data-qa="result-count">
                {s.results(ok.total)}
              </h2>
              {origins.length > 0 && (
                <p class="utrecht-paragraph" data-qa="origins">
                  {origins.join(' · ')}
                </p>
              )}
              {ok.criteria.maxDistanceKm !== undefined && origins.length === 0 && (
                <p class="utrecht-paragraph ko-notice" data-qa="distance-without-origin">
                  {s.distanceWithoutOrigin}
                </p>
              )}
              <SortLinks
                lang={lang}
                params={props.params}
                sort={ok.criteria.sort}
                canDistance={origins.length > 0}
              />
              {markers.length > 0 && (
                <>
                  <MapEnhancement
                    id="result-map"
                    label={s.mapTitle}
                    markers={markers}
                    tileUrl={props.map.tileUrl}
                    tileAttribution={props.map.tileAttribution}
                    linkBase="/providers/"
                    linkLabel={s.profileLink}
                    origin={{
                      field: 'field-near',
                      point: ok.point,
                      label: s.near,
                      message: s.pointSet('{point}'),
                    }}
                    fixedOrigins={[ok.home, ok.work].filter((o) => o !== undefined)}
                    places={props.map.tileUrl ? undefined : places}
                  />
                  <MapLegend lang={lang} school={school} places={!props.map.tileUrl && places.length > 0} />
                  <p class="utrecht-paragraph ko-map-hint" data-map-hint hidden>
                    {ok.total > MAX_MARKERS ? `${s.mapCapped(MAX_MARKERS)} ` : ''}
                    {s.mapHint}
                  </p>
                </>
              )}
              {ok.rows.length === 0 ? (
                <p class="utrecht-paragraph" data-qa="no-results">
                  {s.noResults}
                </p>
              ) : (
                <ol class="ko-card-list ko-result-list" data-qa="result-list">
                  {ok.rows.map((row) => (
                    <ResultCard key={row.id} lang={lang} row={row} searchQuery={props.params.toString()} />
                  ))}
                </ol>
              )}
              <Pagination lang={lang} path="/search" params={props.params} page={ok.page} pages={ok.pages} />
              {/* CC BY 4.0 asks for the attribution where the data is used (docs/data-sources.md). */}
              <p class="utrecht-paragraph ko-data-credit" data-qa="place-data-credit">
                {s.placeDataCredit}
              </p>
            </>
          ) : (
            <h2 class="utrecht-heading-2" id="results-title">
              {common[lang].errorSummaryTitle}
            </h2>
          )}
        </section>
      </div>
    </PublicLayout>
  );
}

/** What the map's symbols mean; shown with the map (public/map.js), like the map hint. */
function MapLegend(props: { lang: Language; places: boolean; school: boolean }) {
  const t = messages[props.lang];
  const s = searchMessages[props.lang];
  // Out-of-school care is drawn with the group care marker (public/map.js).
  const kinds = props.school
    ? [{ key: 'group', label: s.legendSchool, symbol: '' }]
    : [
        { key: 'group', label: t.careTypes.group, symbol: '' },
        { key: 'family', label: t.careTypes.family, symbol: '' },
      ];
  const items = [
    ...kinds,
    { key: 'cluster', label: s.legendCluster, symbol: '3' },
    { key: 'origin', label: s.legendOrigin, symbol: '' },
    ...(props.places ? [{ key: 'place', label: s.legendPlace, symbol: 'Aa' }] : []),
  ];
  return (
    <div class="ko-map-legend" data-map-hint data-qa="map-legend" hidden>
      <p class="utrecht-paragraph ko-map-legend__title">{s.mapLegend}</p>
      <ul class="ko-map-legend__list">
        {items.map((item) => (
          <li key={item.key}>
            <span class={`ko-map-key ko-map-key--${item.key}`} aria-hidden="true">
              {item.symbol}
            </span>
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
