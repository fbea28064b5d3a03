import type { PreferenceStatus } from './request-handling.queries.ts';

/** Which steps a preference's status allows (the request must be active or answered). */
export const CAN_WAITING_LIST = new Set<PreferenceStatus>(['new', 'seen']);
export const CAN_OFFER = new Set<PreferenceStatus>(['new', 'seen', 'waiting_list']);
export const CAN_NO_PLACE = new Set<PreferenceStatus>(['new', 'seen', 'waiting_list']);
export const OPEN_REQUEST = new Set(['active', 'answered']);

/** After these the location may offer again: the parents said no, or did not answer in time. */
export const CAN_REOFFER = new Set<PreferenceStatus>(['offer_declined', 'offer_expired']);

/**
 * Whether the location may make an offer now. A first offer (new, seen, waiting list) while the
 * request is open — also when the family accepted a place elsewhere and stays on this list. A new
 * offer after a declined or expired one only while the request is still active: nothing was
 * accepted anywhere (accepting makes it "answered"), so the family is still looking.
 *
 * From the emergency list a location that once said "no place" may still offer: a place came free
 * since, and the list exists so that anyone with a place offers it (the request is active there by
 * definition). On its own request page "no place" stays its answer (or it undoes it).
 */
export function mayOffer(
  preference: PreferenceStatus,
  request: string,
  from: 'request' | 'emergencyList' = 'request',
): boolean {
  if (CAN_OFFER.has(preference)) return OPEN_REQUEST.has(request);
  if (from === 'emergencyList' && preference === 'no_place') return request === 'active';
  return CAN_REOFFER.has(preference) && request === 'active';
}

/**
 * Whether a "no place" may be undone: only while nothing else happened on the request since, i.e.
 * the request's latest status event is this very "no place" (another provider's step, the parents'
 * change, an offer from the emergency list all end the chance), and the request is still open.
 */
export function mayUndoNoPlace(
  preference: { id: string; status: PreferenceStatus },
  request: string,
  lastEvent: { preferenceId: string | null; eventType: string } | undefined,
): boolean {
  return (
    preference.status === 'no_place' &&
    OPEN_REQUEST.has(request) &&
    lastEvent?.preferenceId === preference.id &&
    lastEvent.eventType === 'preference.no_place'
  );
}
