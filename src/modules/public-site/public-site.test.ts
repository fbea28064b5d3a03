import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aProviderLocation, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { postcodeGeocoder } from './geocoding.ts';
import { aPublicSiteScenario, type PublicSiteScenario } from './public-site.fixtures.ts';
import { SearchQuery } from './public-site.schemas.ts';
import { search as searchService } from './public-site.service.ts';

/** The names in the result list, in order. */
const names = (html: string) => [...html.matchAll(/data-qa="result-link">([^<]+)</g)].map((m) => m[1]);
const count = (html: string) => /data-qa="result-count">([^<]+)</.exec(html)?.[1];

describe.each(BACKENDS)('the public site (%s)', (backend) => {
  let t: TestApp;
  let s: PublicSiteScenario;
  let client: TestClient;

  async function start() {
    t = await buildTestApp(backend);
    s = await aPublicSiteScenario(t.deps.db);
    client = new TestClient(t.app, { 'accept-language': 'nl-BE' });
  }

  const search = async (query: string) => {
    const res = await client.get(`/search?${query}`);
    expect(res.statusCode, query).toBe(200);
    return res.body;
  };

  // These only read: one database for all of them.
  describe('search', () => {
    beforeAll(start);
    afterAll(async () => t.close());

    it('lists every active location by name without filters, never an inactive one', async () => {
      const html = await search('');
      expect(names(html)).toEqual(['KDV Centrum', 'KDV Herent', 'KDV Heverlee', 'Onthaalouder Anna']);
      expect(count(html)).toBe('4 opvanglocaties gevonden');
    });

    it.each([
      ['type=family', ['Onthaalouder Anna']],
      ['type=group', ['KDV Centrum', 'KDV Herent', 'KDV Heverlee']],
      ['age=0', ['KDV Centrum', 'KDV Herent', 'Onthaalouder Anna']],
      // 36 months old on the clock's today (2026-11-22): older than KDV Herent takes.
      ['birthDate=2023-11-22', ['KDV Centrum', 'KDV Heverlee', 'Onthaalouder Anna']],
      ['day=wed', ['KDV Centrum', 'KDV Herent', 'KDV Heverlee']],
      ['day=mon&day=thu', ['KDV Centrum', 'KDV Herent', 'KDV Heverlee', 'Onthaalouder Anna']],
      ['tariff=income', ['KDV Centrum', 'KDV Herent', 'Onthaalouder Anna']],
      ['tariff=fixed', ['KDV Heverlee']],
      ['opensBefore=07:00', ['KDV Centrum', 'KDV Herent']],
      ['closesAfter=18:30', ['KDV Centrum', 'KDV Herent']],
      ['language=fr', ['Onthaalouder Anna']],
      ['language=en', ['KDV Centrum']],
      ['inclusive=yes', ['KDV Centrum']],
      ['occasional=yes', ['KDV Heverlee']],
      ['q=herent', ['KDV Herent']],
      ['q=%25', []],
    ])('filters on %s', async (query, expected) => {
      expect(names(await search(query))).toEqual(expected);
    });

    it('filters on a municipality and on a sub-municipality', async () => {
      expect(names(await search(`area=m:${s.herent.id}`))).toEqual(['KDV Herent']);
      expect(names(await search(`area=s:${s.heverlee.id}`))).toEqual(['KDV Heverlee']);
    });

    it('finds the area from a typed name or postcode, and offers a short list when several match', async () => {
      expect(names(await search('place=herent'))).toEqual(['KDV Herent']);
      expect(names(await search('place=3001'))).toEqual(['KDV Heverlee']);
      // An exact name: the municipality Leuven, not its sub-municipality of the same name.
      expect(names(await search('place=Leuven'))).toEqual([
        'KDV Centrum',
        'KDV Heverlee',
        'Onthaalouder Anna',
      ]);
      // The field shows a chosen sub-municipality with its municipality; searching that again keeps it.
      const heverlee = await search(`area=s:${s.heverlee.id}`);
      expect(heverlee).toContain('value="Heverlee (Leuven)"');
      expect(names(await search('place=Heverlee%20(Leuven)'))).toEqual(['KDV Heverlee']);
      // "e" is in every name: no result list, the places as links that search in each.
      const unclear = await client.get('/search?place=e&type=group');
      expect(unclear.statusCode).toBe(400);
      expect(unclear.body).toContain('Meer dan één plaats past bij wat u typte');
      expect(names(unclear.body)).toEqual([]);
      expect(unclear.body).toContain(`href="/search?type=group&amp;area=s%3A${s.heverlee.id}"`);
      const unknown = await client.get('/search?place=Atlantis');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('Geen gemeente of deelgemeente heeft deze naam of postcode');
      // No list of every place on the page.
      expect(unclear.body).not.toContain('<optgroup');
    });

    it('combines filters', async () => {
      expect(names(await search('type=group&age=0&day=wed&tariff=income&opensBefore=07:00'))).toEqual([
        'KDV Centrum',
        'KDV Herent',
      ]);
    });

    it('sorts by distance from home, shows it, and keeps only those within the distance', async () => {
      const html = await search('home=3001');
      expect(names(html)).toEqual(['KDV Heverlee', 'KDV Centrum', 'Onthaalouder Anna', 'KDV Herent']);
      expect(html).toContain('Afstand vanaf 3001 Heverlee');
      expect(html).toMatch(/data-qa="distance">0 km van thuis</);
      expect(names(await search('home=3001&distance=2'))).toEqual(['KDV Heverlee', 'KDV Centrum']);
      expect(names(await search('home=3001&sort=name'))).toEqual([
        'KDV Centrum',
        'KDV Herent',
        'KDV Heverlee',
        'Onthaalouder Anna',
      ]);
    });

    it('shows both distances for home and work, and keeps locations near either', async () => {
      const html = await search('home=3001&work=3020+Herent&distance=2');
      // Both 0 km away (one from home, one from work): then by name.
      expect(names(html)).toEqual(['KDV Herent', 'KDV Heverlee', 'KDV Centrum']);
      expect(html).toMatch(/data-qa="distance">[\d,]+ km van thuis · [\d,]+ km van het werk</);
    });

    it('finds a place by its name as well as by postcode', async () => {
      const geocoder = postcodeGeocoder(t.deps.db);
      expect(await geocoder.geocode('Heverlee')).toMatchObject({ label: '3001 Heverlee' });
      expect(await geocoder.geocode('3020 Winksele')).toMatchObject({ label: '3020 Winksele' });
      expect((await geocoder.geocode('3020'))?.label).toBe('3020 Herent, Veltem-Beisem, Winksele');
      expect(await geocoder.geocode('9999')).toBeUndefined();
    });

    it('folds the chosen filters away behind a short summary, with a link that skips to the results', async () => {
      const first = await search('');
      expect(first).toMatch(/<details class="ko-search__details" open data-qa="filter-details">/);
      expect(first).not.toContain('data-qa="filter-summary"');
      expect(first).toContain('<a class="utrecht-link" href="#results-title" data-qa="skip-to-results">');
      const chosen = await search('type=group&day=mon&day=wed&home=3001&distance=5&sort=name');
      expect(chosen).toMatch(/<details class="ko-search__details" data-qa="filter-details">/);
      expect(chosen).toContain('Filters wijzigen (4 gekozen)');
      const summary = /data-qa="filter-summary">([\s\S]*?)<\/p>/.exec(chosen)?.[1]?.replace(/<[^>]+>/g, '');
      expect(summary).toBe('Gekozen filters: groepsopvang · maandag, woensdag · thuis: 3001 · tot 5 km');
      // The summary comes before the form, the results right after it.
      expect(chosen.indexOf('data-qa="filter-summary"')).toBeLessThan(
        chosen.indexOf('data-qa="search-form"'),
      );
      // With an error the filters are open: the error summary links into them.
      const failed = await client.get('/search?home=9999');
      expect(failed.statusCode).toBe(400);
      expect(failed.body).toMatch(/<details class="ko-search__details" open data-qa="filter-details">/);
      expect(failed.body).not.toContain('data-qa="skip-to-results"');
    });

    it('answers an unknown postcode or a tampered filter with 400 and the error, keeping the values', async () => {
      const res = await client.get('/search?home=9999&type=group');
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Deze postcode of gemeente kennen we niet');
      expect(res.body).toContain('href="#field-home"');
      expect(res.body).toMatch(/id="field-home" name="home" type="text" value="9999"/);
      expect(res.headers['cache-control']).toBe('private, no-cache, no-store');
      const tampered = await client.get('/search?type=castle&age=7');
      expect(tampered.statusCode).toBe(400);
      expect(tampered.body).toContain('Kies een van de mogelijkheden.');
    });
  });

  describe('search, changing data', () => {
    beforeEach(start);
    afterEach(async () => t.close());

    it('pages through the results in SQL, keeping the filters in the page links', async () => {
      for (let i = 1; i <= 22; i++) {
        await aProviderLocation(t.deps.db, {
          municipalityId: s.leuven.id,
          name: `Zzz Onthaalouder ${String(i).padStart(2, '0')}`,
          careType: 'family',
          capacity: 6,
        });
      }
      const first = await search('type=family');
      expect(count(first)).toBe('23 opvanglocaties gevonden');
      expect(names(first)).toHaveLength(20);
      expect(first).toContain('Pagina 1 van 2');
      expect(first).toContain('href="/search?type=family&amp;page=2"');
      const second = await search('type=family&page=2');
      expect(names(second)).toEqual(['Zzz Onthaalouder 20', 'Zzz Onthaalouder 21', 'Zzz Onthaalouder 22']);
      // Past the last page: the last page, with the same filters.
      const beyond = await client.get('/search?type=family&page=9');
      expect(beyond.statusCode).toBe(302);
      expect(beyond.headers.location).toBe('/search?type=family&page=2');
      const none = await client.get('/search?q=nothing-like-this&page=3');
      expect(none.headers.location).toBe('/search?q=nothing-like-this');
      // More matches than the map shows: the page and the total come from their own statement, the same.
      const input = parseForm(SearchQuery, { type: 'family', page: '2' });
      if (!input.ok) throw new Error('the query should parse');
      const beyondTheMap = await searchService(t.deps, postcodeGeocoder(t.deps.db), input.value, 5);
      if (!beyondTheMap.ok) throw new Error('the search should succeed');
      expect(beyondTheMap.total).toBe(23);
      expect(beyondTheMap.markers).toHaveLength(5);
      expect(beyondTheMap.rows.map((r) => r.name)).toEqual(names(second));
    });

    it('shows ellipses where page numbers are left out', async () => {
      for (let i = 1; i <= 200; i++) {
        await aProviderLocation(t.deps.db, {
          municipalityId: s.leuven.id,
          name: `Zzz Opvang ${String(i).padStart(3, '0')}`,
        });
      }
      const pageLinks = (html: string) =>
        [
          ...(/data-qa="pagination">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '').matchAll(
            /<li>(?:<[^>]+>)?([^<]+)</g,
          ),
        ]
          .map((m) => m[1])
          .filter((text) => text !== 'Vorige' && text !== 'Volgende');
      expect(pageLinks(await search('page=5'))).toEqual(['1', '…', '4', '5', '6', '…', '11']);
      expect(pageLinks(await search(''))).toEqual(['1', '2', '…', '11']);
      expect(pageLinks(await search('page=3'))).toEqual(['1', '2', '3', '4', '…', '11']);
      expect(pageLinks(await search('page=11'))).toEqual(['1', '…', '10', '11']);
    });

    it('lets "back to search" on a profile keep the filters', async () => {
      const html = await search('type=group&day=wed&sort=name');
      const href = /href="([^"]+)" data-qa="result-link">KDV Centrum</
        .exec(html)?.[1]
        ?.replace(/&amp;/g, '&');
      expect(href).toBe(`/providers/${s.centre.id}?search=type%3Dgroup%26day%3Dwed%26sort%3Dname`);
      const profile = await client.get(href ?? '');
      expect(profile.statusCode).toBe(200);
      expect(profile.body).toContain(
        'href="/search?type=group&amp;day=wed&amp;sort=name" data-qa="back-to-search"',
      );
      // Only ever a query string of /search, whatever was put in the link.
      const odd = await client.get(
        `/providers/${s.centre.id}?search=${encodeURIComponent('"><script>//evil.example')}`,
      );
      expect(odd.body).toContain(
        'href="/search?%22%3E%3Cscript%3E%2F%2Fevil.example=" data-qa="back-to-search"',
      );
      const plain = await client.get(`/providers/${s.centre.id}`);
      expect(plain.body).toContain('href="/search" data-qa="back-to-search"');
    });

    it('says so when a distance is chosen without a starting point', async () => {
      const html = await search('distance=5');
      expect(html).toContain('data-qa="distance-without-origin"');
      expect(names(html)).toHaveLength(4);
      expect(await search('distance=5&home=3001')).not.toContain('data-qa="distance-without-origin"');
    });

    it('finds a name whatever its accents and case', async () => {
      await aProviderLocation(t.deps.db, { municipalityId: s.leuven.id, name: 'Crèche Les Étoiles' });
      await aProviderLocation(t.deps.db, { municipalityId: s.leuven.id, name: 'Kinderopvang Zoë' });
      for (const q of ['creche', 'CRECHE', 'crèche', 'Crêche', 'les etoiles', 'ÉTOILES']) {
        expect(names(await search(`q=${encodeURIComponent(q)}`)), q).toEqual(['Crèche Les Étoiles']);
      }
      expect(names(await search('q=zoe'))).toEqual(['Kinderopvang Zoë']);
      expect(names(await search(`q=${encodeURIComponent('zoë')}`))).toEqual(['Kinderopvang Zoë']);
      expect(names(await search('q=creches'))).toEqual([]);
    });

    it('shows the real hours per day on a result card, each fact with its label', async () => {
      const full = { opens: '07:00', closes: '18:30' };
      await aProviderLocation(t.deps.db, {
        municipalityId: s.leuven.id,
        name: 'KDV Woensdagmiddag',
        openingHours: {
          mon: full,
          tue: full,
          wed: { opens: '07:00', closes: '12:00' },
          thu: full,
          fri: full,
        },
      });
      const card = (html: string, name: string) => {
        const from = html.slice(html.lastIndexOf('<li', html.indexOf(`>${name}<`)));
        return from.slice(0, from.indexOf('</li>'));
      };
      const hours = (html: string, name: string) =>
        /data-qa="result-hours">([^<]+)</.exec(card(html, name))?.[1];
      const html = await search('');
      expect(hours(html, 'KDV Woensdagmiddag')).toBe(
        'maandag, dinsdag, donderdag, vrijdag 07:00 – 18:30; woensdag 07:00 – 12:00',
      );
      expect(hours(html, 'KDV Centrum')).toBe('maandag tot vrijdag 07:00 – 18:30');
      expect(hours(html, 'Onthaalouder Anna')).toBe('maandag, dinsdag, donderdag, vrijdag 08:00 – 17:30');
      expect(card(html, 'KDV Centrum')).toMatch(/<dt>Leeftijd<\/dt><dd>van /);
      expect(card(html, 'KDV Centrum')).toMatch(/<dt>Prijs<\/dt><dd>Inkomenstarief<\/dd>/);
      const fr = await new TestClient(t.app, { 'accept-language': 'fr-BE' }).get('/search');
      expect(hours(fr.body, 'KDV Woensdagmiddag')).toBe(
        'lundi, mardi, jeudi, vendredi 07:00 – 18:30; mercredi 07:00 – 12:00',
      );
      expect(hours(fr.body, 'KDV Centrum')).toBe('du lundi au vendredi 07:00 – 18:30');
    });

    it('puts every match on the map data, and marks last-minute places in the list', async () => {
      await t.deps.db.insert(schema.lastMinutePlaces).values({
        providerLocationId: s.south.id,
        availableFrom: '2026-11-23',
        availableUntil: '2026-12-05',
        days: ['mon', 'tue'],
      });
      const html = await search('type=group');
      const json = /<script type="application\/json" id="result-map-markers">([^<]*)<\/script>/.exec(
        html,
      )?.[1];
      const markers = JSON.parse(json ?? '[]') as { id: string; name: string }[];
      expect(markers.map((m) => m.name)).toEqual(names(html));
      const card = html.slice(html.indexOf(`data-location-id="${s.south.id}"`));
      expect(card.slice(0, card.indexOf('</li>'))).toContain('data-qa="last-minute-badge"');
      expect(html.match(/data-qa="last-minute-badge"/g)).toHaveLength(1);
    });
  });

  describe('provider profile', () => {
    beforeEach(start);
    afterEach(async () => t.close());

    it('shows the facts, the description in the visitor’s language and the request link', async () => {
      const res = await client.get(`/providers/${s.centre.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1 class="utrecht-heading-1">KDV Centrum</h1>');
      expect(res.body).toContain('Een groot kinderdagverblijf in het centrum.');
      expect(res.body).toContain(`href="/parent/requests/new?preference=${s.centre.id}"`);
      expect(res.body).toContain('Inkomenstarief, met voorrang voor kwetsbare gezinnen');
      expect(res.body).toContain('Kerstverlof');
      // The summer closing lies before today (2026-11-22): no longer shown.
      expect(res.body).not.toContain('Zomer');
      expect(res.body).toContain('07:00 – 18:30');
      expect(res.body).toContain('28 plaatsen');

      const fr = new TestClient(t.app, { 'accept-language': 'fr-BE' });
      expect((await fr.get(`/providers/${s.centre.id}`)).body).toContain('Une grande crèche au centre.');
    });

    it('falls back to Dutch, marked as Dutch, where the provider wrote no translation', async () => {
      const en = new TestClient(t.app, { 'accept-language': 'en' });
      const body = (await en.get(`/providers/${s.centre.id}`)).body;
      expect(body).toContain('<div class="ko-rich-text" lang="nl"><p class="utrecht-paragraph">Een groot');
      expect(body).toContain('Christmas holiday');
      expect(body).toContain('<html lang="en">');
    });

    it('answers 404 for an unknown, malformed or inactive location', async () => {
      expect((await client.get('/providers/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      expect((await client.get('/providers/not-an-id')).statusCode).toBe(404);
      expect((await client.get(`/providers/${s.closed.id}`)).statusCode).toBe(404);
    });

    it('serves its photos from the database with caching headers, only while it is active', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      const [photo] = await t.deps.db
        .insert(schema.providerPhotos)
        .values({
          providerLocationId: s.centre.id,
          contentType: 'image/png',
          bytes: png,
          alt: { nl: 'De speelzaal' },
        })
        .returning();
      const [hidden] = await t.deps.db
        .insert(schema.providerPhotos)
        .values({ providerLocationId: s.closed.id, contentType: 'image/png', bytes: png, alt: { nl: 'x' } })
        .returning();
      const profile = await client.get(`/providers/${s.centre.id}`);
      expect(profile.body).toContain(
        `src="/providers/${s.centre.id}/photos/${photo?.id}" alt="De speelzaal"`,
      );
      const res = await client.get(`/providers/${s.centre.id}/photos/${photo?.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['cache-control']).toBe('public, max-age=86400');
      expect(res.rawPayload.equals(png)).toBe(true);
      expect((await client.get(`/providers/${s.closed.id}/photos/${hidden?.id}`)).statusCode).toBe(404);
      expect((await client.get(`/providers/${s.south.id}/photos/${photo?.id}`)).statusCode).toBe(404);
    });
  });

  describe('last-minute places', () => {
    afterEach(async () => t.close());
    beforeEach(async () => {
      await start();
      await t.deps.db.insert(schema.lastMinutePlaces).values([
        {
          providerLocationId: s.south.id,
          availableFrom: '2026-11-23',
          availableUntil: '2026-11-25',
          days: ['mon', 'tue', 'wed'],
          minAgeMonths: 6,
          maxAgeMonths: 24,
          note: { nl: 'Tijdelijk vrij door verhuis.' },
        },
        {
          providerLocationId: s.north.id,
          availableFrom: '2026-11-22',
          availableUntil: '2026-12-31',
          days: ['thu', 'fri'],
        },
        {
          providerLocationId: s.centre.id,
          availableFrom: '2026-11-01',
          availableUntil: '2026-11-21',
          days: ['mon'],
        },
      ]);
    });

    const places = (html: string) =>
      [
        ...html.matchAll(
          /data-qa="last-minute-place"[^>]*>\s*<h3 class="utrecht-heading-3"><a[^>]*>([^<]+)</g,
        ),
      ].map((m) => m[1]);

    it('shows the places valid today, soonest first, and filters by age, days and municipality', async () => {
      const all = await client.get('/last-minute');
      expect(all.statusCode).toBe(200);
      expect(places(all.body)).toEqual(['KDV Herent', 'KDV Heverlee']);
      expect(all.body).toContain('Tijdelijk vrij door verhuis.');
      expect(places((await client.get('/last-minute?age=3')).body)).toEqual(['KDV Herent']);
      expect(places((await client.get('/last-minute?day=mon&day=wed')).body)).toEqual(['KDV Heverlee']);
      expect(places((await client.get('/last-minute?day=fri')).body)).toEqual(['KDV Herent']);
      expect(places((await client.get(`/last-minute?municipality=${s.leuven.id}`)).body)).toEqual([
        'KDV Heverlee',
      ]);
    });

    it('lets a place disappear by itself once it has expired', async () => {
      // Valid up to and including 25 November; gone on the 26th.
      t.clock.advanceDays(3);
      expect(places((await client.get('/last-minute')).body)).toEqual(['KDV Herent', 'KDV Heverlee']);
      t.clock.advanceDays(1);
      const body = (await client.get('/last-minute')).body;
      expect(places(body)).toEqual(['KDV Herent']);
      expect((await search('type=group')).match(/data-qa="last-minute-badge"/g)).toHaveLength(1);
      t.clock.advanceDays(40);
      expect((await client.get('/last-minute')).body).toContain('data-qa="no-places"');
    });

    it('leads a page number past the last to the last page, keeping the filters', async () => {
      const res = await client.get('/last-minute?day=mon&page=4');
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/last-minute?day=mon');
    });
  });

  describe('content pages and caching', () => {
    afterEach(async () => t.close());
    beforeEach(async () => {
      await start();
      await t.deps.db.insert(schema.newsItems).values([
        {
          regionId: s.region.id,
          publishedAt: new Date('2026-10-01T08:00:00Z'),
          title: { nl: 'Oud nieuws' },
          body: { nl: 'Eerder.' },
        },
        {
          regionId: s.region.id,
          municipalityId: s.leuven.id,
          publishedAt: new Date('2026-11-20T08:00:00Z'),
          title: { nl: 'Nieuw kinderdagverblijf', en: 'New daycare centre' },
          body: { nl: 'Open vanaf januari.' },
        },
        {
          regionId: s.region.id,
          publishedAt: new Date('2026-12-20T08:00:00Z'),
          title: { nl: 'Nog niet gepubliceerd' },
          body: { nl: 'Later.' },
        },
      ]);
      await t.deps.db.insert(schema.infoPages).values({
        regionId: s.region.id,
        slug: 'hoe-werkt-het',
        title: { nl: 'Hoe werkt kinderopvang?', fr: 'Comment fonctionne l’accueil ?' },
        body: { nl: '## Eén aanvraag\n\nU vraagt één keer aan.\n\n- eerste punt\n- tweede punt' },
      });
      await t.deps.db.insert(schema.sickChildServices).values({
        regionId: s.region.id,
        name: 'Ziekenoppas Test',
        phone: '016 00 00 00',
        area: { nl: 'Leuven en omgeving' },
        conditions: { nl: 'Kinderen van 0 tot 12 jaar' },
        hours: { nl: 'Elke werkdag van 7 tot 19 uur' },
      });
    });

    it('shows published news newest first, the desks and the information pages on the home page', async () => {
      const res = await client.get('/');
      expect(res.statusCode).toBe(200);
      const body = res.body;
      expect(body.indexOf('Nieuw kinderdagverblijf')).toBeGreaterThan(0);
      expect(body.indexOf('Nieuw kinderdagverblijf')).toBeLessThan(body.indexOf('Oud nieuws'));
      expect(body).not.toContain('Nog niet gepubliceerd');
      expect(body).toContain('Loket Leuven');
      expect(body).toContain('016 27 26 00');
      expect(body).toContain('Maandag tot vrijdag van 9 tot 12 uur');
      expect(body).toContain('href="/info/hoe-werkt-het"');
      const archive = await client.get('/news');
      expect(archive.statusCode).toBe(200);
      expect(archive.body.match(/data-qa="news-item"/g)).toHaveLength(2);
    });

    it('shows an information page by its slug, rendering headings and lists, and 404 for others', async () => {
      const res = await client.get('/info/hoe-werkt-het');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h2 class="utrecht-heading-2">Eén aanvraag</h2>');
      expect(res.body).toContain('<li>tweede punt</li>');
      expect((await client.get('/info/bestaat-niet')).statusCode).toBe(404);
      expect((await client.get('/info/../etc')).statusCode).toBe(404);
    });

    it('lists the sick-child services and shows the accessibility statement', async () => {
      const sick = await client.get('/sick-child-care');
      expect(sick.statusCode).toBe(200);
      expect(sick.body).toContain('Ziekenoppas Test');
      expect(sick.body).toContain('href="tel:016000000"');
      const a11y = await client.get('/accessibility');
      expect(a11y.statusCode).toBe(200);
      expect(a11y.body).toContain('WCAG 2.2');
      // The sections of the EU model statement, in every language, with the desks to contact.
      const sections = ['status', 'content', 'preparation', 'feedback', 'enforcement'];
      for (const [lang, heading] of [
        ['nl-BE', 'Nalevingsstatus'],
        ['fr-BE', 'État de conformité'],
        ['en-GB', 'Compliance status'],
      ] as const) {
        const body = (await new TestClient(t.app, { 'accept-language': lang }).get('/accessibility')).body;
        for (const id of sections) expect(body, `${lang} ${id}`).toContain(`data-qa="a11y-${id}"`);
        expect(body).toContain(`id="a11y-status">${heading}</h2>`);
        expect(body).toContain('href="mailto:kinderopvang@leuven.example"');
      }
    });

    it('lets anonymous pages be cached for a minute, without cookies; never a logged-in user’s page', async () => {
      for (const path of ['/', '/search?home=3001', `/providers/${s.centre.id}`, '/last-minute', '/info']) {
        const res = await client.get(path);
        expect(res.headers['cache-control'], path).toBe('public, max-age=60');
        expect(res.headers.vary, path).toBe('Cookie, Accept-Language');
        expect(res.headers['set-cookie'], path).toBeUndefined();
      }
      const parent = await aUser(t.deps.db, { role: 'parent' });
      const loggedIn = new TestClient(t.app);
      await loggedIn.login(parent.email, TEST_PASSWORD);
      for (const path of ['/', `/providers/${s.centre.id}`]) {
        const res = await loggedIn.get(path);
        expect(res.statusCode).toBe(200);
        expect(res.headers['cache-control'], path).toBe('private, no-cache, no-store');
        expect(res.body).toContain('data-qa="logout"');
      }
    });

    it('serves the map library from the installed packages', async () => {
      const js = await client.get('/assets/vendor/leaflet/leaflet.js');
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toContain('javascript');
      expect((await client.get('/assets/vendor/leaflet/leaflet.markercluster.js')).statusCode).toBe(200);
      expect((await client.get('/assets/map.js')).statusCode).toBe(200);
    });

    it('links a favicon from every page and serves it', async () => {
      expect((await client.get('/')).body).toContain(
        '<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>',
      );
      const icon = await client.get('/assets/favicon.svg');
      expect(icon.statusCode).toBe(200);
      expect(icon.headers['content-type']).toContain('image/svg+xml');
    });
  });
});
