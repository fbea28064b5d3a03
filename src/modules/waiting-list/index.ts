/** The waiting list of a provider location: filters, sort, pages, own columns, export. */
export { registerWaitingListRoutes } from './waiting-list.routes.tsx';
