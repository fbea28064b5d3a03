import { recordAudit } from '../../platform/audit/index.ts';
import type { Action, CurrentUser, Role } from '../../platform/auth/actions.ts';
import type { Database } from '../../platform/db/index.ts';
import type { CarePlan, DayPart } from '../../platform/db/schema/requests.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { LANGUAGES, type Language } from '../../platform/i18n/index.ts';
import { compareDates, type LocalDate, localDate, WEEKDAYS } from '../../shared/dates.ts';
import { childName, getParentsOfFamily, type Notified, notifyFamily } from '../families/index.ts';
import { type MailFacts, parentMail, type TemplateEvent, templatesOf } from '../mail-templates/index.ts';
import { evaluatePriority, getRuleSetValidOn } from '../priority-rules/index.ts';
import { type Location, locationInScope, staffRole } from '../provider-locations/index.ts';
import { followUpUrl } from '../requests/index.ts';
import { CAN_NO_PLACE, CAN_WAITING_LIST, mayOffer, mayUndoNoPlace, OPEN_REQUEST } from './handling-rules.ts';
import { handlingMessages } from './request-handling.messages.ts';
import * as q from './request-handling.queries.ts';
import type { NoPlaceInput, OfferInput } from './request-handling.schemas.ts';

/**
 * The handling steps of a provider: waiting list, offer (also from the emergency list), no place,
 * withdraw an offer, enrolment. Each step, in one transaction: the change, its status event, a
 * mail to every parent in their language (the location's texts, else the municipality's, else
 * built in), and an audit row.
 */

/**
 * Mails every parent of the family with an address, each in their own language, with the texts of
 * the location (else its municipality, else built in); a family without an address gets a
 * follow-up task for its intermediary instead. Call it inside the change's transaction. Says how
 * the family was told, so that the page after the step claims only that.
 */
async function mailParents(
  tx: Database,
  deps: AppDeps,
  p: {
    location: Location;
    familyId: string;
    requestId: string;
    event: TemplateEvent;
    facts: MailFacts;
    message?: string | null;
  },
): Promise<Notified> {
  const templates = await templatesOf(tx, p.location, p.event);
  const { child, provider, startDate, deadline } = p.facts;
  return notifyFamily(
    tx,
    deps.clock,
    p.familyId,
    (to) =>
      parentMail(to, p.event, templates, p.facts, {
        url: followUpUrl(deps, p.requestId),
        message: p.message ?? null,
      }),
    { requestId: p.requestId, details: { child, provider, startDate, deadline }, dueDate: deadline },
  );
}

// ——— Handling steps ———

type Step = {
  tx: Database;
  user: CurrentUser;
  role: Role;
  location: Location;
  preference: NonNullable<Awaited<ReturnType<typeof q.getPreferenceOfLocation>>>;
  detail: NonNullable<Awaited<ReturnType<typeof q.getRequestDetail>>>;
  now: Date;
};

/**
 * Runs one handling step in a transaction: the location in scope, the request locked (steps and
 * the parent's answers on one request are serialised), this location's preference, or 404.
 */
async function handle<T>(
  deps: AppDeps,
  user: CurrentUser,
  action: Action,
  locationId: string,
  requestId: string,
  step: (s: Step) => Promise<Result<T>>,
): Promise<Result<T>> {
  const location = await locationInScope(deps, user, action, locationId);
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx) => {
    await q.lockRequest(tx, requestId);
    const preference = await q.getPreferenceOfLocation(tx, requestId, locationId, { lock: true });
    const detail = preference ? await q.getRequestDetail(tx, requestId) : undefined;
    if (!preference || !detail) throw new NotFoundError('request');
    return step({ tx, user, role: staffRole(user, locationId), location, preference, detail, now });
  });
  if (outcome.ok) deps.jobs.mailQueued();
  return outcome;
}

const notAllowed = <T>(): Result<T> => ({ ok: false, errors: { form: 'notAllowedNow' } });

async function audit(
  s: Step,
  deps: AppDeps,
  subject: { type: 'preference' | 'offer'; id: string },
  step: string,
) {
  await recordAudit(s.tx, deps.clock, {
    actorUserId: s.user.id,
    actorRole: s.role,
    action: 'provider.preference.handle',
    subjectType: subject.type,
    subjectId: subject.id,
    familyId: s.detail.family.id,
    details: { step },
  });
}

function facts(s: Step, extra: Partial<MailFacts> = {}): MailFacts {
  return { child: childName(s.detail.child), provider: s.location.name, ...extra };
}

/** What a step changed: the event in the request's history, the mail to the parents, the audit row. */
type Recorded = {
  to: q.PreferenceStatus;
  from?: q.PreferenceStatus;
  eventType?: string;
  offerId?: string | null;
  details?: Record<string, unknown>;
  mail: { event: TemplateEvent; facts?: Partial<MailFacts>; message?: string | null };
  audit: { subject: { type: 'preference' | 'offer'; id: string }; step: string };
};

/** Records a step in the transaction: the status event, the parents told, the audit row. */
async function record(s: Step, deps: AppDeps, r: Recorded): Promise<Result<Notified>> {
  const requestId = s.detail.request.id;
  await q.insertStatusEvents(s.tx, [
    {
      requestId,
      preferenceId: s.preference.id,
      ...(r.offerId !== undefined ? { offerId: r.offerId } : {}),
      eventType: r.eventType ?? `preference.${r.to}`,
      fromStatus: r.from ?? s.preference.status,
      toStatus: r.to,
      occurredAt: s.now,
      actorUserId: s.user.id,
      actorRole: s.role,
      ...(r.details ? { details: r.details } : {}),
    },
  ]);
  const told = await mailParents(s.tx, deps, {
    location: s.location,
    familyId: s.detail.family.id,
    requestId,
    event: r.mail.event,
    facts: facts(s, r.mail.facts),
    ...(r.mail.message !== undefined ? { message: r.mail.message } : {}),
  });
  await audit(s, deps, r.audit.subject, r.audit.step);
  return { ok: true, value: told };
}

export async function putOnWaitingList(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
): Promise<Result<Notified>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    if (!OPEN_REQUEST.has(s.detail.request.status) || !CAN_WAITING_LIST.has(s.preference.status))
      return notAllowed();
    await q.updatePreferenceStatus(s.tx, s.preference.id, 'waiting_list', s.now);
    return record(s, deps, {
      from: s.preference.status,
      to: 'waiting_list',
      mail: { event: 'preference.waiting_list' },
      audit: { subject: { type: 'preference', id: s.preference.id }, step: 'waiting_list' },
    });
  });
}

export type ValidOffer = {
  start: LocalDate;
  deadline: LocalDate;
  carePlan: CarePlan;
  message: string | null;
};

/** A day left out of a form that has other days is "none"; a form without any day offers the plan asked. */
function defaultPart(input: OfferInput, requested: CarePlan, day: (typeof WEEKDAYS)[number]): DayPart {
  const anyGiven = WEEKDAYS.some((d) => input[`day_${d}`] !== undefined);
  return anyGiven ? 'none' : requested.days[day];
}

/** Checks an offer against today; the care plan offered may differ from the one requested. */
export function validateOffer(input: OfferInput, today: LocalDate, requested: CarePlan): Result<ValidOffer> {
  const start = localDate(input.startDate);
  const deadline = localDate(input.answerDeadline);
  const errors: Errors = {};
  if (compareDates(start, today) < 0) errors.startDate = 'startInPast';
  if (compareDates(deadline, today) <= 0) errors.answerDeadline = 'deadlineInPast';
  // The family must know before the care would begin.
  else if (!errors.startDate && compareDates(deadline, start) > 0)
    errors.answerDeadline = 'deadlineAfterStart';
  const days = Object.fromEntries(
    WEEKDAYS.map((d) => [d, input[`day_${d}`] ?? defaultPart(input, requested, d)]),
  ) as Record<(typeof WEEKDAYS)[number], DayPart>;
  if (WEEKDAYS.every((d) => days[d] === 'none')) errors.day_mon = 'noCareDays';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { start, deadline, carePlan: { ...requested, days }, message: input.message || null },
  };
}

/**
 * The offer itself, inside a transaction that already holds the request and the preference. It
 * records the rule set valid today and the priority it gave the family (ADR 0018), so that the
 * offer's history can be explained after the rules change.
 */
async function createOffer(s: Step, deps: AppDeps, offer: ValidOffer): Promise<Result<Notified>> {
  const ruleSet = await getRuleSetValidOn(s.tx, deps.clock.today());
  const parents = await getParentsOfFamily(s.tx, s.detail.family.id);
  const verdict = evaluatePriority(ruleSet, { ...s.detail.family, parents });
  const created = await q.insertOffer(s.tx, {
    preferenceId: s.preference.id,
    startDate: offer.start,
    carePlan: offer.carePlan,
    answerDeadline: offer.deadline,
    message: offer.message,
    createdByUserId: s.user.id,
    createdAt: s.now,
    priorityRuleSetId: ruleSet?.id ?? null,
    priorityLevel: verdict.level,
    priorityVulnerable: verdict.vulnerable,
    priorityReasons: verdict.reasons,
  });
  await q.updatePreferenceStatus(s.tx, s.preference.id, 'offer_made', s.now);
  return record(s, deps, {
    to: 'offer_made',
    offerId: created.id,
    details: { startDate: offer.start, answerDeadline: offer.deadline },
    mail: {
      event: 'offer.made',
      facts: {
        startDate: offer.start,
        deadline: offer.deadline,
        // The mail sets what is offered next to what was asked, before the parent answers.
        plan: {
          requested: { start: s.detail.request.desiredStart, carePlan: s.detail.request.carePlan },
          offered: { start: offer.start, carePlan: offer.carePlan },
        },
      },
      message: offer.message,
    },
    audit: { subject: { type: 'offer', id: created.id }, step: 'offer' },
  });
}

/** The provider offers a place: the preference moves to "offer made" and the parent is e-mailed. */
export async function makeOffer(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
  input: OfferInput,
): Promise<Result<Notified>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    // Also a new offer after a declined or expired one, while nothing was accepted (mayOffer).
    if (!mayOffer(s.preference.status, s.detail.request.status)) return notAllowed();
    const offer = validateOffer(input, deps.clock.today(), s.detail.request.carePlan);
    if (!offer.ok) return offer;
    return createOffer(s, deps, offer.value);
  });
}

/**
 * An offer from the emergency list, in the caller's transaction (which holds the request). A
 * location the parent did not choose joins the request as a preference without rank, then offers.
 * A location already among the preferences offers on its own preference when the rules allow it
 * from the emergency list — e.g. after it said "no place" and a place came free (mayOffer).
 */
export async function emergencyOffer(
  tx: Database,
  deps: AppDeps,
  p: { user: CurrentUser; location: Location; requestId: string; offer: ValidOffer },
): Promise<Result<Notified>> {
  const now = deps.clock.now();
  const existing = await q.getPreferenceOfLocation(tx, p.requestId, p.location.id, { lock: true });
  const detail = await q.getRequestDetail(tx, p.requestId);
  if (!detail) throw new NotFoundError('request');
  const role = staffRole(p.user, p.location.id);
  const step = { tx, user: p.user, role, location: p.location, detail, now };
  if (existing) {
    if (!mayOffer(existing.status, detail.request.status, 'emergencyList')) return notAllowed();
    return createOffer({ ...step, preference: existing }, deps, p.offer);
  }
  const preference = await q.insertPreference(tx, {
    requestId: p.requestId,
    providerLocationId: p.location.id,
    rank: null,
    status: 'new',
    addedFromEmergencyList: true,
    statusChangedAt: now,
    createdAt: now,
  });
  await q.insertStatusEvents(tx, [
    {
      requestId: p.requestId,
      preferenceId: preference.id,
      eventType: 'preference.added',
      toStatus: 'new',
      occurredAt: now,
      actorUserId: p.user.id,
      actorRole: role,
      details: { rank: null, fromEmergencyList: true },
    },
  ]);
  return createOffer({ ...step, preference }, deps, p.offer);
}

/** Reason words per language for the no-place mail: the code in words, the provider's text added. */
function reasonTexts(input: NoPlaceInput): Record<Language, string> {
  const out = {} as Record<Language, string>;
  for (const lang of LANGUAGES) {
    const label = handlingMessages[lang].noPlaceReasons[input.noPlaceReason];
    const text = input.noPlaceText;
    out[lang] = input.noPlaceReason === 'other' && text ? text : text ? `${label} – ${text}` : label;
  }
  return out;
}

export async function markNoPlace(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
  input: NoPlaceInput,
): Promise<Result<Notified>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    if (!OPEN_REQUEST.has(s.detail.request.status) || !CAN_NO_PLACE.has(s.preference.status))
      return notAllowed();
    const text = input.noPlaceText || null;
    const reason = input.noPlaceReason;
    await q.updatePreferenceStatus(s.tx, s.preference.id, 'no_place', s.now, { reason, text });
    return record(s, deps, {
      from: s.preference.status,
      to: 'no_place',
      details: { reason },
      mail: { event: 'preference.no_place', facts: { reason: reasonTexts(input) } },
      audit: { subject: { type: 'preference', id: s.preference.id }, step: 'no_place' },
    });
  });
}

/**
 * The provider takes back its "no place" while nothing else happened on the request since
 * (mayUndoNoPlace): the preference returns to the status it had, the reason goes, the history
 * keeps both events, and the family is told that the "no place" no longer stands.
 */
export async function undoNoPlace(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
): Promise<Result<Notified>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    const last = await q.getLastStatusEvent(s.tx, requestId);
    if (!mayUndoNoPlace(s.preference, s.detail.request.status, last)) return notAllowed();
    const before = last?.fromStatus;
    const restored: q.PreferenceStatus =
      before === 'new' || before === 'seen' || before === 'waiting_list' ? before : 'seen';
    await q.restorePreferenceFromNoPlace(s.tx, s.preference.id, restored, s.now);
    return record(s, deps, {
      from: 'no_place',
      to: restored,
      details: { noPlaceUndone: true },
      mail: { event: 'preference.no_place_undone' },
      audit: { subject: { type: 'preference', id: s.preference.id }, step: 'undo_no_place' },
    });
  });
}

/** The provider takes back a pending offer: the request returns to its waiting list. */
export async function withdrawOffer(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
): Promise<Result<Notified>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    const offer =
      s.preference.status === 'offer_made'
        ? await q.lockPendingOfferOfPreference(s.tx, s.preference.id)
        : undefined;
    if (!offer) return notAllowed();
    await q.updateOfferStatus(s.tx, offer.id, 'withdrawn', s.now);
    await q.updatePreferenceStatus(s.tx, s.preference.id, 'waiting_list', s.now);
    return record(s, deps, {
      from: 'offer_made',
      to: 'waiting_list',
      offerId: offer.id,
      details: { offerWithdrawn: true },
      mail: { event: 'offer.withdrawn', facts: { startDate: offer.startDate } },
      audit: { subject: { type: 'offer', id: offer.id }, step: 'withdraw_offer' },
    });
  });
}

/** After the parent accepted, the provider confirms the enrolment. */
export async function markEnrolled(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
): Promise<Result<Notified>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    if (s.preference.status !== 'offer_accepted') return notAllowed();
    const offer = await q.getAcceptedOffer(s.tx, s.preference.id);
    await q.updatePreferenceStatus(s.tx, s.preference.id, 'enrolled', s.now);
    return record(s, deps, {
      from: 'offer_accepted',
      to: 'enrolled',
      offerId: offer?.id ?? null,
      mail: {
        event: 'preference.enrolled',
        facts: { startDate: offer?.startDate ?? s.detail.request.desiredStart },
      },
      audit: { subject: { type: 'preference', id: s.preference.id }, step: 'enrolled' },
    });
  });
}
