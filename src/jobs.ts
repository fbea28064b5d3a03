import { accountJobs } from './modules/accounts/index.ts';
import { intermediaryJobs } from './modules/intermediaries/index.ts';
import { retentionJob } from './modules/my-data/index.ts';
import { providerReportJobs } from './modules/provider-reports/index.ts';
import { requestJobs } from './modules/requests/index.ts';
import type { AppDeps } from './platform/deps.ts';
import type { ScheduledJob } from './platform/jobs/index.ts';
import { mailRetentionJob } from './platform/mail/retention.ts';

/** Every module's scheduled jobs, handed to the job system by the server (one line per module). */
export function scheduledJobs(deps: AppDeps): ScheduledJob[] {
  return [
    ...requestJobs(deps),
    ...intermediaryJobs(deps),
    mailRetentionJob(deps),
    ...providerReportJobs(deps),
    retentionJob(deps),
    ...accountJobs(deps),
  ];
}
