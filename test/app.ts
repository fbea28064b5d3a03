import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { totpCode } from '../src/platform/auth/totp.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { createNationalNumberVault } from '../src/platform/crypto/national-number-vault.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import { TEST_TOTP_SECRET } from './builders.ts';
import { type Backend, createTestDatabase } from './db.ts';
import { type Canary, describeHits, findCanaries } from './log-canaries.ts';
import { openTestLog, recordingVault, storedPersonalValues, type TestLog } from './test-log.ts';

/** The clock of each app buildTestApp made, for the log-in helper's second step. */
const appClocks = new WeakMap<FastifyInstance, FixedClock>();

export const TEST_KEYS = {
  SESSION_SECRET: 'test-session-secret-test-session-secret-0123456789',
  NATIONAL_NUMBER_ENCRYPTION_KEY: '11'.repeat(32),
  NATIONAL_NUMBER_HASH_KEY: '22'.repeat(32),
};

export type TestApp = {
  app: FastifyInstance;
  deps: AppDeps;
  clock: FixedClock;
  mailQueuedSignals: number;
  /** The app's log, also written to a file under test-results/logs/ (see test/test-log.ts). */
  log: TestLog;
  /**
   * Closes the app and its database, then fails when the app's log holds a personal value its
   * database held at that moment, a national number its vault saw, or an e-mail address, argon2
   * hash or national number cipher (test/log-canaries.ts).
   */
  close(): Promise<void>;
};

/**
 * Production logs at `info` (config.ts); the tests log one level more, so that a `debug` line
 * with a personal value fails too.
 */
const TEST_LOG_LEVEL = 'debug';

/**
 * The real app on a fresh database of the given engine, with a fixed clock and no background jobs.
 * It logs as in production (with the same policy, platform/logging) to its own file; `logStream`
 * gets each line as well.
 */
export async function buildTestApp(
  backend: Backend,
  options: { now?: string; env?: Record<string, string>; logStream?: { write(line: string): void } } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(backend);
  const log = openTestLog();
  const seen: Canary[] = [];
  const config = loadConfig({
    NODE_ENV: 'test',
    JOBS: 'false',
    DATA_DIR: '/nonexistent',
    ...TEST_KEYS,
    ...options.env,
  });
  const clock = new FixedClock(options.now ?? '2026-11-22T09:00:00Z');
  const testApp: TestApp = {
    app: undefined as unknown as FastifyInstance,
    deps: undefined as unknown as AppDeps,
    clock,
    mailQueuedSignals: 0,
    log,
    close: async () => {
      await testApp.app.close();
      // Read before the database goes; a database the test broke leaves the other canaries.
      const stored = await storedPersonalValues(testApp.deps.db).catch((error: unknown) => {
        log.note(`personal values not read from the database: ${String(error)}`);
        return [];
      });
      await database.close();
      await log.close();
      const hits = findCanaries(log.text(), [...stored, ...seen]);
      if (hits.length > 0) throw new Error(describeHits(hits, `this test app (${log.path})`));
    },
  };
  testApp.deps = {
    config,
    database,
    db: database.db,
    clock,
    vault: recordingVault(
      createNationalNumberVault({
        encryptionKey: config.secrets.nationalNumberEncryptionKey,
        hashKey: config.secrets.nationalNumberHashKey,
      }),
      (canary) => seen.push(canary),
    ),
    jobs: { mailQueued: () => void testApp.mailQueuedSignals++ },
  };
  const extra = options.logStream;
  testApp.app = await buildApp(testApp.deps, {
    logger: true,
    logLevel: TEST_LOG_LEVEL,
    logStream: {
      write: (line: string) => {
        log.write(line);
        extra?.write(line);
      },
    },
  });
  await testApp.app.ready();
  appClocks.set(testApp.app, clock);
  return testApp;
}

/**
 * A browser-like client over app.inject: keeps cookies, and sends the CSRF token of the last page
 * it saw with every form, as a real form would.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  lastCsrf: string | undefined;
  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (csrf?.[1]) this.lastCsrf = csrf[1];
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'GET',
      url,
      headers: { ...this.headers, cookie: this.cookieHeader() },
    });
    return this.remember(res);
  }

  /** Posts a form; fetches `formPage` first when given, to pick up its CSRF token. */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    options: { formPage?: string; csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    if (options.formPage) await this.get(options.formPage);
    const params = new URLSearchParams();
    const token = options.csrf === null ? undefined : (options.csrf ?? this.lastCsrf);
    if (token) params.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) {
      for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
    }
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        ...this.headers,
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: params.toString(),
    });
    return this.remember(res);
  }

  /**
   * Logs in through the form; when the second factor is due (staff built by `aUser`, ADR 0020),
   * gives the code of TEST_TOTP_SECRET (or `totpSecret`) on the app's clock.
   */
  async login(email: string, password: string, options: { totpSecret?: string } = {}): Promise<void> {
    const res = await this.post('/login', { email, password }, { formPage: '/login' });
    if (res.statusCode !== 303) throw new Error(`login failed for ${email}: ${res.statusCode}`);
    const location = String(res.headers.location ?? '');
    if (!location.startsWith('/login/code')) return;
    const clock = appClocks.get(this.app);
    const secret = options.totpSecret ?? TEST_TOTP_SECRET;
    let second = await this.post(
      '/login/code',
      { code: totpCode(secret, clock?.now() ?? new Date()) },
      { formPage: location },
    );
    // A code works once (ADR 0020): a test logging the same user in again at the same instant
    // waits for the app's next code, as a person would.
    // The next step's code is accepted at once (one step of drift); after that the clock moves on.
    if (second.statusCode === 400 && clock) {
      const later = new Date(clock.now().getTime() + 30_000);
      second = await this.post('/login/code', { code: totpCode(secret, later) });
    }
    if (second.statusCode === 400 && clock) {
      clock.advanceMinutes(1);
      second = await this.post('/login/code', { code: totpCode(secret, clock.now()) });
    }
    if (second.statusCode !== 303) throw new Error(`second step failed for ${email}: ${second.statusCode}`);
  }
}
