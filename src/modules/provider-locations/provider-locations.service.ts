import { type Action, type CurrentUser, locationsFor, type Role } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { FieldError } from '../../platform/i18n/common.ts';
import * as q from '../request-handling/request-handling.queries.ts';

/** What every provider-side service shares: the location scope, the staff role, results. */
export type Errors = Record<string, FieldError>;
export type Result<T> = { ok: true; value: T } | { ok: false; errors: Errors };

export type Location = { id: string; name: string; municipalityId: string };

/** The location, if the user works there for this action; otherwise 404 (never reveal existence). */
export async function locationInScope(
  deps: AppDeps,
  user: CurrentUser,
  action: Action,
  locationId: string,
): Promise<Location> {
  if (!locationsFor(user, action).includes(locationId)) throw new NotFoundError('location');
  const [location] = await q.getLocationsByIds(deps.db, [locationId]);
  if (!location) throw new NotFoundError('location');
  return location;
}

export function staffRole(user: CurrentUser, locationId: string): Role {
  return user.grants.find((g) => g.providerLocationId === locationId)?.role ?? 'provider_staff';
}

export const followUpUrl = (deps: AppDeps, requestId: string) =>
  `${deps.config.publicUrl}/parent/requests/${requestId}`;

/** Which steps a preference's status allows (the request must be active or answered). */
export const CAN_WAITING_LIST = new Set<q.PreferenceStatus>(['new', 'seen']);
export const CAN_OFFER = new Set<q.PreferenceStatus>(['new', 'seen', 'waiting_list']);
export const CAN_NO_PLACE = new Set<q.PreferenceStatus>(['new', 'seen', 'waiting_list']);
export const OPEN_REQUEST = new Set(['active', 'answered']);

/** After these the location may offer again: the parents said no, or did not answer in time. */
export const CAN_REOFFER = new Set<q.PreferenceStatus>(['offer_declined', 'offer_expired']);

/**
 * Whether the location may make an offer now. A first offer (new, seen, waiting list) while the
 * request is open — also when the family accepted a place elsewhere and stays on this list. A new
 * offer after a declined or expired one only while the request is still active: nothing was
 * accepted anywhere (accepting makes it "answered"), so the family is still looking.
 */
export function mayOffer(preference: q.PreferenceStatus, request: string): boolean {
  if (CAN_OFFER.has(preference)) return OPEN_REQUEST.has(request);
  return CAN_REOFFER.has(preference) && request === 'active';
}
