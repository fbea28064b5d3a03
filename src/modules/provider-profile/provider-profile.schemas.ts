/**
 * The provider's profile forms. Zod checks each field on its own (messages are i18n keys); the
 * rules that compare fields (closing after opening, until after from) are in the service.
 */
import { z } from 'zod';
import { OUT_OF_SCHOOL_SERVICES, type OutOfSchoolService } from '../../platform/db/schema/index.ts';
import { SPOKEN_LANGUAGES } from '../../platform/i18n/spoken-languages.ts';
import { parseLocalDate, WEEKDAYS } from '../../shared/dates.ts';

/** Days a location can be open (the public profile shows Monday to Saturday). */
export const HOURS_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type HoursDay = (typeof HOURS_DAYS)[number];
/** Languages a location can say it speaks with parents (same list as the public search filter). */
export const TEXT_LANGUAGES = ['nl', 'fr', 'en'] as const;

export const MAX_AGE_MONTHS = 72;
/** Out-of-school care: school children of about 2.5 to 12 years (ages in months, inclusive). */
export const OUT_OF_SCHOOL_MIN_AGE_MONTHS = 24;
export const OUT_OF_SCHOOL_MAX_AGE_MONTHS = 156;
export { OUT_OF_SCHOOL_SERVICES, type OutOfSchoolService } from '../../platform/db/schema/index.ts';
/** At most this many schools served by one out-of-school care location. */
export const MAX_SCHOOLS = 30;

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** Optional free text: trimmed, '' becomes undefined. */
const optionalText = (max: number) =>
  z.preprocess(single, z.string().trim().max(max, 'tooLong').optional()).transform((v) => v || undefined);

const requiredText = (max: number) =>
  z.preprocess(single, z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'tooLong'));

const time = z
  .preprocess(single, z.string().trim().optional())
  .refine((v) => !v || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'invalidTime')
  .transform((v) => v || undefined);

const integer = (min: number, max: number, message: string) =>
  z.preprocess(
    single,
    z
      .string({ error: 'required' })
      .trim()
      .min(1, 'required')
      .regex(/^\d{1,4}$/, message)
      .transform(Number)
      .refine((n) => n >= min && n <= max, message),
  );

const date = z.preprocess(
  single,
  z
    .string({ error: 'required' })
    .trim()
    .min(1, 'required')
    .refine((v) => parseLocalDate(v) !== undefined, 'invalidDate')
    .transform((v) => parseLocalDate(v) as NonNullable<ReturnType<typeof parseLocalDate>>),
);

const hoursFields = Object.fromEntries(
  HOURS_DAYS.flatMap((d) => [
    [`opens_${d}`, time],
    [`closes_${d}`, time],
  ]),
) as Record<`${'opens' | 'closes'}_${HoursDay}`, typeof time>;

const oscHoursFields = Object.fromEntries(
  OUT_OF_SCHOOL_SERVICES.flatMap((sv) => [
    [`oscOpens_${sv}`, time],
    [`oscCloses_${sv}`, time],
  ]),
) as Record<`${'oscOpens' | 'oscCloses'}_${OutOfSchoolService}`, typeof time>;

/** Schools served, one per line; blank lines dropped, the same name once. */
const schools = z
  .preprocess(
    single,
    z
      .string()
      .max(MAX_SCHOOLS * 160, 'tooLong')
      .optional(),
  )
  .transform((v) => [
    ...new Set(
      (v ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  ])
  .refine((list) => list.length <= MAX_SCHOOLS, 'tooManySchools')
  .refine((list) => list.every((name) => name.length <= 150), 'tooLong');

const phone = optionalText(40).refine((v) => !v || /^\+?[0-9][0-9 ./-]{5,}$/.test(v), 'invalidPhone');
const email = optionalText(200).refine((v) => !v || z.email().safeParse(v).success, 'invalidEmail');
const website = optionalText(300).refine((v) => {
  if (!v) return true;
  try {
    const url = new URL(v);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}, 'invalidUrl');

export const ProfileForm = z.object({
  description_nl: optionalText(4000),
  description_fr: optionalText(4000),
  description_en: optionalText(4000),
  priceInfo_nl: optionalText(2000),
  priceInfo_fr: optionalText(2000),
  priceInfo_en: optionalText(2000),
  ...hoursFields,
  languages: z.preprocess(list, z.array(z.enum(SPOKEN_LANGUAGES, 'invalidChoice'))),
  capacity: integer(1, 200, 'invalidCapacity'),
  // Up to 12 years for out-of-school care; validateProfile holds baby/toddler care to 72 months.
  minAgeMonths: integer(0, OUT_OF_SCHOOL_MAX_AGE_MONTHS, 'invalidAgeMonths'),
  maxAgeMonths: integer(0, OUT_OF_SCHOOL_MAX_AGE_MONTHS, 'invalidAgeMonths'),
  care: z.preprocess(list, z.array(z.enum(['inclusiveCare', 'occasionalCare'], 'invalidChoice'))),
  // Out-of-school care only (validateProfile refuses them for baby/toddler care).
  ...oscHoursFields,
  schoolsServed: schools,
  phone,
  email,
  website,
});
export type ProfileInput = z.infer<typeof ProfileForm>;

export const ClosingPeriodForm = z.object({
  from: date,
  until: date,
  reason_nl: optionalText(200),
  reason_fr: optionalText(200),
  reason_en: optionalText(200),
});
export type ClosingPeriodInput = z.infer<typeof ClosingPeriodForm>;

export const RemoveClosingPeriodForm = z.object({
  period: z.preprocess(single, z.string().regex(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/, 'invalidChoice')),
});

export const LastMinuteForm = z.object({
  availableFrom: date,
  availableUntil: date,
  days: z.preprocess(list, z.array(z.enum(WEEKDAYS, 'invalidChoice')).min(1, 'noCareDays')),
  minAgeMonths: integer(0, MAX_AGE_MONTHS, 'invalidAgeMonths'),
  maxAgeMonths: integer(0, MAX_AGE_MONTHS, 'invalidAgeMonths'),
  note_nl: optionalText(500),
  note_fr: optionalText(500),
  note_en: optionalText(500),
});
export type LastMinuteInput = z.infer<typeof LastMinuteForm>;

/** The text fields of a photo upload; the file itself is checked by photo-check.ts. */
export const PhotoForm = z.object({
  alt_nl: requiredText(200),
  alt_fr: optionalText(200),
  alt_en: optionalText(200),
});
export type PhotoInput = z.infer<typeof PhotoForm>;

export const MovePhotoForm = z.object({
  direction: z.preprocess(single, z.enum(['up', 'down'], 'invalidChoice')),
});
