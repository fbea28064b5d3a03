/**
 * An organisation admin's staff management: accounts, and which locations each may handle. The
 * steps and parts every staff invitation shares are lent to desk-organisations too (the desk
 * invites an intermediary organisation's staff the same way; the invitation page is here).
 */

export { hasIntermediaryGrant } from './invitations.queries.ts';
export {
  type InvitingOrganisation,
  inviteToOrganisation,
  openInvitations,
  withdrawFromOrganisation,
} from './invitations.service.ts';
export { InviteSection, PendingInvitations, PeopleSection } from './invitations.views.tsx';
export { registerOrganisationAdminRoutes } from './organisation-admin.routes.tsx';
export {
  InviteForm as StaffInviteForm,
  type InviteInput as StaffInviteInput,
  STAFF_ROLES,
} from './organisation-admin.schemas.ts';
