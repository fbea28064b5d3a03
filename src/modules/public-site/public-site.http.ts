/**
 * How public pages are answered. An anonymous page carries nothing personal and may be cached by
 * browsers and shared caches for a minute, so it must not set cookies: no CSRF secret is made for
 * it (only a logged-in visitor's page has a form, the log-out button). A page rendered for a
 * logged-in user, or an error page, is never stored.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { homePathFor } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendPage } from '../../platform/http/setup.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { isOwnLogo, usableBrandColour } from './brand.ts';
import * as q from './public-site.queries.ts';

/** Each app's max-age for its anonymous public pages (PUBLIC_CACHE_SECONDS), set when it registers. */
const publicMaxAge = new WeakMap<FastifyInstance, number>();

export function setPublicMaxAge(app: FastifyInstance, seconds: number): void {
  publicMaxAge.set(app, seconds);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);

type BrandRow = NonNullable<Awaited<ReturnType<typeof q.getBrandMunicipality>>>;

/**
 * Which municipality the page speaks for (ADR: public-site branding): the one the visitor narrowed
 * the search or the last-minute places to; otherwise the region's lead desk (LEAD_MUNICIPALITY);
 * otherwise the deployment's only municipality; otherwise none (the default look).
 */
async function brandRow(request: FastifyRequest, deps: AppDeps): Promise<BrandRow | undefined> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const area = single(query.area);
  const chosen = typeof area === 'string' ? /^([ms]):(.+)$/.exec(area) : null;
  if (chosen?.[2] && UUID.test(chosen[2])) {
    const id = chosen[2].toLowerCase();
    const row =
      chosen[1] === 'm'
        ? await q.getBrandMunicipality(deps.db, { id })
        : await q.getBrandMunicipalityOfSub(deps.db, id);
    if (row) return row;
  }
  const municipality = single(query.municipality);
  if (typeof municipality === 'string' && UUID.test(municipality)) {
    const row = await q.getBrandMunicipality(deps.db, { id: municipality.toLowerCase() });
    if (row) return row;
  }
  const lead = deps.config.leadMunicipality;
  if (lead) return q.getBrandMunicipality(deps.db, { slug: lead });
  return q.getSoleMunicipality(deps.db);
}

/** Logos come from this site (the CSP allows images from 'self' only): a path, or a data: image. */
function ownLogo(url: string | null): string | undefined {
  return isOwnLogo(url) ? url : undefined;
}

export async function pageBrand(request: FastifyRequest, deps: AppDeps): Promise<PageContext['brand']> {
  const row = await brandRow(request, deps);
  if (!row) return undefined;
  const colour = usableBrandColour(row.brandColour);
  return {
    name: row.name,
    logoUrl: ownLogo(row.logoUrl),
    stylesheet: colour ? `/brand.css?colour=${colour.slice(1)}` : undefined,
  };
}

export async function publicPageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
): Promise<PageContext> {
  const user = request.user;
  return {
    lang: request.lang,
    path: request.url,
    csrfToken: user ? reply.generateCsrf() : '',
    user: user ? { displayName: user.displayName, homePath: homePathFor(user) } : undefined,
    devTools: deps.config.devMailbox,
    brand: await pageBrand(request, deps),
  };
}

export function cacheHeaders(request: FastifyRequest, reply: FastifyReply, status = 200): void {
  const shareable = !request.user && status === 200;
  reply.header(
    'cache-control',
    shareable ? `public, max-age=${publicMaxAge.get(request.server) ?? 60}` : 'private, no-cache, no-store',
  );
  // The language comes from a cookie or Accept-Language, the header's log-in state from the cookie.
  reply.header('vary', 'Cookie, Accept-Language');
}

export function sendPublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: VNode,
  status = 200,
): FastifyReply {
  cacheHeaders(request, reply, status);
  return sendPage(reply, page, status);
}
