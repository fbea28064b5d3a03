import type { Role } from '../auth/actions.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/index.ts';
import { type AuditRow, insertAuditRow, insertAuditRowAsynchronously } from './audit.queries.ts';

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

function rowOf(clock: Clock, entry: AuditEntry): AuditRow {
  return {
    occurredAt: clock.now(),
    actorUserId: entry.actorUserId ?? null,
    actorRole: entry.actorRole ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    familyId: entry.familyId ?? null,
    details: entry.details ?? null,
  };
}

/**
 * Records that personal data was read or changed. For a change, pass the transaction; for a read,
 * call it after the data was fetched. Never put a national number or free text in `details`.
 */
export async function recordAudit(db: Database, clock: Clock, entry: AuditEntry): Promise<void> {
  await insertAuditRow(db, rowOf(clock, entry));
}

/**
 * Records a read of personal data (a page view, an export) without waiting for the disk: the insert
 * commits with `synchronous_commit = off`, for this one statement's transaction only (ADR 0024). The
 * row is committed, visible and kept on every clean shutdown; only a crash of the database server
 * or its machine may lose the views of its last fraction of a second. Never pass a transaction: the
 * setting would then hold for the whole transaction, changes and all — use `recordAudit` there.
 */
export async function recordReadAudit(db: Database, clock: Clock, entry: AuditEntry): Promise<void> {
  await insertAuditRowAsynchronously(db, rowOf(clock, entry));
}
