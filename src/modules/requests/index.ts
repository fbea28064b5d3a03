/**
 * The request itself: filing it (with its guarantees against double submits), its preferences
 * and their statuses, the rules that need today's date or the database, the parent's answer to
 * an offer, changes (dates, care plan, preferences), confirmation, withdrawal, the birth data of
 * an unborn child, the daily reminder and expiry jobs, and the mails the family gets for them.
 * Its pages are the request journey's (parents), request handling's (providers) and the
 * intermediaries'.
 */

export { completeBirthData, getUnbornChild } from './birth.service.ts';
export { compactCarePlan, daysPerWeek } from './care-plan.ts';
export { changeCarePlan, changeDates, confirmRequest, withdrawRequest } from './changes.service.ts';
export {
  deleteDraft,
  getLocationSummaries,
  getRegionMunicipalities,
  getWizardDraft,
  insertDraft,
  searchLocations,
  updateDraft,
} from './drafts.queries.ts';
export { offerPlanMessages } from './offer-plan.messages.ts';
export {
  compareOfferWithRequest,
  describeDifference,
  type PlanDifference,
  planRows,
  type WeeklyPlan,
} from './offer-plan.ts';
export { applyPreferenceOp, parsePreferenceOp } from './preference-list.ts';
export {
  cancelPreferenceEdit,
  editPreferences,
  getPreferenceEditor,
  type PreferenceEditor,
  savePreferences,
} from './preferences-edit.service.ts';
export { expireOffers, requestJobs, sendBirthDataReminders } from './reminders.service.ts';
export { confirmationDueDate, isFarAhead, schoolEntryDate } from './request-dates.ts';
export {
  checkCarePlan,
  checkNewChild,
  checkPreferenceFields,
  checkPreferences,
  checkWhen,
  oldestAcceptedAgeMonths,
} from './request-rules.ts';
export { messages as requestMessages } from './requests.messages.ts';
export {
  claimSubmissionKey,
  getEventsOfRequest,
  getFamilyRequests,
  getMunicipalities,
  getPreferenceOfLocation,
  getPreferencesOfRequest,
  getRequestIdBySubmissionKey,
  getRequestWithChild,
  getSelectableLocations,
  insertOffer,
  insertStatusEvents,
  lockRequest,
  type NoPlaceReasonCode,
  type StatusEventInsert,
  updateOfferStatus,
  updatePreferenceStatus,
} from './requests.queries.ts';
export {
  AcceptOfferForm,
  BirthForm,
  CarePlanForm,
  ChildChoiceForm,
  LocationFilterQuery,
  MAX_PREFERENCE_FIELDS,
  NewChildForm,
  WhenForm,
} from './requests.schemas.ts';
export {
  type Acting,
  acceptOffer,
  declineOffer,
  followUpUrl,
  isOpenPreference,
  isOpenRequest,
  type OnBehalf,
  requireOfferOfRequest,
  requireOwnRequest,
} from './requests.service.ts';
export { fileWithGuarantees, insertRequest, type RequestValues } from './submit.service.ts';
