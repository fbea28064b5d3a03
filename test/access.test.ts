import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIONS,
  isAction,
  mayAttempt,
  mayBeSharedCached,
  ROLES,
  type Role,
} from '../src/platform/auth/actions.ts';
import { createSession, loadSession } from '../src/platform/auth/sessions.ts';
import { schema } from '../src/platform/db/index.ts';
import { sessionCookieName } from '../src/platform/http/setup.ts';
import { buildTestApp, type TestApp, TestClient } from './app.ts';
import { aScenario, aUser } from './builders.ts';

/**
 * Walks every registered route for an anonymous visitor and for every role, and checks the
 * outcome against the action catalogue: a route without a declared action fails this test.
 */
describe('access control over every route', () => {
  let t: TestApp;
  const clients = new Map<Role | 'anonymous', TestClient>();
  const users = new Map<Role, Awaited<ReturnType<typeof loadSession>>>();

  beforeAll(async () => {
    t = await buildTestApp('pglite');
    const s = await aScenario(t.deps.db);
    const [intermediaryOrg] = await t.deps.db
      .insert(schema.intermediaryOrganisations)
      .values({ municipalityId: s.municipality.id, name: 'OCMW Test', kind: 'ocmw' })
      .returning();
    const scopes: Record<Role, Parameters<typeof aUser>[1]> = {
      parent: { role: 'parent' },
      intermediary: { role: 'intermediary', intermediaryOrganisationId: intermediaryOrg?.id },
      provider_staff: { role: 'provider_staff', providerLocationId: s.first.id },
      provider_admin: { role: 'provider_admin', providerLocationId: s.first.id },
      desk: { role: 'desk', municipalityId: s.municipality.id },
      policy: { role: 'policy', municipalityId: s.municipality.id },
      platform_admin: { role: 'platform_admin' },
    };
    clients.set('anonymous', new TestClient(t.app));
    for (const role of ROLES) {
      const user = await aUser(t.deps.db, scopes[role]);
      const token = await createSession(t.deps.db, t.clock, user.id);
      const client = new TestClient(t.app);
      client.cookies.set(sessionCookieName(false), t.app.signCookie(token));
      clients.set(role, client);
      users.set(role, await loadSession(t.deps.db, t.clock, token));
    }
  });
  afterAll(async () => t.close());

  const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace('*', 'app.css');
  const routes = () =>
    t.app.registeredRoutes.filter(
      (r) => r.method !== 'HEAD' && !(r.method === 'POST' && r.url === '/logout'),
    );

  it('has a declared catalogue action on every route', () => {
    const missing = t.app.registeredRoutes
      .filter((r) => !isAction(r.action))
      .map((r) => `${r.method} ${r.url}`);
    expect(t.app.registeredRoutes.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('sends anonymous visitors of non-public routes to the log-in page, and serves public ones', async () => {
    const client = clients.get('anonymous') as TestClient;
    await client.get('/login');
    for (const route of routes()) {
      const action = route.action as keyof typeof ACTIONS;
      const url = concrete(route.url);
      const res = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
      const toLogin = res.statusCode === 303 && String(res.headers.location).startsWith('/login');
      expect({ route: `${route.method} ${route.url}`, toLogin }).toEqual({
        route: `${route.method} ${route.url}`,
        toLogin: ACTIONS[action].roles !== 'public',
      });
    }
  });

  it.each(ROLES)('lets %s reach exactly the routes its role may attempt', async (role) => {
    const client = clients.get(role) as TestClient;
    const user = users.get(role);
    await client.get('/');
    for (const route of routes()) {
      const action = route.action as keyof typeof ACTIONS;
      const url = concrete(route.url);
      const res = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
      const allowed = mayAttempt(user, action);
      const outcome = res.statusCode === 403 ? 'forbidden' : res.statusCode >= 500 ? 'error' : 'reached';
      expect({ route: `${route.method} ${route.url}`, outcome }).toEqual({
        route: `${route.method} ${route.url}`,
        outcome: allowed ? 'reached' : 'forbidden',
      });
    }
  });

  it('answers every route that may show personal data with Cache-Control: no-store', async () => {
    const anonymous = clients.get('anonymous') as TestClient;
    await anonymous.get('/login');
    const failures: string[] = [];
    for (const route of routes()) {
      const action = route.action as keyof typeof ACTIONS;
      const url = concrete(route.url);
      // Anonymous, and a user of the first role that may attempt the action (any role for public ones).
      const role = ROLES.find((r) => mayAttempt(users.get(r), action)) as Role;
      const visitors: [string, TestClient, Awaited<ReturnType<typeof loadSession>>][] = [
        ['anonymous', anonymous, undefined],
        [role, clients.get(role) as TestClient, users.get(role)],
      ];
      for (const [who, client, user] of visitors) {
        const res = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
        const cacheControl = String(res.headers['cache-control'] ?? '');
        const sharedAllowed = mayBeSharedCached(action, user) && res.statusCode < 400;
        if (!sharedAllowed && !cacheControl.includes('no-store'))
          failures.push(`${route.method} ${route.url} as ${who}: ${res.statusCode} '${cacheControl}'`);
      }
    }
    expect(failures).toEqual([]);
    // And public pages stay cacheable for anonymous visitors.
    expect((await anonymous.get('/')).headers['cache-control']).toMatch(/^public, max-age=/);
  });
});
