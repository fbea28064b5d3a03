import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { contrastRatio, usableBrandColour } from './brand.ts';
import { parsePoint } from './point.ts';
import { formatKm } from './public-site.components.tsx';
import { aPublicSiteScenario, type PublicSiteScenario } from './public-site.fixtures.ts';

/** A point on the map as a distance origin, and the municipality's logo and colour in the header. */

const names = (html: string) => [...html.matchAll(/data-qa="result-link">([^<]+)</g)].map((m) => m[1]);
const distanceTexts = (html: string) => [...html.matchAll(/data-qa="distance">([^<]+)</g)].map((m) => m[1]);
const header = (html: string) => html.slice(html.indexOf('<header'), html.indexOf('</header>'));

/** The textbook haversine, independent of the SQL one. */
function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('reading a point and checking a colour', () => {
  it('reads a point typed with decimal points or decimal commas, and nothing else', () => {
    expect(parsePoint('50.88,4.70')).toEqual({ lat: 50.88, lng: 4.7 });
    expect(parsePoint(' 50.88, 4.70 ')).toEqual({ lat: 50.88, lng: 4.7 });
    expect(parsePoint('50,88; 4,70')).toEqual({ lat: 50.88, lng: 4.7 });
    expect(parsePoint('50,88 4,70')).toEqual({ lat: 50.88, lng: 4.7 });
    for (const bad of ['', 'Leuven', '50.88', '50.88,4.70,3', '91,4', '50.88,4.70; drop']) {
      expect(parsePoint(bad), bad).toBeUndefined();
    }
  });

  it('keeps a brand colour only when white text on it reaches 4.5:1', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(usableBrandColour('#767676')).toBe('#767676');
    expect(usableBrandColour('#777777')).toBeUndefined(); // 4.48:1
    expect(usableBrandColour('#FFDD00')).toBeUndefined();
    expect(usableBrandColour('AF162A')).toBe('#af162a');
    expect(usableBrandColour('#036')).toBe('#003366');
    expect(usableBrandColour('red')).toBeUndefined();
    expect(usableBrandColour(null)).toBeUndefined();
  });
});

describe.each(BACKENDS)('the public site: point origin and branding (%s)', (backend) => {
  let t: TestApp;
  let s: PublicSiteScenario;
  let client: TestClient;
  const LEAD = 'lead-desk';

  beforeAll(async () => {
    t = await buildTestApp(backend, { env: { LEAD_MUNICIPALITY: LEAD } });
    s = await aPublicSiteScenario(t.deps.db);
    client = new TestClient(t.app, { 'accept-language': 'nl-BE' });
    await t.deps.db
      .update(schema.municipalities)
      .set({ brandColour: '#af162a', logoUrl: '/assets/logo-leuven.png' })
      .where(eq(schema.municipalities.id, s.leuven.id));
    // Too light for white text (1.35:1), and a logo from another site (the CSP would block it).
    await t.deps.db
      .update(schema.municipalities)
      .set({ brandColour: '#ffdd00', logoUrl: 'https://logos.example/herent.png' })
      .where(eq(schema.municipalities.id, s.herent.id));
  });
  afterAll(async () => t.close());

  const page = async (path: string, status = 200, c = client) => {
    const res = await c.get(path);
    expect(res.statusCode, path).toBe(status);
    return res.body;
  };

  it('measures distances from a point on the map, nearest first, matching the haversine', async () => {
    const point = { lat: 50.87, lng: 4.69 };
    const html = await page(`/search?near=${point.lat},${point.lng}`);
    const locations = [s.centre, s.south, s.childminder, s.north]
      .map((l) => ({ name: l.name, km: haversineKm(point, { lat: l.latitude, lng: l.longitude }) }))
      .sort((a, b) => a.km - b.km);
    expect(names(html)).toEqual(locations.map((l) => l.name));
    expect(distanceTexts(html)).toEqual(
      locations.map((l) => `${formatKm('nl', l.km)} km van het gekozen punt`),
    );
    expect(html).toContain('Afstand vanaf het gekozen punt (50.87000, 4.69000)');
    expect(html).toMatch(/id="field-near" name="near" type="text" value="50.87,4.69"/);
    // The map knows the origin, to draw it; a click there writes into the same field.
    expect(html).toContain('data-origin="50.87,4.69"');
    expect(html).toContain('data-origin-field="field-near"');
  });

  it('shows home, work and point distances together, and keeps locations near any of them', async () => {
    const html = await page('/search?home=3001&work=3020+Herent&near=50.8886,4.7256&distance=2');
    // Heverlee near home, Herent near work, Anna at the point; Centrum is 1.7 km from home.
    expect(names(html)).toEqual(['KDV Herent', 'KDV Heverlee', 'Onthaalouder Anna', 'KDV Centrum']);
    for (const text of distanceTexts(html)) {
      expect(text).toMatch(/^[\d,]+ km van thuis · [\d,]+ km van het werk · [\d,]+ km van het gekozen punt$/);
    }
    expect(html).toContain('Afstand vanaf 3001 Heverlee · Afstand vanaf 3020 Herent');
  });

  it('refuses a malformed point or one outside Belgium with a message in the visitor’s language', async () => {
    const bad = await page('/search?near=Leuven&type=group', 400);
    expect(bad).toContain('Vul een punt in als breedtegraad, lengtegraad, bijvoorbeeld 50.88, 4.70.');
    expect(bad).toContain('href="#field-near"');
    expect(bad).toMatch(/id="field-near" name="near" type="text" value="Leuven"/);
    expect(bad).toMatch(/value="group"[^>]*checked/);
    expect(names(bad)).toEqual([]);

    const paris = await page('/search?near=48.8566,2.3522', 400);
    expect(paris).toContain('Dit punt ligt niet in België.');
    const fr = new TestClient(t.app, { 'accept-language': 'fr-BE' });
    expect(await page('/search?near=48.8566,2.3522', 400, fr)).toContain('Ce point n’est pas en Belgique.');
    const en = new TestClient(t.app, { 'accept-language': 'en' });
    expect(await page('/search?near=1,2,3', 400, en)).toContain('Enter a point as latitude, longitude');
  });

  it('brands the site as the lead desk, and as the municipality a search is narrowed to', async () => {
    await t.deps.db
      .update(schema.municipalities)
      .set({ slug: LEAD })
      .where(eq(schema.municipalities.id, s.leuven.id));
    const home = await page('/');
    expect(home).toContain('<link rel="stylesheet" href="/brand.css?colour=af162a"');
    expect(header(home)).toContain('src="/assets/logo-leuven.png" alt="Leuven"');

    // Narrowed to Herent: its name, but not its too-light colour nor its logo from elsewhere.
    const herent = await page(`/search?area=m:${s.herent.id}`);
    expect(herent).not.toContain('brand.css');
    expect(header(herent)).not.toContain('<img');
    expect(header(herent)).toContain('<span class="ko-header__municipality">Herent</span>');
    // A sub-municipality brands as its municipality.
    expect(header(await page(`/search?area=s:${s.heverlee.id}`))).toContain('alt="Leuven"');
  });

  it('serves the brand colour as a style sheet, and the default look for a colour that fails', async () => {
    const css = await client.get('/brand.css?colour=af162a');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).toContain('--ko-brand-colour: #af162a;');
    expect(css.body).toContain('--ko-brand-colour-dark: #7a0f1d;');
    for (const colour of ['ffdd00', 'zzz', '']) {
      const res = await client.get(`/brand.css?colour=${colour}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('--ko-brand');
    }
  });

  it('puts the public navigation in the header, marking the current page', async () => {
    const search = header(await page('/search'));
    expect(search).toContain('data-qa="site-nav"');
    expect(search).toContain('href="/search" aria-current="page"');
    const profile = header(await page(`/providers/${s.centre.id}`));
    expect(profile).toContain('href="/search" aria-current="true"');
    const fr = new TestClient(t.app, { 'accept-language': 'fr-BE' });
    expect(header(await page('/last-minute', 200, fr))).toMatch(
      /href="\/last-minute" aria-current="page">Places de dernière minute</,
    );
  });
});
