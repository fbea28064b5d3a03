/**
 * The region operator's pages for the priority rule sets (ADR 0018), under /admin/priority-rules:
 * the list with the set valid today, one set in plain words with its earlier versions, and adding
 * a set or correcting one as a new version — after a preview of how many open requests change
 * priority level. Reads and writes the sets only through the priority-rules module.
 */
export { registerPriorityRuleAdminRoutes } from './priority-rule-admin.routes.tsx';
