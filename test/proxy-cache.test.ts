import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { NGINX, startProxy } from '../bench/proxy.ts';
import { schema } from '../src/platform/db/index.ts';
import { buildTestApp } from './app.ts';
import { aScenario } from './builders.ts';

const MAX_AGE_SECONDS = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The app behind nginx with a shared cache, configured as docs/deployment.md shows: an anonymous
 * profile page is answered from the cache, and a change to the profile is what visitors see once
 * the page's max-age (PUBLIC_CACHE_SECONDS, 2 s here) ran out. Needs Debian's nginx (CI installs it).
 */
describe.runIf(existsSync(NGINX))('public pages behind a caching proxy (nginx)', () => {
  it('come from the cache, and a changed profile shows once the max-age ran out', async () => {
    const t = await buildTestApp('pglite', {
      env: { PUBLIC_CACHE_SECONDS: String(MAX_AGE_SECONDS), TRUST_PROXY: '127.0.0.1' },
    });
    try {
      const { first } = await aScenario(t.deps.db);
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = t.app.server.address() as AddressInfo;
      const proxy = await startProxy({ upstreams: [`127.0.0.1:${port}`], cache: true, log: () => {} });
      try {
        const visit = async () => {
          const response = await fetch(`${proxy.baseUrl}/providers/${first.id}`, {
            headers: { 'accept-language': 'nl' },
          });
          return {
            status: response.status,
            cache: response.headers.get('x-cache-status'),
            body: await response.text(),
          };
        };
        const storedAt = Date.now();
        const fresh = await visit();
        expect(fresh.status).toBe(200);
        expect(fresh.body).toContain('KDV De Eerste Stap');
        const cached = await visit();
        expect(cached.cache).toBe('HIT');

        await t.deps.db
          .update(schema.providerLocations)
          .set({ name: 'KDV De Nieuwe Stap' })
          .where(eq(schema.providerLocations.id, first.id));
        const changedAt = Date.now();
        // Within the max-age the cache may still show the page as it was.
        expect((await visit()).body).toContain('KDV De Eerste Stap');
        let seen: { at: number; cache: string | null } | undefined;
        while (!seen && Date.now() - changedAt < (MAX_AGE_SECONDS + 5) * 1000) {
          await sleep(200);
          const page = await visit();
          if (page.body.includes('KDV De Nieuwe Stap')) seen = { at: Date.now(), cache: page.cache };
        }
        expect(seen, 'the changed name never came through the cache').toBeDefined();
        // The cache keeps the page for its max-age from when it stored it (nginx counts whole seconds,
        // so up to one more); the first request after that refreshes it, the next one sees the change.
        // Two more seconds for a busy machine: still far below the 60 s of the default max-age.
        expect((seen?.at ?? 0) - storedAt).toBeLessThan((MAX_AGE_SECONDS + 3) * 1000);
      } finally {
        await proxy.stop();
      }
    } finally {
      await t.close();
    }
  }, 60_000);
});
