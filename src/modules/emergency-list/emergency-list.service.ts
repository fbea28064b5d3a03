import { recordAudit, recordReadAudit } from '../../platform/audit/index.ts';
import { type CurrentUser, providerLocationsReaching } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { addDays } from '../../shared/dates.ts';
import { pageOrLast } from '../../shared/paging.ts';
import type { Notified } from '../families/index.ts';
import { getRuleSetValidOn } from '../priority-rules/index.ts';
import { type Location, staffRole } from '../provider-locations/index.ts';
import { emergencyOffer, type OfferInput, validateOffer } from '../request-handling/index.ts';
import * as q from './emergency-list.queries.ts';

const PAGE_SIZE = 50;

/**
 * The location through which the user sees a municipality's emergency list: one they work at.
 * Anything else (another municipality's location, an unknown id) answers 404.
 */
async function scopeOf(
  deps: AppDeps,
  user: CurrentUser,
  action: 'provider.emergencyList.read' | 'provider.emergencyList.offer',
  locationId: string,
) {
  if (!providerLocationsReaching(user, action).includes(locationId)) throw new NotFoundError('location');
  const today = deps.clock.today();
  const [location, rules] = await Promise.all([
    q.getLocationWithSettings(deps.db, locationId),
    // Priority by the set valid today, as on the waiting list (ADR 0018).
    getRuleSetValidOn(deps.db, today),
  ]);
  // The emergency list is baby and toddler care's: out-of-school care has none.
  if (!location || location.careType === 'out_of_school') throw new NotFoundError('location');
  const scope: q.EmergencyScope = {
    municipalityId: location.municipalityId,
    today,
    windowDays: location.emergencyWindowDays,
    locationId,
    rules,
  };
  return { location, scope };
}

/**
 * Whether the looking location offers from the list (it is not among the preferences, or it said
 * "no place" there and may still offer — handling-rules' mayOffer) rather than open the request
 * on its own list.
 */
export function offersFromList(row: { ownStatus: string | null }): boolean {
  return row.ownStatus === null || row.ownStatus === 'no_place';
}

export async function getEmergencyList(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  pageAsked: number,
) {
  const { location, scope } = await scopeOf(deps, user, 'provider.emergencyList.read', locationId);
  const { rows, total, page, pages } = await pageOrLast(
    Math.max(1, pageAsked),
    PAGE_SIZE,
    (n) => q.getEmergencyList(deps.db, scope, { limit: PAGE_SIZE, offset: (n - 1) * PAGE_SIZE }),
    () => q.countEmergencyList(deps.db, scope),
  );
  // No names on this list, but it is still about children: the read is recorded.
  await recordReadAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: staffRole(user, locationId),
    action: 'provider.emergencyList.read',
    subjectType: 'waiting_list',
    subjectId: location.municipalityId,
    // Whose data was shown: the families of the rows (no names, but their children's facts).
    details: { list: 'emergency', rows: rows.length, page, families: rows.map((r) => r.familyId) },
  });
  return { location, rows, total, page, pages, today: scope.today, windowDays: scope.windowDays };
}

export type EmergencyList = Awaited<ReturnType<typeof getEmergencyList>>;

/** One request of the list, for the offer form; 404 once it is no longer on the list. */
export async function getEmergencyRequest(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
) {
  const { location, scope } = await scopeOf(deps, user, 'provider.emergencyList.offer', locationId);
  const row = await q.getEmergencyRequest(deps.db, scope, requestId);
  if (!row) throw new NotFoundError('request');
  await recordAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: staffRole(user, locationId),
    action: 'provider.emergencyList.offer',
    subjectType: 'request',
    subjectId: row.requestId,
    familyId: row.familyId,
    details: { list: 'emergency', read: 'detail' },
  });
  return {
    location,
    row,
    today: scope.today,
    defaultDeadline: addDays(scope.today, location.offerDeadlineDays),
  };
}

export type EmergencyRequest = Awaited<ReturnType<typeof getEmergencyRequest>>;

/**
 * A provider the parents did not choose offers a place: in one transaction, after checking that
 * the request is still on the list, its location joins the request (no rank) and the offer is made.
 * A location that said "no place" before offers on its own preference. Says how the family was told.
 */
export async function offerFromEmergencyList(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
  input: OfferInput,
): Promise<Result<Notified>> {
  const { location, scope } = await scopeOf(deps, user, 'provider.emergencyList.offer', locationId);
  const before = await q.getEmergencyRequest(deps.db, scope, requestId);
  if (!before) throw new NotFoundError('request');
  const offer = validateOffer(input, scope.today, before.carePlan);
  if (!offer.ok) return offer;
  const outcome = await deps.db.transaction(async (tx): Promise<Result<Notified>> => {
    await q.lockRequest(tx, requestId);
    const still = await q.getEmergencyRequest(tx, scope, requestId);
    if (!still || !offersFromList(still)) return { ok: false, errors: { form: 'notOnEmergencyList' } };
    const target: Location = {
      id: location.id,
      name: location.name,
      municipalityId: location.municipalityId,
      careType: location.careType,
    };
    return emergencyOffer(tx, deps, { user, location: target, requestId, offer: offer.value });
  });
  if (outcome.ok) deps.jobs.mailQueued();
  return outcome;
}
