/**
 * The desk's administration of its municipality's intermediary organisations (OCMW, CAW and the
 * like, which file requests for families): adding one, inviting its staff by a mailed link (the
 * grant exists once the person accepts, on the invitation page of organisation-admin), withdrawing
 * an invitation, and removing a staff member, which ends their sessions at once. Every change is one
 * transaction with its audit row; another municipality's organisation answers 404.
 */

export { registerDeskOrganisationRoutes } from './desk-organisations.routes.tsx';
