/** The rules of the public search: geocoding, the child's age, defaults, paging. */
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/i18n/common.ts';
import { type LocalDate, parseLocalDate } from '../../shared/dates.ts';
import { pagesOf } from '../../shared/paging.ts';
import type { Geocoder, GeoPoint } from './geocoding.ts';
import { parsePoint } from './point.ts';
import * as q from './public-site.queries.ts';
import { type LastMinuteInput, MAX_MARKERS, PAGE_SIZE, type SearchInput } from './public-site.schemas.ts';

export type Errors = Record<string, FieldError>;

/** Whole months from birth to `today`; undefined for a child not born yet (no age filter then). */
export function ageInMonths(birthDate: LocalDate, today: LocalDate): number | undefined {
  if (birthDate > today) return undefined;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
}

export type SearchResult = Awaited<ReturnType<typeof search>>;

/** How many places the area field offers when what the visitor typed matches several. */
export const AREA_CHOICES = 10;

/** 'Heverlee (Leuven)': a sub-municipality with its municipality, as the field shows a chosen one. */
export function areaLabel(name: string, municipality: string | undefined): string {
  return municipality ? `${name} (${municipality})` : name;
}

/**
 * The area the visitor typed (a name or a postcode, as the field shows it): one place, none, or
 * the first few of several to choose from. An exact name wins over names that contain it, a
 * municipality over its sub-municipality of the same name.
 */
export async function resolveArea(
  deps: AppDeps,
  typed: string,
): Promise<{ area: string } | { error: 'unknownArea' } | { error: 'chooseArea'; choices: q.AreaMatch[] }> {
  const labelled = /^(.+?) \((.+)\)$/.exec(typed);
  if (labelled?.[1] && labelled[2]) {
    const [name, municipality] = [labelled[1].toLowerCase(), labelled[2].toLowerCase()];
    const found = (await q.findAreas(deps.db, labelled[1], AREA_CHOICES * 5)).find(
      (m) => m.name.toLowerCase() === name && m.municipality?.toLowerCase() === municipality,
    );
    if (found) return { area: found.area };
  }
  const matches = await q.findAreas(deps.db, typed, AREA_CHOICES);
  const exact = matches.filter((m) => m.exact);
  const chosen =
    matches.length === 1
      ? matches[0]
      : (exact.find((m) => m.municipality === undefined) ?? (exact.length === 1 ? exact[0] : undefined));
  if (chosen) return { area: chosen.area };
  if (matches.length === 0) return { error: 'unknownArea' };
  return { error: 'chooseArea', choices: matches };
}

/** `maxMarkers`: how many matches the map shows at most (a parameter for the tests only). */
export async function search(
  deps: AppDeps,
  geocoder: Geocoder,
  input: SearchInput,
  maxMarkers = MAX_MARKERS,
) {
  const errors: Errors = {};
  const place = async (field: 'home' | 'work'): Promise<GeoPoint | undefined> => {
    const text = input[field];
    if (!text) return undefined;
    const found = await geocoder.geocode(text);
    if (!found) errors[field] = 'unknownPlace';
    return found;
  };
  const home = await place('home');
  const work = await place('work');
  let area = input.area;
  let areaChoices: q.AreaMatch[] = [];
  if (input.place) {
    const resolved = await resolveArea(deps, input.place);
    if ('area' in resolved) area = resolved.area;
    else {
      errors.place = resolved.error;
      if (resolved.error === 'chooseArea') areaChoices = resolved.choices;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false as const, errors, areaChoices };
  // Already checked by the schema (format and within Belgium).
  const point = input.near ? parsePoint(input.near) : undefined;
  const origin = Boolean(home || work || point);

  const today = deps.clock.today();
  const school = input.offer === 'school';
  const birthDate = input.birthDate ? parseLocalDate(input.birthDate) : undefined;
  // Out-of-school care has its own age choice; the baby/toddler filters do not apply to it.
  const ageMonths = school
    ? input.schoolAge
      ? Number(input.schoolAge)
      : undefined
    : birthDate
      ? ageInMonths(birthDate, today)
      : input.age
        ? Number(input.age)
        : undefined;
  const [kind, areaId] = area ? (area.split(':') as ['m' | 's', string]) : [undefined, undefined];
  const sort = input.sort ?? (origin ? 'distance' : 'name');
  const criteria: q.SearchCriteria = {
    offer: school ? 'school' : 'baby',
    school: school ? input.school : undefined,
    services: school ? input.service : [],
    careType: school ? undefined : input.type,
    ageMonths,
    days: school ? [] : input.day,
    incomeRelated: school || input.tariff === undefined ? undefined : input.tariff === 'income',
    opensBefore: school ? undefined : input.opensBefore,
    closesAfter: school ? undefined : input.closesAfter,
    language: input.language,
    inclusive: input.inclusive === 'yes',
    occasional: !school && input.occasional === 'yes',
    municipalityId: kind === 'm' ? areaId?.toLowerCase() : undefined,
    subMunicipalityId: kind === 's' ? areaId?.toLowerCase() : undefined,
    home,
    work,
    point,
    maxDistanceKm: input.distance ? Number(input.distance) : undefined,
    text: input.q,
    sort: sort === 'distance' && origin ? 'distance' : 'name',
  };
  const page = input.page;
  const offset = (page - 1) * PAGE_SIZE;
  // The map's markers are every match in the list's order: when they are all of them (one more
  // than the map shows tells), they give the total and the page's ids, and only the page's cards
  // are read again, by id. Otherwise the page comes with a window count, as a second scan.
  const found = await q.searchMarkers(deps.db, criteria, maxMarkers + 1);
  const markers = found.slice(0, maxMarkers);
  const { rows, total } =
    found.length <= maxMarkers
      ? {
          rows: await q.resultsByIds(
            deps.db,
            criteria,
            found.slice(offset, offset + PAGE_SIZE).map((m) => m.id),
          ),
          total: found.length,
        }
      : await q.searchLocations(deps.db, criteria, { limit: PAGE_SIZE, offset });
  const lastMinute = await q.locationsWithLastMinutePlace(
    deps.db,
    rows.map((r) => r.id),
    today,
  );
  return {
    ok: true as const,
    criteria,
    /** The area searched in ('m:<id>' or 's:<id>'), from the field or the link. */
    area,
    home,
    work,
    point,
    page,
    pages: pagesOf(total, PAGE_SIZE),
    total,
    rows: rows.map((r) => ({ ...r, hasLastMinutePlace: lastMinute.has(r.id) })),
    markers,
  };
}

export async function lastMinutePlaces(deps: AppDeps, input: LastMinuteInput) {
  const today = deps.clock.today();
  const filter = {
    ageMonths: input.age ? Number(input.age) : undefined,
    days: input.day,
    municipalityId: input.municipality?.toLowerCase(),
  };
  const offset = (input.page - 1) * PAGE_SIZE;
  const found = await q.getLastMinutePlaces(deps.db, filter, today, { limit: PAGE_SIZE, offset });
  const { rows } = found;
  // Past the last page the window count has no row to sit on: count from the first page.
  const total =
    rows.length === 0 && offset > 0
      ? (await q.getLastMinutePlaces(deps.db, filter, today, { limit: 1, offset: 0 })).total
      : found.total;
  return { rows, total, page: input.page, pages: pagesOf(total, PAGE_SIZE) };
}
