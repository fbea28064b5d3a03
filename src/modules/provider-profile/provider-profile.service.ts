import { recordAudit } from '../../platform/audit/index.ts';
import { type CurrentUser, locationsFor } from '../../platform/auth/actions.ts';
import type {
  ClosingPeriod,
  OpeningHours,
  OutOfSchoolHours,
  Translated,
} from '../../platform/db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { recordCapacity, staffRole } from '../provider-locations/index.ts';
import * as q from './provider-profile.queries.ts';
import {
  type ClosingPeriodInput,
  HOURS_DAYS,
  MAX_AGE_MONTHS,
  OUT_OF_SCHOOL_MAX_AGE_MONTHS,
  OUT_OF_SCHOOL_MIN_AGE_MONTHS,
  OUT_OF_SCHOOL_SERVICES,
  type ProfileInput,
} from './provider-profile.schemas.ts';

/**
 * The provider's own public profile: the texts, hours, facts and contact a parent sees on the
 * profile page, and the closing periods. Only staff of the location may change it (404 otherwise);
 * every change is one transaction with its audit row.
 */
export type ProfileAction = 'provider.profile.edit' | 'provider.lastMinute.manage';

export async function locationForEdit(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  action: ProfileAction = 'provider.profile.edit',
) {
  if (!locationsFor(user, action).includes(locationId)) throw new NotFoundError('location');
  const location = await q.getLocationProfile(deps.db, locationId);
  if (!location) throw new NotFoundError('location');
  return location;
}

export async function getProfile(deps: AppDeps, user: CurrentUser, locationId: string) {
  const location = await locationForEdit(deps, user, locationId);
  const isAdmin = locationsFor(user, 'provider.organisation.manage').includes(locationId);
  return { location, isAdmin, today: deps.clock.today() };
}
export type ProfileData = Awaited<ReturnType<typeof getProfile>>;

/** Texts per language; Dutch is the reference, so a text without Dutch is not stored. */
export function translatedOrNull(nl: string | undefined, fr: string | undefined, en: string | undefined) {
  if (!nl) return null;
  const out: Translated = { nl };
  if (fr) out.fr = fr;
  if (en) out.en = en;
  return out;
}

export type CareType = 'group' | 'family' | 'out_of_school';

/**
 * The profile's rules that compare fields. Baby and toddler care (group, family) takes children up
 * to 72 months and has no out-of-school fields; out-of-school care offers at least one service
 * (before or after school, Wednesday afternoon, school holidays) and takes school children.
 */
export function validateProfile(input: ProfileInput, careType: CareType): Result<q.ProfileUpdate> {
  const errors: Errors = {};
  const outOfSchool = careType === 'out_of_school';
  const outOfSchoolHours: OutOfSchoolHours = {};
  for (const service of OUT_OF_SCHOOL_SERVICES) {
    const opens = input[`oscOpens_${service}`];
    const closes = input[`oscCloses_${service}`];
    if (!opens && !closes) continue;
    if (!outOfSchool) errors[`oscOpens_${service}`] = 'onlyOutOfSchool';
    else if (!opens) errors[`oscOpens_${service}`] = 'required';
    else if (!closes) errors[`oscCloses_${service}`] = 'required';
    else if (closes <= opens) errors[`oscCloses_${service}`] = 'closesBeforeOpens';
    else outOfSchoolHours[service] = { opens, closes };
  }
  if (!outOfSchool && input.schoolsServed.length > 0) errors.schoolsServed = 'onlyOutOfSchool';
  if (outOfSchool && Object.keys(outOfSchoolHours).length === 0 && Object.keys(errors).length === 0)
    errors[`oscOpens_${OUT_OF_SCHOOL_SERVICES[0]}`] = 'noOutOfSchoolService';
  if (outOfSchool) {
    if (input.minAgeMonths < OUT_OF_SCHOOL_MIN_AGE_MONTHS) errors.minAgeMonths = 'outOfSchoolAgeMonths';
    if (input.maxAgeMonths > OUT_OF_SCHOOL_MAX_AGE_MONTHS) errors.maxAgeMonths = 'outOfSchoolAgeMonths';
  } else {
    if (input.minAgeMonths > MAX_AGE_MONTHS) errors.minAgeMonths = 'invalidAgeMonths';
    if (input.maxAgeMonths > MAX_AGE_MONTHS) errors.maxAgeMonths = 'invalidAgeMonths';
  }
  const openingHours: OpeningHours = {};
  for (const day of HOURS_DAYS) {
    const opens = input[`opens_${day}`];
    const closes = input[`closes_${day}`];
    if (!opens && !closes) continue;
    if (!opens) errors[`opens_${day}`] = 'required';
    else if (!closes) errors[`closes_${day}`] = 'required';
    else if (closes <= opens) errors[`closes_${day}`] = 'closesBeforeOpens';
    else openingHours[day] = { opens, closes };
  }
  if (!errors.maxAgeMonths && input.maxAgeMonths <= input.minAgeMonths)
    errors.maxAgeMonths = 'ageRangeReversed';
  // A translation without the Dutch text would show nothing to Dutch visitors: ask for it.
  if (!input.description_nl && (input.description_fr || input.description_en))
    errors.description_nl = 'required';
  if (!input.priceInfo_nl && (input.priceInfo_fr || input.priceInfo_en)) errors.priceInfo_nl = 'required';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      description: translatedOrNull(input.description_nl, input.description_fr, input.description_en),
      priceInfo: translatedOrNull(input.priceInfo_nl, input.priceInfo_fr, input.priceInfo_en),
      openingHours,
      languages: input.languages.length > 0 ? [...new Set(input.languages)] : ['nl'],
      capacity: input.capacity,
      minAgeMonths: input.minAgeMonths,
      maxAgeMonths: input.maxAgeMonths,
      inclusiveCare: input.care.includes('inclusiveCare'),
      occasionalCare: input.care.includes('occasionalCare'),
      outOfSchoolHours,
      schoolsServed: outOfSchool ? input.schoolsServed : [],
      phone: input.phone ?? null,
      email: input.email?.toLowerCase() ?? null,
      website: input.website ?? null,
    },
  };
}

export async function saveProfile(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  input: ProfileInput,
): Promise<Result<null>> {
  const location = await locationForEdit(deps, user, locationId);
  const valid = validateProfile(input, location.careType);
  if (!valid.ok) return valid;
  await deps.db.transaction(async (tx) => {
    await q.updateProfile(tx, locationId, valid.value);
    // The figures read the places valid on the day they count (a past year shows that year's).
    await recordCapacity(tx, {
      locationId,
      capacity: valid.value.capacity,
      validFrom: deps.clock.today(),
      recordedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      actorUserId: user.id,
      actorRole: staffRole(user, locationId),
      action: 'provider.profile.edit',
      subjectType: 'provider_location',
      subjectId: locationId,
      details: { change: 'profile' },
    });
  });
  return { ok: true, value: null };
}

export const periodKey = (p: { from: string; until: string }) => `${p.from}/${p.until}`;

export async function addClosingPeriod(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  input: ClosingPeriodInput,
): Promise<Result<null>> {
  await locationForEdit(deps, user, locationId);
  if (input.until < input.from) return { ok: false, errors: { until: 'untilBeforeFrom' } };
  if (input.until < deps.clock.today()) return { ok: false, errors: { until: 'untilInPast' } };
  const reason = translatedOrNull(input.reason_nl, input.reason_fr, input.reason_en);
  const period: ClosingPeriod = { from: input.from, until: input.until, ...(reason ? { reason } : {}) };
  await deps.db.transaction(async (tx) => {
    const current = await q.lockClosingPeriods(tx, locationId);
    // The same dates again replace the earlier entry (e.g. to correct its reason).
    const next = [...current.filter((p) => periodKey(p) !== periodKey(period)), period].sort((a, b) =>
      a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
    );
    await q.setClosingPeriods(tx, locationId, next);
    await recordAudit(tx, deps.clock, {
      actorUserId: user.id,
      actorRole: staffRole(user, locationId),
      action: 'provider.profile.edit',
      subjectType: 'provider_location',
      subjectId: locationId,
      details: { change: 'closing_period_added', from: period.from, until: period.until },
    });
  });
  return { ok: true, value: null };
}

export async function removeClosingPeriod(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  key: string,
): Promise<void> {
  await locationForEdit(deps, user, locationId);
  await deps.db.transaction(async (tx) => {
    const current = await q.lockClosingPeriods(tx, locationId);
    const next = current.filter((p) => periodKey(p) !== key);
    if (next.length === current.length) throw new NotFoundError('closing period');
    await q.setClosingPeriods(tx, locationId, next);
    await recordAudit(tx, deps.clock, {
      actorUserId: user.id,
      actorRole: staffRole(user, locationId),
      action: 'provider.profile.edit',
      subjectType: 'provider_location',
      subjectId: locationId,
      details: { change: 'closing_period_removed', period: key },
    });
  });
}
