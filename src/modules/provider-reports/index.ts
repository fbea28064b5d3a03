/** A provider location's reports (figures for a period, CSV/XLSX) and the weekly overdue digest. */
export { providerReportJobs } from './overdue-digest.service.ts';
export { registerProviderReportRoutes } from './provider-reports.routes.tsx';
