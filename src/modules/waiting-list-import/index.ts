/**
 * The desk imports a provider location's existing waiting list from CSV or XLSX: the file's
 * columns mapped to our fields, a preview with every refused row and its reason, and one
 * transaction that writes all the rows that pass or none (ADR 0023).
 */
export { registerWaitingListImportRoutes } from './import.routes.tsx';
