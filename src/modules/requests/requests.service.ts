import { recordAudit } from '../../platform/audit/index.ts';
import type { Action, CurrentUser } from '../../platform/auth/actions.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { compareDates, type LocalDate } from '../../shared/dates.ts';
import { childName, notifyFamily } from '../families/index.ts';
import { offerAcceptedMail, offerDeclinedMail } from './requests.mails.ts';
import * as q from './requests.queries.ts';

/** Preference statuses in which the provider still has to answer (or the parent, for an offer). */
export const OPEN_STATUSES = ['new', 'seen', 'waiting_list', 'offer_made'] as const;
const OPEN_PREFERENCE = new Set<string>(OPEN_STATUSES);
export const isOpenPreference = (status: string) => OPEN_PREFERENCE.has(status);
/** Request statuses in which the request is still on waiting lists. */
export const isOpenRequest = (status: string) => status === 'active' || status === 'answered';

/** The follow-up page of a request, as links in mails point to it. */
export const followUpUrl = (deps: AppDeps, requestId: string) =>
  `${deps.config.publicUrl}/parent/requests/${requestId}`;

/** A request of the parent's own family with its child and family; 404 otherwise (never reveal). */
export async function requireOwnRequest(db: Database, familyId: string, requestId: string) {
  const detail = await q.getRequestWithChild(db, requestId);
  if (!detail || detail.family.id !== familyId) throw new NotFoundError('request');
  return detail;
}

/**
 * An offer made on this request (whatever its status now); 404 otherwise, so that an offer of
 * another request is as unknown as a missing one, before any form is read.
 */
export async function requireOfferOfRequest(db: Database, requestId: string, offerId: string): Promise<void> {
  if (!(await q.isOfferOfRequest(db, requestId, offerId))) throw new NotFoundError('offer');
}

/** Staff answering for the family (it asked by phone): who acted, and the audited action. */
export type OnBehalf = { role: 'intermediary' | 'desk'; action: Action };

/**
 * Staff acting for a family on one of its requests (changes, confirmation, withdrawal, birth
 * data): who acted, the audited action, and the family the route's scope check resolved.
 */
export type Acting = OnBehalf & { familyId: string };

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
    await notifyFamily(
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
    await notifyFamily(
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
