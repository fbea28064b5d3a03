/**
 * The app under test: the server as `npm start` runs it (built into one file, ADR 0026) in
 * production mode as a child process on 127.0.0.1, with the SQL trace preloaded (off until
 * switched on), its memory sampled from /proc. BENCH_APP=source runs the TypeScript sources through
 * the loader instead (how the server ran before ADR 0026), for a paired comparison.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, buildServer } from '../src/cli/build.ts';
import { freePort } from '../test/ports.ts';
import { BENCH_SECRETS, BENCH_TMP, type DataSet } from './dataset.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type AppProcess = {
  baseUrl: string;
  pid: number;
  /** Toggles the SQL trace (SIGUSR2 to the single process). */
  toggleTrace(): void;
  traceFile: string;
  /** Peak resident memory so far: of the largest process, and of all together (MB). */
  memory(): { peakProcessMb: number; peakTotalMb: number };
  stop(): Promise<void>;
};

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** The node arguments that start the app with the SQL trace preloaded, built once per run. */
let appArgs: Promise<string[]> | undefined;
function appEntry(): Promise<string[]> {
  if (process.env.BENCH_APP === 'source')
    return Promise.resolve(['--import', 'tsx', '--import', './bench/sql-trace.ts', 'src/server.ts']);
  appArgs ??= (async () => {
    const out = path.join(ROOT, 'dist', 'bench');
    const [trace, server] = await Promise.all([
      buildBundle(path.join(ROOT, 'bench', 'sql-trace.ts'), path.join(out, 'sql-trace.mjs')),
      buildServer(path.join(out, 'server.mjs')),
    ]);
    return ['--import', trace, server];
  })();
  return appArgs;
}

const running = new Set<ChildProcess>();
// Whatever happens to the benchmark, it leaves no app running.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`benchmark stopped by ${signal}`);
    process.exit(1);
  });
}

export async function startApp(
  data: DataSet,
  options: { workers: number; log: (line: string) => void; env?: Record<string, string> },
): Promise<AppProcess> {
  const port = await freePort();
  const traceFile = path.join(BENCH_TMP, `sql-trace-${process.pid}-${port}.jsonl`);
  rmSync(traceFile, { force: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    JOBS: 'false',
    DEMO_DATA: 'false',
    WORKERS: String(options.workers),
    BENCH_SQL_TRACE: traceFile,
    ...BENCH_SECRETS,
    ...(data.url ? { DATABASE_URL: data.url } : {}),
    ...(data.dataDir ? { DATA_DIR: data.dataDir } : {}),
    ...options.env,
  };
  const child = spawn(
    process.execPath,
    [
      // For profiling, e.g. BENCH_APP_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
      ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...(await appEntry()),
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let alive = true;
  void exited.then(() => {
    alive = false;
    running.delete(child);
  });

  const pid = child.pid ?? 0;
  let peakProcessKb = 0;
  let peakTotalKb = 0;
  const sample = () => {
    const pids = [pid, ...childPids(pid)];
    let total = 0;
    for (const p of pids) {
      total += statusKb(p, 'VmRSS');
      peakProcessKb = Math.max(peakProcessKb, statusKb(p, 'VmHWM'));
    }
    peakTotalKb = Math.max(peakTotalKb, total);
  };
  const sampler = setInterval(sample, 250);

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (!alive) {
      clearInterval(sampler);
      throw new Error(`the app exited during start-up:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      clearInterval(sampler);
      throw new Error(`the app did not answer within 180 s:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  options.log(`app started (pid ${pid}, ${options.workers} worker(s)) at ${baseUrl}`);

  return {
    baseUrl,
    pid,
    traceFile,
    toggleTrace: () => {
      child.kill('SIGUSR2');
    },
    memory: () => {
      sample();
      return { peakProcessMb: peakProcessKb / 1024, peakTotalMb: peakTotalKb / 1024 };
    },
    stop: async () => {
      clearInterval(sampler);
      if (alive) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
      if (existsSync(traceFile)) rmSync(traceFile, { force: true });
    },
  };
}
