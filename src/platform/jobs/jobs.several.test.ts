import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/db.ts';
import { startSmtp } from '../../../test/smtp.ts';
import { loadConfig } from '../../config.ts';
import { FixedClock } from '../clock.ts';
import { type DatabaseHandle, openPostgres, schema } from '../db/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { type Jobs, startJobs } from './index.ts';

/**
 * WORKERS=n runs one job system per process against the same database. These tests start three
 * job systems on one database — on PostgreSQL each with its own connection pool, as separate
 * processes would have; on PGlite sharing its one connection — and check that work is done once.
 */

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const configWith = (env: Record<string, string>) =>
  loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/nonexistent',
    SESSION_SECRET: 'jobs-test-session-secret-jobs-test-session-secret',
    NATIONAL_NUMBER_ENCRYPTION_KEY: '11'.repeat(32),
    NATIONAL_NUMBER_HASH_KEY: '22'.repeat(32),
    ...env,
  });

const SYSTEMS = 3;

describe.each(BACKENDS)('several job systems on one database (%s)', (backend) => {
  let database: DatabaseHandle;
  /** One handle per job system ("process"). */
  let handles: DatabaseHandle[] = [];
  let systems: Jobs[] = [];
  const clock = new FixedClock('2026-11-22T09:00:00Z');
  const logged: string[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(backend);
    handles = Array.from({ length: SYSTEMS }, () =>
      database.url ? openPostgres(database.url, { max: 3, onIdleError: () => {} }) : database,
    );
    logged.length = 0;
  });
  afterEach(async () => {
    for (const jobs of systems) await jobs.stop();
    systems = [];
    for (const handle of handles) if (handle !== database) await handle.close();
    await database.close();
  });

  const start = async (options: Omit<Parameters<typeof startJobs>[0], 'database' | 'clock'>) => {
    // One after the other, as processes that start a moment apart.
    for (const handle of handles) systems.push(await startJobs({ database: handle, clock, ...options }));
  };

  it('delivers every mail of the outbox exactly once', async () => {
    const smtp = await startSmtp();
    try {
      await start({
        config: configWith({ SMTP_URL: smtp.url }),
        log: (msg) => logged.push(msg),
        pollingIntervalSeconds: 0.5,
      });
      const subjects = Array.from(
        { length: 30 },
        (_, i) => `Aanvraag ontvangen ${String(i).padStart(2, '0')}`,
      );
      for (const subject of subjects) {
        await database.db.transaction((tx) =>
          enqueueMail(tx, clock, {
            to: 'ouder@example.be',
            language: 'nl',
            template: 'request.submitted',
            subject,
            text: 'We hebben uw aanvraag ontvangen.',
            html: '<p>We hebben uw aanvraag ontvangen.</p>',
          }),
        );
        // Every process signals the mails it committed; the others see them too.
        for (const jobs of systems) jobs.signals.mailQueued();
      }

      await waitFor(async () => {
        const rows = await database.db.select({ sentAt: schema.outbox.sentAt }).from(schema.outbox);
        return rows.length === subjects.length && rows.every((r) => r.sentAt !== null);
      });
      // Give a second delivery, if one were under way, the time to show itself.
      for (const jobs of systems) jobs.signals.mailQueued();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      for (const jobs of systems) await jobs.stop();
      systems = [];

      expect(smtp.received.map((m) => m.subject).sort()).toEqual(subjects);
      const rows = await database.db.select({ attempts: schema.outbox.attempts }).from(schema.outbox);
      expect(rows.every((r) => r.attempts === 1)).toBe(true);
      expect(logged).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it('runs a scheduled job once per tick, whichever process picks it up', async () => {
    const runs: number[] = [];
    const started = Date.now();
    // Each process registers the same schedule, as every worker of WORKERS=n does.
    for (const [index, handle] of handles.entries()) {
      systems.push(
        await startJobs({
          database: handle,
          clock,
          config: configWith({}),
          log: (msg) => logged.push(msg),
          pollingIntervalSeconds: 0.5,
          scheduled: [
            { name: 'test-every-minute', cron: '* * * * *', handler: async () => void runs.push(index) },
          ],
        }),
      );
    }
    const schedules = await database.executeSql(
      `select count(*)::int as n from pgboss.schedule where name = $1`,
      ['test-every-minute'],
    );
    expect(schedules.rows).toEqual([{ n: 1 }]);

    await waitFor(() => runs.length > 0);
    // Long enough for every process's cron monitor and worker to have had its turn.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    for (const jobs of systems) await jobs.stop();
    systems = [];
    const ended = Date.now();

    // Three processes, yet one run per minute tick (two if the test spanned a minute boundary)…
    const ticks = Math.floor(ended / 60_000) - Math.floor(started / 60_000) + 1;
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThanOrEqual(ticks);
    // …and every job the schedule created ran exactly once.
    const completed = await database.executeSql(
      `select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`,
      ['test-every-minute'],
    );
    expect(completed.rows).toEqual([{ n: runs.length }]);
    expect(logged).toEqual([]);
  });
});
