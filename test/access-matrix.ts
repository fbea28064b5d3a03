import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { ROLES } from '../src/platform/auth/actions.ts';
import {
  formFor,
  paramValue,
  SCOPED_PARAMS,
  type Scope,
  SHARED_PARAMS,
  type World,
} from './access-matrix.world.ts';
import type { TestClient } from './app.ts';

/**
 * Reading docs/access-matrix.md (the reviewed table) and exercising one of its cells: see the
 * header of that file for what the symbols mean.
 */
export const MATRIX_FILE = new URL('../docs/access-matrix.md', import.meta.url);
export const WHO = ['anonymous', ...ROLES] as const;
export type Who = (typeof WHO)[number];
export type Outcome = 'A' | 'F' | 'N' | 'L' | 'E';
export type MatrixRow = { route: string; cells: Record<Who, string> };

/** The rows of the table, keyed by 'METHOD /path'; throws on a malformed table. */
export function readMatrix(text = readFileSync(MATRIX_FILE, 'utf8')): Map<string, MatrixRow> {
  const rows = new Map<string, MatrixRow>();
  const lines = text.split('\n');
  const header = lines.find((l) => l.startsWith('| Route'));
  const columns = header
    ?.split('|')
    .slice(2, -1)
    .map((c) => c.trim());
  if (JSON.stringify(columns) !== JSON.stringify(WHO))
    throw new Error(`docs/access-matrix.md: the table header must name the columns Route, ${WHO.join(', ')}`);
  for (const line of lines) {
    const match = /^\| `([A-Z]+ \/\S*)` \|(.*)\|\s*$/.exec(line);
    if (!match) continue;
    const route = match[1] as string;
    const cells = (match[2] as string).split('|').map((c) => c.trim());
    if (cells.length !== WHO.length)
      throw new Error(`docs/access-matrix.md: ${route} has ${cells.length} cells`);
    for (const cell of cells) {
      if (!/^[AFNL](\/[AFNL]){0,2}$/.test(cell))
        throw new Error(`docs/access-matrix.md: ${route} has a malformed cell '${cell}'`);
    }
    if (rows.has(route)) throw new Error(`docs/access-matrix.md: ${route} has two rows`);
    rows.set(route, {
      route,
      cells: Object.fromEntries(WHO.map((w, i) => [w, cells[i]])) as Record<Who, string>,
    });
  }
  return rows;
}

/** 'GET /parent/requests/:requestId' → the names of its path parameters. */
export function paramsOf(route: string): string[] {
  return [...route.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
}

/** Whether the route's outcome may depend on whose data its path names. */
export const isScoped = (route: string) => paramsOf(route).some((p) => SCOPED_PARAMS.has(p));
export const hasShared = (route: string) => paramsOf(route).some((p) => SHARED_PARAMS.has(p));

/** The URL of the route with each parameter filled for the scope; `override` names one parameter's scope. */
export function urlFor(
  route: string,
  world: World,
  scope: Scope,
  override?: { param: string; scope: Scope },
) {
  const path = route.slice(route.indexOf(' ') + 1);
  return path
    .replace(/:([A-Za-z]+)/g, (_, name: string) =>
      paramValue(path, name, world, override?.param === name ? override.scope : scope),
    )
    .replace('*', 'app.css');
}

export function outcomeOf(res: LightMyRequestResponse): Outcome {
  if (res.statusCode >= 500) return 'E';
  if (res.statusCode === 403) return 'F';
  if (res.statusCode === 404) return 'N';
  if (res.statusCode >= 300 && res.statusCode < 400 && String(res.headers.location).startsWith('/login'))
    return 'L';
  return 'A';
}

/**
 * Forms sent too (after the empty one) when a POST names foreign data: a decline before its
 * confirmation, and a confirmed decline. A route that skips its scope check on the way to a
 * confirmation page, or once confirmed, is caught as well as one that skips it on an empty form.
 */
const FILLED_FORMS: Record<string, string>[] = [
  { answer: 'decline' },
  { confirmed: 'yes', answer: 'decline' },
];

export async function attempt(client: TestClient, route: string, url: string, form = formFor(route)) {
  const res = route.startsWith('GET ') ? await client.get(url) : await client.post(url, form);
  return { outcome: outcomeOf(res), status: res.statusCode, url };
}

/**
 * Exercises one cell: the route with own ids, then (for a scoped route the user reached) with
 * foreign ids, with each scoped parameter foreign on its own (an own location with a foreign
 * request…), and with the shared file. Returns the cell as observed, in the table's notation, and
 * what was requested, for the failure message.
 */
export async function observe(client: TestClient, route: string, world: World, attemptable: boolean) {
  const trail: string[] = [];
  const post = !route.startsWith('GET ');
  const run = async (scope: Scope, override?: { param: string; scope: Scope }) => {
    const url = urlFor(route, world, scope, override);
    const label = `${scope}${override ? ` with only :${override.param} foreign` : ''}`;
    const r = await attempt(client, route, url);
    trail.push(`${label}: ${r.status} ${r.url}`);
    // Foreign data must be refused whatever the form says; the filled forms only where refusal is due.
    if (!post || scope === 'shared' || (scope === 'own' && !override) || r.outcome === 'A') return r.outcome;
    for (const form of FILLED_FORMS) {
      const filled = await attempt(client, route, url, { ...formFor(route), ...form });
      trail.push(`${label}, form ${new URLSearchParams(form)}: ${filled.status} ${filled.url}`);
      if (filled.outcome === 'A') return 'A';
    }
    return r.outcome;
  };
  // A role that may not attempt the action at all, or a route that names no one's data: one symbol.
  if (!attemptable || !isScoped(route)) return { cell: await run('own'), trail };
  // Foreign first: a wrong allow must not act on own data before the own attempt.
  const foreign = await run('foreign');
  const scoped = paramsOf(route).filter((p) => SCOPED_PARAMS.has(p));
  let worstForeign = foreign;
  if (scoped.length > 1 && foreign !== 'A') {
    for (const param of scoped) {
      const mixed = await run('own', { param, scope: 'foreign' });
      if (mixed !== foreign && worstForeign === foreign) worstForeign = mixed;
    }
  }
  const shared = hasShared(route) ? await run('shared') : undefined;
  const own = await run('own');
  return { cell: [own, worstForeign, ...(shared ? [shared] : [])].join('/'), trail };
}

/** A table line for a route, with its cells as observed: the starting point for a reviewed row. */
export function proposedLine(route: string, cells: Record<Who, string>): string {
  return `| \`${route}\` | ${WHO.map((w) => cells[w]).join(' | ')} |`;
}
