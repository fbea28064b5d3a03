import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { registerBirthRoutes } from './birth.routes.tsx';
import { registerParentRequestRoutes } from './request-journey.routes.tsx';
import { parentWizard, registerWizardRoutes } from './wizard.routes.tsx';

/**
 * The parent's pages around a request: the home page, the request wizard with its draft, the
 * follow-up page with offers to answer, changes (dates, care plan, preferences), confirmation,
 * withdrawal and "my child is born". The rules and writes behind them are the requests module's;
 * the desk and intermediaries reuse the wizard itself (registerWizardRoutes with their own path,
 * action and scope check, to file a request for a family), the form pieces, the timeline, an
 * offer's plan next to the request's, what declining an offer does and the preference editor with
 * its location search.
 */

export { PreferenceEditing } from './changes.views.tsx';
export { confirmMessages } from './confirm.messages.ts';
export { CannotUndo, DeclineConsequences } from './confirm.views.tsx';
export { type LocationSearch, searchForPreferences } from './location-search.ts';
export { OfferPlanComparison } from './offer-plan.tsx';
export { CarePlanFields, NewChildFields } from './parent-fields.tsx';
export { PreferencesTable } from './preferences-table.tsx';
export { Timeline } from './timeline.tsx';
export { registerWizardRoutes, type WizardScope } from './wizard.routes.tsx';
export type { Filer, StaffFiling } from './wizard.service.ts';

export function registerRequestJourneyRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerParentRequestRoutes(app, deps);
  registerWizardRoutes(app, deps, parentWizard);
  registerBirthRoutes(app, deps);
}
