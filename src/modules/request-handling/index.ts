/**
 * The provider's side of a request: the request page (facts, preferences, history, own notes and
 * columns) and the handling steps — seen, waiting list, offer (again after a decline), no place,
 * withdraw offer, enrolled — each with its status event and the parents' mail or task. Other
 * provider pages borrow the status words and offering from outside the preferences (emergency list).
 */

export { customValueError } from './annotations.service.ts';
export {
  handlingMessages,
  type NoPlaceReason,
  type PreferenceStatus,
  type RequestStatus,
  type SocialReason,
} from './request-handling.messages.ts';
export { registerRequestHandlingRoutes } from './request-handling.routes.tsx';
export { OfferForm, type OfferInput } from './request-handling.schemas.ts';
export { emergencyOffer, type ValidOffer, validateOffer } from './request-handling.service.ts';
