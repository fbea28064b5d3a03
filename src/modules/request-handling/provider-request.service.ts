import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { addDays } from '../../shared/dates.ts';
import { getParentsOfFamily } from '../families/index.ts';
import { evaluatePriority, getRuleSetValidOn, type RecordedPriority } from '../priority-rules/index.ts';
import { locationInScope, staffRole } from '../provider-locations/index.ts';
import { getEventsOfRequest, getPreferencesOfRequest, isOpenPreference } from '../requests/index.ts';
import { CAN_NO_PLACE, CAN_WAITING_LIST, mayOffer, mayUndoNoPlace, OPEN_REQUEST } from './handling-rules.ts';
import * as q from './request-handling.queries.ts';

/**
 * How the family hears of a step, the way notifyFamily will do it: a mail to every parent with an
 * address, else a phone task for the organisation that follows the family, else nobody — then the
 * provider must call. Pages say only this, before and after a step.
 */
export type Reach =
  | { kind: 'mailed'; addresses: string[] }
  | { kind: 'task'; organisation: string }
  | { kind: 'none' };

/**
 * Whether the request names the location and the user may handle it there; a NotFoundError
 * otherwise. Reads nothing else and records nothing: for a step that does not act (yet).
 */
export async function assertRequestOfLocation(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
): Promise<void> {
  await locationInScope(deps, user, 'provider.preference.handle', locationId);
  if (!(await q.getPreferenceOfLocation(deps.db, requestId, locationId))) throw new NotFoundError('request');
}

/**
 * A request as one location sees it: only when the request names the location. Opening a new
 * request marks it "seen" (no mail: the parent sees it on the follow-up page).
 */
export async function getRequestForLocation(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
) {
  const { db, clock } = deps;
  const location = await locationInScope(deps, user, 'provider.request.read', locationId);
  const preference = await q.getPreferenceOfLocation(db, requestId, locationId);
  const detail = preference ? await q.getRequestDetail(db, requestId) : undefined;
  if (!preference || !detail) throw new NotFoundError('request');
  const role = staffRole(user, locationId);
  if (preference.status === 'new') {
    const now = clock.now();
    await db.transaction(async (tx) => {
      await q.updatePreferenceStatus(tx, preference.id, 'seen', now);
      await q.insertStatusEvents(tx, [
        {
          requestId,
          preferenceId: preference.id,
          eventType: 'preference.seen',
          fromStatus: 'new',
          toStatus: 'seen',
          occurredAt: now,
          actorUserId: user.id,
          actorRole: role,
        },
      ]);
    });
    preference.status = 'seen';
    preference.statusChangedAt = now;
  }
  const today = clock.today();
  const [
    parents,
    preferences,
    events,
    notes,
    columns,
    settings,
    followedBy,
    lastEvent,
    ruleSet,
    offerPriorities,
  ] = await Promise.all([
    getParentsOfFamily(db, detail.family.id),
    getPreferencesOfRequest(db, requestId),
    getEventsOfRequest(db, requestId),
    q.getNotes(db, locationId, requestId),
    q.getCustomColumns(db, locationId),
    q.getLocationWithSettings(db, locationId),
    q.getIntermediaryOrganisationName(db, detail.family.intermediaryOrganisationId),
    q.getLastStatusEvent(db, requestId),
    getRuleSetValidOn(db, today),
    q.getOfferPriorityRecords(db, requestId),
  ]);
  const windowEnd = addDays(today, settings?.emergencyWindowDays ?? 30);
  // The emergency list's own rule (emergency-list.queries onList), for a link from this page.
  const onEmergencyList =
    detail.request.status === 'active' &&
    detail.request.desiredStart <= windowEnd &&
    !preferences.some((p) => p.status === 'offer_accepted' || p.status === 'enrolled');
  const addresses = parents.flatMap((p) => (p.email ? [p.email] : []));
  const reach: Reach =
    addresses.length > 0
      ? { kind: 'mailed', addresses }
      : followedBy
        ? { kind: 'task', organisation: followedBy }
        : { kind: 'none' };
  const values = await q.getCustomValues(
    db,
    requestId,
    columns.map((c) => c.id),
  );
  await recordAudit(db, clock, {
    actorUserId: user.id,
    actorRole: role,
    action: 'provider.request.read',
    subjectType: 'request',
    subjectId: requestId,
    familyId: detail.family.id,
  });
  const requestOpen = OPEN_REQUEST.has(detail.request.status);
  const own = preferences.find((p) => p.locationId === locationId);
  const acceptedElsewhere = preferences.find(
    (p) => p.locationId !== locationId && (p.status === 'offer_accepted' || p.status === 'enrolled'),
  );
  return {
    location,
    preference,
    ...detail,
    parents,
    /** Priority under the rule set valid today, as the waiting list ranks it (ADR 0018). */
    priority: {
      verdict: evaluatePriority(ruleSet, { ...detail.family, parents }),
      ruleSet,
    },
    preferences,
    events,
    /** How priority stood when each offer was made, by the event that made it (ADR 0018). */
    offerPriorities: new Map(
      offerPriorities.map((o): [number, RecordedPriority] => [
        o.eventId,
        {
          level: o.level ?? 0,
          vulnerable: o.vulnerable ?? false,
          reasons: o.reasons ?? [],
          ruleSet:
            o.ruleSetName && o.ruleSetVersion !== null && o.reservedSharePercent !== null
              ? {
                  name: o.ruleSetName,
                  version: o.ruleSetVersion,
                  reservedSharePercent: o.reservedSharePercent,
                }
              : null,
        },
      ]),
    ),
    notes,
    customColumns: columns.map((c) => ({
      ...c,
      value: values.find((v) => v.columnId === c.id)?.value ?? '',
    })),
    pendingOffer: own?.offerId
      ? { id: own.offerId, start: own.offerStart ?? '', deadline: own.offerDeadline ?? '' }
      : undefined,
    acceptedElsewhere,
    /** Other locations still handling the request (what "no place" here leaves open). */
    othersOpen: preferences.filter((p) => p.locationId !== locationId && isOpenPreference(p.status)).length,
    reach,
    onEmergencyList,
    today,
    defaultDeadline: addDays(today, settings?.offerDeadlineDays ?? 7),
    allowed: {
      waitingList: requestOpen && CAN_WAITING_LIST.has(preference.status),
      offer: mayOffer(preference.status, detail.request.status),
      noPlace: requestOpen && CAN_NO_PLACE.has(preference.status),
      withdraw: preference.status === 'offer_made' && Boolean(own?.offerId),
      enrolled: preference.status === 'offer_accepted',
      undoNoPlace: mayUndoNoPlace(preference, detail.request.status, lastEvent),
    },
  };
}

export type RequestForLocation = Awaited<ReturnType<typeof getRequestForLocation>>;
