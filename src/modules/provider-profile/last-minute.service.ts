import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { addMonths, WEEKDAYS } from '../../shared/dates.ts';
import { staffRole } from '../provider-locations/index.ts';
import * as q from './provider-profile.queries.ts';
import type { LastMinuteInput } from './provider-profile.schemas.ts';
import { locationForEdit, translatedOrNull } from './provider-profile.service.ts';

/**
 * Last-minute places: a free place for short notice or a short period. Nothing removes them when
 * they end: every list (here and on the public site) shows only places whose last day is today or
 * later, so they disappear by themselves as the clock moves.
 */
const ACTION = 'provider.lastMinute.manage';

/**
 * The location, when its staff may manage its last-minute places: those are baby and toddler care's
 * (the public list is for babies and toddlers), so an out-of-school care location has none (404).
 */
async function lastMinuteLocation(deps: AppDeps, user: CurrentUser, locationId: string) {
  const location = await locationForEdit(deps, user, locationId, ACTION);
  if (location.careType === 'out_of_school') throw new NotFoundError('location');
  return location;
}

/** A last-minute place is for a short period: at most this many months from its first day. */
export const LAST_MINUTE_MAX_MONTHS = 3;

export async function getLastMinute(deps: AppDeps, user: CurrentUser, locationId: string) {
  const location = await lastMinuteLocation(deps, user, locationId);
  const today = deps.clock.today();
  const places = await q.listCurrentLastMinute(deps.db, locationId, today);
  return { location, places, today };
}
export type LastMinuteData = Awaited<ReturnType<typeof getLastMinute>>;

export async function publishLastMinute(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  input: LastMinuteInput,
): Promise<Result<string>> {
  const location = await lastMinuteLocation(deps, user, locationId);
  const errors: Errors = {};
  if (input.availableUntil < input.availableFrom) errors.availableUntil = 'untilBeforeFrom';
  else if (input.availableUntil < deps.clock.today()) errors.availableUntil = 'untilInPast';
  else if (input.availableUntil > addMonths(input.availableFrom, LAST_MINUTE_MAX_MONTHS))
    errors.availableUntil = 'lastMinuteTooLong';
  // Opening hours not filled in yet say nothing about the days; once they are, they decide.
  const open = location.openingHours;
  if (Object.keys(open).length > 0 && input.days.some((d) => !(d in open)))
    errors.days = 'lastMinuteClosedDay';
  if (input.maxAgeMonths < input.minAgeMonths) errors.maxAgeMonths = 'ageRangeReversed';
  if (!input.note_nl && (input.note_fr || input.note_en)) errors.note_nl = 'required';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return deps.db.transaction(async (tx): Promise<Result<string>> => {
    const id = await q.insertLastMinute(tx, {
      providerLocationId: locationId,
      availableFrom: input.availableFrom,
      availableUntil: input.availableUntil,
      days: WEEKDAYS.filter((d) => input.days.includes(d)),
      minAgeMonths: input.minAgeMonths,
      maxAgeMonths: input.maxAgeMonths,
      note: translatedOrNull(input.note_nl, input.note_fr, input.note_en),
      createdByUserId: user.id,
      createdAt: deps.clock.now(),
    });
    if (!id) throw new Error('last-minute insert failed');
    await recordAudit(tx, deps.clock, {
      actorUserId: user.id,
      actorRole: staffRole(user, locationId),
      action: ACTION,
      subjectType: 'provider_location',
      subjectId: locationId,
      details: { change: 'last_minute_published', placeId: id },
    });
    return { ok: true, value: id };
  });
}

export async function withdrawLastMinute(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  placeId: string,
) {
  await lastMinuteLocation(deps, user, locationId);
  await deps.db.transaction(async (tx) => {
    if (!(await q.withdrawLastMinute(tx, locationId, placeId, deps.clock.now())))
      throw new NotFoundError('last-minute place');
    await recordAudit(tx, deps.clock, {
      actorUserId: user.id,
      actorRole: staffRole(user, locationId),
      action: ACTION,
      subjectType: 'provider_location',
      subjectId: locationId,
      details: { change: 'last_minute_withdrawn', placeId },
    });
  });
}
