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
