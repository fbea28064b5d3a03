import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { BELGIAN_POSTCODES, MUNICIPALITY_POINTS } from './data/postcodes-belgium.ts';
import { postcodeGeocoder } from './geocoding.ts';
import { aPublicSiteScenario } from './public-site.fixtures.ts';

/** Belgium's bounding box, with a little room. */
const inBelgium = (p: { lat: number; lng: number }) =>
  p.lat > 49.49 && p.lat < 51.51 && p.lng > 2.54 && p.lng < 6.41;

/** Distance in km between two points (good enough at Belgium's latitude). */
const km = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  Math.hypot((a.lat - b.lat) * 111.2, (a.lng - b.lng) * 111.2 * Math.cos((a.lat * Math.PI) / 180));

const BRUSSELS = { lat: 50.846, lng: 4.352 };
const GHENT = { lat: 51.054, lng: 3.717 };
const HASSELT = { lat: 50.931, lng: 5.338 };
const LIEGE = { lat: 50.633, lng: 5.567 };
const SINT_TRUIDEN = { lat: 50.817, lng: 5.186 };

describe('the bundled postcode data', () => {
  it('names its sources and their licence in its header', () => {
    const file = readFileSync(fileURLToPath(new URL('./data/postcodes-belgium.ts', import.meta.url)), 'utf8');
    const header = file.slice(0, file.indexOf('export '));
    expect(header).toContain('Derived from FPS BOSA BeST Address, CC BY 4.0, via the data files of');
    expect(header).toContain('lekoala/belgian-geography');
    expect(header).toContain('GeoNames');
    expect(header).toMatch(/CC BY 4\.0/);
  });

  it('has every point inside Belgium, one row per postcode and place, and a name in each row', () => {
    expect(BELGIAN_POSTCODES.length).toBeGreaterThan(3000);
    const keys = BELGIAN_POSTCODES.map(([pc, nis, nl, fr]) => `${pc}|${nis}|${nl}|${fr}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [postcode, nis, nl, fr, , lat, lng] of BELGIAN_POSTCODES) {
      expect(postcode, `${postcode} ${nl || fr}`).toMatch(/^[1-9]\d{3}$/);
      expect(nis).toMatch(/^\d{5}$/);
      expect(nl || fr).not.toBe('');
      expect(inBelgium({ lat, lng }), `${postcode} ${nl || fr}`).toBe(true);
    }
    for (const [nis, nl, fr, lat, lng] of MUNICIPALITY_POINTS) {
      expect(inBelgium({ lat, lng }), `${nis} ${nl || fr}`).toBe(true);
    }
  });

  it('writes names as the places write them, not in capitals', () => {
    const shouting = BELGIAN_POSTCODES.filter(([, , nl, fr]) =>
      [nl, fr].some((n) => n.length > 3 && n === n.toUpperCase()),
    );
    // Only the NATO headquarters' own postcode is a name in capitals.
    expect(shouting.map(([pc, , nl, fr]) => `${pc} ${nl || fr}`)).toEqual(['7010 SHAPE']);
  });
});

describe.each(BACKENDS)('postcodes of all of Belgium (%s)', (backend) => {
  let t: TestApp;
  let client: TestClient;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    await aPublicSiteScenario(t.deps.db);
    client = new TestClient(t.app, { 'accept-language': 'nl-BE' });
  });
  afterAll(async () => t.close());

  it('loads every postcode of the data set, each name once', async () => {
    const rows = await t.deps.db
      .select({ postcode: schema.postcodes.postcode, name: schema.postcodes.name })
      .from(schema.postcodes);
    const loaded = new Set(rows.map((r) => r.postcode));
    const expected = new Set(BELGIAN_POSTCODES.map(([pc]) => pc));
    expect(expected.size).toBeGreaterThan(1100);
    expect([...expected].filter((pc) => !loaded.has(pc))).toEqual([]);
    const names = new Set(
      BELGIAN_POSTCODES.flatMap(([pc, , nl, fr, de]) =>
        [nl, fr, de].filter((n) => n).map((n) => `${pc} ${n}`),
      ),
    );
    expect(rows.length).toBe(names.size);
  });

  it.each([
    ['1000', '1000 Brussel, Bruxelles', BRUSSELS, 3],
    ['1000 Brussel', '1000 Brussel', BRUSSELS, 3],
    ['Bruxelles', '1000 Bruxelles', BRUSSELS, 3],
    ['9000 Gent', '9000 Gent', GHENT, 3],
    ['Gand', '9000 Gand', GHENT, 3],
    ['3500 Hasselt', '3500 Hasselt', HASSELT, 3],
    ['liege', '4000 Liège', LIEGE, 3],
    ['LIÈGE', '4000 Liège', LIEGE, 3],
    ['sint truiden', '3800 Sint-Truiden', SINT_TRUIDEN, 3],
  ])('finds "%s" as %s, where it is', async (query, label, where, withinKm) => {
    const found = await postcodeGeocoder(t.deps.db).geocode(query);
    expect(found?.label).toBe(label);
    expect(found?.fromPostcode).toBeUndefined();
    if (!found) return;
    expect(inBelgium(found)).toBe(true);
    expect(km(found, where)).toBeLessThan(withinKm);
  });

  it('keeps the hand-made points of Flemish Brabant', async () => {
    expect(await postcodeGeocoder(t.deps.db).geocode('Heverlee')).toEqual({
      lat: 50.864,
      lng: 4.695,
      label: '3001 Heverlee',
    });
  });

  it('searches a street address from its postcode, and says so', async () => {
    const geocoder = postcodeGeocoder(t.deps.db);
    expect(await geocoder.geocode('Naamsestraat 1, 3000 Leuven')).toMatchObject({
      label: '3000 Leuven',
      lat: 50.8798,
      fromPostcode: true,
    });
    expect(await geocoder.geocode('Rue Haute 5, B-1000 Bruxelles')).toMatchObject({
      label: '1000 Bruxelles',
      fromPostcode: true,
    });
    expect(await geocoder.geocode('Naamsestraat 1, 9999 Nergens')).toBeUndefined();
    const res = await client.get('/search?home=Naamsestraat+1%2C+3000+Leuven');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Afstand vanaf postcode 3000 Leuven: het adres zelf zoeken we niet op');
  });

  it('lets a parent working in Brussels search from work, nearest first', async () => {
    const res = await client.get('/search?work=1000+Brussel');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Afstand vanaf 1000 Brussel');
    // The open data is credited where it is used (CC BY 4.0).
    expect(res.body).toContain('afgeleid van FOD BOSA BeST Address en GeoNames, CC BY 4.0');
    const distances = [...res.body.matchAll(/data-qa="distance">([\d,]+) km van het werk/g)].map((m) =>
      Number(m[1]?.replace(',', '.')),
    );
    expect(distances.length).toBeGreaterThan(1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Leuven's locations are some 20–30 km from Brussels.
    expect(distances[0]).toBeGreaterThan(15);
    expect(distances[0]).toBeLessThan(35);
  });
});
