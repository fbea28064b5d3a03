import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const { outbox, families } = schema;

/**
 * SQL of the platform admin's outbox page. A mail is *sent* once `sent_at` is set; until then it
 * is *failed* when its last attempt left an error (the sender retries it with backoff), else
 * *pending*. The bodies are never selected.
 */

const failed = and(isNull(outbox.sentAt), isNotNull(outbox.lastError));
const pending = and(isNull(outbox.sentAt), isNull(outbox.lastError));

export async function countOutbox(db: Database) {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${pending})`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${failed})`.mapWith(Number),
      sent: sql<number>`count(*) filter (where ${outbox.sentAt} is not null)`.mapWith(Number),
    })
    .from(outbox);
  return row ?? { pending: 0, failed: 0, sent: 0 };
}

/** Undelivered mails of one state, the newest first; never a body or a subject (it may name a child). */
export function listUndelivered(db: Database, state: 'pending' | 'failed', limit: number) {
  return db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      template: outbox.template,
      language: outbox.language,
      fileNumber: families.fileNumber,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      nextAttemptAt: outbox.nextAttemptAt,
    })
    .from(outbox)
    .leftJoin(families, eq(families.id, outbox.familyId))
    .where(state === 'failed' ? failed : pending)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}
export type UndeliveredMail = Awaited<ReturnType<typeof listUndelivered>>[number];

/** Whether a mail with this number exists. */
export async function outboxMailExists(db: Database, id: number): Promise<boolean> {
  const rows = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.id, id)).limit(1);
  return rows.length > 0;
}

/**
 * Puts a failed mail back to pending, due now: only a row that is still failed (not sent, with an
 * error). Returns it, or undefined when it was not failed.
 */
export async function requeueFailedMail(tx: Database, id: number, now: Date) {
  const [row] = await tx
    .update(outbox)
    .set({ lastError: null, nextAttemptAt: now })
    .where(and(eq(outbox.id, id), failed))
    .returning({ id: outbox.id, familyId: outbox.familyId, template: outbox.template });
  return row;
}
