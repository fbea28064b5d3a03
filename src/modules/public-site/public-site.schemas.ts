import { SPOKEN_LANGUAGES } from '../../platform/i18n/spoken-languages.ts';

export { SPOKEN_LANGUAGES, type SpokenLanguage } from '../../platform/i18n/spoken-languages.ts';

/**
 * The query strings of the public pages. Filters live in the URL (GET forms), so a result can be
 * shared; anything a visitor can type is validated here and turned into message keys on failure.
 */
import { z } from 'zod';
import { parseLocalDate, WEEKDAYS } from '../../shared/dates.ts';
import { inBelgium, parsePoint } from './point.ts';

export const PAGE_SIZE = 20;
/** At most this many markers on the search map; the list below it always has every match. */
export const MAX_MARKERS = 1_000;

export const AGE_OPTIONS = ['0', '3', '6', '9', '12', '18', '24', '30'] as const;
export const OPENS_BEFORE_OPTIONS = ['06:30', '07:00', '07:30', '08:00', '08:30'] as const;
export const CLOSES_AFTER_OPTIONS = ['17:00', '17:30', '18:00', '18:30', '19:00'] as const;
export const DISTANCE_OPTIONS = ['1', '2', '5', '10', '20', '50'] as const;
/** Out-of-school care: the child's age in months, from 2.5 to 12 years. */
export const SCHOOL_AGE_OPTIONS = [
  '30',
  '36',
  '48',
  '60',
  '72',
  '84',
  '96',
  '108',
  '120',
  '132',
  '144',
] as const;
/** What the out-of-school search can ask for (the location's `out_of_school_hours` keys). */
export const SCHOOL_SERVICES = [
  'beforeSchool',
  'afterSchool',
  'wednesdayAfternoon',
  'schoolHolidays',
] as const;
export type SchoolService = (typeof SCHOOL_SERVICES)[number];
/** Languages a location can say it speaks with parents (`provider_locations.languages`). */

/** An empty field is no filter: '' and missing mean the same. */
const blank = (v: unknown) => (v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  optional(z.preprocess(single, z.enum(values, 'invalidChoice')));
const text = (max: number) =>
  optional(z.preprocess(single, z.string().trim().max(max, 'tooLong'))).transform((v) => v || undefined);
const page = z.preprocess(single, z.string().optional()).transform((v) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 10_000) : 1;
});
const days = z
  .preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(WEEKDAYS, 'invalidChoice')),
  )
  .transform((list) => WEEKDAYS.filter((d) => list.includes(d)));
const date = optional(
  z.preprocess(
    single,
    z
      .string()
      .trim()
      .refine((v) => parseLocalDate(v) !== undefined, 'invalidDate'),
  ),
);
const yes = optional(z.preprocess(single, z.literal('yes', 'invalidChoice')));
/** A point on the map as a distance origin, "lat,lng": in Belgium, or a message saying what is wrong. */
const point = optional(
  z.preprocess(
    single,
    z
      .string()
      .trim()
      .max(40, 'invalidPoint')
      .refine((v) => parsePoint(v) !== undefined, 'invalidPoint')
      .refine((v) => {
        const p = parsePoint(v);
        return p === undefined || inBelgium(p);
      }, 'pointOutsideBelgium'),
  ),
);
/** 'm:<uuid>' for a whole municipality, 's:<uuid>' for one sub-municipality. */
const area = optional(z.preprocess(single, z.string().regex(/^[ms]:[0-9a-f-]{36}$/i, 'invalidChoice')));

const services = z
  .preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(SCHOOL_SERVICES, 'invalidChoice')),
  )
  .transform((list) => SCHOOL_SERVICES.filter((sv) => list.includes(sv)));

/**
 * `offer=school` searches out-of-school care with its own filters (school, age, services); without
 * it the search is the baby and toddler search it always was, and leaves out-of-school care out.
 */
export const SearchQuery = z.object({
  offer: choice(['school'] as const),
  school: text(100),
  schoolAge: choice(SCHOOL_AGE_OPTIONS),
  service: services,
  type: choice(['group', 'family'] as const),
  age: choice(AGE_OPTIONS),
  birthDate: date,
  day: days,
  tariff: choice(['income', 'fixed'] as const),
  opensBefore: choice(OPENS_BEFORE_OPTIONS),
  closesAfter: choice(CLOSES_AFTER_OPTIONS),
  language: choice(SPOKEN_LANGUAGES),
  inclusive: yes,
  occasional: yes,
  area,
  /** A name or postcode of a municipality or sub-municipality; wins over `area` when given. */
  place: text(100),
  home: text(80),
  work: text(80),
  near: point,
  distance: choice(DISTANCE_OPTIONS),
  q: text(100),
  sort: choice(['distance', 'name'] as const),
  page,
});
export type SearchInput = z.infer<typeof SearchQuery>;

export const LastMinuteQuery = z.object({
  age: choice(AGE_OPTIONS),
  day: days,
  municipality: optional(z.preprocess(single, z.string().regex(/^[0-9a-f-]{36}$/i, 'invalidChoice'))),
  page,
});
export type LastMinuteInput = z.infer<typeof LastMinuteQuery>;

export const ListQuery = z.object({ page });
