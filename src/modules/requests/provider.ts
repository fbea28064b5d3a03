/**
 * The provider side of requests as other modules use it (waiting list, emergency list): the
 * scope check, the status words, the navigation, and offering from outside the preferences.
 */

export { customValueError } from './annotations.service.ts';
export { compactCarePlan, daysPerWeek } from './care-plan.ts';
export {
  handlingMessages,
  type NoPlaceReason,
  type PreferenceStatus,
  type RequestStatus,
  type SocialReason,
} from './handling.messages.ts';
export { OfferForm, type OfferInput } from './handling.schemas.ts';
export { offerAsNewPreference, type ValidOffer, validateOffer } from './handling.service.ts';
export { priorityGroupSql } from './priority.sql.ts';
export { ageInMonths, childName } from './provider-format.ts';
export { type Errors, type Location, locationInScope, type Result, staffRole } from './provider-scope.ts';
export { LocationNav, Notice, TextArea } from './provider-views.tsx';
