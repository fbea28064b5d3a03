import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, isAction } from '../src/platform/auth/actions.ts';
import { observe, proposedLine, readMatrix, WHO, type Who } from './access-matrix.ts';
import { aWorld, clientFor } from './access-matrix.world.ts';
import { buildTestApp, type TestApp } from './app.ts';

/**
 * The access matrix: every registered route has one reviewed row in docs/access-matrix.md, and
 * every row is exercised for an anonymous visitor and each role, with own, foreign and shared data.
 * Set ACCESS_MATRIX_OBSERVED=<file> to have the observed rows appended to that file (a starting
 * point for a reviewed change of the table, never a replacement for the review).
 */

/** Posts that end the session or the account: tried last, so that the others still have a user. */
const LAST = ['POST /parent/my-data/delete', 'POST /logout'];
/** Posts that take something away (a photo, a request): after the others that still need it. */
const REMOVES = /\/(delete|remove|withdraw|merge|dismiss)$/;

function mayTry(who: Who, action: unknown): boolean {
  if (!isAction(action)) return false;
  const roles = ACTIONS[action].roles;
  if (roles === 'public') return true;
  if (who === 'anonymous') return false;
  return roles === 'authenticated' || (roles as readonly string[]).includes(who);
}

describe('access matrix (docs/access-matrix.md) on PGlite', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('pglite');
  });
  afterAll(async () => t.close());

  /** The registered routes in the order the matrix tries them: reads, then writes, then LAST. */
  const routes = () => {
    const all = t.app.registeredRoutes
      .filter((r) => r.method !== 'HEAD')
      .map((r) => ({ key: `${r.method} ${r.url}`, action: r.action }));
    const rank = (key: string) =>
      LAST.includes(key) ? 3 + LAST.indexOf(key) : key.startsWith('GET ') ? 0 : REMOVES.test(key) ? 2 : 1;
    return all.sort((a, b) => rank(a.key) - rank(b.key));
  };

  it('has one row for every registered route, and none for a route that no longer exists', async () => {
    const matrix = readMatrix();
    const registered = routes();
    const keys = new Set(registered.map((r) => r.key));
    const stale = [...matrix.keys()].filter((k) => !keys.has(k));
    const missing = registered.filter((r) => !matrix.has(r.key));
    const messages = stale.map((k) => `${k}: row in docs/access-matrix.md, but no such route is registered`);
    if (missing.length) {
      // Observe each missing route once per role, to propose a row for review.
      const world = await aWorld(t.deps.db);
      for (const route of missing) {
        const cells = {} as Record<Who, string>;
        for (const who of WHO) {
          const client = await clientFor(t, world.own, who);
          cells[who] = (await observe(client, route.key, world, mayTry(who, route.action))).cell;
        }
        messages.push(
          `${route.key}: no row in docs/access-matrix.md. As observed now (review every cell before adding it):\n${proposedLine(route.key, cells)}`,
        );
      }
    }
    expect(registered.length).toBeGreaterThan(100);
    expect(messages.join('\n')).toBe('');
  });

  it.each(WHO)(
    'answers %s as the table says, on own, foreign and shared data',
    { timeout: 180_000 },
    async (who) => {
      const matrix = readMatrix();
      const world = await aWorld(t.deps.db);
      const client = await clientFor(t, world.own, who);
      const failures: string[] = [];
      const observed: string[] = [];
      for (const route of routes()) {
        const row = matrix.get(route.key);
        if (!row) continue; // reported by the test above
        const { cell, trail } = await observe(client, route.key, world, mayTry(who, route.action));
        observed.push(`${route.key}\t${who}\t${cell}`);
        if (cell !== row.cells[who])
          failures.push(
            `${route.key} as ${who}: the table says ${row.cells[who]}, observed ${cell}\n    ${trail.join('\n    ')}`,
          );
      }
      if (process.env.ACCESS_MATRIX_OBSERVED)
        appendFileSync(process.env.ACCESS_MATRIX_OBSERVED, `${observed.join('\n')}\n`);
      expect(failures.join('\n')).toBe('');
    },
  );
});
