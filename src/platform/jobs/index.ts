import PgBoss from 'pg-boss';
import type { Config } from '../../config.ts';
import { purgeIdleSessions } from '../auth/sessions.ts';
import type { Clock } from '../clock.ts';
import { loggableError } from '../db/errors.ts';
import type { DatabaseHandle } from '../db/index.ts';
import type { JobSignals } from '../deps.ts';
import { purgeRateLimits } from '../http/rate-limit.ts';
import { createMailTransport, deliverOutbox } from '../mail/sender.ts';

export const QUEUES = { outboxDeliver: 'outbox-deliver', sessionsPurge: 'sessions-purge' } as const;

// One key for every delivery job: with the 'short' queue policy pg-boss keeps at most one queued
// job per key, so a burst of signals (or a signal plus the minute tick) makes one delivery run.
const DELIVERY_KEY = 'outbox';

export type Jobs = { signals: JobSignals; stop(): Promise<void> };

/**
 * A job a module runs on a schedule, handed over by the composition root (the platform never
 * imports a module). `cron` is read in Belgian time; the handler must be idempotent: pg-boss runs
 * each tick once, but a retried or overlapping run must not repeat what an earlier run did.
 */
export type ScheduledJob = { name: string; cron: string; handler: () => Promise<unknown> };

export const SCHEDULE_TIME_ZONE = 'Europe/Brussels';

/**
 * Background work on pg-boss, in the application's own database: mail delivery from the outbox
 * (on every `mailQueued` signal, and every minute for retries), the hourly purge of idle
 * sessions (and of expired rate-limit counters), and the modules' scheduled jobs. Several processes may run this side by side; pg-boss
 * hands each job to one of them.
 */
export async function startJobs(options: {
  database: DatabaseHandle;
  clock: Clock;
  config: Config;
  log?: (msg: string) => void;
  /** How often workers look for jobs when not woken by a signal; pg-boss's default is 2 s. */
  pollingIntervalSeconds?: number;
  /** The modules' scheduled jobs. */
  scheduled?: readonly ScheduledJob[];
}): Promise<Jobs> {
  const { database, clock, config } = options;
  const log = options.log ?? ((msg: string) => console.warn(msg));
  const boss = new PgBoss({
    ...connectionOptions(database),
    // Completed jobs are of no interest: keep the job tables small.
    deleteAfterDays: 2,
  });
  boss.on('error', (error) => log(`jobs: ${JSON.stringify(loggableError(error))}`));
  await boss.start();

  await boss.createQueue(QUEUES.outboxDeliver, {
    name: QUEUES.outboxDeliver,
    policy: 'short',
    // A failed run needs no retry of its own: the minute tick starts the next one.
    retryLimit: 0,
    expireInSeconds: 15 * 60,
  });
  await boss.createQueue(QUEUES.sessionsPurge, {
    name: QUEUES.sessionsPurge,
    policy: 'short',
    retryLimit: 0,
  });

  const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  const transport = createMailTransport(config);
  let deliveryWorker: string | undefined;
  if (transport) {
    deliveryWorker = await boss.work(QUEUES.outboxDeliver, work, async () => {
      const result = await deliverOutbox(database.db, transport, clock, { from: config.mailFrom });
      if (result.failed > 0) log(`jobs: ${result.failed} mail(s) could not be sent and will be retried`);
      return result;
    });
    await boss.schedule(QUEUES.outboxDeliver, '* * * * *', {}, { singletonKey: DELIVERY_KEY });
  } else {
    // Without SMTP the mails stay in the outbox, readable in the development mailbox.
    await boss.unschedule(QUEUES.outboxDeliver);
  }

  await boss.work(QUEUES.sessionsPurge, work, async () => {
    await purgeIdleSessions(database.db, clock);
    await purgeRateLimits(database.db, clock);
  });
  await boss.schedule(QUEUES.sessionsPurge, '0 * * * *');

  for (const job of options.scheduled ?? []) {
    // 'short': at most one queued run per job, so ticks missed while down make one catch-up run.
    await boss.createQueue(job.name, { name: job.name, policy: 'short', retryLimit: 2, retryDelay: 300 });
    await boss.work(job.name, work, async () => {
      try {
        return await job.handler();
      } catch (error) {
        log(`jobs: ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    });
    await boss.schedule(job.name, job.cron, {}, { tz: SCHEDULE_TIME_ZONE });
  }

  const signals: JobSignals = {
    mailQueued() {
      if (!deliveryWorker) return;
      const worker = deliveryWorker;
      boss
        .send(QUEUES.outboxDeliver, {}, { singletonKey: DELIVERY_KEY })
        // Wake our own worker now instead of at its next poll; null means a run is already queued.
        .then(() => boss.notifyWorker(worker))
        .catch((error: unknown) =>
          log(
            `jobs: could not queue mail delivery: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    },
  };

  // Mails committed while no process was running go out now rather than at the next tick.
  signals.mailQueued();

  return {
    signals,
    // Lets a running delivery finish (up to 20 s). pg-boss closes only a pool it opened itself
    // (PostgreSQL); the database handle stays open for its owner.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}

function connectionOptions(database: DatabaseHandle): PgBoss.ConstructorOptions {
  if (database.kind === 'postgres') {
    if (!database.url) throw new Error('jobs: a PostgreSQL database handle needs its url');
    return { connectionString: database.url, max: 3 };
  }
  return { db: { executeSql: pgliteExecuteSql(database) } };
}

/**
 * pg-boss installs and migrates its schema with several statements in one string, which PGlite's
 * `query` (extended protocol, prepared) refuses with "cannot insert multiple commands into a
 * prepared statement". Those calls come without parameters, so parameterless SQL goes through
 * `exec` (simple protocol), which allows several statements and returns one result per statement;
 * everything with parameters goes through the handle's own `executeSql`.
 */
function pgliteExecuteSql(database: DatabaseHandle): PgBoss.Db['executeSql'] {
  return async (text, values) => {
    if (values && values.length > 0) return database.executeSql(text, values);
    try {
      const results = await database.execScript(text);
      return results[results.length - 1] ?? { rows: [] };
    } catch (error) {
      // A failure inside pg-boss's own `BEGIN; … COMMIT;` leaves the transaction open and aborted;
      // on PGlite's one connection that would break every later query of the app. (No app
      // transaction can be open here: PGlite runs `exec` only between transactions.)
      await database.execScript('rollback').catch(() => undefined);
      throw error;
    }
  };
}
