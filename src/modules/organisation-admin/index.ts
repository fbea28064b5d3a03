/** An organisation admin's staff management: accounts, and which locations each may handle. */
export { registerOrganisationAdminRoutes } from './organisation-admin.routes.tsx';
