/**
 * What every page of a provider's location shares: the scope check (does this staff member work
 * there, for this action — else 404), the staff member's role there, and the location's navigation
 * with the page pieces around it. Used by the waiting list, the emergency list, request handling,
 * mail templates, reports, the profile and staff administration.
 */

export { recordActive, recordCapacity } from './capacity.queries.ts';
export { locationMessages } from './provider-locations.messages.ts';
export { getLocationsByIds } from './provider-locations.queries.ts';
export { type Location, locationInScope, staffRole } from './provider-locations.service.ts';
export { LocationNav, type LocationTab, Notice, TextArea } from './provider-locations.views.tsx';
