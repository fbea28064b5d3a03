import type { Clock } from '../clock.ts';
import type { Database } from '../db/index.ts';
import type { ScheduledJob } from '../jobs/index.ts';
import { deleteSentBefore, eraseLinksCreatedBefore } from './outbox.queries.ts';

const DAY_MS = 86_400_000;

/**
 * How long the outbox keeps what it holds. Copies of sent mails belong to the family file and
 * follow its retention (5 years, childcare decree art. 24); a one-time link that was never
 * delivered is useless after a week (every token expires sooner) and is erased then.
 */
export const MAIL_RETENTION = { sentDays: 5 * 365, undeliveredLinkDays: 7 } as const;

/** Deletes sent mails past retention and erases stale one-time links. Idempotent. */
export async function applyMailRetention(
  db: Database,
  clock: Clock,
): Promise<{ deleted: number; erased: number }> {
  const now = clock.now().getTime();
  const deleted = await deleteSentBefore(db, new Date(now - MAIL_RETENTION.sentDays * DAY_MS));
  const erased = await eraseLinksCreatedBefore(
    db,
    new Date(now - MAIL_RETENTION.undeliveredLinkDays * DAY_MS),
  );
  return { deleted, erased };
}

export function mailRetentionJob(deps: { db: Database; clock: Clock }): ScheduledJob {
  return {
    name: 'mail-retention',
    cron: '15 3 * * *',
    handler: () => applyMailRetention(deps.db, deps.clock),
  };
}
