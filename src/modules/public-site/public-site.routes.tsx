import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { formValues, parseForm } from '../../platform/http/forms.ts';
import { projectPath } from '../../platform/paths.ts';
import { type ProviderLocationId, parseId } from '../../shared/ids.ts';
import { getRuleSetValidOn } from '../priority-rules/index.ts';
import { brandStylesheet } from './brand.ts';
import type { Geocoder } from './geocoding.ts';
import { withParam } from './public-site.components.tsx';
import { publicPageContext as context, sendPublicPage as send } from './public-site.http.ts';
import * as q from './public-site.queries.ts';
import { LastMinuteQuery, ListQuery, PAGE_SIZE, SearchQuery } from './public-site.schemas.ts';
import { lastMinutePlaces, search } from './public-site.service.ts';
import { LastMinutePage } from './public-site.views.last-minute.tsx';
import {
  AccessibilityPage,
  HomePage,
  InfoIndexPage,
  InfoPage,
  NewsArchivePage,
  NewsItemPage,
  SickChildPage,
} from './public-site.views.pages.tsx';
import { PriorityRulesPage } from './public-site.views.priority.tsx';
import { ProfilePage } from './public-site.views.profile.tsx';
import { type AreaState, type MapConfig, SearchPage } from './public-site.views.search.tsx';

const HOME_NEWS = 3;

/** When the news is asked for, from the app's clock (never the machine's: tests move it). */
const newsMoment = (deps: AppDeps) => ({ now: deps.clock.now(), today: deps.clock.today() });
const PHOTO_MAX_AGE_SECONDS = 86_400;
const BRAND_CSS_MAX_AGE_SECONDS = 86_400;
const LEAFLET_DIR = projectPath('node_modules/leaflet/dist');
const CLUSTER_DIR = projectPath('node_modules/leaflet.markercluster/dist');

const queryParams = (request: FastifyRequest) => new URLSearchParams(request.url.split('?')[1] ?? '');

/**
 * The search a profile was opened from (`?search=…`, set by the result links), re-encoded so that
 * it can only ever be the query string of /search.
 */
function searchQueryOf(request: FastifyRequest): string | undefined {
  const raw = queryParams(request).get('search');
  if (!raw || raw.length > 2000) return undefined;
  const params = new URLSearchParams(raw);
  params.delete('search');
  return params.toString() || undefined;
}

/**
 * A page number past the last (an old bookmark, a hand-typed URL) leads to the last page, with the
 * same filters; undefined when the page exists.
 */
function lastPageUrl(request: FastifyRequest, path: string, page: number, pages: number) {
  if (page <= pages) return undefined;
  return withParam(path, queryParams(request), 'page', pages > 1 ? String(pages) : undefined);
}

/** The pages any visitor sees: home, search, profiles, last-minute places, sick-child care, info. */
export function registerPublicSiteRoutes(app: FastifyInstance, deps: AppDeps, geocoder: Geocoder): void {
  const map: MapConfig = { tileUrl: deps.config.mapTileUrl, tileAttribution: deps.config.mapTileAttribution };

  app.get('/', { config: { action: 'public.page' } }, async (request, reply) => {
    const news = await q.getPublishedNews(deps.db, newsMoment(deps), { limit: HOME_NEWS, offset: 0 });
    const desks = await q.getDesks(deps.db);
    const infoPages = await q.getInfoPageList(deps.db);
    const ctx = await context(request, reply, deps);
    const hasMoreNews = (news[0]?.total ?? 0) > HOME_NEWS;
    return send(
      request,
      reply,
      <HomePage ctx={ctx} news={news} hasMoreNews={hasMoreNews} desks={desks} infoPages={infoPages} />,
    );
  });

  app.get('/search', { config: { action: 'public.page' } }, async (request, reply) => {
    const parsed = parseForm(SearchQuery, request.query);
    // The school field's suggestions: only on the out-of-school care search, the one that shows it.
    const schools = formValues(request.query).offer === 'school' ? await q.getSchoolsServed(deps.db) : [];
    const result = parsed.ok ? await search(deps, geocoder, parsed.value) : undefined;
    // The area searched in, or the one the link names while the typed place was unclear.
    const areaId = result?.ok
      ? result.area
      : parsed.ok && !parsed.value.place
        ? parsed.value.area
        : undefined;
    const area: AreaState = {
      chosen: areaId ? await q.getAreaName(deps.db, areaId) : undefined,
      choices: result?.ok === false ? result.areaChoices : [],
      params: queryParams(request),
    };
    const form = parsed.ok
      ? { values: formValues(request.query), errors: result?.ok === false ? result.errors : {} }
      : parsed.form;
    const last = result?.ok ? lastPageUrl(request, '/search', result.page, result.pages) : undefined;
    if (last) return reply.redirect(last, 302);
    const status = result?.ok ? 200 : 400;
    const page = (
      <SearchPage
        ctx={await context(request, reply, deps)}
        form={form}
        params={queryParams(request)}
        area={area}
        schools={schools}
        result={result}
        map={map}
      />
    );
    return send(request, reply, page, status);
  });

  app.get<{ Params: { locationId: string } }>(
    '/providers/:locationId',
    { config: { action: 'public.page' } },
    async (request, reply) => {
      const id = parseId<ProviderLocationId>(request.params.locationId);
      const found = id ? await q.getPublicLocation(deps.db, id) : undefined;
      if (!id || !found) throw new NotFoundError('provider location');
      const today = deps.clock.today();
      const photos = await q.getPhotoList(deps.db, id);
      const lastMinute = await q.getLastMinutePlaces(
        deps.db,
        { ageMonths: undefined, days: [], municipalityId: undefined, locationId: id },
        today,
        { limit: 20, offset: 0 },
      );
      const data = { ...found, photos, lastMinute: lastMinute.rows, today };
      return send(
        request,
        reply,
        <ProfilePage
          ctx={await context(request, reply, deps)}
          data={data}
          map={map}
          searchQuery={searchQueryOf(request)}
        />,
      );
    },
  );

  app.get<{ Params: { locationId: string; photoId: string } }>(
    '/providers/:locationId/photos/:photoId',
    { config: { action: 'public.asset' } },
    async (request, reply) => {
      const locationId = parseId<ProviderLocationId>(request.params.locationId);
      const photoId = parseId(request.params.photoId);
      const photo = locationId && photoId ? await q.getPhoto(deps.db, locationId, photoId) : undefined;
      if (!photo) throw new NotFoundError('photo');
      // A photo never changes under its id (a new upload gets a new one).
      return reply
        .header('cache-control', `public, max-age=${PHOTO_MAX_AGE_SECONDS}`)
        .header('x-content-type-options', 'nosniff')
        .type(photo.contentType)
        .send(photo.bytes);
    },
  );

  app.get('/last-minute', { config: { action: 'public.page' } }, async (request, reply) => {
    const municipalities = await q.getMunicipalityOptions(deps.db);
    const parsed = parseForm(LastMinuteQuery, request.query);
    const result = parsed.ok ? await lastMinutePlaces(deps, parsed.value) : undefined;
    const form = parsed.ok ? { values: formValues(request.query), errors: {} } : parsed.form;
    const last = result ? lastPageUrl(request, '/last-minute', result.page, result.pages) : undefined;
    if (last) return reply.redirect(last, 302);
    const page = (
      <LastMinutePage
        ctx={await context(request, reply, deps)}
        form={form}
        params={queryParams(request)}
        municipalities={municipalities}
        result={result}
      />
    );
    return send(request, reply, page, result ? 200 : 400);
  });

  app.get('/sick-child-care', { config: { action: 'public.page' } }, async (request, reply) => {
    const services = await q.getSickChildServices(deps.db);
    return send(
      request,
      reply,
      <SickChildPage ctx={await context(request, reply, deps)} services={services} />,
    );
  });

  app.get('/news', { config: { action: 'public.page' } }, async (request, reply) => {
    const parsed = parseForm(ListQuery, request.query);
    const page = parsed.ok ? parsed.value.page : 1;
    const items = await q.getPublishedNews(deps.db, newsMoment(deps), {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil((items[0]?.total ?? 0) / PAGE_SIZE));
    const view = (
      <NewsArchivePage
        ctx={await context(request, reply, deps)}
        items={items}
        page={page}
        pages={Math.max(pages, page)}
        params={queryParams(request)}
      />
    );
    return send(request, reply, view);
  });

  app.get<{ Params: { newsId: string } }>(
    '/news/:newsId',
    { config: { action: 'public.page' } },
    async (request, reply) => {
      const id = parseId(request.params.newsId);
      const item = id ? await q.getNewsItem(deps.db, id, newsMoment(deps)) : undefined;
      if (!item) throw new NotFoundError('news item');
      return send(request, reply, <NewsItemPage ctx={await context(request, reply, deps)} item={item} />);
    },
  );

  app.get('/info', { config: { action: 'public.page' } }, async (request, reply) => {
    const pages = await q.getInfoPageList(deps.db);
    return send(request, reply, <InfoIndexPage ctx={await context(request, reply, deps)} pages={pages} />);
  });

  app.get<{ Params: { slug: string } }>(
    '/info/:slug',
    { config: { action: 'public.page' } },
    async (request, reply) => {
      const slug = request.params.slug;
      const page = /^[a-z0-9-]{1,80}$/.test(slug) ? await q.getInfoPage(deps.db, slug) : undefined;
      if (!page) throw new NotFoundError('info page');
      const others = await q.getInfoPageList(deps.db);
      return send(
        request,
        reply,
        <InfoPage ctx={await context(request, reply, deps)} page={page} others={others} slug={slug} />,
      );
    },
  );

  // The priority rules in plain words, from the set valid today by the app's clock (ADR 0018).
  app.get('/priority-rules', { config: { action: 'public.page' } }, async (request, reply) => {
    const ruleSet = await getRuleSetValidOn(deps.db, deps.clock.today());
    return send(
      request,
      reply,
      <PriorityRulesPage ctx={await context(request, reply, deps)} ruleSet={ruleSet} />,
    );
  });

  app.get('/accessibility', { config: { action: 'public.page' } }, async (request, reply) => {
    const desks = await q.getDesks(deps.db);
    return send(
      request,
      reply,
      <AccessibilityPage ctx={await context(request, reply, deps)} desks={desks} />,
    );
  });

  // The brand colour as a style sheet (the CSP forbids inline styles). The colour is in the URL, so
  // the answer never changes for a URL; a colour failing the contrast check gives the default look.
  app.get('/brand.css', { config: { action: 'public.asset' } }, async (request, reply) => {
    const colour = new URLSearchParams(request.url.split('?')[1] ?? '').get('colour') ?? '';
    return reply
      .header('cache-control', `public, max-age=${BRAND_CSS_MAX_AGE_SECONDS}`)
      .type('text/css; charset=utf-8')
      .send(brandStylesheet(/^[0-9a-f]{6}$/i.test(colour) ? `#${colour}` : undefined));
  });

  // The map library, served from the installed packages (no outside CDN: the CSP allows 'self' only).
  const vendor: [string, string, string][] = [
    ['leaflet.js', 'leaflet.js', LEAFLET_DIR],
    ['leaflet.css', 'leaflet.css', LEAFLET_DIR],
    ['leaflet.markercluster.js', 'leaflet.markercluster.js', CLUSTER_DIR],
    ['MarkerCluster.css', 'MarkerCluster.css', CLUSTER_DIR],
  ];
  for (const [url, file, dir] of vendor) {
    app.get(`/assets/vendor/leaflet/${url}`, { config: { action: 'public.asset' } }, (_request, reply) =>
      reply.sendFile(file, dir),
    );
  }
}
