/**
 * Plays out the history of one request: its preferences, the offers, and a status event for every
 * step, in order, ending in the state the plan asks for. Nothing here happens after `now`.
 */
import type { CarePlan } from '../../platform/db/schema/index.ts';
import { addDays, compareDates, type LocalDate } from '../../shared/dates.ts';
import type { PriorityOn } from './demo.priority.ts';
import type { LocationRef } from './demo.providers.ts';
import type { Random } from './demo.random.ts';
import type { PreferenceRow, Rows, StatusEventRow } from './demo.rows.ts';
import { at, DAY, dayOf, MINUTE } from './demo.time.ts';

type Role = NonNullable<StatusEventRow['actorRole']>;
type PreferenceStatus = NonNullable<PreferenceRow['status']>;
type SocialReason = 'child_protection' | 'foster_placement' | 'family_crisis' | 'medical' | 'other';

export type Actor = { role: Role | null; userId: string | null };
const SYSTEM: Actor = { role: null, userId: null };

/** Where a preference of an active request stands today. */
export type ActiveTarget =
  | 'new'
  | 'seen'
  | 'waiting_list'
  | 'no_place'
  | 'offer_made'
  | 'offer_declined'
  | 'offer_expired';

export type RequestPlan =
  | { status: 'active'; targets: ActiveTarget[] }
  /** `acceptedRank` null: the place came from a provider that found the child on the emergency list. */
  | { status: 'answered'; at: number; acceptedRank: number | null; emergencyLocation?: LocationRef }
  | { status: 'withdrawn' | 'expired' | 'closed'; at: number };

export type RequestInput = {
  id: string;
  childId: string;
  familyId: string;
  /** The family's priority on a day, by the evaluator and the set valid that day (demo.priority). */
  priorityOn: PriorityOn;
  municipalityId: string;
  submittedAt: number;
  desiredStart: LocalDate;
  desiredEnd: LocalDate | null;
  kind: 'regular' | 'occasional';
  occasionalReason: string | null;
  carePlan: CarePlan;
  careNeedsText: string | null;
  channel: 'parent' | 'intermediary' | 'desk';
  socialReason: SocialReason | null;
  /** Who filed the request. */
  createdBy: Actor;
  /** Who answers offers and withdraws: the parent, or the intermediary or desk acting for them. */
  familyActor: Actor;
  preferences: readonly LocationRef[];
  plan: RequestPlan;
};

export type SimulationContext = {
  r: Random;
  now: number;
  today: LocalDate;
  rows: Rows;
  offerDeadlineDays: number;
  /** The demo account that acts for a location, when there is one. */
  staffFor(locationId: string): string | null;
  deskUserFor(municipalityId: string): string | null;
};

type Pref = { row: PreferenceRow & { status: PreferenceStatus; statusChangedAt: Date }; loc: LocationRef };

const NO_PLACE_TEXTS = [
  'Volzet in de gevraagde periode.',
  'Geen plaats voor de gevraagde dagen.',
  'Onze babygroep is volzet tot september.',
  null,
  null,
] as const;

/** Increasing instants after `start`, with the given gaps in days, squeezed to end before `end`. */
function spread(
  r: Random,
  start: number,
  end: number,
  gaps: readonly (readonly [number, number])[],
): number[] {
  const raw = gaps.map(([min, max]) => r.float(min, max) * DAY + r.int(1, 59) * MINUTE);
  const total = raw.reduce((a, b) => a + b, 0);
  const available = Math.max(0, end - start) * 0.9;
  const factor = total > available ? available / total : 1;
  let t = start;
  return raw.map((gap) => {
    t += Math.max(gap * factor, 1_000);
    return t;
  });
}

export function simulateRequest(ctx: SimulationContext, input: RequestInput): void {
  const { r, now, rows } = ctx;
  const S = input.submittedAt;
  const event = (
    type: string,
    from: string | null,
    to: string | null,
    when: number,
    actor: Actor,
    ids: { preferenceId?: string; offerId?: string } = {},
    details: Record<string, unknown> | null = null,
  ) => {
    rows.statusEvents.push({
      requestId: input.id,
      preferenceId: ids.preferenceId ?? null,
      offerId: ids.offerId ?? null,
      eventType: type,
      fromStatus: from,
      toStatus: to,
      actorUserId: actor.userId,
      actorRole: actor.role,
      occurredAt: new Date(when),
      details,
    });
  };
  const provider = (loc: LocationRef): Actor => ({ role: 'provider_staff', userId: ctx.staffFor(loc.id) });
  const move = (
    p: Pref,
    to: PreferenceStatus,
    when: number,
    actor: Actor,
    offerId?: string,
    details?: Record<string, unknown>,
  ) => {
    event(
      `preference.${to}`,
      p.row.status,
      to,
      when,
      actor,
      { preferenceId: p.row.id as string, offerId },
      details ?? null,
    );
    p.row.status = to;
    p.row.statusChangedAt = new Date(when);
  };
  const addPreference = (loc: LocationRef, rank: number | null, when: number, actor: Actor): Pref => {
    const row = {
      id: r.uuid(),
      requestId: input.id,
      providerLocationId: loc.id,
      rank,
      status: 'new' as PreferenceStatus,
      noPlaceReason: null,
      noPlaceText: null,
      addedFromEmergencyList: rank === null,
      statusChangedAt: new Date(when),
      createdAt: new Date(when),
    };
    rows.preferences.push(row);
    event('preference.added', null, 'new', when, actor, { preferenceId: row.id }, { rank });
    return { row, loc };
  };
  /** The provider's first steps before `end`: seen, on the waiting list, maybe no place. */
  const progress = (
    p: Pref,
    start: number,
    end: number,
    target: 'new' | 'seen' | 'waiting_list' | 'no_place',
  ) => {
    if (target === 'new') return;
    const steps: PreferenceStatus[] =
      target === 'seen'
        ? ['seen']
        : target === 'waiting_list'
          ? ['seen', 'waiting_list']
          : r.chance(0.5)
            ? ['seen', 'waiting_list', 'no_place']
            : ['seen', 'no_place'];
    const gaps = steps.map((s) =>
      s === 'seen' ? ([0.2, 10] as const) : s === 'waiting_list' ? ([0, 4] as const) : ([3, 60] as const),
    );
    const times = spread(r, start, end, gaps);
    steps.forEach((status, i) => {
      const when = times[i] as number;
      if (status !== 'no_place') {
        move(p, status, when, provider(p.loc));
        return;
      }
      const reason = r.weighted({
        full_for_period: 0.55,
        age_group_full: 0.15,
        care_plan_does_not_fit: 0.15,
        outside_admission_policy: 0.1,
        other: 0.05,
      });
      p.row.noPlaceReason = reason;
      p.row.noPlaceText = r.pick(NO_PLACE_TEXTS);
      move(p, 'no_place', when, provider(p.loc), undefined, { reason });
    });
  };
  const makeOffer = (
    p: Pref,
    when: number,
    startDate: LocalDate,
    status: 'pending' | 'accepted' | 'declined' | 'expired',
    answeredAt: number | null,
  ): string => {
    const id = r.uuid();
    // As the product does (ADR 0018): the offer records the set valid the day it was made.
    const { ruleSet, verdict } = input.priorityOn(dayOf(when));
    const plan = r.chance(0.1)
      ? { ...input.carePlan, days: { ...input.carePlan.days, fri: 'none' as const } }
      : input.carePlan;
    rows.offers.push({
      id,
      preferenceId: p.row.id as string,
      startDate,
      carePlan: plan,
      answerDeadline: addDays(dayOf(when), ctx.offerDeadlineDays),
      message: r.chance(0.4)
        ? `Goed nieuws: we hebben een plaats vanaf ${startDate}. Laat je ons iets weten?`
        : null,
      status,
      createdByUserId: ctx.staffFor(p.loc.id),
      createdAt: new Date(when),
      answeredAt: answeredAt === null ? null : new Date(answeredAt),
      priorityRuleSetId: ruleSet?.id ?? null,
      priorityLevel: verdict.level,
      priorityVulnerable: verdict.vulnerable,
      priorityReasons: verdict.reasons,
    });
    event(
      'offer.created',
      null,
      'pending',
      when,
      provider(p.loc),
      { preferenceId: p.row.id as string, offerId: id },
      { startDate },
    );
    move(p, 'offer_made', when + 1_000, provider(p.loc), id);
    return id;
  };
  const answerOffer = (
    p: Pref,
    offerId: string,
    status: 'accepted' | 'declined' | 'expired',
    when: number,
    actor: Actor,
  ) => {
    event(`offer.${status}`, 'pending', status, when, actor, { preferenceId: p.row.id as string, offerId });
    move(p, `offer_${status}`, when + 1_000, actor, offerId);
  };
  const laterStart = (from: number) => {
    const earliest = addDays(dayOf(from), 14);
    return compareDates(input.desiredStart, earliest) > 0 ? input.desiredStart : earliest;
  };

  event('request.submitted', null, 'active', S, input.createdBy, {}, { channel: input.channel });
  const prefs = input.preferences.map((loc, i) => addPreference(loc, i + 1, S, input.createdBy));
  const plan = input.plan;
  const age = now - S;
  let end = S;
  let lastConfirmed = S;

  if (plan.status === 'active') {
    prefs.forEach((p, i) => {
      let target = plan.targets[i] ?? 'waiting_list';
      if (
        (target === 'offer_made' && age < 3 * DAY) ||
        (target === 'offer_declined' && age < 10 * DAY) ||
        (target === 'offer_expired' && age < 12 * DAY)
      ) {
        target = 'waiting_list';
      }
      if (target === 'offer_made') {
        const offered = Math.max(S + 2 * DAY, now - r.float(0.05, 5.5) * DAY);
        progress(p, S, offered, 'waiting_list');
        makeOffer(p, offered, laterStart(offered), 'pending', null);
      } else if (target === 'offer_declined') {
        const offered = r.float(S + 2 * DAY, now - 7 * DAY);
        const answered = offered + r.float(0.1, 6.5) * DAY;
        progress(p, S, offered, 'waiting_list');
        answerOffer(
          p,
          makeOffer(p, offered, laterStart(offered), 'declined', answered),
          'declined',
          answered,
          input.familyActor,
        );
      } else if (target === 'offer_expired') {
        const offered = r.float(S + 2 * DAY, now - 9 * DAY);
        const expired = at(addDays(dayOf(offered), ctx.offerDeadlineDays + 1), 1, 30);
        progress(p, S, offered, 'waiting_list');
        answerOffer(
          p,
          makeOffer(p, offered, laterStart(offered), 'expired', expired),
          'expired',
          expired,
          SYSTEM,
        );
      } else {
        progress(p, S, now, target);
      }
    });
    lastConfirmed = age < 85 * DAY ? S : now - r.float(1, 85) * DAY;
  } else if (plan.status === 'answered') {
    const A = plan.at;
    end = A;
    let accepted: Pref;
    let offered: number;
    if (plan.acceptedRank === null && plan.emergencyLocation) {
      const joined = Math.max(S + 1_000, A - r.float(2, 10) * DAY);
      accepted = addPreference(plan.emergencyLocation, null, joined, provider(plan.emergencyLocation));
      offered = joined + (A - joined) * r.float(0.2, 0.6);
      progress(accepted, joined, offered, 'seen');
    } else {
      accepted = prefs[(plan.acceptedRank ?? 1) - 1] as Pref;
      offered = Math.max(S + DAY, A - r.float(0.1, 6) * DAY);
      progress(accepted, S, offered, 'waiting_list');
    }
    const acceptedDay = dayOf(A);
    const startDate =
      input.desiredStart >= addDays(acceptedDay, 3) ? input.desiredStart : addDays(acceptedDay, r.int(5, 21));
    const offerId = makeOffer(accepted, offered, startDate, 'accepted', A);
    answerOffer(accepted, offerId, 'accepted', A, input.familyActor);
    event('request.answered', 'active', 'answered', A + 2_000, input.familyActor, {
      preferenceId: accepted.row.id as string,
      offerId,
    });
    const enrolledAt = at(startDate, 8, r.int(0, 59));
    if (enrolledAt <= now) move(accepted, 'enrolled', enrolledAt, provider(accepted.loc));
    for (const q of prefs) {
      if (q === accepted) continue;
      const rank = q.row.rank ?? 0;
      const moreWanted = plan.acceptedRank === null || rank < plan.acceptedRank;
      if (moreWanted) {
        // The parent chooses whether to stay on the lists of providers it prefers.
        const fate = r.weighted({ waiting_list: 0.55, no_place: 0.25, placed_elsewhere: 0.2 });
        progress(q, S, A, fate === 'no_place' ? 'no_place' : 'waiting_list');
        if (fate === 'placed_elsewhere') move(q, 'placed_elsewhere', A + 3_000, SYSTEM);
      } else {
        progress(q, S, A, r.weighted({ new: 0.15, seen: 0.25, waiting_list: 0.45, no_place: 0.15 }));
        move(q, 'placed_elsewhere', A + 3_000, SYSTEM);
      }
    }
    lastConfirmed = Math.max(S, A - r.float(0, 80) * DAY);
  } else {
    const when = plan.at;
    end = when;
    for (const p of prefs)
      progress(p, S, when, r.weighted({ new: 0.2, seen: 0.3, waiting_list: 0.4, no_place: 0.1 }));
    if (plan.status === 'withdrawn') {
      const reason = r.pick(['found_other_care', 'moved_away', 'care_at_home', 'no_longer_needed']);
      event('request.withdrawn', 'active', 'withdrawn', when, input.familyActor, {}, { reason });
      for (const p of prefs) move(p, 'withdrawn', when + 1_000, input.familyActor);
      lastConfirmed = Math.max(S, when - r.float(0, 80) * DAY);
    } else if (plan.status === 'expired') {
      event('request.expired', 'active', 'expired', when, SYSTEM, {}, { reason: 'not_confirmed' });
      for (const p of prefs) move(p, 'request_closed', when + 1_000, SYSTEM);
      lastConfirmed = Math.max(S, when - 104 * DAY);
    } else {
      const desk: Actor = { role: 'desk', userId: ctx.deskUserFor(input.municipalityId) };
      const reason = r.pick(['duplicate', 'moved_away', 'no_longer_needed']);
      event('request.closed', 'active', 'closed', when, desk, {}, { reason });
      for (const p of prefs) move(p, 'request_closed', when + 1_000, desk);
      lastConfirmed = Math.max(S, when - r.float(0, 80) * DAY);
    }
  }

  rows.requests.push({
    id: input.id,
    childId: input.childId,
    familyId: input.familyId,
    municipalityId: input.municipalityId,
    kind: input.kind,
    occasionalReason: input.occasionalReason,
    desiredStart: input.desiredStart,
    desiredEnd: input.desiredEnd,
    carePlan: input.carePlan,
    careNeeds: input.careNeedsText !== null,
    careNeedsText: input.careNeedsText,
    status: plan.status,
    channel: input.channel,
    socialReason: input.socialReason,
    submittedAt: new Date(S),
    lastConfirmedAt: new Date(lastConfirmed),
    statusChangedAt: new Date(plan.status === 'active' ? S : end + (plan.status === 'answered' ? 2_000 : 0)),
    submissionKey: null,
    createdByUserId: input.createdBy.userId,
    createdAt: new Date(S),
  });
}
