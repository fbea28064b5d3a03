import path from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { scheduledJobs } from './jobs.ts';
import { seedDemoIfEmpty } from './modules/demo/index.ts';
import { systemClock } from './platform/clock.ts';
import { createNationalNumberVault } from './platform/crypto/national-number-vault.ts';
import { type DatabaseHandle, migrate, openPglite, openPostgres } from './platform/db/index.ts';
import type { AppDeps, JobSignals } from './platform/deps.ts';
import { startJobs } from './platform/jobs/index.ts';

/** Starts the childcare desk: configuration, database, migrations, demo data, jobs, HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database: DatabaseHandle = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : await openPglite(path.join(config.dataDir, 'pglite'));
  await migrate(database);
  const clock = systemClock;
  const vault = createNationalNumberVault({
    encryptionKey: config.secrets.nationalNumberEncryptionKey,
    hashKey: config.secrets.nationalNumberHashKey,
  });
  const demo = config.demoData ? await seedDemoIfEmpty(database.db, { clock, vault }) : undefined;
  // The modules' jobs need the deps, and the deps need the jobs' signals: the signals forward to
  // the job system once it runs.
  let signals: JobSignals = { mailQueued: () => {} };
  const deps: AppDeps = {
    config,
    database,
    db: database.db,
    clock,
    vault,
    jobs: { mailQueued: () => signals.mailQueued() },
  };
  const jobs = config.jobs
    ? await startJobs({ database, clock, config, scheduled: scheduledJobs(deps) })
    : undefined;
  if (jobs) signals = jobs.signals;
  const app = await buildApp(deps, { logger: true });
  await app.listen({ host: config.host, port: config.port });

  console.info(`\nChildcare desk running at ${config.publicUrl}`);
  console.info(
    `Database: ${database.kind === 'pglite' ? `embedded (${config.dataDir}/pglite)` : 'PostgreSQL server'}`,
  );
  if (!config.smtpUrl)
    console.info(`No SMTP_URL: mails are kept in the outbox, see ${config.publicUrl}/dev/mail`);
  if (demo) {
    console.info(`\nDemo log-ins (password: ${demo.password}):`);
    for (const login of demo.logins)
      console.info(`  ${login.role.padEnd(15)} ${login.email.padEnd(28)} ${login.description}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await jobs?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
