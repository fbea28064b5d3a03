import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/index.ts';

/**
 * SQL of the job queue health page, read straight from pg-boss 10's tables (schema `pgboss`) in
 * the app's own database, so that any process (web or worker) can show it. Finished jobs move to
 * `pgboss.archive`, so the last failure is looked for in both tables.
 */

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Whether pg-boss ever started on this database (its tables exist), and its last maintenance run. */
export async function jobSystemState(db: Database) {
  const [row] = rowsOf<{ installed: boolean }>(
    await db.execute(sql`select to_regclass('pgboss.job') is not null and to_regclass('pgboss.queue') is not null
      and to_regclass('pgboss.archive') is not null and to_regclass('pgboss.version') is not null as installed`),
  );
  if (!row?.installed) return { installed: false as const };
  const [version] = rowsOf<{ maintainedOn: Date | string | null }>(
    await db.execute(sql`select maintained_on as "maintainedOn" from pgboss.version limit 1`),
  );
  return { installed: true as const, maintainedOn: toDate(version?.maintainedOn ?? null) };
}

export type QueueHealth = {
  name: string;
  waiting: number;
  active: number;
  failed: number;
  oldestWaitingSince: Date | undefined;
  lastFailureAt: Date | undefined;
  lastFailureMessage: string | undefined;
};

type RawQueue = {
  name: string;
  waiting: string | number;
  active: string | number;
  failed: string | number;
  oldest: Date | string | null;
  lastFailureAt: Date | string | null;
  lastFailureMessage: string | null;
};

/** Per queue: jobs waiting (created or to retry, already due), active, failed; the oldest due; the last failure. */
export async function queueHealth(db: Database): Promise<QueueHealth[]> {
  const rows = rowsOf<RawQueue>(
    await db.execute(sql`
      select q.name,
        (select count(*) from pgboss.job j
          where j.name = q.name and j.state in ('created', 'retry') and j.start_after <= now()) as waiting,
        (select count(*) from pgboss.job j where j.name = q.name and j.state = 'active') as active,
        (select count(*) from pgboss.job j where j.name = q.name and j.state = 'failed')
          + (select count(*) from pgboss.archive a where a.name = q.name and a.state = 'failed') as failed,
        (select min(j.start_after) from pgboss.job j
          where j.name = q.name and j.state in ('created', 'retry') and j.start_after <= now()) as oldest,
        f.completed_on as "lastFailureAt",
        left(coalesce(f.output ->> 'message', f.output::text), 300) as "lastFailureMessage"
      from pgboss.queue q
      left join lateral (
        select completed_on, output from (
          select completed_on, output from pgboss.job where name = q.name and state = 'failed'
          union all
          select completed_on, output from pgboss.archive where name = q.name and state = 'failed'
        ) failures order by completed_on desc nulls last limit 1
      ) f on true
      order by q.name`),
  );
  return rows.map((r) => ({
    name: r.name,
    waiting: Number(r.waiting),
    active: Number(r.active),
    failed: Number(r.failed),
    oldestWaitingSince: toDate(r.oldest),
    lastFailureAt: toDate(r.lastFailureAt),
    lastFailureMessage: r.lastFailureMessage ?? undefined,
  }));
}

/** The database's own "now", against which pg-boss's times are measured. */
export async function databaseNow(db: Database): Promise<Date> {
  const [row] = rowsOf<{ now: Date | string }>(await db.execute(sql`select now() as now`));
  return toDate(row?.now ?? null) ?? new Date();
}

function toDate(value: Date | string | null): Date | undefined {
  if (value === null) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
