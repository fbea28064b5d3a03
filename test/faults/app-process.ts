/**
 * The real server as `npm start` runs it (`src/server.ts` built into one file, ADR 0026) as a child
 * process on 127.0.0.1, for the fault tests that kill it and the test of two nodes: production
 * mode, no demo data, no background jobs (unless asked), the test secrets.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildServer } from '../../src/cli/build.ts';
import { PROJECT_ROOT } from '../../src/platform/paths.ts';
import { TEST_KEYS } from '../app.ts';
import { freePort } from '../ports.ts';

/** The server built from this checkout's sources, once per test process. */
let built: Promise<string> | undefined;
function serverBuild(): Promise<string> {
  built ??= buildServer(join(PROJECT_ROOT, 'dist', 'test', 'server.mjs'));
  return built;
}

export type AppProcess = {
  baseUrl: string;
  pid: number;
  /** `kill -9`: no shutdown hook runs; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait (the graceful shutdown closes the database). */
  stop(): Promise<void>;
  /** The last lines the process printed, for a failure's message. */
  output(): string;
};

const running = new Set<ChildProcess>();
// Whatever happens to the test, it leaves no server running.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts the server on a database (a PostgreSQL URL, or the embedded one in `dataDir`); `env`
 * adds to or overrides its settings (e.g. JOBS and SMTP_URL for a node that sends mail).
 */
export async function startAppProcess(
  database: { url: string } | { dataDir: string },
  port?: number,
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const listenPort = port ?? (await freePort());
  const processEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(listenPort),
    LOG_LEVEL: 'warn',
    JOBS: 'false',
    DEMO_DATA: 'false',
    ...TEST_KEYS,
    ...('url' in database ? { DATABASE_URL: database.url } : { DATA_DIR: database.dataDir }),
    ...env,
  };
  const child = spawn(process.execPath, [await serverBuild()], {
    cwd: PROJECT_ROOT,
    env: processEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(chunk.toString());
    if (lines.length > 100) lines.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let alive = true;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      alive = false;
      running.delete(child);
      resolve();
    }),
  );
  const output = () => lines.join('').slice(-4000);

  const baseUrl = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (!alive) throw new Error(`the server exited during start-up:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`the server did not answer within 90 s:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const signal = async (name: 'SIGKILL' | 'SIGTERM') => {
    if (!alive) return;
    child.kill(name);
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(force);
  };
  return {
    baseUrl,
    pid: child.pid ?? 0,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    output,
  };
}
