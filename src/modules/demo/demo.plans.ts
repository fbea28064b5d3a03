/** When a request is filed, for when and for whom, and how its story ends (the plan). */
import type { CarePlan } from '../../platform/db/schema/index.ts';
import { addDays, addMonths, type LocalDate } from '../../shared/dates.ts';
import type { FamilyContext, MunicipalityContext } from './demo.context.ts';
import type { LocationRef } from './demo.providers.ts';
import type { ActiveTarget, RequestPlan } from './demo.requests.ts';
import { DAY, HOUR, MINUTE, startOf } from './demo.time.ts';

type RequestStatus = RequestPlan['status'];

export type Timeline = {
  birth: LocalDate;
  desiredStart: LocalDate;
  submittedAt: number;
  occasional: boolean;
};

export const CARE_NEEDS = [
  'Ons kind heeft een ernstige notenallergie.',
  'Onze zoon heeft een lichte motorische beperking en volgt kinesitherapie.',
  'Onze dochter is te vroeg geboren en heeft extra zorg nodig bij het eten.',
  'Ons kind heeft het syndroom van Down.',
  'Our daughter has epilepsy and takes medication twice a day.',
];

export const OCCASIONAL_REASONS = [
  'Opleiding bij VDAB (4 maanden)',
  'Tijdelijke opdracht als interimkracht',
  'Cursus Nederlands (inburgering)',
  'Sollicitaties en proefperiode in een nieuwe job',
];

export function firstOfNextMonth(date: LocalDate): LocalDate {
  return date.endsWith('-01') ? date : addMonths(`${date.slice(0, 8)}01` as LocalDate, 1);
}

export function carePlan(r: FamilyContext['r']): CarePlan {
  const shape = r.weighted({ full: 0.45, four: 0.25, three: 0.12, mixed: 0.08, twoHalf: 0.1 });
  const days: CarePlan['days'] = {
    full: { mon: 'full', tue: 'full', wed: 'full', thu: 'full', fri: 'full' },
    four: { mon: 'full', tue: 'full', wed: 'none', thu: 'full', fri: 'full' },
    three: { mon: 'full', tue: 'full', wed: 'none', thu: 'full', fri: 'none' },
    mixed: { mon: 'full', tue: 'full', wed: 'half', thu: 'full', fri: 'half' },
    twoHalf: { mon: 'full', tue: 'full', wed: 'half', thu: 'none', fri: 'none' },
  }[shape] as CarePlan['days'];
  return { days, fixed: r.chance(0.85), early: r.chance(0.15), late: r.chance(0.15) };
}

/** Birth, desired start and submission of a request filed within the last `years` years. */
export function sampleTimeline(
  ctx: FamilyContext,
  occasional: boolean,
  bornAfter?: LocalDate,
): Timeline | null {
  const { r, today, now } = ctx;
  const oldest = now - ctx.years * 365 * DAY;
  for (let attempt = 0; attempt < 60; attempt++) {
    const birth = bornAfter
      ? addDays(bornAfter, r.int(450, 900))
      : addDays(today, r.int(-Math.round(ctx.years * 365 + 100), 180));
    // Unborn children are expected at least a month from now (brief: 1–6 months).
    if (birth > today && (birth < addDays(today, 30) || birth > addDays(today, 180))) continue;
    const months = occasional
      ? r.int(4, 24)
      : Number(r.weighted({ 3: 0.1, 4: 0.2, 5: 0.2, 6: 0.15, 7: 0.1, 9: 0.1, 12: 0.1, 18: 0.05 }));
    const start = addMonths(birth, months);
    const desiredStart = r.chance(0.6) ? firstOfNextMonth(start) : start;
    const lead = occasional
      ? r.int(14, 90)
      : Number(r.weighted({ 120: 0.1, 240: 0.3, 330: 0.35, 420: 0.25 })) + r.int(-30, 30);
    const submittedAt =
      Math.max(startOf(desiredStart) - lead * DAY, startOf(birth) - r.int(150, 210) * DAY) +
      r.int(7 * 60, 22 * 60) * MINUTE;
    if (submittedAt >= now - HOUR || submittedAt < oldest) {
      if (bornAfter) return null;
      continue;
    }
    // More requests lately (more parents use the desk each year): the oldest are half as frequent.
    if (!bornAfter && !r.chance(1 - 0.5 * Math.min(1, (now - submittedAt) / (730 * DAY)))) continue;
    return { birth, desiredStart, submittedAt, occasional };
  }
  return null;
}

export function choosePlan(
  ctx: FamilyContext,
  t: Timeline,
  prefCount: number,
  hasEmergencyOption: boolean,
): RequestPlan {
  const { r, now, today } = ctx;
  const S = t.submittedAt;
  const start = startOf(t.desiredStart);
  const past = t.desiredStart <= today;
  const recentPast = past && t.desiredStart >= addDays(today, -60);
  const status: RequestStatus = !past
    ? r.weighted({ active: 0.88, answered: 0.07, withdrawn: 0.05 })
    : recentPast
      ? r.weighted({ answered: 0.64, active: 0.1, withdrawn: 0.14, expired: 0.06, closed: 0.06 })
      : r.weighted({ answered: 0.6, expired: 0.14, withdrawn: 0.14, closed: 0.12 });
  const between = (lo: number, hi: number) => (hi - lo > HOUR ? r.float(lo, hi) : null);

  if (status === 'answered') {
    const lo = S + 10 * DAY;
    const hi = Math.min(now - HOUR, start + 14 * DAY);
    if (hi - lo > DAY) {
      const guess = start - r.float(5, 110) * DAY;
      const A = guess >= lo && guess <= hi ? guess : r.float(lo, hi);
      const weights = [0.45, 0.25, 0.15, 0.1, 0.05].slice(0, prefCount);
      const rank =
        1 +
        (r.sampleWeighted(
          weights.map((_, i) => i),
          1,
          (i) => weights[i] ?? 0,
        )[0] ?? 0);
      const viaEmergencyList = hasEmergencyOption && A >= start - 30 * DAY && r.chance(0.12);
      return { status, at: A, acceptedRank: viaEmergencyList ? null : rank };
    }
  } else if (status !== 'active') {
    const window =
      status === 'withdrawn'
        ? [S + DAY, Math.min(now - HOUR, start + 30 * DAY)]
        : status === 'expired'
          ? [S + 104 * DAY, Math.min(now - HOUR, S + 304 * DAY)]
          : [S + 7 * DAY, now - HOUR];
    const when = between(window[0] as number, window[1] as number);
    if (when !== null) return { status, at: when };
  }
  if (past && !recentPast) {
    return { status: 'withdrawn', at: S + (now - HOUR - S) * r.float(0.2, 0.9) };
  }
  const young = now - S < 2 * DAY;
  const targets: ActiveTarget[] = Array.from({ length: prefCount }, () =>
    young
      ? r.chance(0.7)
        ? 'new'
        : 'seen'
      : r.weighted({
          new: 0.06,
          seen: 0.14,
          waiting_list: 0.52,
          no_place: 0.18,
          offer_declined: 0.05,
          offer_expired: 0.05,
        }),
  );
  if (!young && start - now < 150 * DAY && r.chance(0.14)) targets[r.int(0, prefCount - 1)] = 'offer_made';
  return { status: 'active', targets };
}

export function choosePreferences(
  ctx: FamilyContext,
  mc: MunicipalityContext,
  subId: string,
  options: { careNeeds: boolean; occasional: boolean; onlyOwn?: boolean; count?: number },
): LocationRef[] {
  const { r } = ctx;
  const count = options.count ?? Number(r.weighted({ 1: 0.1, 2: 0.15, 3: 0.3, 4: 0.2, 5: 0.25 }));
  const want = r.weighted({ group: 0.55, family: 0.15, any: 0.3 });
  const pool = options.onlyOwn ? mc.own : mc.candidates;
  const weight = (loc: LocationRef, strict: boolean) => {
    if (strict && want !== 'any' && loc.careType !== want) return 0;
    const near = loc.subId === subId ? 3 : loc.municipalityIndex === mc.m.index ? 1.5 : 0.35;
    return (
      loc.popularity *
      near *
      (options.careNeeds && loc.inclusiveCare ? 3 : 1) *
      (options.occasional && loc.occasionalCare ? 3 : 1)
    );
  };
  const n = Math.min(count, ctx.maxPreferences);
  const sampled = r.sampleWeighted(pool, n, (loc) => weight(loc, true));
  const chosen = sampled.length > 0 ? sampled : r.sampleWeighted(pool, n, (loc) => weight(loc, false));
  if (options.onlyOwn || options.occasional) return chosen;
  for (const magnet of mc.magnets ?? []) {
    if (chosen.includes(magnet.location) || !r.chance(magnet.share)) continue;
    chosen.unshift(magnet.location);
    if (chosen.length > ctx.maxPreferences) chosen.pop();
  }
  return chosen;
}
