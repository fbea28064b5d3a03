/**
 * SQL of the public site. Search filters, sorts and pages in the database (one statement for the
 * page with its total, one for the map markers, one for the page's last-minute badges), so its
 * cost does not grow with what a visitor does not see.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Database, preparedStatement, schema } from '../../platform/db/index.ts';
import type { LocalDate, Weekday } from '../../shared/dates.ts';

const {
  providerLocations: l,
  municipalities,
  subMunicipalities,
  lastMinutePlaces,
  providerPhotos,
  newsItems,
  infoPages,
  sickChildServices,
  postcodes,
  regions,
} = schema;

export type LatLng = { lat: number; lng: number };

/** What the search form asks for, already validated and geocoded. */
export type SearchCriteria = {
  /** baby: baby and toddler care only (group, family); school: out-of-school care only. */
  offer: 'baby' | 'school';
  /** Out-of-school care: a school served whose name contains this (accents and case ignored). */
  school: string | undefined;
  /** Out-of-school care: offers every one of these services. */
  services: readonly ('beforeSchool' | 'afterSchool' | 'wednesdayAfternoon' | 'schoolHolidays')[];
  careType: 'group' | 'family' | undefined;
  ageMonths: number | undefined;
  days: readonly Weekday[];
  incomeRelated: boolean | undefined;
  /** 'HH:MM': opens at or before this time on every day needed. */
  opensBefore: string | undefined;
  /** 'HH:MM': closes at or after this time on every day needed. */
  closesAfter: string | undefined;
  language: string | undefined;
  inclusive: boolean;
  occasional: boolean;
  municipalityId: string | undefined;
  subMunicipalityId: string | undefined;
  home: LatLng | undefined;
  work: LatLng | undefined;
  /** A point chosen on the map (or typed), a third origin beside home and work. */
  point: LatLng | undefined;
  /** Applies to every origin given: within this distance of any of them. */
  maxDistanceKm: number | undefined;
  text: string | undefined;
  sort: 'distance' | 'name';
};

const EARTH_DIAMETER_KM = 12_742;

/** Straight-line (great-circle) distance in km from a point to the location, in SQL. */
function haversineKm(p: LatLng): SQL<number> {
  const lat = sql`${p.lat}::float8`;
  const lng = sql`${p.lng}::float8`;
  return sql<number>`(${EARTH_DIAMETER_KM}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(${l.latitude} - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(${l.latitude})) * power(sin(radians(${l.longitude} - ${lng}) / 2), 2)))))`;
}

/** A cheap box around the point that contains the circle, checked before the haversine. */
function withinBox(p: LatLng, km: number): SQL | undefined {
  const dLat = km / 111;
  const dLng = km / (111 * Math.max(0.1, Math.cos((p.lat * Math.PI) / 180)));
  return and(
    sql`${l.latitude} between ${p.lat - dLat}::float8 and ${p.lat + dLat}::float8`,
    sql`${l.longitude} between ${p.lng - dLng}::float8 and ${p.lng + dLng}::float8`,
  );
}

/** `%` and `_` typed by a visitor are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Accented letters and their plain twins, one for one, so that "creche" finds "Crèche". The same
 * table folds the column (SQL `translate`) and the visitor's text (here), because `unaccent` is
 * an extension that PGlite does not ship, and `lower()` under the C collation leaves "È" alone.
 */
const ACCENTED = 'àáâäãåèéêëìíîïòóôöõùúûüýÿçñÀÁÂÄÃÅÈÉÊËÌÍÎÏÒÓÔÖÕÙÚÛÜÝÇÑ';
const PLAIN = 'aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYCN';
const FOLD = new Map([...ACCENTED].map((c, i) => [c, PLAIN[i] as string]));

/** The visitor's text folded as `foldedName` folds the column. */
export function foldAccents(text: string): string {
  return [...text.normalize('NFC')].map((c) => FOLD.get(c) ?? c).join('');
}

const foldedName = sql`translate(${l.name}, ${ACCENTED}, ${PLAIN})`;

const ALL_WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

function distances(c: SearchCriteria) {
  const home = c.home ? haversineKm(c.home) : undefined;
  const work = c.work ? haversineKm(c.work) : undefined;
  const point = c.point ? haversineKm(c.point) : undefined;
  const given = [home, work, point].filter((d): d is SQL<number> => d !== undefined);
  const nearest =
    given.length > 1
      ? sql<number>`least(${sql.join(given, sql`, `)})`
      : (given[0] as SQL<number> | undefined);
  return { home, work, point, nearest };
}

function searchConditions(c: SearchCriteria): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(l.active, true), eq(municipalities.active, true)];
  if (c.offer === 'school') conditions.push(eq(l.careType, 'out_of_school'));
  else conditions.push(c.careType ? eq(l.careType, c.careType) : inArray(l.careType, ['group', 'family']));
  // Service keys come from a closed list (the schema), never from the visitor's text.
  for (const service of c.services) conditions.push(sql`${l.outOfSchoolHours} ? ${service}`);
  if (c.school) {
    conditions.push(
      sql`exists (select 1 from unnest(${l.schoolsServed}) as s(name)
        where translate(s.name, ${ACCENTED}, ${PLAIN}) ilike ${likePattern(foldAccents(c.school))})`,
    );
  }
  if (c.ageMonths !== undefined) {
    conditions.push(lte(l.minAgeMonths, c.ageMonths), gte(l.maxAgeMonths, c.ageMonths));
  }
  // Weekday keys come from a closed list (the schema), never from the visitor's text.
  for (const day of c.days) conditions.push(sql`${l.openingHours} ? ${day}`);
  const hoursDays = c.days.length > 0 ? c.days : ALL_WEEKDAYS;
  if (c.opensBefore || c.closesAfter) conditions.push(sql`${l.openingHours} <> '{}'::jsonb`);
  for (const day of hoursDays) {
    if (c.opensBefore)
      conditions.push(sql`coalesce((${l.openingHours} -> ${day} ->> 'opens') <= ${c.opensBefore}, true)`);
    if (c.closesAfter)
      conditions.push(sql`coalesce((${l.openingHours} -> ${day} ->> 'closes') >= ${c.closesAfter}, true)`);
  }
  if (c.incomeRelated === true) conditions.push(gte(l.subsidyLevel, 2));
  if (c.incomeRelated === false) conditions.push(sql`${l.subsidyLevel} < 2`);
  if (c.language) conditions.push(sql`${c.language} = any(${l.languages})`);
  if (c.inclusive) conditions.push(eq(l.inclusiveCare, true));
  if (c.occasional) conditions.push(eq(l.occasionalCare, true));
  if (c.municipalityId) conditions.push(eq(l.municipalityId, c.municipalityId));
  if (c.subMunicipalityId) conditions.push(eq(l.subMunicipalityId, c.subMunicipalityId));
  if (c.text) conditions.push(sql`${foldedName} ilike ${likePattern(foldAccents(c.text))}`);
  const km = c.maxDistanceKm;
  if (km !== undefined && (c.home || c.work || c.point)) {
    const d = distances(c);
    const near = (p: LatLng | undefined, dist: SQL<number> | undefined) =>
      p && dist ? and(withinBox(p, km), sql`${dist} <= ${km}::float8`) : undefined;
    const any = [near(c.home, d.home), near(c.work, d.work), near(c.point, d.point)].filter((x): x is SQL =>
      Boolean(x),
    );
    conditions.push(any.length > 1 ? sql`(${sql.join(any, sql` or `)})` : any[0]);
  }
  return and(...conditions);
}

function searchOrder(c: SearchCriteria): SQL[] {
  const { nearest } = distances(c);
  const byName = [sql`lower(${l.name})`, asc(l.id)];
  return c.sort === 'distance' && nearest ? [sql`${nearest} asc`, ...byName] : byName;
}

/** What a result card shows of a location (and its distances to the points given). */
function resultFields(c: SearchCriteria) {
  const d = distances(c);
  return {
    id: l.id,
    name: l.name,
    careType: l.careType,
    subsidyLevel: l.subsidyLevel,
    street: l.street,
    houseNumber: l.houseNumber,
    postcode: l.postcode,
    city: l.city,
    latitude: l.latitude,
    longitude: l.longitude,
    capacity: l.capacity,
    minAgeMonths: l.minAgeMonths,
    maxAgeMonths: l.maxAgeMonths,
    openingHours: l.openingHours,
    languages: l.languages,
    inclusiveCare: l.inclusiveCare,
    occasionalCare: l.occasionalCare,
    outOfSchoolHours: l.outOfSchoolHours,
    schoolsServed: l.schoolsServed,
    municipalityName: municipalities.name,
    homeKm: d.home ? sql<number>`${d.home}` : sql<null>`null::float8`,
    workKm: d.work ? sql<number>`${d.work}` : sql<null>`null::float8`,
    pointKm: d.point ? sql<number>`${d.point}` : sql<null>`null::float8`,
  };
}

/** One page of results with the total number of matches (a window count, same statement). */
export async function searchLocations(
  db: Database,
  c: SearchCriteria,
  page: { limit: number; offset: number },
) {
  const rows = await db
    .select({ ...resultFields(c), total: sql<number>`(count(*) over ())::int` })
    .from(l)
    .innerJoin(municipalities, eq(municipalities.id, l.municipalityId))
    .where(searchConditions(c))
    .orderBy(...searchOrder(c))
    .limit(page.limit)
    .offset(page.offset);
  const first = rows[0];
  if (!first) return { rows: [], total: page.offset === 0 ? 0 : await countLocations(db, c) };
  return { rows: rows.map(({ total: _, ...row }) => row), total: first.total };
}

/** The result cards of some locations (a page the map's markers already chose), in the order given. */
export async function resultsByIds(db: Database, c: SearchCriteria, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select(resultFields(c))
    .from(l)
    .innerJoin(municipalities, eq(municipalities.id, l.municipalityId))
    .where(inArray(l.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
}

/** Only needed when a page lies beyond the last one (the window count then has no row to sit on). */
async function countLocations(db: Database, c: SearchCriteria): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(l)
    .innerJoin(municipalities, eq(municipalities.id, l.municipalityId))
    .where(searchConditions(c));
  return row?.n ?? 0;
}

/** The map's markers: every match up to `limit`, in the list's order, only what a marker needs. */
export function searchMarkers(db: Database, c: SearchCriteria, limit: number) {
  return db
    .select({ id: l.id, name: l.name, careType: l.careType, lat: l.latitude, lng: l.longitude })
    .from(l)
    .innerJoin(municipalities, eq(municipalities.id, l.municipalityId))
    .where(searchConditions(c))
    .orderBy(...searchOrder(c))
    .limit(limit);
}

/**
 * Which of the given locations have a last-minute place that has not expired by `today`. Last-minute
 * places are baby and toddler care's: an out-of-school care location never shows one.
 */
export async function locationsWithLastMinutePlace(
  db: Database,
  locationIds: readonly string[],
  today: LocalDate,
): Promise<Set<string>> {
  if (locationIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: lastMinutePlaces.providerLocationId })
    .from(lastMinutePlaces)
    .innerJoin(l, eq(l.id, lastMinutePlaces.providerLocationId))
    .where(
      and(
        inArray(lastMinutePlaces.providerLocationId, [...locationIds]),
        isNull(lastMinutePlaces.withdrawnAt),
        gte(lastMinutePlaces.availableUntil, today),
        ne(l.careType, 'out_of_school'),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Active municipalities with their sub-municipalities, for the filters. */
export async function getMunicipalityOptions(db: Database) {
  const rows = await db
    .select({
      id: municipalities.id,
      name: municipalities.name,
      subId: subMunicipalities.id,
      subName: subMunicipalities.name,
    })
    .from(municipalities)
    .leftJoin(subMunicipalities, eq(subMunicipalities.municipalityId, municipalities.id))
    .where(eq(municipalities.active, true))
    .orderBy(asc(municipalities.name), asc(subMunicipalities.name));
  const out: { id: string; name: string; subs: { id: string; name: string }[] }[] = [];
  for (const row of rows) {
    let m = out[out.length - 1];
    if (!m || m.id !== row.id) {
      m = { id: row.id, name: row.name, subs: [] };
      out.push(m);
    }
    if (row.subId && row.subName) m.subs.push({ id: row.subId, name: row.subName });
  }
  return out;
}

/** The schools that active out-of-school care locations serve, for the school filter's suggestions. */
export async function getSchoolsServed(db: Database): Promise<string[]> {
  const result = await db.execute(sql`
    select distinct s.name from ${l}
      join ${municipalities} m on m.id = ${l.municipalityId}
      cross join lateral unnest(${l.schoolsServed}) as s(name)
     where ${l.active} and m.active and ${l.careType} = 'out_of_school'
     order by s.name
     limit 500`);
  return (result as unknown as { rows: { name: string }[] }).rows.map((r) => r.name);
}

/** The desks' contact details for the home page. */
export function getDesks(db: Database) {
  return db
    .select({
      id: municipalities.id,
      name: municipalities.name,
      email: municipalities.deskEmail,
      phone: municipalities.deskPhone,
      address: municipalities.deskAddress,
      openingHours: municipalities.deskOpeningHours,
    })
    .from(municipalities)
    .where(eq(municipalities.active, true))
    .orderBy(asc(municipalities.name));
}

// ——— Provider profile ———

/** An active location with its municipality; undefined for unknown or inactive ones. */
export async function getPublicLocation(db: Database, id: string) {
  const [row] = await db
    .select({
      location: l,
      municipalityName: municipalities.name,
      outOfSchoolRequests: municipalities.outOfSchoolRequests,
      subMunicipalityName: subMunicipalities.name,
    })
    .from(l)
    .innerJoin(municipalities, eq(municipalities.id, l.municipalityId))
    .leftJoin(subMunicipalities, eq(subMunicipalities.id, l.subMunicipalityId))
    .where(and(eq(l.id, id), eq(l.active, true), eq(municipalities.active, true)));
  return row;
}

export function getPhotoList(db: Database, locationId: string) {
  return db
    .select({ id: providerPhotos.id, alt: providerPhotos.alt })
    .from(providerPhotos)
    .where(eq(providerPhotos.providerLocationId, locationId))
    .orderBy(asc(providerPhotos.sortOrder), asc(providerPhotos.createdAt), asc(providerPhotos.id));
}

/** A photo's bytes, only while its location is shown publicly. */
export async function getPhoto(db: Database, locationId: string, photoId: string) {
  const [row] = await db
    .select({ contentType: providerPhotos.contentType, bytes: providerPhotos.bytes })
    .from(providerPhotos)
    .innerJoin(l, eq(l.id, providerPhotos.providerLocationId))
    .where(and(eq(providerPhotos.id, photoId), eq(l.id, locationId), eq(l.active, true)));
  return row;
}

// ——— Last-minute places ———

export type LastMinuteCriteria = {
  ageMonths: number | undefined;
  days: readonly Weekday[];
  municipalityId: string | undefined;
  locationId?: string;
};

function lastMinuteConditions(c: LastMinuteCriteria, today: LocalDate): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    isNull(lastMinutePlaces.withdrawnAt),
    gte(lastMinutePlaces.availableUntil, today),
    eq(l.active, true),
    // Last-minute places are baby and toddler care's, never out-of-school care's.
    ne(l.careType, 'out_of_school'),
  ];
  if (c.ageMonths !== undefined) {
    conditions.push(
      lte(lastMinutePlaces.minAgeMonths, c.ageMonths),
      gte(lastMinutePlaces.maxAgeMonths, c.ageMonths),
    );
  }
  // The place must offer every day the family needs.
  for (const day of c.days) conditions.push(sql`${day} = any(${lastMinutePlaces.days})`);
  if (c.municipalityId) conditions.push(eq(l.municipalityId, c.municipalityId));
  if (c.locationId) conditions.push(eq(l.id, c.locationId));
  return and(...conditions);
}

/** Places that have not expired by `today`, soonest first, with the total (window count). */
export async function getLastMinutePlaces(
  db: Database,
  c: LastMinuteCriteria,
  today: LocalDate,
  page: { limit: number; offset: number },
) {
  const rows = await db
    .select({
      id: lastMinutePlaces.id,
      availableFrom: lastMinutePlaces.availableFrom,
      availableUntil: lastMinutePlaces.availableUntil,
      days: lastMinutePlaces.days,
      minAgeMonths: lastMinutePlaces.minAgeMonths,
      maxAgeMonths: lastMinutePlaces.maxAgeMonths,
      note: lastMinutePlaces.note,
      locationId: l.id,
      locationName: l.name,
      careType: l.careType,
      city: l.city,
      phone: l.phone,
      email: l.email,
      municipalityName: municipalities.name,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(lastMinutePlaces)
    .innerJoin(l, eq(l.id, lastMinutePlaces.providerLocationId))
    .innerJoin(municipalities, eq(municipalities.id, l.municipalityId))
    .where(lastMinuteConditions(c, today))
    .orderBy(asc(lastMinutePlaces.availableFrom), asc(lastMinutePlaces.availableUntil), asc(l.name))
    .limit(page.limit)
    .offset(page.offset);
  return { rows: rows.map(({ total: _, ...row }) => row), total: rows[0]?.total ?? 0 };
}

// ——— Content maintained by the desk ———

/** The moment a news item is asked for: from the clock, so tests and the demo agree. */
export type NewsMoment = { now: Date; today: LocalDate };

/**
 * News shown at that moment: published by `now`, and `today` not after its last day (a desk's
 * item may end; a region-wide one from the seed has no end).
 */
function shownAt(at: NewsMoment) {
  return and(
    lte(newsItems.publishedAt, at.now),
    or(isNull(newsItems.publishUntil), gte(newsItems.publishUntil, at.today)),
  );
}

export function getPublishedNews(db: Database, at: NewsMoment, page: { limit: number; offset: number }) {
  return db
    .select({
      id: newsItems.id,
      publishedAt: newsItems.publishedAt,
      title: newsItems.title,
      body: newsItems.body,
      municipalityName: municipalities.name,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(newsItems)
    .leftJoin(municipalities, eq(municipalities.id, newsItems.municipalityId))
    .where(shownAt(at))
    .orderBy(desc(newsItems.publishedAt), desc(newsItems.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function getNewsItem(db: Database, id: string, at: NewsMoment) {
  const [row] = await db
    .select({
      id: newsItems.id,
      publishedAt: newsItems.publishedAt,
      title: newsItems.title,
      body: newsItems.body,
      municipalityName: municipalities.name,
    })
    .from(newsItems)
    .leftJoin(municipalities, eq(municipalities.id, newsItems.municipalityId))
    .where(and(eq(newsItems.id, id), shownAt(at)));
  return row;
}

/** The published information pages' titles, for navigation (all regions of the deployment). */
export function getInfoPageList(db: Database) {
  return db
    .select({ slug: infoPages.slug, title: infoPages.title })
    .from(infoPages)
    .innerJoin(regions, eq(regions.id, infoPages.regionId))
    .where(eq(infoPages.published, true))
    .orderBy(asc(infoPages.sortOrder), asc(infoPages.slug), asc(regions.code));
}

export async function getInfoPage(db: Database, slug: string) {
  const [row] = await db
    .select({ title: infoPages.title, body: infoPages.body, updatedAt: infoPages.updatedAt })
    .from(infoPages)
    .innerJoin(regions, eq(regions.id, infoPages.regionId))
    .where(and(eq(infoPages.slug, slug), eq(infoPages.published, true)))
    .orderBy(asc(regions.code))
    .limit(1);
  return row;
}

/** The sick-child services with the municipality each is listed for (none: the whole region). */
export function getSickChildServices(db: Database) {
  return db
    .select({
      id: sickChildServices.id,
      name: sickChildServices.name,
      contact: sickChildServices.contact,
      phone: sickChildServices.phone,
      website: sickChildServices.website,
      description: sickChildServices.description,
      area: sickChildServices.area,
      conditions: sickChildServices.conditions,
      hours: sickChildServices.hours,
      municipalityName: municipalities.name,
    })
    .from(sickChildServices)
    .leftJoin(municipalities, eq(municipalities.id, sickChildServices.municipalityId))
    .orderBy(asc(sickChildServices.sortOrder), asc(sickChildServices.name));
}

// ——— Postcodes ———

/** Hyphens, apostrophes and runs of spaces: one space ("Sint Truiden" = "Sint-Truiden"). */
const SEPARATORS = "[-'’\\s]+";

/** A place name as compared: accents folded as in the name search, no case, separators as one space. */
export function foldPlaceName(name: string): string {
  return foldAccents(name).toLowerCase().replace(new RegExp(SEPARATORS, 'g'), ' ').trim();
}

/** The centre of a postcode (the mean of its places) or of one named place (accents and case ignored). */
export async function findPostcode(
  db: Database,
  query: { postcode?: string; name?: string },
): Promise<{ lat: number; lng: number; label: string } | undefined> {
  const conditions: SQL[] = [];
  if (query.postcode) conditions.push(eq(postcodes.postcode, query.postcode));
  if (query.name) {
    conditions.push(
      sql`trim(regexp_replace(lower(translate(${postcodes.name}, ${ACCENTED}, ${PLAIN})), ${SEPARATORS}, ' ', 'g')) = ${foldPlaceName(query.name)}`,
    );
  }
  if (conditions.length === 0) return undefined;
  const [row] = await db
    .select({
      postcode: postcodes.postcode,
      lat: sql<number>`avg(${postcodes.latitude})`,
      lng: sql<number>`avg(${postcodes.longitude})`,
      names: sql<string[]>`array_agg(${postcodes.name} order by ${postcodes.name})`,
    })
    .from(postcodes)
    .where(and(...conditions))
    .groupBy(postcodes.postcode)
    .orderBy(asc(postcodes.postcode))
    .limit(1);
  if (!row) return undefined;
  return { lat: Number(row.lat), lng: Number(row.lng), label: `${row.postcode} ${row.names.join(', ')}` };
}

/**
 * Loads the bundled postcodes (insert or update; unchanged rows are not rewritten), linking each to
 * the municipality whose sub-municipality has that postcode, where there is one.
 */
export async function upsertPostcodes(
  db: Database,
  rows: readonly (readonly [string, string, number, number])[],
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map(([postcode, name, latitude, longitude]) => ({ postcode, name, latitude, longitude })),
  );
  await db.execute(sql`
    insert into ${postcodes} (postcode, name, municipality_id, latitude, longitude)
    select x.postcode, x.name,
           (select s.municipality_id from ${subMunicipalities} s where s.postcode = x.postcode
             order by s.municipality_id limit 1),
           x.latitude, x.longitude
      from json_to_recordset(${json}::json) as x(postcode text, name text, latitude float8, longitude float8)
    on conflict (postcode, name) do update
       set latitude = excluded.latitude, longitude = excluded.longitude,
           municipality_id = excluded.municipality_id
     where ${postcodes}.latitude is distinct from excluded.latitude
        or ${postcodes}.longitude is distinct from excluded.longitude
        or ${postcodes}.municipality_id is distinct from excluded.municipality_id`);
}

// ——— Branding (which municipality a page speaks for) ———

const brandColumns = {
  id: municipalities.id,
  name: municipalities.name,
  logoUrl: municipalities.logoUrl,
  brandColour: municipalities.brandColour,
};

/** An active municipality's name, logo and colour, by id or by slug. */
export async function getBrandMunicipality(db: Database, by: { id: string } | { slug: string }) {
  const [row] = await db
    .select(brandColumns)
    .from(municipalities)
    .where(
      and(
        eq(municipalities.active, true),
        'id' in by ? eq(municipalities.id, by.id) : eq(municipalities.slug, by.slug),
      ),
    );
  return row;
}

/** The municipality of a sub-municipality (for a search narrowed to one). */
export async function getBrandMunicipalityOfSub(db: Database, subMunicipalityId: string) {
  const [row] = await db
    .select(brandColumns)
    .from(subMunicipalities)
    .innerJoin(municipalities, eq(municipalities.id, subMunicipalities.municipalityId))
    .where(and(eq(subMunicipalities.id, subMunicipalityId), eq(municipalities.active, true)));
  return row;
}

/** The deployment's only active municipality, if it has exactly one (at most two rows read). */
export async function getSoleMunicipality(db: Database) {
  const rows = await activeMunicipalities(db).execute();
  return rows.length === 1 ? rows[0] : undefined;
}

/** Read on every public page: prepared (see preparedStatement). */
const activeMunicipalities = preparedStatement((db) =>
  db
    .select(brandColumns)
    .from(municipalities)
    .where(eq(municipalities.active, true))
    .limit(2)
    .prepare('public_sole_municipality'),
);

/** A municipality ('m:<id>') or a sub-municipality ('s:<id>') the search can be narrowed to. */
export type AreaMatch = { area: string; name: string; municipality: string | undefined; exact: boolean };

/**
 * Active municipalities and sub-municipalities whose name contains `text` (ignoring case) or whose
 * postcode is `text`; exact names first, municipalities before sub-municipalities, at most `limit`.
 */
export async function findAreas(db: Database, text: string, limit: number): Promise<AreaMatch[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = await db.execute(sql`
    select area, name, municipality, exact from (
      select 'm:' || m.id as area, m.name, null as municipality, lower(m.name) = lower(${text}) as exact, 0 as kind
        from ${municipalities} m
       where m.active and m.name ilike ${pattern}
      union all
      select 's:' || s.id, s.name, m.name, lower(s.name) = lower(${text}) or s.postcode = ${text}, 1
        from ${subMunicipalities} s join ${municipalities} m on m.id = s.municipality_id
       where m.active and (s.name ilike ${pattern} or s.postcode = ${text})
    ) found
    order by exact desc, kind, name, municipality
    limit ${limit}`);
  const rows = (
    result as unknown as {
      rows: { area: string; name: string; municipality: string | null; exact: boolean }[];
    }
  ).rows;
  return rows.map((r) => ({
    area: r.area,
    name: r.name,
    municipality: r.municipality ?? undefined,
    exact: r.exact,
  }));
}

/** The name of an area ('m:<id>' or 's:<id>'), a sub-municipality's with its municipality's. */
export async function getAreaName(
  db: Database,
  area: string,
): Promise<{ name: string; municipality: string | undefined } | undefined> {
  const [kind, id] = area.toLowerCase().split(':');
  const result =
    kind === 'm'
      ? await db.execute(sql`select name, null as municipality from ${municipalities} where id = ${id}::uuid`)
      : await db.execute(sql`
          select s.name, m.name as municipality from ${subMunicipalities} s
            join ${municipalities} m on m.id = s.municipality_id where s.id = ${id}::uuid`);
  const row = (result as unknown as { rows: { name: string; municipality: string | null }[] }).rows[0];
  return row ? { name: row.name, municipality: row.municipality ?? undefined } : undefined;
}
