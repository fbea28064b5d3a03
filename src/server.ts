import cluster from 'node:cluster';
import path from 'node:path';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig, startupWarnings } from './config.ts';
import { scheduledJobs } from './jobs.ts';
import { seedDemoIfEmpty } from './modules/demo/index.ts';
import { systemClock } from './platform/clock.ts';
import { createNationalNumberVault } from './platform/crypto/national-number-vault.ts';
import { type DatabaseHandle, migrate, openPglite, openPostgres } from './platform/db/index.ts';
import type { AppDeps, JobSignals } from './platform/deps.ts';
import { startJobs } from './platform/jobs/index.ts';

/**
 * WORKERS=n (default 1): n processes serve HTTP on the same port (node:cluster). The app keeps no
 * state in memory that matters (sessions, jobs and mail live in PostgreSQL), so any worker can
 * answer any request; pg-boss hands each job to one of them. Not for the embedded database, which
 * lives inside one process.
 */
export function workerCount(env: NodeJS.ProcessEnv, config: Pick<Config, 'databaseUrl'>): number {
  const raw = env.WORKERS?.trim();
  if (!raw) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new ConfigError(
      `Invalid configuration: WORKERS must be a whole number from 1 to 64, not '${raw}'.`,
    );
  }
  if (n > 1 && !config.databaseUrl) {
    throw new ConfigError(
      `WORKERS=${n} needs a PostgreSQL server (DATABASE_URL): the embedded database (PGlite) lives ` +
        'inside one process and cannot be shared. Unset WORKERS or set DATABASE_URL.',
    );
  }
  return n;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const workers = workerCount(process.env, config);
  // Once, before anything listens (the primary of WORKERS=n, or the only process).
  if (cluster.isPrimary) for (const warning of startupWarnings(config)) console.warn(`\n${warning}\n`);
  if (workers > 1 && cluster.isPrimary) return runPrimary(config, workers);
  return runServer(config);
}

type DemoLogins = Awaited<ReturnType<typeof seedDemoIfEmpty>>;

function printDemoLogins(demo: DemoLogins): void {
  if (!demo) return;
  console.info(`\nDemo log-ins (password: ${demo.password}):`);
  for (const login of demo.logins)
    console.info(`  ${login.role.padEnd(15)} ${login.email.padEnd(28)} ${login.description}`);
}

/**
 * The primary of WORKERS=n: migrates and seeds once, then starts the workers, replaces one that
 * dies (unless they keep dying), and on SIGTERM/SIGINT stops them all and waits for them.
 */
async function runPrimary(config: Config, workers: number): Promise<void> {
  const database = openPostgres(config.databaseUrl as string, { max: 1 });
  let demo: DemoLogins;
  try {
    await migrate(database);
    demo = config.demoData
      ? await seedDemoIfEmpty(database.db, {
          clock: systemClock,
          vault: vaultOf(config),
          sessionSecret: config.secrets.sessionSecret,
        })
      : undefined;
  } finally {
    await database.close();
  }
  let stopping = false;
  const deaths: number[] = [];
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && (deaths[0] as number) < now - 60_000) deaths.shift();
    console.error(`worker ${worker.process.pid} exited (${signal ?? code})`);
    if (deaths.length > 5) {
      console.error('workers keep exiting; stopping');
      process.exit(1);
    }
    cluster.fork();
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  console.info(`\nChildcare desk running at ${config.publicUrl} with ${workers} worker processes`);
  console.info('Database: PostgreSQL server');
  printDemoLogins(demo);

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    if (alive.length === 0) process.exit(0);
    let left = alive.length;
    const force = setTimeout(() => {
      for (const w of alive) w?.process.kill('SIGKILL');
      process.exit(1);
    }, 30_000);
    for (const w of alive) {
      w?.on('exit', () => {
        left -= 1;
        if (left === 0) {
          clearTimeout(force);
          process.exit(0);
        }
      });
      w?.process.kill(signal);
    }
  };
  process.on('SIGINT', () => stop('SIGTERM'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function vaultOf(config: Config) {
  return createNationalNumberVault({
    encryptionKey: config.secrets.nationalNumberEncryptionKey,
    hashKey: config.secrets.nationalNumberHashKey,
  });
}

/** Starts the childcare desk: configuration, database, migrations, demo data, jobs, HTTP. */
async function runServer(config: Config): Promise<void> {
  // A worker of WORKERS=n: the primary migrated and seeded already, and prints the banner.
  const worker = cluster.isWorker;
  const database: DatabaseHandle = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : await openPglite(path.join(config.dataDir, 'pglite'));
  if (!worker) await migrate(database);
  const clock = systemClock;
  const vault = vaultOf(config);
  const demo =
    config.demoData && !worker
      ? await seedDemoIfEmpty(database.db, { clock, vault, sessionSecret: config.secrets.sessionSecret })
      : undefined;
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

  if (!worker) {
    console.info(`\nChildcare desk running at ${config.publicUrl}`);
    console.info(
      `Database: ${database.kind === 'pglite' ? `embedded (${config.dataDir}/pglite)` : 'PostgreSQL server'}`,
    );
    if (config.devMailbox)
      console.info(`Mails are kept in the outbox, see ${config.publicUrl}/dev/mail (for local demos only)`);
    else if (!config.smtpUrl)
      console.info('No SMTP_URL: mails are kept in the outbox and not sent (DEV_MAILBOX is off)');
    printDemoLogins(demo);
  }

  // Graceful shutdown (docs/deployment.md): "not ready" first, so a load balancer stops sending;
  // after the drain period no new connections, the requests under way finish, then the jobs and
  // the database close.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.lifecycle.draining = true;
    app.log.info({ signal, drainSeconds: config.shutdownDrainSeconds }, 'shutting down');
    if (config.shutdownDrainSeconds > 0)
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainSeconds * 1000));
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
