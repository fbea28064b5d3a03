import type { AppDeps } from '../../platform/deps.ts';
import type { ScheduledJob } from '../../platform/jobs/index.ts';
import * as q from './accounts.queries.ts';

const DAY_MS = 86_400_000;

/**
 * A registration's row is kept this long after its link stopped working (expired, or used to
 * create the account), so that a late click still gets the page that says why; then it goes, with
 * the address, name and password hash it held.
 */
export const ENDED_REGISTRATION_KEEP_DAYS = 7;

/** A registration notice only counts for the hourly limit; a day later it goes. */
const NOTICE_KEEP_DAYS = 1;

/** Deletes ended registrations and old registration notices; idempotent. */
export async function purgeEndedRegistrations(
  deps: Pick<AppDeps, 'db' | 'clock'>,
): Promise<{ registrations: number; notices: number }> {
  const now = deps.clock.now().getTime();
  const registrations = await q.deletePendingRegistrationsEndedBefore(
    deps.db,
    new Date(now - ENDED_REGISTRATION_KEEP_DAYS * DAY_MS),
  );
  const notices = await q.deleteRegistrationNoticesBefore(deps.db, new Date(now - NOTICE_KEEP_DAYS * DAY_MS));
  return { registrations, notices };
}

export function accountJobs(deps: AppDeps): ScheduledJob[] {
  return [
    {
      name: 'accounts-registration-cleanup',
      cron: '25 3 * * *',
      handler: () => purgeEndedRegistrations(deps),
    },
  ];
}
