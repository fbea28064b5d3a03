import { recordAudit } from '../../platform/audit/index.ts';
import type { Action, CurrentUser, Role } from '../../platform/auth/actions.ts';
import type { Database } from '../../platform/db/index.ts';
import type { CarePlan, DayPart } from '../../platform/db/schema/requests.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { LANGUAGES, type Language } from '../../platform/i18n/index.ts';
import { compareDates, type LocalDate, localDate, WEEKDAYS } from '../../shared/dates.ts';
import { childName, notifyFamily } from '../families/index.ts';
import { type MailFacts, parentMail, type TemplateEvent, templatesOf } from '../mail-templates/index.ts';
import { type Location, locationInScope, staffRole } from '../provider-locations/index.ts';
import { followUpUrl } from '../requests/index.ts';
import { CAN_NO_PLACE, CAN_WAITING_LIST, mayOffer, OPEN_REQUEST } from './handling-rules.ts';
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
 * follow-up task for its intermediary instead. Call it inside the change's transaction.
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
) {
  const templates = await templatesOf(tx, p.location, p.event);
  const { child, provider, startDate, deadline } = p.facts;
  await notifyFamily(
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

export async function putOnWaitingList(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
): Promise<Result<void>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    if (!OPEN_REQUEST.has(s.detail.request.status) || !CAN_WAITING_LIST.has(s.preference.status))
      return notAllowed();
    await q.updatePreferenceStatus(s.tx, s.preference.id, 'waiting_list', s.now);
    await q.insertStatusEvents(s.tx, [
      {
        requestId,
        preferenceId: s.preference.id,
        eventType: 'preference.waiting_list',
        fromStatus: s.preference.status,
        toStatus: 'waiting_list',
        occurredAt: s.now,
        actorUserId: user.id,
        actorRole: s.role,
      },
    ]);
    await mailParents(s.tx, deps, {
      location: s.location,
      familyId: s.detail.family.id,
      requestId,
      event: 'preference.waiting_list',
      facts: facts(s),
    });
    await audit(s, deps, { type: 'preference', id: s.preference.id }, 'waiting_list');
    return { ok: true, value: undefined };
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

/** The offer itself, inside a transaction that already holds the request and the preference. */
async function createOffer(s: Step, deps: AppDeps, offer: ValidOffer): Promise<Result<string>> {
  const created = await q.insertOffer(s.tx, {
    preferenceId: s.preference.id,
    startDate: offer.start,
    carePlan: offer.carePlan,
    answerDeadline: offer.deadline,
    message: offer.message,
    createdByUserId: s.user.id,
    createdAt: s.now,
  });
  await q.updatePreferenceStatus(s.tx, s.preference.id, 'offer_made', s.now);
  await q.insertStatusEvents(s.tx, [
    {
      requestId: s.detail.request.id,
      preferenceId: s.preference.id,
      offerId: created.id,
      eventType: 'preference.offer_made',
      fromStatus: s.preference.status,
      toStatus: 'offer_made',
      occurredAt: s.now,
      actorUserId: s.user.id,
      actorRole: s.role,
      details: { startDate: offer.start, answerDeadline: offer.deadline },
    },
  ]);
  await mailParents(s.tx, deps, {
    location: s.location,
    familyId: s.detail.family.id,
    requestId: s.detail.request.id,
    event: 'offer.made',
    facts: facts(s, {
      startDate: offer.start,
      deadline: offer.deadline,
      // The mail sets what is offered next to what was asked, before the parent answers.
      plan: {
        requested: { start: s.detail.request.desiredStart, carePlan: s.detail.request.carePlan },
        offered: { start: offer.start, carePlan: offer.carePlan },
      },
    }),
    message: offer.message,
  });
  await audit(s, deps, { type: 'offer', id: created.id }, 'offer');
  return { ok: true, value: created.id };
}

/** The provider offers a place: the preference moves to "offer made" and the parent is e-mailed. */
export async function makeOffer(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
  input: OfferInput,
): Promise<Result<string>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    // Also a new offer after a declined or expired one, while nothing was accepted (mayOffer).
    if (!mayOffer(s.preference.status, s.detail.request.status)) return notAllowed();
    const offer = validateOffer(input, deps.clock.today(), s.detail.request.carePlan);
    if (!offer.ok) return offer;
    return createOffer(s, deps, offer.value);
  });
}

/**
 * A location that the parent did not choose offers a place from the emergency list: in the
 * caller's transaction it joins the request as a preference without rank, then offers.
 */
export async function offerAsNewPreference(
  tx: Database,
  deps: AppDeps,
  p: { user: CurrentUser; location: Location; requestId: string; offer: ValidOffer },
): Promise<Result<string>> {
  const now = deps.clock.now();
  const existing = await q.getPreferenceOfLocation(tx, p.requestId, p.location.id, { lock: true });
  const detail = await q.getRequestDetail(tx, p.requestId);
  if (!detail) throw new NotFoundError('request');
  if (existing) return notAllowed();
  const role = staffRole(p.user, p.location.id);
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
  return createOffer(
    { tx, user: p.user, role, location: p.location, preference, detail, now },
    deps,
    p.offer,
  );
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
): Promise<Result<void>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    if (!OPEN_REQUEST.has(s.detail.request.status) || !CAN_NO_PLACE.has(s.preference.status))
      return notAllowed();
    const text = input.noPlaceText || null;
    const reason = input.noPlaceReason;
    await q.updatePreferenceStatus(s.tx, s.preference.id, 'no_place', s.now, { reason, text });
    await q.insertStatusEvents(s.tx, [
      {
        requestId,
        preferenceId: s.preference.id,
        eventType: 'preference.no_place',
        fromStatus: s.preference.status,
        toStatus: 'no_place',
        occurredAt: s.now,
        actorUserId: user.id,
        actorRole: s.role,
        details: { reason },
      },
    ]);
    await mailParents(s.tx, deps, {
      location: s.location,
      familyId: s.detail.family.id,
      requestId,
      event: 'preference.no_place',
      facts: facts(s, { reason: reasonTexts(input) }),
    });
    await audit(s, deps, { type: 'preference', id: s.preference.id }, 'no_place');
    return { ok: true, value: undefined };
  });
}

/** The provider takes back a pending offer: the request returns to its waiting list. */
export async function withdrawOffer(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
): Promise<Result<void>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    const offer =
      s.preference.status === 'offer_made'
        ? await q.lockPendingOfferOfPreference(s.tx, s.preference.id)
        : undefined;
    if (!offer) return notAllowed();
    await q.updateOfferStatus(s.tx, offer.id, 'withdrawn', s.now);
    await q.updatePreferenceStatus(s.tx, s.preference.id, 'waiting_list', s.now);
    await q.insertStatusEvents(s.tx, [
      {
        requestId,
        preferenceId: s.preference.id,
        offerId: offer.id,
        eventType: 'preference.waiting_list',
        fromStatus: 'offer_made',
        toStatus: 'waiting_list',
        occurredAt: s.now,
        actorUserId: user.id,
        actorRole: s.role,
        details: { offerWithdrawn: true },
      },
    ]);
    await mailParents(s.tx, deps, {
      location: s.location,
      familyId: s.detail.family.id,
      requestId,
      event: 'offer.withdrawn',
      facts: facts(s, { startDate: offer.startDate }),
    });
    await audit(s, deps, { type: 'offer', id: offer.id }, 'withdraw_offer');
    return { ok: true, value: undefined };
  });
}

/** After the parent accepted, the provider confirms the enrolment. */
export async function markEnrolled(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
): Promise<Result<void>> {
  return handle(deps, user, 'provider.preference.handle', locationId, requestId, async (s) => {
    if (s.preference.status !== 'offer_accepted') return notAllowed();
    const offer = await q.getAcceptedOffer(s.tx, s.preference.id);
    await q.updatePreferenceStatus(s.tx, s.preference.id, 'enrolled', s.now);
    await q.insertStatusEvents(s.tx, [
      {
        requestId,
        preferenceId: s.preference.id,
        offerId: offer?.id ?? null,
        eventType: 'preference.enrolled',
        fromStatus: 'offer_accepted',
        toStatus: 'enrolled',
        occurredAt: s.now,
        actorUserId: user.id,
        actorRole: s.role,
      },
    ]);
    await mailParents(s.tx, deps, {
      location: s.location,
      familyId: s.detail.family.id,
      requestId,
      event: 'preference.enrolled',
      facts: facts(s, { startDate: offer?.startDate ?? s.detail.request.desiredStart }),
    });
    await audit(s, deps, { type: 'preference', id: s.preference.id }, 'enrolled');
    return { ok: true, value: undefined };
  });
}
