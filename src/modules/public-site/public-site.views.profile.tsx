/** A provider's profile page (fiche): everything a parent needs to decide, printable. */
import type { schema } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/schema/index.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { spokenLanguageName } from '../../platform/i18n/spoken-languages.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import type { LocalDate } from '../../shared/dates.ts';
import {
  ageLabel,
  HOURS_DAYS,
  LocalText,
  MapEnhancement,
  PublicLayout,
  RichText,
  schoolAgeLabel,
  translated,
} from './public-site.components.tsx';
import { pageMessages } from './public-site.messages.pages.ts';
import { messages } from './public-site.messages.ts';
import type { getLastMinutePlaces } from './public-site.queries.ts';
import { SCHOOL_SERVICES as OUT_OF_SCHOOL_SERVICES } from './public-site.schemas.ts';
import { LastMinutePlaceCard } from './public-site.views.last-minute.tsx';
import type { MapConfig } from './public-site.views.search.tsx';

export type ProfileData = {
  location: typeof schema.providerLocations.$inferSelect;
  municipalityName: string;
  subMunicipalityName: string | null;
  /** The municipality lets parents choose out-of-school care in a request through the desk. */
  outOfSchoolRequests: boolean;
  photos: { id: string; alt: Translated }[];
  lastMinute: Awaited<ReturnType<typeof getLastMinutePlaces>>['rows'];
  today: LocalDate;
};

export function ProfilePage(props: {
  ctx: PageContext;
  data: ProfileData;
  map: MapConfig;
  /** The search the visitor came from (its query string), so "back to search" keeps the filters. */
  searchQuery?: string | undefined;
}) {
  const { ctx, data } = props;
  const { location: loc } = data;
  const lang = ctx.lang;
  const t = messages[lang];
  const p = pageMessages[lang];
  const level = Math.min(3, Math.max(0, loc.subsidyLevel)) as 0 | 1 | 2 | 3;
  const closing = loc.closingPeriods
    .filter((c) => c.until >= data.today)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const place = data.subMunicipalityName ?? loc.city;
  const outOfSchool = loc.careType === 'out_of_school';
  // Out-of-school care takes requests through the desk only where the municipality turned that on.
  const choosable = !outOfSchool || data.outOfSchoolRequests;
  const age = (months: number) => (outOfSchool ? schoolAgeLabel(lang, months) : ageLabel(lang, months));
  const description = translated(loc.description, lang);
  return (
    <PublicLayout ctx={ctx} title={loc.name} section="search">
      <article class="ko-profile" data-qa="profile">
        <h1 class="utrecht-heading-1">{loc.name}</h1>
        <p class="utrecht-paragraph ko-lead">
          {t.careTypes[loc.careType]} · {place}
          {place !== data.municipalityName ? ` (${data.municipalityName})` : ''}
        </p>
        {data.lastMinute.length > 0 && (
          <p class="ko-badge" data-qa="last-minute-badge">
            {t.lastMinuteBadge}
          </p>
        )}
        {choosable ? (
          <>
            <p class="utrecht-paragraph ko-no-print">
              <a
                class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                href={`/parent/requests/new?preference=${loc.id}`}
                data-qa="add-to-request"
              >
                {p.addToRequest}
              </a>
            </p>
            <p class="utrecht-paragraph ko-hint ko-no-print">
              {outOfSchool ? t.requestsViaDesk : p.addToRequestHint}
            </p>
          </>
        ) : (
          <p class="utrecht-paragraph ko-hint" data-qa="requests-direct">
            {t.requestsDirect}
          </p>
        )}

        <section aria-labelledby="about">
          <h2 class="utrecht-heading-2" id="about">
            {p.about}
          </h2>
          {description ? (
            <div data-qa="description">
              <RichText text={loc.description} lang={lang} headingLevel={3} />
            </div>
          ) : (
            <p class="utrecht-paragraph">{p.noDescription}</p>
          )}
          {data.photos.length > 0 && (
            <ul class="ko-photos" aria-label={p.photos}>
              {data.photos.map((photo, index) => {
                const alt = translated(photo.alt, lang);
                return (
                  <li key={photo.id}>
                    <img
                      src={`/providers/${loc.id}/photos/${photo.id}`}
                      alt={alt?.text ?? ''}
                      lang={alt?.fallback ? 'nl' : undefined}
                      // The first photo is often in the first screen (the largest paint): not lazy.
                      loading={index === 0 ? undefined : 'lazy'}
                      width={320}
                      height={200}
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section aria-labelledby="practical">
          <h2 class="utrecht-heading-2" id="practical">
            {p.practical}
          </h2>
          <dl class="ko-facts" data-qa="facts">
            <Fact label={p.type}>{t.careTypes[loc.careType]}</Fact>
            <Fact label={p.ageRange} qa="age-range">
              {t.ageRange(age(loc.minAgeMonths), age(loc.maxAgeMonths))}
            </Fact>
            <Fact label={p.capacity}>{t.places(loc.capacity)}</Fact>
            <Fact label={p.languages}>
              {loc.languages.map((l) => spokenLanguageName(lang, l)).join(', ')}
            </Fact>
            <Fact label={p.careOffered}>
              {[loc.inclusiveCare ? t.inclusive : '', loc.occasionalCare ? t.occasional : '']
                .filter(Boolean)
                .join('; ') || p.none}
            </Fact>
          </dl>
        </section>

        {outOfSchool && (
          <section aria-labelledby="out-of-school" data-qa="out-of-school">
            <h2 class="utrecht-heading-2" id="out-of-school">
              {t.profileOutOfSchool}
            </h2>
            <table class="ko-table ko-hours" data-qa="out-of-school-hours">
              <thead>
                <tr>
                  <th scope="col">{t.schoolFacts.services}</th>
                  <th scope="col">{p.hours}</th>
                </tr>
              </thead>
              <tbody>
                {OUT_OF_SCHOOL_SERVICES.map((sv) => {
                  const h = loc.outOfSchoolHours[sv];
                  return (
                    <tr key={sv}>
                      <th scope="row">{t.outOfSchoolServices[sv]}</th>
                      <td>{h ? t.hours(h.opens, h.closes) : t.closed}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <h3 class="utrecht-heading-3">{t.profileSchools}</h3>
            {loc.schoolsServed.length === 0 ? (
              <p class="utrecht-paragraph">{t.profileNoSchools}</p>
            ) : (
              <ul class="utrecht-unordered-list" data-qa="schools-served">
                {loc.schoolsServed.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            )}
          </section>
        )}

        <section aria-labelledby="price">
          <h2 class="utrecht-heading-2" id="price">
            {p.price}
          </h2>
          <p class="utrecht-paragraph">
            <strong data-qa="subsidy-title">{t.subsidyTitles[level]}</strong>
          </p>
          <p class="utrecht-paragraph" data-qa="subsidy-explained">
            {t.subsidyExplained[level]}
          </p>
          {loc.priceInfo && (
            <>
              <h3 class="utrecht-heading-3">{p.priceInfo}</h3>
              <RichText text={loc.priceInfo} lang={lang} headingLevel={3} />
            </>
          )}
        </section>

        <section aria-labelledby="hours">
          <h2 class="utrecht-heading-2" id="hours">
            {p.openingHours}
          </h2>
          {/* Out-of-school care says its times per service above; weekday hours only when it gave them. */}
          {(!outOfSchool || Object.keys(loc.openingHours).length > 0) && (
            <table class="ko-table ko-hours" data-qa="opening-hours">
              <thead>
                <tr>
                  <th scope="col">{p.day}</th>
                  <th scope="col">{p.hours}</th>
                </tr>
              </thead>
              <tbody>
                {HOURS_DAYS.filter((d) => d !== 'sat' || loc.openingHours.sat).map((d) => {
                  const h = loc.openingHours[d];
                  return (
                    <tr key={d}>
                      <th scope="row">{t.weekdays[d]}</th>
                      <td>{h ? t.hours(h.opens, h.closes) : t.closed}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h3 class="utrecht-heading-3">{p.closingPeriods}</h3>
          {closing.length === 0 ? (
            <p class="utrecht-paragraph">{p.noClosingPeriods}</p>
          ) : (
            <ul class="utrecht-unordered-list" data-qa="closing-periods">
              {closing.map((c) => (
                <li key={c.from}>
                  {p.closingPeriod(formatDate(lang, c.from), formatDate(lang, c.until))}
                  {c.reason ? ': ' : ''}
                  <LocalText text={c.reason} lang={lang} />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="contact">
          <h2 class="utrecht-heading-2" id="contact">
            {p.contact}
          </h2>
          <dl class="ko-facts">
            <div>
              <dt>{p.addressAndMap}</dt>
              <dd data-qa="address">
                {loc.street} {loc.houseNumber}
                <br />
                {loc.postcode} {loc.city}
              </dd>
            </div>
            {loc.phone && (
              <Fact label={p.phone}>
                <a class="utrecht-link" href={`tel:${loc.phone.replace(/\s+/g, '')}`}>
                  {loc.phone}
                </a>
              </Fact>
            )}
            {loc.email && (
              <Fact label={p.email}>
                <a class="utrecht-link" href={`mailto:${loc.email}`}>
                  {loc.email}
                </a>
              </Fact>
            )}
            {loc.website && (
              <Fact label={p.website}>
                <a class="utrecht-link" href={loc.website} rel="noopener">
                  {loc.website}
                </a>
              </Fact>
            )}
          </dl>
          <MapEnhancement
            id="profile-map"
            label={p.mapOf(loc.name)}
            markers={[
              {
                id: loc.id,
                name: loc.name,
                type: loc.careType,
                lat: loc.latitude,
                lng: loc.longitude,
              },
            ]}
            tileUrl={props.map.tileUrl}
            tileAttribution={props.map.tileAttribution}
            small
          />
        </section>

        {data.lastMinute.length > 0 && (
          <section aria-labelledby="last-minute">
            <h2 class="utrecht-heading-2" id="last-minute">
              {p.lastMinuteHere}
            </h2>
            <ul class="ko-card-list">
              {data.lastMinute.map((place) => (
                <LastMinutePlaceCard key={place.id} lang={lang} place={place} showProvider={false} />
              ))}
            </ul>
          </section>
        )}
        <p class="utrecht-paragraph ko-no-print">
          <a
            class="utrecht-link"
            href={props.searchQuery ? `/search?${props.searchQuery}` : '/search'}
            data-qa="back-to-search"
          >
            {p.backToSearch}
          </a>
        </p>
      </article>
    </PublicLayout>
  );
}
