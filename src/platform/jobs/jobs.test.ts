import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/db.ts';
import { startSmtp } from '../../../test/smtp.ts';
import { loadConfig } from '../../config.ts';
import { FixedClock } from '../clock.ts';
import { type DatabaseHandle, schema } from '../db/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { type Jobs, startJobs } from './index.ts';

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Secrets given explicitly so loadConfig does not create a secrets file (and test/app.ts, with the
// whole app behind it, need not be imported).
const configWith = (env: Record<string, string>) =>
  loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/nonexistent',
    SESSION_SECRET: 'jobs-test-session-secret-jobs-test-session-secret',
    NATIONAL_NUMBER_ENCRYPTION_KEY: '11'.repeat(32),
    NATIONAL_NUMBER_HASH_KEY: '22'.repeat(32),
    ...env,
  });

describe.each(BACKENDS)('startJobs (%s)', (backend) => {
  let database: DatabaseHandle;
  let jobs: Jobs | undefined;
  const clock = new FixedClock('2026-11-22T09:00:00Z');
  const logged: string[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(backend);
    logged.length = 0;
  });
  afterEach(async () => {
    await jobs?.stop();
    jobs = undefined;
    await database.close();
  });

  const enqueue = () =>
    database.db.transaction((tx) =>
      enqueueMail(tx, clock, {
        to: 'ouder@example.be',
        language: 'nl',
        template: 'request.submitted',
        subject: 'Aanvraag ontvangen voor Léa',
        text: 'We hebben uw aanvraag ontvangen.',
        html: '<p>We hebben uw aanvraag ontvangen.</p>',
      }),
    );

  it('delivers a queued mail soon after the signal, and stops', async () => {
    const smtp = await startSmtp();
    try {
      jobs = await startJobs({
        database,
        clock,
        config: configWith({ SMTP_URL: smtp.url }),
        log: (msg) => logged.push(msg),
        pollingIntervalSeconds: 0.5,
      });
      await enqueue();
      jobs.signals.mailQueued();
      jobs.signals.mailQueued();

      await waitFor(() => smtp.received.length > 0);
      expect(smtp.received.map((m) => m.subject)).toEqual(['Aanvraag ontvangen voor Léa']);
      await waitFor(async () => {
        const [row] = await database.db.select().from(schema.outbox);
        return row?.sentAt != null;
      });

      await jobs.stop();
      jobs = undefined;
      expect(smtp.received).toHaveLength(1);
      expect(logged).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it('schedules the modules’ jobs in Belgian time', async () => {
    const ran: string[] = [];
    jobs = await startJobs({
      database,
      clock,
      config: configWith({}),
      log: (msg) => logged.push(msg),
      scheduled: [{ name: 'test-daily', cron: '30 6 * * *', handler: async () => void ran.push('ran') }],
    });
    const { rows } = await database.executeSql(
      `select name, cron, timezone from pgboss.schedule where name = 'test-daily'`,
    );
    expect(rows).toEqual([{ name: 'test-daily', cron: '30 6 * * *', timezone: 'Europe/Brussels' }]);
    expect(ran).toEqual([]);
  });

  it('leaves mails in the outbox when no SMTP server is configured', async () => {
    jobs = await startJobs({ database, clock, config: configWith({}), log: (msg) => logged.push(msg) });
    await enqueue();
    jobs.signals.mailQueued();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await jobs.stop();
    jobs = undefined;

    const rows = await database.db.select().from(schema.outbox);
    expect(rows.map((r) => [r.sentAt, r.attempts])).toEqual([[null, 0]]);
    expect(logged).toEqual([]);
  });
});
