import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { registerParentRequestRoutes } from '../request-journey/request-journey.routes.tsx';
import { registerProviderRequestRoutes } from '../request-handling/request-handling.routes.tsx';

// Besides its routes and jobs, the module lends the rules, writes and form pieces of the parent's
// journey to filing on behalf of a family (intermediaries; later the desk), and notifyFamily.

export { getSubMunicipalities, insertFamilyFile } from '../families/families.queries.ts';
export { FAMILY_FACTS, FamilyForm, SITUATIONS } from '../families/families.schemas.ts';
export { checkParents, checkSubMunicipality } from '../families/families.service.ts';
export { ParentFields, subMunicipalityOptions } from '../families/families.views.tsx';
export { getParentsOfFamily } from '../request-handling/request-handling.queries.ts';
export { type FamilyTask, notifyFamily, type Recipient as FamilyRecipient } from '../families/notify-family.ts';
export { CarePlanFields, NewChildFields } from '../request-journey/parent-fields.tsx';
export { PreferencesTable } from '../request-journey/preferences-table.tsx';
export { hasWorkPriority, isPriorityGroup } from './priority.ts';
export * from '../request-handling/provider.ts';
export { requestJobs } from './reminders.service.ts';
export { isFarAhead } from './request-dates.ts';
export {
  checkCarePlan,
  checkNewChild,
  checkPreferenceFields,
  checkPreferences,
  checkWhen,
} from './request-rules.ts';
export {
  findChildByNationalNumberHash,
  getEventsOfRequest,
  getFamilyRequests,
  getMunicipalities,
  getMunicipality,
  getPreferencesOfRequest,
  getRequestWithChild,
  getSelectableLocations,
  insertChild,
  insertParent,
} from './requests.queries.ts';
export { CarePlanForm, MAX_PREFERENCE_FIELDS, NewChildForm, text, WhenForm } from './requests.schemas.ts';
export { acceptOffer, declineOffer, type OnBehalf } from './requests.service.ts';
export { fileWithGuarantees, insertRequest } from './submit.service.ts';
export { Timeline } from '../request-journey/timeline.tsx';

export function registerRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerParentRequestRoutes(app, deps);
  registerProviderRequestRoutes(app, deps);
}
