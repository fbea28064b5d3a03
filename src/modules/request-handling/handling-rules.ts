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
 */
export function mayOffer(preference: PreferenceStatus, request: string): boolean {
  if (CAN_OFFER.has(preference)) return OPEN_REQUEST.has(request);
  return CAN_REOFFER.has(preference) && request === 'active';
}
