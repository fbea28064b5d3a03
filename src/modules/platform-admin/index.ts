/**
 * The platform admin's (region operator's) pages: the audit log with its filters and CSV export
 * (each view audited), the outbox (counts, undelivered mails without bodies, retry of a failed
 * mail) and the health of the pg-boss job queues. No family pages: families appear as file numbers.
 */

export { AdminLayout, AdminNav } from './admin.views.tsx';
export { registerPlatformAdminRoutes } from './platform-admin.routes.tsx';
