import { recordAudit } from '../../platform/audit/index.ts';
import { type CurrentUser, locationsFor } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { addDays, compareDates, localDate } from '../../shared/dates.ts';
import { isPriorityGroup } from './priority.ts';
import { offerMadeMail } from './requests.mails.ts';
import * as q from './requests.queries.ts';
import type { OfferInput } from './requests.schemas.ts';
import { childName, type Errors, followUpUrl, mailFamily, type Result } from './requests.service.ts';

const OFFERABLE = new Set(['new', 'seen', 'waiting_list']);

/** The location, if the user works there for this action; otherwise 404 (never reveal existence). */
async function locationInScope(
  deps: AppDeps,
  user: CurrentUser,
  action: Parameters<typeof locationsFor>[1],
  locationId: string,
) {
  if (!locationsFor(user, action).includes(locationId)) throw new NotFoundError('location');
  const [location] = await q.getLocations(deps.db, [locationId]);
  if (!location) throw new NotFoundError('location');
  return location;
}

const staffRole = (user: CurrentUser, locationId: string) =>
  user.grants.find((g) => g.providerLocationId === locationId)?.role ?? 'provider_staff';

export async function getWaitingListForLocation(deps: AppDeps, user: CurrentUser, locationId: string) {
  const location = await locationInScope(deps, user, 'provider.waitingList.read', locationId);
  const rows = await q.getWaitingList(deps.db, locationId);
  await recordAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: staffRole(user, locationId),
    action: 'provider.waitingList.read',
    subjectType: 'waiting_list',
    subjectId: locationId,
    details: { rows: rows.length },
  });
  return {
    location,
    rows: rows.map((r) => ({ ...r, priorityGroup: isPriorityGroup(r.family) })),
  };
}

/**
 * A request as one location sees it: only when the request names the location. Opening a new
 * request marks it "seen" for the parent.
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
  const detail = preference ? await q.getRequestWithChild(db, requestId) : undefined;
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
  }
  const [preferences, events, municipality] = await Promise.all([
    q.getPreferencesOfRequest(db, requestId),
    q.getEventsOfRequest(db, requestId),
    q.getMunicipality(db, detail.request.municipalityId),
  ]);
  await recordAudit(db, clock, {
    actorUserId: user.id,
    actorRole: role,
    action: 'provider.request.read',
    subjectType: 'request',
    subjectId: requestId,
    familyId: detail.family.id,
  });
  return {
    location,
    preference,
    ...detail,
    priorityGroup: isPriorityGroup(detail.family),
    preferences,
    events,
    defaultDeadline: addDays(clock.today(), municipality?.offerDeadlineDays ?? 7),
    canOffer: OFFERABLE.has(preference.status) && ['active', 'answered'].includes(detail.request.status),
  };
}

/** The provider offers a place: the preference moves to "offer made" and the parent is e-mailed. */
export async function makeOffer(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
  input: OfferInput,
): Promise<Result<string>> {
  const { db, clock } = deps;
  const location = await locationInScope(deps, user, 'provider.preference.handle', locationId);
  const today = clock.today();
  const start = localDate(input.startDate);
  const deadline = localDate(input.answerDeadline);
  const errors: Errors = {};
  if (compareDates(start, today) < 0) errors.startDate = 'startInPast';
  if (compareDates(deadline, today) <= 0) errors.answerDeadline = 'deadlineInPast';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const now = clock.now();
  const role = staffRole(user, locationId);
  const outcome = await db.transaction(async (tx): Promise<Result<string>> => {
    const preference = await q.getPreferenceOfLocation(tx, requestId, locationId);
    const detail = preference ? await q.getRequestWithChild(tx, requestId) : undefined;
    if (!preference || !detail) throw new NotFoundError('request');
    if (!OFFERABLE.has(preference.status) || !['active', 'answered'].includes(detail.request.status)) {
      return { ok: false, errors: { form: 'notAllowedNow' } };
    }
    const offer = await q.insertOffer(tx, {
      preferenceId: preference.id,
      startDate: start,
      carePlan: detail.request.carePlan,
      answerDeadline: deadline,
      message: input.message || null,
      createdByUserId: user.id,
      createdAt: now,
    });
    await q.updatePreferenceStatus(tx, preference.id, 'offer_made', now);
    await q.insertStatusEvents(tx, [
      {
        requestId,
        preferenceId: preference.id,
        offerId: offer.id,
        eventType: 'preference.offer_made',
        fromStatus: preference.status,
        toStatus: 'offer_made',
        occurredAt: now,
        actorUserId: user.id,
        actorRole: role,
        details: { startDate: start, answerDeadline: deadline },
      },
    ]);
    await mailFamily(tx, clock, detail.family.id, (to) =>
      offerMadeMail(to, {
        child: childName(detail.child),
        provider: location.name,
        start,
        deadline,
        message: input.message || null,
        url: followUpUrl(deps, requestId),
      }),
    );
    await recordAudit(tx, clock, {
      actorUserId: user.id,
      actorRole: role,
      action: 'provider.preference.handle',
      subjectType: 'offer',
      subjectId: offer.id,
      familyId: detail.family.id,
    });
    return { ok: true, value: offer.id };
  });
  if (outcome.ok) deps.jobs.mailQueued();
  return outcome;
}
