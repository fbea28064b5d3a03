import { sql } from 'drizzle-orm';
import { type Database, schema } from '../db/index.ts';

/** SQL of the audit log's two writers (platform/audit/index.ts says when to use which). */

export type AuditRow = {
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  familyId: string | null;
  details: Record<string, unknown> | null;
};

/** One audit row, in the caller's transaction when it passes one. */
export async function insertAuditRow(db: Database, row: AuditRow): Promise<void> {
  await db.insert(schema.auditLog).values(row as typeof schema.auditLog.$inferInsert);
}

/**
 * One audit row committed with `synchronous_commit = off` for this statement's own transaction only:
 * set_config(…, true) lasts until the statement's implicit transaction ends, and its commit reads
 * the setting. One statement, one round trip.
 */
export async function insertAuditRowAsynchronously(db: Database, row: AuditRow): Promise<void> {
  const details = row.details === null ? null : JSON.stringify(row.details);
  await db.execute(sql`insert into ${schema.auditLog}
      (occurred_at, actor_user_id, actor_role, action, subject_type, subject_id, family_id, details)
    select ${row.occurredAt.toISOString()}::timestamptz, ${row.actorUserId}::uuid,
      ${row.actorRole}::role, ${row.action}, ${row.subjectType}, ${row.subjectId},
      ${row.familyId}::uuid, ${details}::jsonb
    from (select set_config('synchronous_commit', 'off', true)) as asynchronous_commit`);
}
