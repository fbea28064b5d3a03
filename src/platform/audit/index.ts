import { sql } from 'drizzle-orm';
import type { Role } from '../auth/actions.ts';
import type { Clock } from '../clock.ts';
import { type Database, schema } from '../db/index.ts';

export type AuditEntry = {
  actorUserId: string | undefined;
  actorRole: Role | undefined;
  /** The catalogue action performed, e.g. 'provider.request.read'. */
  action: string;
  subjectType:
    | 'family'
    | 'request'
    | 'preference'
    | 'offer'
    | 'waiting_list'
    | 'user'
    | 'provider_location'
    | 'audit_log'
    | 'outbox'
    | 'municipality'
    | 'region'
    | 'intermediary_organisation'
    | 'news_item'
    | 'info_page'
    | 'sick_child_service'
    | 'mail_template'
    | 'priority_rule_set'
    | 'provider_organisation'
    | 'waiting_list_import';
  subjectId?: string;
  /** Whose data: the family file concerned. */
  familyId?: string;
  details?: Record<string, unknown>;
};

/**
 * Records that personal data was read or changed. For a change, pass the transaction; for a read,
 * call it after the data was fetched. Never put a national number or free text in `details`.
 */
export async function recordAudit(db: Database, clock: Clock, entry: AuditEntry): Promise<void> {
  await db.insert(schema.auditLog).values({
    occurredAt: clock.now(),
    actorUserId: entry.actorUserId ?? null,
    actorRole: entry.actorRole ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    familyId: entry.familyId ?? null,
    details: entry.details ?? null,
  });
}

/**
 * Records a read of personal data (a page view, an export) without waiting for the disk: the insert
 * commits with `synchronous_commit = off`, for this one statement's transaction only (ADR 0024). The
 * row is committed, visible and kept on every clean shutdown; only a crash of the database server
 * or its machine may lose the views of its last fraction of a second. Never pass a transaction: the
 * setting would then hold for the whole transaction, changes and all — use `recordAudit` there.
 */
export async function recordReadAudit(db: Database, clock: Clock, entry: AuditEntry): Promise<void> {
  const details = entry.details === undefined ? null : JSON.stringify(entry.details);
  // One statement, one round trip: set_config(…, true) lasts until this statement's implicit
  // transaction ends, and its commit reads the setting.
  await db.execute(sql`insert into ${schema.auditLog}
      (occurred_at, actor_user_id, actor_role, action, subject_type, subject_id, family_id, details)
    select ${clock.now().toISOString()}::timestamptz, ${entry.actorUserId ?? null}::uuid,
      ${entry.actorRole ?? null}::role, ${entry.action}, ${entry.subjectType}, ${entry.subjectId ?? null},
      ${entry.familyId ?? null}::uuid, ${details}::jsonb
    from (select set_config('synchronous_commit', 'off', true)) as asynchronous_commit`);
}
