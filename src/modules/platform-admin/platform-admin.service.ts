import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { isUuid } from '../../platform/http/validation.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { compareDates, localDate } from '../../shared/dates.ts';
import {
  type AuditCriteria,
  type AuditCursor,
  type AuditRow,
  familyIdsByFileNumber,
  fileNumbersOf,
  findAccount,
  findAuditRows,
} from './audit.queries.ts';
import { databaseNow, jobSystemState, type QueueHealth, queueHealth } from './jobs.queries.ts';
import {
  countOutbox,
  listUndelivered,
  outboxMailExists,
  requeueFailedMail,
  type UndeliveredMail,
} from './outbox.queries.ts';
import type { AuditFilterInput } from './platform-admin.schemas.ts';

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds; a larger result is cut, and the file says so. */
export const EXPORT_LIMIT = 50_000;
/** How many undelivered mails of each state the outbox page lists. */
export const OUTBOX_LIST_LIMIT = 100;

/** What the filters name, resolved: a file number to its family, an e-mail address to an account. */
export type ResolvedFilters = {
  input: AuditFilterInput;
  criteria: AuditCriteria;
  /** A filter named nothing that exists (a file number, an account): the result is empty. */
  unknown: ('file' | 'staff')[];
  staffName?: string;
};

export type FilterOutcome = { ok: true; value: ResolvedFilters } | { ok: false; errors: Errors };

/** 'ko-10001' or '10001' → 'KO-10001'. */
const fileNumberOf = (v: string) => `KO-${v.replace(/^KO-/i, '')}`;

/** Checks what the schema cannot (the period's order, the staff field's kind) and resolves names to ids. */
export async function resolveFilters(deps: AppDeps, input: AuditFilterInput): Promise<FilterOutcome> {
  const errors: Errors = {};
  if (input.from && input.until && compareDates(localDate(input.until), localDate(input.from)) < 0)
    errors.until = 'endBeforeStart';
  const staff = input.staff;
  if (staff && !isUuid(staff) && !/^[^@\s]+@[^@\s]+$/.test(staff)) errors.staff = 'invalidEmail';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const criteria: AuditCriteria = { action: input.action, from: input.from, until: input.until };
  const unknown: ResolvedFilters['unknown'] = [];
  let staffName: string | undefined;
  if (input.file) {
    const ids = await familyIdsByFileNumber(deps.db, fileNumberOf(input.file));
    if (ids.length === 0) unknown.push('file');
    criteria.familyIds = ids;
  }
  if (staff) {
    const account = await findAccount(deps.db, isUuid(staff) ? { id: staff } : { email: staff });
    if (account) {
      criteria.actorUserId = account.id;
      staffName = account.displayName;
    } else unknown.push('staff');
  }
  return { ok: true, value: { input, criteria, unknown, staffName } };
}

/** What an audit row of the admin's own read says about the filters: ids and codes, never an address. */
function filtersForAudit(f: ResolvedFilters) {
  return {
    family: f.criteria.familyIds?.[0] ?? null,
    staff: f.criteria.actorUserId ?? null,
    action: f.criteria.action ?? null,
    from: f.criteria.from ?? null,
    until: f.criteria.until ?? null,
    unknown: f.unknown,
  };
}

export type AuditPage = {
  filters: ResolvedFilters;
  rows: AuditRow[];
  /** File numbers of the families that list rows named in `details.families`. */
  listedFiles: Map<string, string>;
  /** The cursor of the next (older) page, when there is one. */
  olderCursor: string | undefined;
  firstPage: boolean;
};

export function parseCursor(raw: string | undefined): AuditCursor | undefined {
  if (!raw) return undefined;
  const [ms, id] = raw.split('.');
  const occurredAt = new Date(Number(ms));
  const n = Number(id);
  if (Number.isNaN(occurredAt.getTime()) || !Number.isSafeInteger(n)) return undefined;
  return { occurredAt, id: n };
}

const cursorOf = (row: AuditRow) => `${row.occurredAt.getTime()}.${row.id}`;

const familiesNamed = (rows: AuditRow[]) => [
  ...new Set(
    rows.flatMap((r) => {
      const listed = r.details?.families;
      return Array.isArray(listed)
        ? listed.filter((v): v is string => typeof v === 'string' && isUuid(v))
        : [];
    }),
  ),
];

/** One page of the filtered log, newest first; the admin's read is audited naming the filters. */
export async function getAuditPage(
  deps: AppDeps,
  user: CurrentUser,
  filters: ResolvedFilters,
): Promise<AuditPage> {
  const cursor = parseCursor(filters.input.after);
  const rows =
    filters.unknown.length > 0
      ? []
      : await findAuditRows(deps.db, filters.criteria, AUDIT_PAGE_SIZE + 1, cursor);
  const more = rows.length > AUDIT_PAGE_SIZE;
  const shown = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = shown[shown.length - 1];
  const listedFiles = await fileNumbersOf(deps.db, familiesNamed(shown).slice(0, 500));
  await recordAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: 'platform_admin',
    action: 'admin.audit.read',
    subjectType: 'audit_log',
    familyId: filters.criteria.familyIds?.[0],
    details: { filters: filtersForAudit(filters), rows: shown.length, page: cursor ? 'older' : 'first' },
  });
  return {
    filters,
    rows: shown,
    listedFiles,
    olderCursor: more && last ? cursorOf(last) : undefined,
    firstPage: !cursor,
  };
}

export type AuditExport = { rows: AuditRow[]; listedFiles: Map<string, string>; cut: boolean };

/** The filtered log for a file, at most EXPORT_LIMIT rows; the export is audited naming the filters. */
export async function getAuditExport(
  deps: AppDeps,
  user: CurrentUser,
  filters: ResolvedFilters,
): Promise<AuditExport> {
  const rows =
    filters.unknown.length > 0 ? [] : await findAuditRows(deps.db, filters.criteria, EXPORT_LIMIT + 1);
  const cut = rows.length > EXPORT_LIMIT;
  const kept = rows.slice(0, EXPORT_LIMIT);
  const listedFiles = await fileNumbersOf(deps.db, familiesNamed(kept));
  await recordAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: 'platform_admin',
    action: 'admin.audit.export',
    subjectType: 'audit_log',
    familyId: filters.criteria.familyIds?.[0],
    details: { filters: filtersForAudit(filters), rows: kept.length, cut },
  });
  return { rows: kept, listedFiles, cut };
}

export type OutboxOverview = {
  counts: { pending: number; failed: number; sent: number };
  failed: UndeliveredMail[];
  pending: UndeliveredMail[];
};

export async function getOutboxOverview(deps: AppDeps): Promise<OutboxOverview> {
  const [counts, failed, pending] = await Promise.all([
    countOutbox(deps.db),
    listUndelivered(deps.db, 'failed', OUTBOX_LIST_LIMIT),
    listUndelivered(deps.db, 'pending', OUTBOX_LIST_LIMIT),
  ]);
  return { counts, failed, pending };
}

/**
 * Puts a failed mail back to pending (due now), with its audit row, in one transaction; then wakes
 * the sender. 'notFailed' when it was pending or sent already (nothing changed); 'missing' when no
 * mail has this number.
 */
export async function retryMail(
  deps: AppDeps,
  user: CurrentUser,
  mailId: number,
): Promise<'queued' | 'notFailed' | 'missing'> {
  const row = await deps.db.transaction(async (tx) => {
    const requeued = await requeueFailedMail(tx, mailId, deps.clock.now());
    if (!requeued) return undefined;
    await recordAudit(tx, deps.clock, {
      actorUserId: user.id,
      actorRole: 'platform_admin',
      action: 'admin.outbox.retry',
      subjectType: 'outbox',
      subjectId: String(requeued.id),
      familyId: requeued.familyId ?? undefined,
      details: { template: requeued.template },
    });
    return requeued;
  });
  if (row) {
    deps.jobs.mailQueued();
    return 'queued';
  }
  return (await outboxMailExists(deps.db, mailId)) ? 'notFailed' : 'missing';
}

export type JobsHealth =
  | { running: false }
  | { running: true; maintainedOn: Date | undefined; now: Date; queues: QueueHealth[] };

/** The job queues' health from pg-boss's tables, or that the job system never started here. */
export async function getJobsHealth(deps: AppDeps): Promise<JobsHealth> {
  const state = await jobSystemState(deps.db);
  if (!state.installed) return { running: false };
  const [queues, now] = await Promise.all([queueHealth(deps.db), databaseNow(deps.db)]);
  return { running: true, maintainedOn: state.maintainedOn, now, queues };
}
