export { registerMyDataRoutes } from './my-data.routes.tsx';
export { pseudonymiseFilesPastRetention, retentionJob } from './retention.job.ts';
