/**
 * The waiting list of a provider location: filters, sort, pages, own columns, export. Its query
 * and default view are shared with the weekly digest of requests overdue for an answer.
 */
export { getWaitingListPage, type ListScope } from './waiting-list.queries.ts';
export { registerWaitingListRoutes } from './waiting-list.routes.tsx';
export { DEFAULT_VIEW } from './waiting-list.view.ts';
