import { recordAudit } from '../../platform/audit/index.ts';
import type { Action, CurrentUser } from '../../platform/auth/actions.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { FieldError } from '../../platform/i18n/common.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { compareDates, type LocalDate } from '../../shared/dates.ts';
import { getChildrenOfFamily } from '../families/families.queries.ts';
import { type FamilyTask, notifyFamily } from '../families/notify-family.ts';
import { confirmationDueDate } from './request-dates.ts';
import { offerAcceptedMail, offerDeclinedMail, type Recipient } from './requests.mails.ts';
import * as q from './requests.queries.ts';
import { getWizardDraft } from '../request-journey/wizard.queries.ts';

export type Errors = Record<string, FieldError>;
export type Result<T> = { ok: true; value: T } | { ok: false; errors: Errors };

/** Preference statuses in which the provider still has to answer (or the parent, for an offer). */
export const OPEN_STATUSES = ['new', 'seen', 'waiting_list', 'offer_made'] as const;
const OPEN_PREFERENCE = new Set<string>(OPEN_STATUSES);
export const isOpenPreference = (status: string) => OPEN_PREFERENCE.has(status);
/** Request statuses in which the request is still on waiting lists. */
export const isOpenRequest = (status: string) => status === 'active' || status === 'answered';

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const name = e.constraint ?? e.cause?.constraint;
  return code === '23505' && name === constraint;
}

export function childName(child: { firstName: string | null; lastName: string }): string {
  return [child.firstName, child.lastName].filter(Boolean).join(' ');
}

/**
 * Queues one mail per parent of the family with an e-mail address, each in that parent's language;
 * for a family without any address, a follow-up task for its intermediary (see notifyFamily).
 */
function mailFamily(
  tx: Database,
  clock: Clock,
  familyId: string,
  build: (to: Recipient) => OutgoingMail,
  task?: FamilyTask,
) {
  return notifyFamily(tx, clock, familyId, build, task);
}

const followUpUrl = (deps: AppDeps, requestId: string) =>
  `${deps.config.publicUrl}/parent/requests/${requestId}`;

export { followUpUrl, mailFamily };

/** Who a parent's change is recorded as. */
export const parentActor = (user: CurrentUser) => ({ actorUserId: user.id, actorRole: 'parent' as const });

/** The family file of the logged-in parent; 404 when there is none yet. */
export async function requireFamily(deps: AppDeps, user: CurrentUser) {
  const own = await q.getFamilyOfUser(deps.db, user.id);
  if (!own) throw new NotFoundError('family');
  return own;
}

/** A request of the parent's own family with its child and family; 404 otherwise (never reveal). */
export async function requireOwnRequest(db: Database, familyId: string, requestId: string) {
  const detail = await q.getRequestWithChild(db, requestId);
  if (!detail || detail.family.id !== familyId) throw new NotFoundError('request');
  return detail;
}

/** Staff answering for the family (it asked by phone): who acted, and the audited action. */
export type OnBehalf = { role: 'intermediary' | 'desk'; action: Action };

/**
 * The parent accepts an offer. The request counts as answered; lower-ranked preferences close as
 * "placed elsewhere"; higher-ranked ones stay open only if the parent chooses so.
 */
export async function acceptOffer(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  requestId: string,
  offerId: string,
  keepHigher: boolean | undefined,
  onBehalf?: OnBehalf,
): Promise<Result<void>> {
  const { db, clock } = deps;
  const now = clock.now();
  const actor = { actorUserId: user.id, actorRole: onBehalf?.role ?? ('parent' as const) };
  const outcome = await db.transaction(async (tx): Promise<Result<void>> => {
    // Answers on one request are serialised: two accepts at once cannot both win.
    await q.lockRequest(tx, requestId);
    const locked = await q.lockPendingOffer(tx, requestId, offerId);
    if (!locked || compareDates(locked.offer.answerDeadline as LocalDate, clock.today()) < 0) {
      return { ok: false, errors: { form: 'offerNoLongerOpen' } };
    }
    const acceptedRank = locked.preference.rank ?? Number.MAX_SAFE_INTEGER;
    const all = await q.getPreferencesOfRequest(tx, requestId);
    const higherOpen = all.filter(
      (p) =>
        p.id !== locked.preference.id &&
        p.rank !== null &&
        p.rank < acceptedRank &&
        OPEN_PREFERENCE.has(p.status),
    );
    if (higherOpen.length > 0 && keepHigher === undefined) {
      return { ok: false, errors: { keepHigher: 'invalidChoice' } };
    }
    await q.updateOfferStatus(tx, offerId, 'accepted', now);
    const request = await q.getRequestWithChild(tx, requestId);
    if (!request) throw new Error('request vanished');
    const events: q.StatusEventInsert[] = [
      {
        requestId,
        preferenceId: locked.preference.id,
        offerId,
        eventType: 'preference.offer_accepted',
        fromStatus: locked.preference.status,
        toStatus: 'offer_accepted',
        occurredAt: now,
        ...actor,
      },
    ];
    if (request.request.status !== 'answered') {
      await q.updateRequestStatus(tx, requestId, 'answered', now);
      events.push({
        requestId,
        eventType: 'request.answered',
        fromStatus: request.request.status,
        toStatus: 'answered',
        occurredAt: now,
        ...actor,
      });
    }
    const closeLower = all.filter(
      (p) =>
        p.id !== locked.preference.id &&
        (p.rank === null || p.rank > acceptedRank) &&
        (OPEN_PREFERENCE.has(p.status) || p.status === 'offer_accepted'),
    );
    const closeHigher = keepHigher ? [] : higherOpen;
    for (const [list, status] of [
      [closeLower, 'placed_elsewhere'],
      [closeHigher, 'withdrawn'],
    ] as const) {
      for (const p of list) {
        await q.updatePreferenceStatus(tx, p.id, status, now);
        events.push({
          requestId,
          preferenceId: p.id,
          eventType: `preference.${status}`,
          fromStatus: p.status,
          toStatus: status,
          occurredAt: now,
          ...actor,
        });
      }
    }
    await q.withdrawPendingOffers(
      tx,
      [...closeLower, ...closeHigher].map((p) => p.id),
      now,
    );
    // Only now: an earlier accepted preference must be closed first (one accepted per request).
    await q.updatePreferenceStatus(tx, locked.preference.id, 'offer_accepted', now);
    await q.insertStatusEvents(tx, events);
    await mailFamily(
      tx,
      clock,
      familyId,
      (to) =>
        offerAcceptedMail(to, {
          child: childName(request.child),
          provider: locked.locationName,
          start: locked.offer.startDate,
          keptHigher: higherOpen.length > 0 && Boolean(keepHigher),
          closedLower: closeLower.length > 0,
          url: followUpUrl(deps, requestId),
        }),
      {
        requestId,
        details: { provider: locked.locationName, startDate: locked.offer.startDate },
        byIntermediary: onBehalf?.role === 'intermediary',
      },
    );
    await recordAudit(tx, clock, {
      ...actor,
      action: onBehalf?.action ?? 'parent.offer.answer',
      subjectType: 'offer',
      subjectId: offerId,
      familyId,
    });
    return { ok: true, value: undefined };
  });
  if (outcome.ok) deps.jobs.mailQueued();
  return outcome;
}

export async function declineOffer(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  requestId: string,
  offerId: string,
  onBehalf?: OnBehalf,
): Promise<Result<void>> {
  const { db, clock } = deps;
  const now = clock.now();
  const actor = { actorUserId: user.id, actorRole: onBehalf?.role ?? ('parent' as const) };
  const outcome = await db.transaction(async (tx): Promise<Result<void>> => {
    // Same lock order as accepting and the expiry job: the request, then the offer.
    await q.lockRequest(tx, requestId);
    const locked = await q.lockPendingOffer(tx, requestId, offerId);
    if (!locked) return { ok: false, errors: { form: 'offerNoLongerOpen' } };
    await q.updateOfferStatus(tx, offerId, 'declined', now);
    await q.updatePreferenceStatus(tx, locked.preference.id, 'offer_declined', now);
    await q.insertStatusEvents(tx, [
      {
        requestId,
        preferenceId: locked.preference.id,
        offerId,
        eventType: 'preference.offer_declined',
        fromStatus: locked.preference.status,
        toStatus: 'offer_declined',
        occurredAt: now,
        ...actor,
      },
    ]);
    const request = await q.getRequestWithChild(tx, requestId);
    await mailFamily(
      tx,
      clock,
      familyId,
      (to) =>
        offerDeclinedMail(to, {
          child: request ? childName(request.child) : '',
          provider: locked.locationName,
          url: followUpUrl(deps, requestId),
        }),
      {
        requestId,
        details: { provider: locked.locationName },
        byIntermediary: onBehalf?.role === 'intermediary',
      },
    );
    await recordAudit(tx, clock, {
      ...actor,
      action: onBehalf?.action ?? 'parent.offer.answer',
      subjectType: 'offer',
      subjectId: offerId,
      familyId,
    });
    return { ok: true, value: undefined };
  });
  if (outcome.ok) deps.jobs.mailQueued();
  return outcome;
}

/** The parent's home: family file, children, a draft in progress and the requests. */
export async function getParentOverview(deps: AppDeps, user: CurrentUser) {
  const family = await q.getFamilyOfUser(deps.db, user.id);
  if (!family) return { family: undefined, requests: [], children: [], draft: undefined };
  const [requests, children, draft] = await Promise.all([
    q.getFamilyRequests(deps.db, family.family.id),
    getChildrenOfFamily(deps.db, family.family.id),
    getWizardDraft(deps.db, user.id),
  ]);
  await recordAudit(deps.db, deps.clock, {
    ...parentActor(user),
    action: 'parent.home',
    subjectType: 'family',
    subjectId: family.family.id,
    familyId: family.family.id,
  });
  return { family, requests, children, draft: draft ? { step: draft.step } : undefined };
}

/**
 * One request of the parent's own family for the follow-up page: preferences with the date an
 * answer can be expected, pending offers, the confirmation due date and the history; 404 otherwise.
 */
export async function getRequestForParent(deps: AppDeps, user: CurrentUser, requestId: string) {
  const family = await q.getFamilyOfUser(deps.db, user.id);
  if (!family) throw new NotFoundError('request');
  const detail = await requireOwnRequest(deps.db, family.family.id, requestId);
  const [preferences, events, municipality] = await Promise.all([
    q.getPreferencesOfRequest(deps.db, requestId),
    q.getEventsOfRequest(deps.db, requestId),
    q.getMunicipality(deps.db, detail.request.municipalityId),
  ]);
  await recordAudit(deps.db, deps.clock, {
    ...parentActor(user),
    action: 'parent.request.read',
    subjectType: 'request',
    subjectId: requestId,
    familyId: family.family.id,
  });
  const today = deps.clock.today();
  const firstAnswerDays = municipality?.firstAnswerDays ?? 21;
  const open = isOpenRequest(detail.request.status);
  return {
    ...detail,
    preferences: preferences.map((p) => {
      // A first answer is due within the municipality's term from when the location was chosen;
      // once that day has passed the date no longer helps the parent (the desk follows it up).
      const due = new Date(p.createdAt.getTime() + firstAnswerDays * 86_400_000);
      const waiting = p.status === 'new' || p.status === 'seen';
      return { ...p, answerExpectedBy: waiting && due >= deps.clock.now() ? due : undefined };
    }),
    events,
    today,
    confirmationDue:
      detail.request.status === 'active'
        ? confirmationDueDate(detail.request.lastConfirmedAt, municipality?.confirmationIntervalMonths ?? 3)
        : undefined,
    canChange: open,
    canChangePreferences: open,
    isUnborn: detail.child.birthDate === null,
  };
}
