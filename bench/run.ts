/**
 * The benchmark: `npm run bench -- --scale leuven|region|flanders [--workers 1,2] [--duration s]
 * [--concurrency 1,10,50] [--pglite] [--out dir]`.
 *
 * Builds (or reuses) the demo data set at that scale in PostgreSQL (`bench_<scale>` on the server
 * of BENCH_DATABASE_URL / DATABASE_URL, default postgres://postgres@127.0.0.1:5432) or, with
 * --pglite, in an embedded database in the temporary directory; starts the app in production mode
 * against it; logs in through the log-in form; drives every scenario with autocannon at each
 * concurrency; times each read page's main SQL alone; checks that every accepted write is in the
 * database; writes `<out>/<date>-<scale>[-pglite].md` and `.json`. With --lighthouse (or
 * `--only lighthouse`) it also runs Lighthouse (mobile) on home, search, a profile, the parent's
 * follow-up page and the waiting list: opt-in, as it takes about half a minute a page, so the
 * quick runs (the CI's smoke run) stay quick. Exits non-zero when a scenario
 * had errors or lost a write (not when a budget is missed: the report says that).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type DemoScaleName, isDemoScaleName } from '../src/modules/demo/index.ts';
import { yearlyReport } from '../src/modules/policy-figures/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { DatabaseHandle } from '../src/platform/db/index.ts';
import type { LocalDate } from '../src/shared/dates.ts';
import { type AppProcess, startApp } from './app-process.ts';
import { BENCH_TMP, type DataSet, POSTGRES_SETTINGS, pgliteDataSet, postgresDataSet } from './dataset.ts';
import { getPage, type Session } from './http.ts';
import { type LighthouseResult, runLighthouse } from './lighthouse.ts';
import { type LoadResult, percentile, runLoad } from './load.ts';
import { startProxy } from './proxy.ts';
import { phaseName, renderMarkdown } from './report.ts';
import {
  discardDrafts,
  type Facts,
  filingWalk,
  logInAll,
  lookUpFacts,
  nationalNumbers,
  offerRequest,
  type ReadScenario,
  readScenarios,
  type Sessions,
} from './scenarios.ts';
import type { TracedQuery } from './sql-trace.ts';

export type SqlTiming = {
  statements: number;
  /** All statements of one page view, as traced (ms). */
  tracedTotalMs: number;
  mainSql: string;
  /** Its parameters, for EXPLAIN ANALYZE. */
  mainValues: unknown[];
  mainP50: number;
  mainP95: number;
  /** Every statement of the page run alone, medians summed. */
  allSqlP50: number;
  /** Each statement's median alone, in the page's order (its text shortened): where the time goes. */
  statementsP50: { sql: string; p50: number }[];
  /** Page p50 at concurrency 1 ÷ main SQL p50. */
  overhead: number | undefined;
  /** Page p50 at concurrency 1 ÷ all SQL of the page. */
  overheadAll: number | undefined;
};

/**
 * Filing requests through the wizard: the load figures are per HTTP request (any step of the
 * walk); a filing is one whole walk that reached the new request's page.
 */
export type FilingResult = LoadResult & {
  requestsPerFiling: number;
  filings: number;
  filingsPerSecond: number;
  /** Time of a whole walk, first request to last answer (ms). */
  filingP50: number;
  filingP95: number;
  /** Filings found in the database with their preferences, status event and mail. */
  stored: number;
  lost: number;
  /** `request.submitted` mails queued during the phase (all runs). */
  outbox: number;
};

export type Phase = {
  workers: number;
  /** App processes behind nginx (`--nodes`, `--proxy`); absent: the app alone, no proxy. */
  nodes?: number;
  /** nginx's shared cache on (`--proxy`). */
  cache?: boolean;
  reads: Record<string, LoadResult[]>;
  submission: FilingResult[];
  offers: (LoadResult & { stored: number; lost: number })[];
  peakRssMb: number;
  peakRssTotalMb: number;
};

export type BenchReport = {
  date: string;
  scale: DemoScaleName;
  database: 'postgres' | 'pglite';
  machine: {
    cores: number;
    cpu: string;
    memoryGb: number;
    node: string;
    postgres?: string;
    loadBefore: number[];
    loadAfter: number[];
  };
  options: { duration: number; concurrency: number[]; workers: number[]; nodes?: number[]; proxy?: boolean };
  dataSet: {
    generatedSeconds: number | undefined;
    summary: Record<string, unknown>;
    largest: Facts['largest'];
    largestMunicipality: Facts['largestMunicipality'];
    emergencyListSize: number;
  };
  scenarios: ReadScenario[];
  /** The HTTP requests of one filing through the wizard, in order. */
  filingWalk: string[];
  sql: Record<string, SqlTiming>;
  phases: Phase[];
  /** Settings the benchmark put on its PostgreSQL database. */
  postgresSettings?: string[];
  /** The yearly registration of the figures for local policy, its service timed alone. */
  yearly?: YearlyTiming[];
  /** Lighthouse (mobile) on the pages a phone loads, when asked for. */
  lighthouse?: LighthouseResult[];
  notes: string[];
};

export type YearlyTiming = {
  name: 'yearly-one' | 'yearly-all';
  label: string;
  municipalities: number;
  year: number;
  runs: number;
  p50: number;
  max: number;
  budgetMs: number;
};

/** The issue's budgets: one municipality's yearly report ≤ 200 ms, all of Flanders ≤ 1 s. */
export const YEARLY_BUDGET_MS = { one: 200, all: 1000 } as const;
const YEARLY_RUNS = 5;

/**
 * The yearly registration's service (one statement over the requests, then the protected table)
 * for the municipality with the most requests and for every municipality of the data set: one
 * warm-up call, then YEARLY_RUNS timed calls each, while the app is not running.
 */
async function timeYearly(data: DataSet, today: LocalDate, facts: Facts): Promise<YearlyTiming[]> {
  const handle = await data.open();
  try {
    const all = (await handle.executeSql('select id, name from municipalities order by name')).rows as {
      id: string;
      name: string;
    }[];
    const largest = all.filter((m) => m.name === facts.largestMunicipality.name);
    const year = Number(today.slice(0, 4));
    const out: YearlyTiming[] = [];
    for (const [name, municipalities, budgetMs] of [
      ['yearly-one', largest, YEARLY_BUDGET_MS.one],
      ['yearly-all', all, YEARLY_BUDGET_MS.all],
    ] as const) {
      await yearlyReport(handle.db, { municipalities, year, today });
      const times: number[] = [];
      for (let i = 0; i < YEARLY_RUNS; i++) {
        const start = performance.now();
        await yearlyReport(handle.db, { municipalities, year, today });
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      out.push({
        name,
        label:
          name === 'yearly-one'
            ? `Yearly registration ${year}, one municipality (${facts.largestMunicipality.name})`
            : `Yearly registration ${year}, all ${municipalities.length} municipalities`,
        municipalities: municipalities.length,
        year,
        runs: YEARLY_RUNS,
        p50: round(percentile(times, 50)),
        max: round(times[times.length - 1] ?? 0),
        budgetMs,
      });
    }
    return out;
  } finally {
    await handle.close();
  }
}

const USAGE =
  'Usage: npm run bench -- --scale demo|leuven|region|flanders [--workers 1,2] [--duration 10] ' +
  '[--concurrency 1,10,50] [--pglite] [--out bench/results] [--only search,submit,yearly,lighthouse,…] [--lighthouse] [--prepare] ' +
  '[--nodes 2] [--proxy]';

function list(text: string, name: string): number[] {
  const values = text.split(',').map((v) => Number(v.trim()));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`--${name} must be whole numbers ≥ 1 separated by commas`);
  return values;
}

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      scale: { type: 'string', default: 'leuven' },
      workers: { type: 'string', default: '1' },
      duration: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '1,10,50' },
      pglite: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results' },
      /** Only these scenarios (comma-separated names), for profiling one page. */
      only: { type: 'string' },
      /** Only build (or check) the data set, then stop. */
      prepare: { type: 'boolean', default: false },
      /** Lighthouse on the pages a phone loads (opt-in: slow). */
      lighthouse: { type: 'boolean', default: false },
      /** Also run N app processes behind nginx (docs/deployment.md), e.g. --nodes 2. */
      nodes: { type: 'string' },
      /** Also run the anonymous pages through nginx with its shared cache. */
      proxy: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.info(USAGE);
    process.exit(0);
  }
  if (!isDemoScaleName(values.scale)) throw new Error(`Unknown scale '${values.scale}'.\n${USAGE}`);
  const duration = Number(values.duration);
  if (!(duration > 0)) throw new Error('--duration must be a positive number of seconds');
  return {
    scale: values.scale,
    workers: list(values.workers, 'workers'),
    duration,
    concurrency: list(values.concurrency, 'concurrency'),
    pglite: values.pglite,
    prepare: values.prepare,
    lighthouse: values.lighthouse || Boolean(values.only?.split(',').some((v) => v.trim() === 'lighthouse')),
    out: values.out,
    nodes: values.nodes ? list(values.nodes, 'nodes') : [],
    proxy: values.proxy,
    only: values.only ? values.only.split(',').map((v) => v.trim()) : undefined,
    serverUrl:
      process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

const log = (line: string) => console.info(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One page view per read scenario with the SQL trace on: the statements each page runs. */
async function traceReads(app: AppProcess, scenarios: ReadScenario[], sessions: Sessions) {
  const traces = new Map<string, TracedQuery[]>();
  const sizeOf = () => (existsSync(app.traceFile) ? statSync(app.traceFile).size : 0);
  for (const s of scenarios) await getPage(app.baseUrl, s.path, s.session && sessions[s.session]);
  app.toggleTrace();
  await sleep(300);
  for (const s of scenarios) {
    const from = sizeOf();
    await getPage(app.baseUrl, s.path, s.session && sessions[s.session]);
    await sleep(50);
    const text = existsSync(app.traceFile) ? readFileSync(app.traceFile).subarray(from).toString() : '';
    traces.set(
      s.name,
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as TracedQuery),
    );
  }
  app.toggleTrace();
  return traces;
}

/**
 * Every statement of each page run alone through the same driver (median of 7 each, summed: the
 * page's whole SQL time); the slowest of them is the page's main SQL, then timed 30 times.
 */
async function timeSql(db: DatabaseHandle, traces: Map<string, TracedQuery[]>) {
  const timings = new Map<string, Omit<SqlTiming, 'overhead' | 'overheadAll'>>();
  const timeOne = async (q: TracedQuery, runs: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await db.executeSql(q.text, q.values);
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b);
  };
  for (const [name, queries] of traces) {
    let allSql = 0;
    let main: { q: TracedQuery; p50: number } | undefined;
    const statementsP50: SqlTiming['statementsP50'] = [];
    for (const q of queries) {
      const p50 = percentile(await timeOne(q, 7), 50);
      allSql += p50;
      statementsP50.push({ sql: q.text.replace(/\s+/g, ' ').slice(0, 160), p50: round(p50) });
      if (!main || p50 > main.p50) main = { q, p50 };
    }
    if (!main) continue;
    await timeOne(main.q, 5);
    const times = await timeOne(main.q, 30);
    timings.set(name, {
      statements: queries.length,
      tracedTotalMs: round(queries.reduce((sum, q) => sum + q.ms, 0)),
      mainSql: main.q.text.replace(/\s+/g, ' '),
      mainValues: main.q.values,
      mainP50: round(percentile(times, 50)),
      mainP95: round(percentile(times, 95)),
      allSqlP50: round(allSql),
      statementsP50,
    });
  }
  return timings;
}

const round = (x: number) => Math.round(x * 100) / 100;

type Setup = { workers: number; nodes?: number; cache?: boolean };

/**
 * `nodes` app processes (one worker each, on their own ports, one database) behind nginx, seen as
 * one app: the proxy's address, the memory of all processes, one stop.
 */
async function startNodes(data: DataSet, nodes: number, cache: boolean): Promise<AppProcess> {
  const apps: AppProcess[] = [];
  try {
    for (let i = 0; i < nodes; i++)
      apps.push(await startApp(data, { workers: 1, log, env: { TRUST_PROXY: '127.0.0.1' } }));
    const proxy = await startProxy({ upstreams: apps.map((a) => new URL(a.baseUrl).host), cache, log });
    return {
      baseUrl: proxy.baseUrl,
      pid: apps[0]?.pid ?? 0,
      traceFile: '',
      toggleTrace: () => {},
      memory: () => {
        const each = apps.map((a) => a.memory());
        return {
          peakProcessMb: Math.max(...each.map((m) => m.peakProcessMb)),
          peakTotalMb: each.reduce((sum, m) => sum + m.peakTotalMb, 0),
        };
      },
      stop: async () => {
        await proxy.stop();
        for (const a of apps) await a.stop();
      },
    };
  } catch (error) {
    for (const a of apps) await a.stop();
    throw error;
  }
}

/** nginx's X-Cache-Status for two more requests of `path` with the same headers (MISS, then HIT). */
async function cacheStatus(baseUrl: string, path: string): Promise<string> {
  const statuses: string[] = [];
  let cacheControl = '';
  for (let i = 0; i < 2; i++) {
    const response = await fetch(`${baseUrl}${path}`, { headers: { 'accept-language': 'nl' } });
    await response.arrayBuffer();
    statuses.push(`${response.status} ${response.headers.get('x-cache-status') ?? 'no X-Cache-Status'}`);
    cacheControl = response.headers.get('cache-control') ?? '–';
  }
  return `${statuses.join(', then ')} (Cache-Control: ${cacheControl})`;
}

async function countRows(db: DatabaseHandle, text: string, values: unknown[]): Promise<number> {
  const result = await db.executeSql(text, values);
  return Number((result.rows[0] as { n: unknown } | undefined)?.n ?? 0);
}

async function main(): Promise<void> {
  const opts = options();
  const database = opts.pglite ? 'pglite' : 'postgres';
  const notes: string[] = [];
  const loadBefore = os.loadavg();
  mkdirSync(BENCH_TMP, { recursive: true });
  log(
    `scale ${opts.scale} on ${database}; ${os.cpus().length} cores; load ${loadBefore.map(round).join(' ')}`,
  );

  const data: DataSet = opts.pglite
    ? await pgliteDataSet(opts.scale, log)
    : await postgresDataSet(opts.serverUrl, opts.scale, log);
  if (opts.prepare) return;
  const today = systemClock.today();
  let facts: Facts;
  let postgresVersion: string | undefined;
  const wanted = (name: string) => !opts.only || opts.only.includes(name);
  {
    const handle = await data.open();
    try {
      // One parent per connection of the filing runs.
      facts = await lookUpFacts(handle, today, wanted('submit') ? Math.max(...opts.concurrency) : 0);
      const version = await handle.executeSql('show server_version');
      postgresVersion = String((version.rows[0] as { server_version?: string })?.server_version ?? '');
    } finally {
      await handle.close();
    }
  }
  log(
    `largest location: ${facts.largest.name} (${facts.largest.openPreferences} open preferences); ` +
      `emergency list of ${facts.largest.municipality}: ${facts.emergencyListSize}`,
  );
  const yearly = wanted('yearly') ? await timeYearly(data, today, facts) : [];
  for (const y of yearly) log(`${y.name}: p50 ${y.p50} ms, max ${y.max} ms over ${y.runs} runs`);
  const scenarios = readScenarios(facts).filter((s) => wanted(s.name));
  const sql: Record<string, SqlTiming> = {};
  let traces: Map<string, TracedQuery[]> | undefined;
  const phases: Phase[] = [];
  const offerQueue = [...facts.offerable];
  const nextNumber = nationalNumbers(facts);
  // Logged in once: sessions are rows in the database, so they outlast the app's restarts.
  const submitters: Session[] = [];
  let walkOutline: string[] = [];
  let lighthouse: LighthouseResult[] | undefined;

  const setups: Setup[] = [
    ...opts.workers.map((workers) => ({ workers })),
    ...opts.nodes.map((nodes) => ({ workers: 1, nodes, cache: false })),
    ...(opts.proxy ? [{ workers: 1, nodes: 1, cache: true }] : []),
  ];
  for (const [index, setup] of setups.entries()) {
    const { workers } = setup;
    if ((workers > 1 || setup.nodes) && opts.pglite) {
      notes.push(
        `${phaseName(setup)} skipped: several processes or a proxy are not possible on the embedded database.`,
      );
      continue;
    }
    const full = index === 0;
    const levels = full ? opts.concurrency : [Math.max(...opts.concurrency)];
    const phaseStart = new Date();
    const app = setup.nodes
      ? await startNodes(data, setup.nodes, setup.cache === true)
      : await startApp(data, { workers, log });
    const phase: Phase = {
      ...setup,
      reads: {},
      submission: [],
      offers: [],
      peakRssMb: 0,
      peakRssTotalMb: 0,
    };
    // With the cache, only the anonymous pages (the ones a proxy may keep), and no writes.
    const phaseScenarios = setup.cache ? scenarios.filter((s) => !s.session) : scenarios;
    const writes = !setup.cache;
    const submissionKeys: string[][] = [];
    const offered: number[] = [];
    try {
      const sessions = await logInAll(app.baseUrl, facts, submitters, log);
      if (full && workers === 1) traces = await traceReads(app, scenarios, sessions);
      // BENCH_DUMP_TRACES=<file>: each page's statements with their parameters, for EXPLAIN ANALYZE.
      if (traces && process.env.BENCH_DUMP_TRACES)
        writeFileSync(process.env.BENCH_DUMP_TRACES, JSON.stringify(Object.fromEntries(traces)));
      if (full && opts.lighthouse) {
        const all = readScenarios(facts);
        const page = (name: string) => {
          const s = all.find((x) => x.name === name);
          if (!s) throw new Error(`no scenario ${name}`);
          return { name, label: s.label, path: s.path, session: s.session && sessions[s.session] };
        };
        lighthouse = await runLighthouse(
          app.baseUrl,
          [
            { name: 'home', label: 'Home page', path: '/' },
            page('search'),
            page('profile'),
            page('follow-up'),
            page('waiting-list'),
          ],
          log,
        );
      }
      for (const s of phaseScenarios) {
        const headers: Record<string, string> = s.session ? { cookie: sessions[s.session].cookie } : {};
        const base = { baseUrl: app.baseUrl, path: s.path, headers, expectStatus: 200 };
        await runLoad({ ...base, connections: 10, duration: Math.min(2, opts.duration) });
        if (setup.cache)
          notes.push(
            `${s.name} through the cache after the warm-up: ${await cacheStatus(app.baseUrl, s.path)}`,
          );
        phase.reads[s.name] = [];
        for (const connections of levels) {
          const result = await runLoad({ ...base, connections, duration: opts.duration });
          phase.reads[s.name]?.push(result);
          log(
            `${phaseName(setup)} ${s.name} c=${connections}: ${result.rps} req/s, p50 ${result.p50} ms, ` +
              `p95 ${result.p95} ms, errors ${result.errors}; peak RSS ${app.memory().peakProcessMb.toFixed(0)} MB`,
          );
        }
      }
      if (traces && !opts.pglite) {
        const handle = await data.open();
        try {
          for (const [name, t] of await timeSql(handle, traces))
            sql[name] = { ...t, overhead: undefined, overheadAll: undefined };
        } finally {
          await handle.close();
        }
      }
      for (const connections of wanted('submit') && writes ? levels : []) {
        // A run that stops mid-walk leaves drafts; each walk starts from none.
        await discardDrafts(app.baseUrl, sessions.submitters);
        const walk = filingWalk(facts, sessions.submitters, nextNumber);
        walkOutline = walk.outline;
        const result = await runLoad({
          baseUrl: app.baseUrl,
          connections,
          duration: opts.duration,
          sequence: walk.sequence,
        });
        submissionKeys.push(walk.keys);
        const durations = [...walk.durations].sort((a, b) => a - b);
        const filing: FilingResult = {
          ...result,
          requestsPerFiling: walk.requestsPerFiling,
          filings: walk.keys.length,
          filingsPerSecond: round(walk.keys.length / result.seconds),
          filingP50: round(percentile(durations, 50)),
          filingP95: round(percentile(durations, 95)),
          stored: 0,
          lost: 0,
          outbox: 0,
        };
        phase.submission.push(filing);
        log(
          `${phaseName(setup)} submit c=${connections}: ${filing.filings} filings, ${filing.filingsPerSecond} filings/s ` +
            `(${filing.requestsPerFiling} requests each: ${result.rps} req/s, p95 ${result.p95} ms), ` +
            `filing p95 ${filing.filingP95} ms, errors ${result.errors}`,
        );
        for (const failure of walk.failures) log(`  unexpected answer at ${failure}`);
        // Walks under way at the end are not counted: short runs undercount filings/s.
        const run = `Filing at c=${connections} (${phaseName(setup)})`;
        if (filing.filings === 0)
          notes.push(
            `${run}: no walk finished within ${opts.duration} s (a filing is ${walk.requestsPerFiling} ` +
              'requests in a row), so filings/s was not measured: give --duration more seconds.',
          );
        else if (filing.filingP95 > (opts.duration * 1000) / 5)
          notes.push(
            `${run}: 5 % of the walks took ${filing.filingP95} ms or more, over a fifth of the ` +
              `${opts.duration} s run; walks under way at the end are not counted, so filings/s is too ` +
              'low: give --duration more seconds.',
          );
      }
      if (full && writes && wanted('offer')) {
        const shares = levels.map((_, i) => (i + 1) / ((levels.length * (levels.length + 1)) / 2));
        const available = Math.min(offerQueue.length, 3_000);
        for (const [i, connections] of levels.entries()) {
          const amount = Math.floor(available * (shares[i] ?? 0));
          if (amount < connections) {
            notes.push(
              `Offers at c=${connections} skipped: only ${offerQueue.length} open preferences left.`,
            );
            continue;
          }
          const made: string[] = [];
          const result = await runLoad({
            baseUrl: app.baseUrl,
            connections,
            duration: opts.duration,
            amount,
            expectStatus: 303,
            request: offerRequest(facts, sessions.provider, offerQueue, made),
          });
          offered.push(made.length);
          phase.offers.push({ ...result, stored: 0, lost: 0 });
          log(
            `${workers}w offer c=${connections}: ${result.rps} req/s, p95 ${result.p95} ms, errors ${result.errors}`,
          );
        }
      }
      const memory = app.memory();
      phase.peakRssMb = round(memory.peakProcessMb);
      phase.peakRssTotalMb = round(memory.peakTotalMb);
    } finally {
      await app.stop();
    }

    // Every accepted write must be in the database.
    const handle = await data.open();
    try {
      for (const [i, keys] of submissionKeys.entries()) {
        const result = phase.submission[i];
        if (!result) continue;
        // Stored: the request, its preferences in the chosen order, its status event and its mail
        // (the mail links to the request's page).
        result.stored = await countRows(
          handle,
          `with mailed as materialized (
             select substring(text_body from '/parent/requests/([0-9a-f-]{36})') as request_id
               from outbox where template = 'request.submitted' and created_at >= $3)
           select count(*) as n from requests r
            where r.submission_key = any($1::text[])
              and array(select p.provider_location_id::text from preferences p
                         where p.request_id = r.id order by p.rank) = $2::text[]
              and exists (select 1 from status_events e
                           where e.request_id = r.id and e.event_type = 'request.submitted')
              and r.id::text in (select request_id from mailed)`,
          [keys, facts.preferenceIds, phaseStart.toISOString()],
        );
        result.lost = Math.max(0, result.filings - result.stored);
        if (result.lost > 0) {
          const found = await countRows(
            handle,
            'select count(*) as n from requests where submission_key = any($1::text[])',
            [keys],
          );
          notes.push(
            `Filing at c=${result.connections} (${phaseName(setup)}): ${result.filings} filed, ${found} found by ` +
              `submission key, ${result.stored} with their preferences, status event and mail.`,
          );
        }
      }
      const storedRequests = phase.submission.reduce((n, r) => n + r.stored, 0);
      const outbox = await countRows(
        handle,
        `select count(*) as n from outbox where template = 'request.submitted' and created_at >= $1`,
        [phaseStart.toISOString()],
      );
      for (const r of phase.submission) r.outbox = outbox;
      if (outbox < storedRequests)
        notes.push(`Only ${outbox} outbox rows for ${storedRequests} new requests.`);
      const offers = await countRows(
        handle,
        `select count(*) as n from offers o join preferences p on p.id = o.preference_id
          where p.provider_location_id = $1 and o.message = 'Benchmark offer' and o.created_at >= $2`,
        [facts.largest.id, phaseStart.toISOString()],
      );
      const accepted = phase.offers.reduce((n, r) => n + r.ok, 0);
      for (const r of phase.offers) {
        r.stored = offers;
        r.lost = Math.max(0, accepted - offers);
      }
      if (traces && opts.pglite && full) {
        for (const [name, t] of await timeSql(handle, traces))
          sql[name] = { ...t, overhead: undefined, overheadAll: undefined };
        notes.push(
          'PGlite: the main SQL was timed after the load runs (the app holds the database while it runs).',
        );
      }
    } finally {
      await handle.close();
    }
    phases.push(phase);
  }

  const first = phases[0];
  for (const s of scenarios) {
    const timing = sql[s.name];
    const page = first?.reads[s.name]?.[0];
    if (timing && page && page.connections === 1 && timing.mainP50 > 0) {
      timing.overhead = round(page.p50 / timing.mainP50);
      timing.overheadAll = round(page.p50 / timing.allSqlP50);
    }
  }

  const report: BenchReport = {
    date: new Date().toISOString(),
    scale: opts.scale,
    database,
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: round(os.totalmem() / 2 ** 30),
      node: process.version,
      ...(postgresVersion ? { postgres: postgresVersion } : {}),
      loadBefore: loadBefore.map(round),
      loadAfter: os.loadavg().map(round),
    },
    options: {
      duration: opts.duration,
      concurrency: opts.concurrency,
      workers: opts.workers,
      nodes: opts.nodes,
      proxy: opts.proxy,
    },
    dataSet: {
      generatedSeconds: data.generatedSeconds === undefined ? undefined : round(data.generatedSeconds),
      summary: data.summary as Record<string, unknown>,
      largest: facts.largest,
      largestMunicipality: facts.largestMunicipality,
      emergencyListSize: facts.emergencyListSize,
    },
    scenarios,
    filingWalk: walkOutline,
    ...(opts.pglite ? {} : { postgresSettings: [...POSTGRES_SETTINGS] }),
    sql,
    phases,
    ...(yearly.length > 0 ? { yearly } : {}),
    ...(lighthouse ? { lighthouse } : {}),
    notes,
  };
  mkdirSync(opts.out, { recursive: true });
  const name = `${report.date.slice(0, 10)}-${opts.scale}${opts.pglite ? '-pglite' : ''}`;
  writeFileSync(path.join(opts.out, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(opts.out, `${name}.md`), renderMarkdown(report));
  log(`report: ${path.join(opts.out, `${name}.md`)}`);

  const broken = phases.flatMap((p) => [
    ...Object.entries(p.reads).flatMap(([n, rs]) => rs.filter((r) => r.errors > 0).map(() => `${n} errors`)),
    ...p.submission.filter((r) => r.errors > 0 || r.lost > 0).map(() => 'filing errors or lost rows'),
    ...p.offers.filter((r) => r.errors > 0 || r.lost > 0).map(() => 'offer errors or lost rows'),
  ]);
  if (broken.length > 0) {
    console.error(`The benchmark found failures: ${[...new Set(broken)].join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
