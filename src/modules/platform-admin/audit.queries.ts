import { and, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const { auditLog, users, families, familyMerges } = schema;

/** SQL of the platform admin's audit page: the filtered log, newest first, and what filters name. */

export type AuditCriteria = {
  /** The family file and the files merged into it (their rows follow the kept file, ADR 0016). */
  familyIds?: string[];
  actorUserId?: string;
  action?: string;
  /** Calendar days in Belgium, both inclusive. */
  from?: string;
  until?: string;
};

/** Where the page starts: the row after which older rows follow (keyset, newest first). */
export type AuditCursor = { occurredAt: Date; id: number };

/**
 * The filter as SQL. Each criterion has an index (migration 0008): the family by
 * `audit_log_family_idx` or, for a list that named it, the GIN index on `details -> 'families'`;
 * the staff member by `audit_log_actor_idx`; the action by `audit_log_action_idx`; a period or
 * nothing by `audit_log_occurred_idx`.
 */
function whereOf(c: AuditCriteria, cursor?: AuditCursor): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (c.familyIds && c.familyIds.length > 0) {
    conditions.push(
      or(
        inArray(auditLog.familyId, c.familyIds),
        ...c.familyIds.map(
          (id) => sql`(${auditLog.details} -> 'families') @> ${JSON.stringify([id])}::jsonb`,
        ),
      ),
    );
  }
  if (c.actorUserId) conditions.push(eq(auditLog.actorUserId, c.actorUserId));
  if (c.action) conditions.push(eq(auditLog.action, c.action));
  // The day's bounds are constants for the planner, so the index on occurred_at still serves.
  if (c.from)
    conditions.push(
      gte(auditLog.occurredAt, sql`(${c.from}::date)::timestamp at time zone 'Europe/Brussels'`),
    );
  if (c.until)
    conditions.push(
      lt(auditLog.occurredAt, sql`(${c.until}::date + 1)::timestamp at time zone 'Europe/Brussels'`),
    );
  if (cursor) {
    conditions.push(
      or(
        lt(auditLog.occurredAt, cursor.occurredAt),
        and(eq(auditLog.occurredAt, cursor.occurredAt), lt(auditLog.id, cursor.id)),
      ),
    );
  }
  return and(...conditions);
}

/** Up to `limit` rows of the filtered log, newest first, with the staff member and the file number. */
export function findAuditRows(db: Database, c: AuditCriteria, limit: number, cursor?: AuditCursor) {
  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      familyId: auditLog.familyId,
      fileNumber: families.fileNumber,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(families, eq(families.id, auditLog.familyId))
    .where(whereOf(c, cursor))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(limit);
}
export type AuditRow = Awaited<ReturnType<typeof findAuditRows>>[number];

/** The file numbers of families a list row named (for the summary of its details). */
export async function fileNumbersOf(db: Database, familyIds: string[]): Promise<Map<string, string>> {
  if (familyIds.length === 0) return new Map();
  const rows = await db
    .select({ id: families.id, fileNumber: families.fileNumber })
    .from(families)
    .where(inArray(families.id, familyIds));
  return new Map(rows.map((r) => [r.id, r.fileNumber]));
}

/** The family file with this number, and the files merged into it. */
export async function familyIdsByFileNumber(db: Database, fileNumber: string): Promise<string[]> {
  const [family] = await db
    .select({ id: families.id })
    .from(families)
    .where(eq(families.fileNumber, fileNumber))
    .limit(1);
  if (!family) return [];
  const merged = await db
    .select({ id: familyMerges.mergedFamilyId })
    .from(familyMerges)
    .where(eq(familyMerges.keptFamilyId, family.id));
  return [family.id, ...merged.map((m) => m.id)];
}

/** A staff account by its e-mail address (case-insensitive) or id. */
export async function findAccount(db: Database, by: { email: string } | { id: string }) {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where('email' in by ? sql`lower(${users.email}) = lower(${by.email})` : eq(users.id, by.id))
    .limit(1);
  return row;
}
