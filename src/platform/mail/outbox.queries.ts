import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import { type Database, schema } from '../db/index.ts';

const { outbox } = schema;

/** SQL of the outbox: claiming due mails, recording each attempt, and retention. */

/** What stays of a one-time-link mail's body once it is delivered. */
export const ERASED_BODY = '';

/**
 * Claims up to `batchSize` due mails: one UPDATE (atomic on its own) picks due rows with
 * `FOR UPDATE SKIP LOCKED` and pushes their `next_attempt_at` to `leaseUntil`.
 */
export async function claimDueMails(db: Database, now: Date, leaseUntil: Date, batchSize: number) {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.id))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ nextAttemptAt: leaseUntil })
    .where(inArray(outbox.id, due))
    .returning({
      id: outbox.id,
      toAddress: outbox.toAddress,
      language: outbox.language,
      subject: outbox.subject,
      textBody: outbox.textBody,
      htmlBody: outbox.htmlBody,
      attempts: outbox.attempts,
      createdAt: outbox.createdAt,
    });
  return claimed.sort((a, b) => a.id - b.id);
}

const erasedUnlessKept = (column: typeof outbox.textBody | typeof outbox.htmlBody) =>
  sql`case when ${outbox.oneTimeLink} then ${ERASED_BODY} else ${column} end`;

/** A delivered mail: sent, one more attempt, and a one-time link's body erased. */
export async function markSent(db: Database, id: number, at: Date) {
  await db
    .update(outbox)
    .set({
      sentAt: at,
      attempts: sql`${outbox.attempts} + 1`,
      textBody: erasedUnlessKept(outbox.textBody),
      htmlBody: erasedUnlessKept(outbox.htmlBody),
    })
    .where(eq(outbox.id, id));
}

export async function markFailed(
  db: Database,
  id: number,
  values: { attempts: number; lastError: string; nextAttemptAt: Date },
) {
  await db.update(outbox).set(values).where(eq(outbox.id, id));
}

/** Deletes mails sent before `before`; returns how many. */
export async function deleteSentBefore(db: Database, before: Date): Promise<number> {
  const rows = await db
    .delete(outbox)
    .where(and(isNotNull(outbox.sentAt), lt(outbox.sentAt, before)))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Erases the body of one-time-link mails created before `before` that still carry one. */
export async function eraseLinksCreatedBefore(db: Database, before: Date): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ textBody: ERASED_BODY, htmlBody: ERASED_BODY })
    .where(and(lt(outbox.createdAt, before), eq(outbox.oneTimeLink, true), ne(outbox.textBody, ERASED_BODY)))
    .returning({ id: outbox.id });
  return rows.length;
}
