import { and, eq, isNotNull, lt, ne } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { type Database, schema } from '../db/index.ts';
import type { ScheduledJob } from '../jobs/index.ts';
import { ERASED_BODY } from './sender.ts';

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
  const { outbox } = schema;
  const deleted = await db
    .delete(outbox)
    .where(and(isNotNull(outbox.sentAt), lt(outbox.sentAt, new Date(now - MAIL_RETENTION.sentDays * DAY_MS))))
    .returning({ id: outbox.id });
  const erased = await db
    .update(outbox)
    .set({ textBody: ERASED_BODY, htmlBody: ERASED_BODY })
    .where(
      and(
        lt(outbox.createdAt, new Date(now - MAIL_RETENTION.undeliveredLinkDays * DAY_MS)),
        eq(outbox.oneTimeLink, true),
        ne(outbox.textBody, ERASED_BODY),
      ),
    )
    .returning({ id: outbox.id });
  return { deleted: deleted.length, erased: erased.length };
}

export function mailRetentionJob(deps: { db: Database; clock: Clock }): ScheduledJob {
  return {
    name: 'mail-retention',
    cron: '15 3 * * *',
    handler: () => applyMailRetention(deps.db, deps.clock),
  };
}
