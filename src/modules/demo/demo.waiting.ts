/**
 * The families on the long waiting list of one large centre: requests still open, for a start
 * from next month to a year and a half away, filed over the last fifteen months, with the centre
 * among their preferences (most often first). None starts within the emergency window.
 */
import { addDays, type LocalDate } from '../../shared/dates.ts';
import type { FamilyContext } from './demo.context.ts';
import { firstOfNextMonth, type Timeline } from './demo.plans.ts';
import type { LocationRef } from './demo.providers.ts';
import type { ActiveTarget, RequestPlan } from './demo.requests.ts';
import type { PreferenceRow } from './demo.rows.ts';
import { DAY, HOUR, startOf } from './demo.time.ts';

export const OPEN_STATUSES: ReadonlySet<NonNullable<PreferenceRow['status']>> = new Set([
  'new',
  'seen',
  'waiting_list',
  'offer_made',
]);

/** Born up to 15 months ago or expected in 1–6 months; start 1–18 months away; filed since. */
export function waitingTimeline(ctx: FamilyContext): Timeline {
  const { r, today, now } = ctx;
  const unborn = r.chance(0.2);
  const birth: LocalDate = unborn ? addDays(today, r.int(35, 175)) : addDays(today, -r.int(0, 450));
  const months = Number(r.weighted({ 3: 0.1, 4: 0.2, 5: 0.2, 6: 0.15, 7: 0.1, 9: 0.1, 12: 0.1, 18: 0.05 }));
  let start = addDays(birth, Math.round(months * 30.4));
  const earliest = addDays(today, 35);
  const latest = addDays(today, 540);
  if (start < earliest) start = addDays(earliest, r.int(0, 150));
  if (start > latest) start = latest;
  const desiredStart = r.chance(0.6) ? firstOfNextMonth(start) : start;
  const from = Math.max(startOf(birth) - 200 * DAY, now - 450 * DAY, now - ctx.years * 365 * DAY);
  const submittedAt = r.float(Math.min(from, now - 3 * HOUR), now - 2 * HOUR);
  return { birth, desiredStart, submittedAt, occasional: false };
}

/** Puts the location among the preferences, most often first. */
export function placeAmong(ctx: FamilyContext, prefs: LocationRef[], location: LocationRef): void {
  const at = prefs.indexOf(location);
  if (at >= 0) prefs.splice(at, 1);
  const rank = Number(ctx.r.weighted({ 1: 0.55, 2: 0.25, 3: 0.12, 4: 0.08 }));
  prefs.splice(Math.min(rank - 1, prefs.length), 0, location);
  if (prefs.length > ctx.maxPreferences) prefs.pop();
}

/**
 * Still open at the location: a recent request is new or seen, an older one mostly on the waiting
 * list (a few not yet answered: overdue), and a few get an offer as their start comes near. The
 * other preferences go as in any active request.
 */
export function waitingPlan(
  ctx: FamilyContext,
  t: Timeline,
  prefs: readonly LocationRef[],
  location: LocationRef,
): RequestPlan {
  const { r, now } = ctx;
  const age = now - t.submittedAt;
  const soon = startOf(t.desiredStart) - now < 150 * DAY;
  const own: ActiveTarget =
    age < 10 * DAY
      ? r.chance(0.5)
        ? 'new'
        : 'seen'
      : r.weighted({ offer_made: soon ? 0.05 : 0, seen: 0.03, new: 0.02, waiting_list: 0.9 });
  const targets = prefs.map(
    (loc): ActiveTarget =>
      loc === location
        ? own
        : age < 2 * DAY
          ? 'new'
          : r.weighted({ new: 0.05, seen: 0.15, waiting_list: 0.55, no_place: 0.25 }),
  );
  return { status: 'active', targets };
}
