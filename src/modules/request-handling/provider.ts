/**
 * The provider side of requests as other modules use it (waiting list, emergency list): the
 * scope check, the status words, the navigation, and offering from outside the preferences.
 */

export { customValueError } from './annotations.service.ts';
export { compactCarePlan, daysPerWeek } from '../requests/care-plan.ts';
export {
  handlingMessages,
  type NoPlaceReason,
  type PreferenceStatus,
  type RequestStatus,
  type SocialReason,
} from './request-handling.messages.ts';
export { OfferForm, type OfferInput } from './request-handling.schemas.ts';
export { offerAsNewPreference, type ValidOffer, validateOffer } from './request-handling.service.ts';
export { priorityGroupSql } from '../requests/priority.sql.ts';
export { ageInMonths, childName } from '../families/children.ts';
export { type Errors, type Location, locationInScope, type Result, staffRole } from '../provider-locations/provider-locations.service.ts';
export { LocationNav, Notice, TextArea } from '../provider-locations/provider-locations.views.tsx';
