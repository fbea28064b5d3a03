import type { Config } from '../config.ts';
import type { Clock } from './clock.ts';
import type { NationalNumberVault } from './crypto/national-number-vault.ts';
import type { Database, DatabaseHandle } from './db/index.ts';

/** Signals to background work; the jobs platform implements them, tests may pass no-ops. */
export type JobSignals = {
  /** A mail was committed to the outbox: deliver soon. */
  mailQueued(): void;
};

/** Everything the modules need, built once by the composition root (src/app.ts). */
export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  db: Database;
  clock: Clock;
  vault: NationalNumberVault;
  jobs: JobSignals;
};
