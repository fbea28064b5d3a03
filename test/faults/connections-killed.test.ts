import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/platform/db/errors.ts';
import { openPostgres } from '../../src/platform/db/index.ts';
import { common } from '../../src/platform/i18n/common.ts';
import { buildTestApp } from '../app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../builders.ts';
import { createTestDatabase } from '../db.ts';
import { complete, storedRequests } from './completeness.ts';
import {
  Browser,
  type Filed,
  fileRequest,
  injectTransport,
  logIn,
  type Retry,
  saveFamily,
} from './filing.ts';

const PARENTS = 4;
/** Rounds of killing the app's connections, at most. */
const MAX_ROUNDS = 100;

/**
 * While parents file requests, PostgreSQL ends every connection of the app
 * (`pg_terminate_backend`, as a server restart or a failover does), round after round. Whoever
 * is hit gets the page that says the service is unavailable for a moment, in their language,
 * with a Retry-After (never a 500, never a hang); trying again works once the database is back,
 * with the same app (no restart); and every request in the database is whole.
 */
describe.runIf(process.env.TEST_DATABASE_URL)(
  'PostgreSQL connections killed while parents file requests',
  () => {
    it('answers 503 to whoever is hit, recovers without a restart, and stores no filing half', async () => {
      const t = await buildTestApp('postgres');
      const database = new URL(t.deps.database.url as string).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const scenario = await aScenario(t.deps.db);
        const parents = await Promise.all(
          Array.from({ length: PARENTS }, () => aUser(t.deps.db, { role: 'parent', language: 'fr' })),
        );
        const preferences = [scenario.first.id, scenario.second.id, scenario.third.id];
        const browsers = parents.map(() => new Browser(injectTransport(t.app), 'fr'));
        for (const [i, parent] of parents.entries()) {
          await logIn(browsers[i] as Browser, parent.email, TEST_PASSWORD);
          await saveFamily(browsers[i] as Browser, scenario.municipality.id);
        }

        // A 503 is answered as a person would: read the page, wait a moment, try again.
        const outages: { label: string; status: number; retryAfter: string; friendly: boolean }[] = [];
        const retry: Retry = async (answer, label) => {
          if (answer.status !== 503) return false;
          outages.push({
            label,
            status: answer.status,
            retryAfter: answer.retryAfter,
            friendly: answer.body.includes(common.fr.unavailableTitle) && answer.body.includes('lang="fr"'),
          });
          if (outages.length > 2000) return false;
          await new Promise((resolve) => setTimeout(resolve, 20));
          return true;
        };

        let killing = true;
        const acknowledged: Filed[] = [];
        const submitted = new Set<string>();
        let submitsOnTheirWay = 0;
        const hooks = {
          retry,
          submitting: (key: string) => {
            submitted.add(key);
            submitsOnTheirWay += 1;
          },
          acknowledged: (filed: Filed) => {
            acknowledged.push(filed);
            submitsOnTheirWay -= 1;
          },
        };
        const walks = browsers.map(async (browser, parent) => {
          for (let n = 0; killing && n < 20; n++)
            await fileRequest(browser, `Enfant${parent}x${n}`, preferences, hooks);
        });
        // Round after round, aimed at a submit when one is on its way (its transaction), until a
        // submit was hit and every parent had a filing through, or MAX_ROUNDS.
        let rounds = 0;
        const submitHit = () => outages.some((o) => o.label.endsWith('(submit)'));
        const killer = (async () => {
          try {
            for (; rounds < MAX_ROUNDS && !(submitHit() && acknowledged.length >= PARENTS); rounds++) {
              for (let wait = 0; submitsOnTheirWay === 0 && wait < 20; wait++)
                await new Promise((resolve) => setTimeout(resolve, 5));
              await admin.query(
                'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
                [database],
              );
              // Time for the parents to get through between two rounds.
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
          } finally {
            killing = false;
          }
        })();
        await Promise.all([killer, ...walks]);

        expect(outages.length, `503 answers in ${rounds} rounds of killed connections`).toBeGreaterThan(0);
        expect(outages.filter((o) => o.retryAfter !== '60' || !o.friendly)).toEqual([]);

        // The same app, not restarted, takes each parent's next filing at once.
        const after: Filed[] = [];
        for (const [parent, browser] of browsers.entries())
          after.push(
            await fileRequest(browser, `EnfantApres${parent}`, preferences, { submitting: hooks.submitting }),
          );

        const stored = await storedRequests(t.deps.database.executeSql);
        const byId = new Map(stored.map((r) => [r.id, r]));
        for (const filed of [...acknowledged, ...after]) {
          expect(byId.get(filed.requestId)).toEqual(
            complete({ id: filed.requestId, submissionKey: filed.key }, preferences),
          );
        }
        expect(stored).toEqual(stored.map((r) => complete(r, preferences)));
        expect(stored.filter((r) => !submitted.has(r.submissionKey ?? ''))).toEqual([]);
      } finally {
        await admin.end();
        await t.close();
      }
    }, 300_000);
  },
);

/** Ends every connection to `database` but the caller's. */
async function endConnections(admin: pg.Client, database: string) {
  await admin.query(
    'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
}

/** Fails instead of waiting forever (a pool whose connections all leaked). */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The app's connection pool (src/platform/db) when PostgreSQL ends its connections at the worst
 * moments: inside a transaction, and just as a transaction begins.
 */
describe.runIf(process.env.TEST_DATABASE_URL)(
  'PostgreSQL connections killed under the connection pool',
  () => {
    it('fails a transaction whose connection ended between two statements, and goes on', async () => {
      const store = await createTestDatabase('postgres');
      const database = new URL(store.url as string).pathname.slice(1);
      const handle = openPostgres(store.url as string, { max: 5, onIdleError: () => {} });
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const failed = await handle.db
          .transaction(async (tx) => {
            await tx.execute(sql`select 1`);
            await endConnections(admin, database);
            // The end of the session reaches the lent connection while no statement runs on it
            // (before the fix, an uncaught error that ended the process).
            await new Promise((resolve) => setTimeout(resolve, 300));
            await tx.execute(sql`select 2`);
          })
          .then(
            () => 'committed',
            (error: unknown) => (isDatabaseUnavailable(error) ? 'unavailable' : String(error)),
          );
        expect(failed).toBe('unavailable');
        const next = await within(
          30_000,
          'the next transaction',
          handle.db.transaction((tx) => tx.execute(sql`select 3 as n`)),
        );
        expect((next as { rows: unknown[] }).rows).toEqual([{ n: 3 }]);
      } finally {
        await admin.end();
        await handle.close();
        await store.close();
      }
    });

    it('counts a session the server ended for idling (57P05) as the database being unavailable, not as a fault', async () => {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      // The error also arrives as an event on the idle client; without a listener it would end the process.
      const ended = new Promise<unknown>((resolve) => client.on('error', resolve));
      await client.connect();
      try {
        await client.query("set idle_session_timeout = '200ms'");
        const error = await within(30_000, 'the idle-session timeout', ended);
        expect((error as { code?: string }).code).toBe('57P05');
        expect(isDatabaseUnavailable(error)).toBe(true);
      } finally {
        await client.end().catch(() => {});
      }
    });

    it('starts a transaction whose connection ended just before it began again on another connection: no 503, and the pool never runs dry', async () => {
      const store = await createTestDatabase('postgres');
      const database = new URL(store.url as string).pathname.slice(1);
      const handle = openPostgres(store.url as string, { max: 5, onIdleError: () => {} });
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        // Every round fills the pool, has the server end all its connections and at once opens a
        // transaction: its `begin` meets a dead connection. Had one leaked each time, the pool
        // would be empty after five rounds and the next transaction would wait forever; had the
        // transaction not started again elsewhere, the visitor would get a 503 each round.
        for (let round = 0; round < 20; round++) {
          await Promise.all(Array.from({ length: 5 }, () => handle.executeSql('select 1').catch(() => {})));
          await endConnections(admin, database);
          const result = await within(
            30_000,
            `the transaction of round ${round}`,
            handle.db.transaction((tx) => tx.execute(sql`select ${round}::int as n`)),
          );
          expect((result as { rows: unknown[] }).rows).toEqual([{ n: round }]);
        }
      } finally {
        await admin.end();
        await handle.close();
        await store.close();
      }
    });
  },
);
