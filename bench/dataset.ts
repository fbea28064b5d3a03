/**
 * The benchmark's data set: the demo generator at a chosen scale, built once into a template
 * (PostgreSQL: the database `bench_<scale>_template`; PGlite: a directory) and copied afresh for
 * every run, because a run adds requests and offers. A template is reused while the generator's
 * sources, the seed and the day are the same (its fingerprint is the database comment).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  DEFAULT_DEMO_SEED,
  type DemoScaleName,
  type DemoSummary,
  generateDemoRegion,
} from '../src/modules/demo/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createNationalNumberVault } from '../src/platform/crypto/national-number-vault.ts';
import { type DatabaseHandle, migrate, openPglite, openPostgres } from '../src/platform/db/index.ts';

/** Fixed secrets of the benchmark's app (never used anywhere else). */
export const BENCH_SECRETS = {
  SESSION_SECRET: 'bench-session-secret-0123456789abcdef',
  NATIONAL_NUMBER_ENCRYPTION_KEY: 'a'.repeat(64),
  NATIONAL_NUMBER_HASH_KEY: 'b'.repeat(64),
} as const;

export const benchVault = () =>
  createNationalNumberVault({
    encryptionKey: Buffer.from(BENCH_SECRETS.NATIONAL_NUMBER_ENCRYPTION_KEY, 'hex'),
    hashKey: Buffer.from(BENCH_SECRETS.NATIONAL_NUMBER_HASH_KEY, 'hex'),
  });

/**
 * Recommended for the app on a small server (docs/performance.md): many short concurrent queries,
 * where parallel plans cost more than they save. Set on the benchmark's working database.
 */
export const POSTGRES_SETTINGS = ['max_parallel_workers_per_gather = 0'] as const;

/** Outside the repository: the benchmark never writes into ./data. */
export const BENCH_TMP = path.join(os.tmpdir(), 'ko-bench');

export type DataSet = {
  kind: 'postgres' | 'pglite';
  /** PostgreSQL: the working copy's URL. */
  url?: string;
  /** PGlite: DATA_DIR of the app (the database is in DATA_DIR/pglite). */
  dataDir?: string;
  /** Seconds the generator took, when it ran now. */
  generatedSeconds: number | undefined;
  /** What the generator wrote (from the template's record). */
  summary: Partial<DemoSummary>;
  open(): Promise<DatabaseHandle>;
};

const DEMO_DIR = fileURLToPath(new URL('../src/modules/demo', import.meta.url));

function fingerprint(scale: DemoScaleName, seed: number): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(DEMO_DIR).sort()) {
    if (file.endsWith('.test.ts')) continue;
    hash.update(file).update(readFileSync(path.join(DEMO_DIR, file)));
  }
  return `bench ${scale} seed=${seed} today=${systemClock.today()} demo=${hash.digest('hex').slice(0, 16)}`;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The fields of the summary worth keeping in a report. */
function brief(summary: DemoSummary): Partial<DemoSummary> {
  const { logins: _logins, password: _password, ...rest } = summary;
  return rest;
}

async function generate(
  handle: DatabaseHandle,
  scale: DemoScaleName,
  seed: number,
  log: (line: string) => void,
): Promise<{ seconds: number; summary: Partial<DemoSummary> }> {
  await migrate(handle);
  log(`generating the ${scale} data set…`);
  const started = performance.now();
  const summary = await generateDemoRegion(handle.db, {
    clock: systemClock,
    vault: benchVault(),
    seed,
    scale,
    sessionSecret: BENCH_SECRETS.SESSION_SECRET,
  });
  const seconds = (performance.now() - started) / 1000;
  log(
    `generated in ${seconds.toFixed(1)} s: ${summary.locations} locations, ${summary.requests} requests, ` +
      `${summary.preferences} preferences, ${summary.statusEvents} status events`,
  );
  return { seconds, summary: brief(summary) };
}

/** A fresh working copy of the PostgreSQL data set `bench_<scale>` on the server of `serverUrl`. */
export async function postgresDataSet(
  serverUrl: string,
  scale: DemoScaleName,
  log: (line: string) => void,
  seed = DEFAULT_DEMO_SEED,
): Promise<DataSet> {
  const template = `bench_${scale}_template`;
  const working = `bench_${scale}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  const wanted = fingerprint(scale, seed);
  let generatedSeconds: number | undefined;
  let summary: Partial<DemoSummary> = {};
  try {
    const found = await admin.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [template],
    );
    const comment = found.rows[0]?.comment ?? undefined;
    const current = comment?.startsWith(`${wanted}\n`);
    if (current && comment) {
      summary = JSON.parse(comment.slice(wanted.length + 1)) as Partial<DemoSummary>;
      log(`reusing the ${scale} data set (${template})`);
      // New migrations (indexes) apply to the template too.
      const handle = openPostgres(withDatabase(serverUrl, template), { max: 1 });
      try {
        await migrate(handle);
      } finally {
        await handle.close();
      }
    } else {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.query(`create database ${template}`);
      const handle = openPostgres(withDatabase(serverUrl, template), { max: 1 });
      try {
        const made = await generate(handle, scale, seed, log);
        generatedSeconds = made.seconds;
        summary = made.summary;
        await handle.executeSql('vacuum analyze');
      } finally {
        await handle.close();
      }
      const text = `${wanted}\n${JSON.stringify(summary)}`;
      await admin.query(`comment on database ${template} is '${text.replaceAll("'", "''")}'`);
    }
    await admin.query(`drop database if exists ${working} with (force)`);
    const copying = performance.now();
    await admin.query(`create database ${working} template ${template}`);
    for (const setting of POSTGRES_SETTINGS) await admin.query(`alter database ${working} set ${setting}`);
    log(`working copy ${working} made in ${((performance.now() - copying) / 1000).toFixed(1)} s`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, working);
  return {
    kind: 'postgres',
    url,
    generatedSeconds,
    summary,
    open: async () => openPostgres(url, { max: 2 }),
  };
}

/** A fresh working copy of the PGlite data set in a temporary directory. */
export async function pgliteDataSet(
  scale: DemoScaleName,
  log: (line: string) => void,
  seed = DEFAULT_DEMO_SEED,
): Promise<DataSet> {
  const templateDir = path.join(BENCH_TMP, `pglite-${scale}-template`);
  const recordFile = `${templateDir}.json`;
  const wanted = fingerprint(scale, seed);
  let generatedSeconds: number | undefined;
  let summary: Partial<DemoSummary> = {};
  const record = existsSync(recordFile)
    ? (JSON.parse(readFileSync(recordFile, 'utf8')) as { fingerprint: string; summary: Partial<DemoSummary> })
    : undefined;
  if (record?.fingerprint === wanted && existsSync(templateDir)) {
    log(`reusing the embedded ${scale} data set (${templateDir})`);
    summary = record.summary;
    const handle = await openPglite(templateDir);
    try {
      await migrate(handle);
    } finally {
      await handle.close();
    }
  } else {
    rmSync(templateDir, { recursive: true, force: true });
    mkdirSync(templateDir, { recursive: true });
    const handle = await openPglite(templateDir);
    try {
      const made = await generate(handle, scale, seed, log);
      generatedSeconds = made.seconds;
      summary = made.summary;
      await handle.executeSql('vacuum analyze');
    } finally {
      await handle.close();
    }
    writeFileSync(recordFile, JSON.stringify({ fingerprint: wanted, summary }));
  }
  const dataDir = path.join(BENCH_TMP, `run-pglite-${scale}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  cpSync(templateDir, path.join(dataDir, 'pglite'), { recursive: true });
  return {
    kind: 'pglite',
    dataDir,
    generatedSeconds,
    summary,
    open: () => openPglite(path.join(dataDir, 'pglite')),
  };
}
