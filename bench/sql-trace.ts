/**
 * Preloaded into the app by the benchmark (built beside the server: `node --import
 * dist/bench/sql-trace.mjs dist/bench/server.mjs`):
 * records every SQL statement the app sends (text, parameters, duration) to BENCH_SQL_TRACE while
 * tracing is switched on. SIGUSR2 toggles it, so the load runs themselves are not traced (off, the
 * wrapper costs one boolean test per query). The benchmark uses the trace to find each page's main
 * SQL and to time it alone through the same driver.
 */
import { appendFileSync } from 'node:fs';
import pg from 'pg';

export type TracedQuery = { text: string; values: unknown[]; rowMode?: string; ms: number };

const file = process.env.BENCH_SQL_TRACE;
let on = false;

function record(text: string, values: unknown[] | undefined, rowMode: string | undefined, ms: number) {
  if (!file) return;
  const entry: TracedQuery = { text, values: values ?? [], ms, ...(rowMode ? { rowMode } : {}) };
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

if (file) {
  process.on('SIGUSR2', () => {
    on = !on;
  });

  type QueryConfig = { text: string; values?: unknown[]; rowMode?: string };
  type Callback = (error: unknown, result: unknown) => void;
  const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const originalQuery = clientProto.query;
  clientProto.query = function tracedQuery(this: unknown, ...args: unknown[]) {
    if (!on) return originalQuery.apply(this, args);
    const [config, maybeValues] = args;
    const text = typeof config === 'string' ? config : (config as QueryConfig | undefined)?.text;
    if (typeof text !== 'string') return originalQuery.apply(this, args);
    const values = Array.isArray(maybeValues) ? maybeValues : (config as QueryConfig).values;
    const rowMode = typeof config === 'object' ? (config as QueryConfig).rowMode : undefined;
    const started = performance.now();
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as Callback;
      args[args.length - 1] = (error: unknown, result: unknown) => {
        record(text, values, rowMode, performance.now() - started);
        callback(error, result);
      };
      return originalQuery.apply(this, args);
    }
    const result = originalQuery.apply(this, args) as Promise<unknown>;
    return result.then((value) => {
      record(text, values, rowMode, performance.now() - started);
      return value;
    });
  };

  // The embedded database only: loading PGlite into a process on a server would add ≈50 MB to the
  // memory the benchmark reports.
  if (!process.env.DATABASE_URL) await tracePglite();
}

async function tracePglite(): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pgliteProto = PGlite.prototype as unknown as { query: (...args: unknown[]) => Promise<unknown> };
  const originalPglite = pgliteProto.query;
  pgliteProto.query = async function tracedPglite(this: unknown, ...args: unknown[]) {
    if (!on) return originalPglite.apply(this, args);
    const [text, values, options] = args as [string, unknown[] | undefined, { rowMode?: string } | undefined];
    const started = performance.now();
    const result = await originalPglite.apply(this, args);
    record(text, values, options?.rowMode, performance.now() - started);
    return result;
  };
}
