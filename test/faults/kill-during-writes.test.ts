import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/platform/db/index.ts';
import { pgliteHandle } from '../../src/platform/db/pglite.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../builders.ts';
import { BACKENDS, type Backend, createTestDatabase, pgliteTemplateDump } from '../db.ts';
import { startAppProcess } from './app-process.ts';
import { complete, storedRequests } from './completeness.ts';
import {
  Browser,
  discardDraft,
  type Filed,
  fileRequest,
  httpTransport,
  logIn,
  saveFamily,
} from './filing.ts';

/** A database the server process runs on, that the test can also open (when the server is down). */
type Store = {
  target: { url: string } | { dataDir: string };
  /** Runs `use` on the database; for the embedded one only while no server holds it. */
  open<T>(use: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
};

async function aStore(backend: Backend): Promise<Store> {
  if (backend === 'postgres') {
    const handle = await createTestDatabase('postgres');
    return {
      target: { url: handle.url as string },
      open: (use) => use(handle),
      dispose: () => handle.close(),
    };
  }
  // The embedded database in a data directory of its own, as `npm start` keeps it (DATA_DIR/pglite).
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ko-faults-'));
  const pgliteDir = path.join(dataDir, 'pglite');
  mkdirSync(pgliteDir);
  let loadDataDir: Blob | undefined = await pgliteTemplateDump();
  return {
    target: { dataDir },
    open: async (use) => {
      const client = await PGlite.create(pgliteDir, loadDataDir ? { loadDataDir } : {});
      loadDataDir = undefined;
      try {
        return await use(pgliteHandle(client));
      } finally {
        await client.close();
      }
    },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

const PARENTS = 6;
/** The server is killed once this many filings were acknowledged, as the next submit goes out. */
const ACKNOWLEDGED_BEFORE_KILL = 6;
/** At most this many filings per parent, so that the load is bounded even if no kill came. */
const FILINGS_PER_PARENT = 6;

/**
 * The server process is killed with SIGKILL (no shutdown hook, no flush) while six parents file
 * requests at once, then started again on the same database. Every filing the server
 * acknowledged (a 303 to the new request's page) is there in full: the request, its preferences
 * in order, its history and its confirmation mail; a filing cut off is there in full or not at
 * all. On the embedded database (PGlite, one process writing its data directory) this is also its
 * crash recovery: the restart replays its write-ahead log.
 */
describe.each(BACKENDS)('kill -9 while parents file requests, on %s', (backend) => {
  it('keeps every acknowledged filing whole after a restart, and no filing half', async () => {
    const store = await aStore(backend);
    try {
      const { scenario, parents } = await store.open(async ({ db }) => ({
        scenario: await aScenario(db),
        parents: await Promise.all(
          Array.from({ length: PARENTS }, () => aUser(db, { role: 'parent', language: 'fr' })),
        ),
      }));
      const preferences = [scenario.first.id, scenario.second.id, scenario.third.id];

      let app = await startAppProcess(store.target);
      const browsers = parents.map(() => new Browser(httpTransport(app.baseUrl), 'fr'));
      await Promise.all(
        parents.map(async (parent, i) => {
          const browser = browsers[i] as Browser;
          await logIn(browser, parent.email, TEST_PASSWORD);
          await saveFamily(browser, scenario.municipality.id);
        }),
      );

      const acknowledged: (Filed & { parent: number; child: string })[] = [];
      const submitted = new Set<string>();
      let killing: Promise<void> | undefined;
      const unexpected: string[] = [];
      const walks = browsers.map(async (browser, parent) => {
        for (let n = 0; n < FILINGS_PER_PARENT && !killing; n++) {
          const child = `Enfant${parent}x${n}`;
          try {
            await fileRequest(browser, child, preferences, {
              submitting: (key) => {
                submitted.add(key);
                // Under load, with this submit (and others' steps) on their way to the server.
                if (!killing && acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL)
                  killing = new Promise((resolve) => setTimeout(resolve, 5)).then(() => app.kill());
              },
              acknowledged: (filed) => acknowledged.push({ ...filed, parent, child }),
            });
          } catch (error) {
            // After the kill, a request without an answer is expected; before it, nothing may fail.
            if (!killing) unexpected.push(`${parent}/${n}: ${(error as Error).message}`);
            return;
          }
        }
      });
      await Promise.all(walks);
      expect(unexpected).toEqual([]);
      expect(killing, 'the server was killed under load').toBeDefined();
      await killing;

      app = await startAppProcess(store.target);
      for (const browser of browsers) browser.transport = httpTransport(app.baseUrl);
      // Each acknowledged request is on its parent's page again, with the session kept in the database.
      for (const filed of acknowledged) {
        const page = await (browsers[filed.parent] as Browser).send(
          'GET',
          `/parent/requests/${filed.requestId}`,
        );
        expect({ request: filed.requestId, status: page.status }).toEqual({
          request: filed.requestId,
          status: 200,
        });
        expect(page.body).toContain(filed.child);
      }
      // And the restarted server takes new filings: a parent cut off half-way starts again.
      const again = browsers[0] as Browser;
      await discardDraft(again);
      const after = await fileRequest(again, 'EnfantApres', preferences);
      submitted.add(after.key);
      await app.stop();

      const stored = await store.open(({ executeSql }) => storedRequests(executeSql));
      const byId = new Map(stored.map((r) => [r.id, r]));
      for (const filed of [...acknowledged, after]) {
        expect(byId.get(filed.requestId)).toEqual(
          complete({ id: filed.requestId, submissionKey: filed.key }, preferences),
        );
      }
      // Filings cut off by the kill: stored whole or not at all, and nothing that was not submitted.
      expect(stored).toEqual(stored.map((r) => complete(r, preferences)));
      expect(stored.filter((r) => !submitted.has(r.submissionKey ?? ''))).toEqual([]);
      expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length + 1);
    } finally {
      await store.dispose();
    }
  }, 300_000);
});
