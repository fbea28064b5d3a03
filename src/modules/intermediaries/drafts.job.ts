import type { AppDeps } from '../../platform/deps.ts';
import type { ScheduledJob } from '../../platform/jobs/index.ts';
import * as q from './intermediaries.queries.ts';

/** Wizard drafts nobody touched for this long are abandoned: they hold personal data for nothing. */
export const DRAFT_MAX_AGE_DAYS = 30;

/** Deletes abandoned request drafts (a parent's or staff's); returns how many. */
export function purgeAbandonedDrafts(deps: AppDeps, now: Date): Promise<number> {
  return q.deleteDraftsBefore(deps.db, new Date(now.getTime() - DRAFT_MAX_AGE_DAYS * 86_400_000));
}

/** This module's scheduled jobs (times in Belgium), registered by the composition root. */
export function intermediaryJobs(deps: AppDeps): ScheduledJob[] {
  return [
    {
      name: 'requests-draft-purge',
      cron: '15 3 * * *',
      handler: () => purgeAbandonedDrafts(deps, deps.clock.now()),
    },
  ];
}
