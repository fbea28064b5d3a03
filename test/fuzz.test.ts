import { randomUUID } from 'node:crypto';
import { desc, eq, gt, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Action,
  type CurrentUser,
  mayAttempt,
  ROLES,
  type Role,
  staffReadsFamilies,
} from '../src/platform/auth/actions.ts';
import { schema } from '../src/platform/db/index.ts';
import { common } from '../src/platform/i18n/common.ts';
import type { Language } from '../src/platform/i18n/index.ts';
import { localDate } from '../src/shared/dates.ts';
import { makeNationalNumber } from '../src/shared/national-number.ts';
import { TestClient } from './app.ts';
import { aUser, TEST_PASSWORD } from './builders.ts';
import { fuzzValues, XSS_MARKERS } from './fuzz-corpus.ts';
import { anOffer, aParent, fileRequest, type Parent, saveFamily, walkWizard } from './parent-journey.ts';

/**
 * Bad input on every route of the route registry: for each route, the forms and links that lead
 * to it are found by walking the app's pages as a user who may use it, and then at least 200
 * requests replace, repeat or add fields (and path parameters) with hostile values from
 * test/fuzz-corpus.ts. No answer may be a 5xx; a control character is refused with 400 in the
 * user's language and stores nothing; nothing sent comes back unescaped in a page; no redirect
 * leaves the site. Repeatable: the values depend on FUZZ_SEED (printed on failure) only.
 */

const CASES_PER_ROUTE = 200;
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

/** Personal values of the scenario's family that no log line may hold. */
const CANARIES = {
  family: {
    parent1FirstName: 'Wannes',
    parent1LastName: 'Vercauteren',
    parent1Phone: '0478 91 23 45',
    parent1NationalNumber: makeNationalNumber(localDate('1990-04-17'), 275),
    street: 'Kanunnik de Deckerstraat',
  },
};

type Who = Role | 'anonymous';
type Fields = Record<string, string[]>;
type Form = { method: 'GET' | 'POST'; path: string; fields: Fields };
type Route = { method: string; url: string; action: unknown };
type Target = { route: Route; who: Who; paths: string[]; fields: Fields; crawled: boolean };

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] !== undefined
    ? decode(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] as string)
    : undefined;

function add(fields: Fields, name: string, value: string) {
  fields[name] = [...(fields[name] ?? []), value];
}

/** The forms and same-site links of a page. */
function parsePage(html: string, here: string): { links: string[]; forms: Form[] } {
  const links = [...html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)]
    .map((m) => decode(m[1] as string))
    .filter((href) => href.startsWith('/') && !href.startsWith('//'));
  const forms: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [open, body] = [m[1] as string, m[2] as string];
    const method = (attr(open, 'method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
    const path = (attr(open, 'action') ?? here).split('#')[0] as string;
    const fields: Fields = {};
    for (const input of body.matchAll(/<input\b[^>]*>/g)) {
      const name = attr(input[0], 'name');
      if (!name || name === '_csrf') continue;
      const type = attr(input[0], 'type') ?? 'text';
      if ((type === 'checkbox' || type === 'radio') && fields[name]) continue;
      add(fields, name, attr(input[0], 'value') ?? '');
    }
    for (const select of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(select[1] as string, 'name');
      const option = /<option\b[^>]*\svalue="([^"]*)"/.exec(select[2] as string);
      if (name) add(fields, name, decode(option?.[1] ?? ''));
    }
    for (const area of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attr(area[1] as string, 'name');
      if (name) add(fields, name, decode(area[2] as string));
    }
    const buttons = [...body.matchAll(/<button\b[^>]*>/g)].map((b) => b[0]);
    const named = buttons.find((b) => attr(b, 'name'));
    if (named) add(fields, attr(named, 'name') as string, attr(named, 'value') ?? '');
    forms.push({ method, path, fields });
    // A button with its own formaction sends the same fields elsewhere.
    for (const button of buttons) {
      const other = attr(button, 'formaction');
      if (other) forms.push({ method, path: other.split('#')[0] as string, fields });
    }
  }
  return { links, forms };
}

const patternOf = (url: string) =>
  new RegExp(
    `^${url
      .replace(/[.]/g, '\\.')
      .replace(/:[A-Za-z]+/g, '[^/]+')
      .replace('*', '.+')}$`,
  );
const paramCount = (url: string) => (url.match(/:/g) ?? []).length + (url.includes('*') ? 10 : 0);

describe('bad input on every route', () => {
  let p: Parent;
  const clients = new Map<Who, TestClient>();
  const languages = new Map<Who, Language>();
  const known: Record<string, string> = {};
  const targets: Target[] = [];
  const log: string[] = [];

  beforeAll(async () => {
    p = await aParent('pglite', 'fr', undefined, { write: (line: string) => void log.push(line) });
    const { t, s } = p;
    await saveFamily(p, CANARIES.family);
    const requestId = await fileRequest(p);
    const offerId = await anOffer(t, requestId, s.first.id, { answerDeadline: '2026-12-10' });
    const [child] = await t.deps.db.select().from(schema.children);
    const [intermediaryOrg] = await t.deps.db
      .insert(schema.intermediaryOrganisations)
      .values({ municipalityId: s.municipality.id, name: 'OCMW Fuzz', kind: 'ocmw' })
      .returning();
    const users: Record<Exclude<Role, 'parent'>, Awaited<ReturnType<typeof aUser>>> = {
      intermediary: await aUser(t.deps.db, {
        role: 'intermediary',
        intermediaryOrganisationId: intermediaryOrg?.id,
        language: 'en',
      }),
      provider_staff: s.firstStaff,
      provider_admin: await aUser(t.deps.db, { role: 'provider_admin', providerLocationId: s.first.id }),
      desk: await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id }),
      policy: await aUser(t.deps.db, { role: 'policy', municipalityId: s.municipality.id }),
      platform_admin: await aUser(t.deps.db, { role: 'platform_admin' }),
    };
    clients.set('anonymous', new TestClient(t.app));
    languages.set('anonymous', 'nl');
    clients.set('parent', p.client);
    languages.set('parent', 'fr');
    for (const [role, user] of Object.entries(users) as [Exclude<Role, 'parent'>, typeof s.firstStaff][]) {
      const client = new TestClient(t.app);
      await client.login(user.email, TEST_PASSWORD);
      clients.set(role, client);
      languages.set(role, user.language as Language);
    }
    // A family the intermediary's organisation follows: registered through its form, its request
    // filed through the wizard for it.
    const intermediary = clients.get('intermediary') as TestClient;
    const filed = await intermediary.post(
      '/intermediary/families',
      {
        submissionKey: randomUUID(),
        parent1FirstName: 'Yasmina',
        parent1LastName: 'Haddouchi',
        parent1Phone: '0470 12 34 56',
        parent1Language: 'fr',
        street: 'Diestsestraat',
        houseNumber: '5',
        postcode: '3000',
        city: 'Leuven',
        municipalityId: s.municipality.id,
        subMunicipalityId: s.subMunicipality?.id as string,
        consent: 'yes',
        consentDate: '2026-11-20',
      },
      { formPage: '/intermediary/families/new' },
    );
    expect(filed.statusCode).toBe(303);
    const wizard = String(filed.headers.location).split('?')[0] as string;
    const request = await walkWizard(intermediary, wizard, [s.second.id], {
      child: { childFirstName: 'Nour', childLastName: 'Haddouchi', birthDate: '2026-07-01' },
      when: { desiredStart: '2027-03-01' },
    });
    expect(request.statusCode).toBe(303);
    Object.assign(known, {
      familyId: /\/intermediary\/families\/([0-9a-f-]{36})/.exec(String(filed.headers.location))?.[1],
      requestId,
      offerId,
      childId: child?.id,
      locationId: s.first.id,
      organisationId: s.first.organisationId,
      userId: s.firstStaff.id,
      lang: 'nl',
      language: 'nl',
      step: 'child',
      event: 'offer_made',
      slug: 'x',
    });

    // Walk the pages each user reaches, collecting the forms and links that lead to each route.
    const routes = p.t.app.registeredRoutes.filter(
      (r) => r.method !== 'HEAD' && !(r.method === 'POST' && r.url === '/logout'),
    );
    const matchRoute = (method: string, path: string) =>
      routes
        .filter((r) => r.method === method && patternOf(r.url).test(path.split('?')[0] as string))
        .sort((a, b) => paramCount(a.url) - paramCount(b.url))[0];
    const found = new Map<Route, Target>();
    const note = (who: Who, method: string, url: string, fields: Fields) => {
      const route = matchRoute(method, url);
      if (!route) return;
      const target = found.get(route) ?? { route, who, paths: [], fields: {}, crawled: true };
      if (target.who !== who) return;
      const [path, query] = url.split('?') as [string, string | undefined];
      if (!target.paths.includes(path) && target.paths.length < 5) target.paths.push(path);
      for (const [k, v] of new URLSearchParams(query ?? '')) if (!target.fields[k]) add(target.fields, k, v);
      for (const [k, v] of Object.entries(fields)) target.fields[k] ??= v;
      found.set(route, target);
    };
    const starts: Record<Who, string[]> = {
      anonymous: [
        '/',
        '/search',
        '/login',
        '/register',
        '/forgot-password',
        '/info',
        '/news',
        '/last-minute',
      ],
      parent: [
        '/parent',
        '/parent/family',
        '/parent/my-data',
        ...['child', 'when', 'plan', 'preferences', 'summary'].map((step) => `/parent/requests/new/${step}`),
        '/account',
      ],
      intermediary: ['/intermediary', '/intermediary/families/new', '/intermediary/tasks', '/account'],
      provider_staff: ['/provider', `/provider/locations/${s.first.id}/waiting-list`, '/account'],
      provider_admin: ['/provider', `/provider/locations/${s.first.id}/profile`, '/account'],
      desk: [
        '/desk',
        '/desk/search',
        `/desk/families/${known.familyId}`,
        `/desk/requests/${known.requestId}/emergency`,
        '/desk/duplicates',
        '/desk/organisations',
        '/account',
      ],
      policy: ['/account/home', '/account'],
      platform_admin: ['/account/home', '/admin', '/admin/audit', '/admin/outbox', '/admin/jobs', '/account'],
    };
    for (const [who, client] of clients) {
      const queue = [...starts[who]];
      const seen = new Set<string>();
      while (queue.length > 0 && seen.size < 120) {
        const url = queue.shift() as string;
        if (seen.has(url) || /\/logout|\/lang\/|\/delete$|export\.|\/assets\//.test(url)) continue;
        seen.add(url);
        const res = await client.get(url);
        const location = String(res.headers.location ?? '');
        if (res.statusCode === 303 && location.startsWith('/')) queue.push(location);
        if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('text/html')) continue;
        note(who, 'GET', url, {});
        const { links, forms } = parsePage(res.body, url.split('?')[0] as string);
        for (const form of forms) note(who, form.method, form.path, form.fields);
        queue.push(...links.filter((l) => !seen.has(l)));
      }
    }
    // Every registered route is fuzzed: those no page leads to with ids from the scenario.
    for (const route of routes) {
      const target = found.get(route);
      if (target) {
        targets.push(target);
        continue;
      }
      const who: Who = ROLES.find((r) => mayAttempt(withRole(r), route.action as Action)) ?? 'anonymous';
      const path = route.url
        .replace(/:([A-Za-z]+)/g, (_m, name: string) => known[name] ?? randomUUID())
        .replace('*', 'app.css');
      targets.push({ route, who, paths: [path], fields: {}, crawled: false });
    }
    // Routes that end a session or an account go last, so that the others keep their user (the
    // desk's removing an intermediary organisation's staff member ends that member's sessions).
    const endsSessions = /delete|password|email|^\/desk\/organisations\/.*\/remove$/;
    targets.sort((a, b) => Number(endsSessions.test(a.route.url)) - Number(endsSessions.test(b.route.url)));
  }, 300_000);
  afterAll(async () => p.t.close());

  const send = async (client: TestClient, method: string, path: string, fields: Fields, json: boolean) => {
    if (method === 'GET') {
      const query = new URLSearchParams();
      for (const [k, vs] of Object.entries(fields)) for (const v of vs) query.append(k, v);
      const q = query.toString();
      return client.get(q ? `${path}?${q}` : path);
    }
    if (json) {
      return p.t.app.inject({
        method: 'POST',
        url: path,
        headers: {
          cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/json',
        },
        payload: JSON.stringify({
          _csrf: client.lastCsrf,
          ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.length === 1 ? v[0] : v])),
        }),
      });
    }
    return client.post(path, fields);
  };

  /** The cases of one route: which value goes where, by case number. */
  function casesOf(target: Target, values: string[]) {
    const names = Object.keys(target.fields);
    const fieldNames =
      names.length > 0 ? names : ['q', 'back', 'next', 'page', 'id', 'municipalityId', 'nav', 'op'];
    return values.map((value, i) => {
      const fields: Fields = Object.fromEntries(Object.entries(target.fields).map(([k, v]) => [k, [...v]]));
      let path = target.paths[i % target.paths.length] as string;
      const name = fieldNames[i % fieldNames.length] as string;
      switch (i % 5) {
        case 0:
          fields[name] = [value];
          break;
        case 1:
          for (const n of fieldNames) fields[n] = [value];
          break;
        case 2:
          fields[name] = [...(fields[name] ?? ['']), value];
          break;
        case 3:
          fields[name] = [value];
          fields.fz = [value];
          break;
        default: {
          const segments = path.split('/');
          const params = target.route.url.split('/').flatMap((seg, j) => (seg.startsWith(':') ? [j] : []));
          if (params.length > 0) {
            segments[params[i % params.length] as number] = encodeURIComponent(
              value.isWellFormed() ? value : 'x\u0000',
            );
            path = segments.join('/');
          } else fields[name] = [value];
        }
      }
      return { path, fields, value, json: target.route.method === 'POST' && i % 10 === 9 };
    });
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await p.t.deps.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of rowsOf<{ table_name: string }>(tables)) {
      const result = await p.t.deps.db.execute(sql.raw(`select count(*)::int as n from "${table_name}"`));
      const [row] = rowsOf<{ n: number }>(result);
      counts[table_name] = Number(row?.n);
    }
    return counts;
  }

  it('reaches most routes through the pages that lead to them', () => {
    expect(targets.length).toBeGreaterThan(100);
    const crawled = targets.filter((t) => t.crawled).length;
    // The others (asset variants, routes behind states the scenario lacks) get scenario ids.
    const others = targets.filter((t) => !t.crawled).map((t) => `${t.route.method} ${t.route.url}`);
    expect(crawled, others.join('\n')).toBeGreaterThan(targets.length * 0.55);
  });

  it('writes an audit row naming whose data for every staff page that shows families', async () => {
    const { auditLog } = schema;
    const lastId = async () =>
      (await p.t.deps.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]
        ?.id ?? 0;
    const missing: string[] = [];
    const checked: string[] = [];
    for (const target of targets) {
      if (target.route.method !== 'GET' || !staffReadsFamilies(target.route.action as Action)) continue;
      const client = clients.get(target.who) as TestClient;
      const before = await lastId();
      const res = await client.get(target.paths[0] as string);
      if (res.statusCode !== 200) continue;
      checked.push(target.route.url);
      const rows = await p.t.deps.db.select().from(auditLog).where(gt(auditLog.id, before));
      const naming = rows.some((r) => r.familyId !== null || Array.isArray(r.details?.families));
      if (!naming)
        missing.push(
          `${target.route.url} as ${target.who}: ${rows.map((r) => r.action).join(', ') || 'no audit row'}`,
        );
    }
    expect(missing).toEqual([]);
    // The waiting list, its exports, the request page, the emergency list and the intermediary's pages.
    expect(checked.length, checked.join('\n')).toBeGreaterThanOrEqual(8);
  });

  it('refuses control characters in any field with 400 in the user’s language, storing nothing', async () => {
    const before = await rowCounts();
    const failures: string[] = [];
    let sent = 0;
    for (const target of targets) {
      const client = clients.get(target.who) as TestClient;
      const lang = languages.get(target.who) as Language;
      // NUL and ESC are refused in any field; CR/LF only in a URL (a textarea may hold them).
      const breaks = target.route.method === 'GET' ? ['\u0000', '\u001b', '\r\n'] : ['\u0000', '\u001b'];
      const cases = casesOf(
        target,
        fuzzValues(40, SEED).map((v, i) => `${v}${breaks[i % breaks.length]}x`),
      );
      for (const c of cases.filter((c) => !c.path.includes('%'))) {
        const res = await send(client, target.route.method, c.path, c.fields, c.json);
        sent++;
        const ok =
          res.statusCode === 429 ||
          (res.statusCode === 400 && res.body.includes(common[lang].invalidInputTitle));
        if (!ok)
          failures.push(
            `${target.route.method} ${c.path} as ${target.who}: ${res.statusCode} ${/<h1[^>]*>([^<]*)/.exec(res.body)?.[1]} ${JSON.stringify(c.fields).slice(0, 80)}`,
          );
      }
    }
    expect({ seed: SEED, failures: failures.slice(0, 20), count: failures.length }).toEqual({
      seed: SEED,
      failures: [],
      count: 0,
    });
    expect(sent).toBeGreaterThan(targets.length * 20);
    const after = await rowCounts();
    // Sessions are touched, never added, by a refused request. The rate limits count every attempt,
    // refused or not (that is what they are for): their counters are not stored input.
    const { rate_limit_counters: _countedBefore, ...stored } = before;
    const { rate_limit_counters: _countedAfter, ...storedAfter } = after;
    expect(storedAfter).toEqual(stored);
  }, 600_000);

  it(`answers ${CASES_PER_ROUTE} hostile inputs per route without a server error, an unescaped echo or an outside redirect`, async () => {
    const failures: string[] = [];
    const perRoute: number[] = [];
    for (const target of targets) {
      const client = clients.get(target.who) as TestClient;
      const values = fuzzValues(CASES_PER_ROUTE, SEED + perRoute.length);
      let count = 0;
      for (const c of casesOf(target, values)) {
        const res: LightMyRequestResponse = await send(client, target.route.method, c.path, c.fields, c.json);
        count++;
        const where = `${target.route.method} ${target.route.url} as ${target.who} (value ${JSON.stringify(c.value.slice(0, 40))})`;
        if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode}`);
        const location = String(res.headers.location ?? '');
        if (location && !location.startsWith('/'))
          failures.push(`${where}: redirects to ${location.slice(0, 60)}`);
        if (location.startsWith('//') || location.startsWith('/\\'))
          failures.push(`${where}: redirects to ${location}`);
        if (String(res.headers['content-type']).includes('text/html')) {
          for (const marker of XSS_MARKERS) {
            if (c.value.includes(marker) && res.body.includes(marker))
              failures.push(`${where}: echoes ${marker}`);
          }
        }
      }
      perRoute.push(count);
    }
    expect({ seed: SEED, failures: failures.slice(0, 20), count: failures.length }).toEqual({
      seed: SEED,
      failures: [],
      count: 0,
    });
    expect(Math.min(...perRoute)).toBeGreaterThanOrEqual(CASES_PER_ROUTE);
  }, 1_500_000);

  it('logs no personal value of the family, its account or its national number while doing so', async () => {
    const [parent] = await p.t.deps.db.select().from(schema.parents);
    const [user] = await p.t.deps.db.select().from(schema.users).where(eq(schema.users.id, p.user.id));
    const values = [
      ...Object.values(CANARIES.family),
      CANARIES.family.parent1NationalNumber.replace(/\D/g, ''),
      p.user.email,
      user?.passwordHash,
      ...Object.entries(parent ?? {})
        .filter(([k]) => /nationalNumber/i.test(k))
        .map(([, v]) => (Buffer.isBuffer(v) ? v.toString('hex') : String(v ?? ''))),
    ].filter((v): v is string => typeof v === 'string' && v.length >= 6);
    // The app logged every request of the suite above.
    expect(log.length).toBeGreaterThan(10_000);
    const text = log.join('');
    const found = values.filter((v) => text.includes(v));
    expect(found).toEqual([]);
  });
});

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** A user with one role, as the access check sees them (for routes no page leads to). */
function withRole(role: Role): CurrentUser {
  return { grants: [{ role }] } as unknown as CurrentUser;
}
