import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { aScenario } from '../../../test/builders.ts';
import * as schema from '../db/schema/index.ts';
import { acceptedEncoding } from './setup.ts';

/** What a phone downloads before it can paint a page (issue 17). */
describe('the style sheet and compressed answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('pglite');
  });
  afterAll(async () => t?.close());

  /** The one style sheet a page links (a second one would be a second wait before the first paint). */
  async function sheetOf(url: string): Promise<string> {
    const page = await t.app.inject({ method: 'GET', url });
    const links = [...page.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(links, url).toHaveLength(1);
    return links[0] as string;
  }
  const sheetHref = () => sheetOf('/login');

  it('gives the public pages the same sheet with the public site’s rules added, still one request', async () => {
    const staff = await sheetHref();
    expect(staff).toMatch(/^\/assets\/styles\/[0-9a-f]{16}\.css$/);
    const publicSheet = await sheetOf('/');
    expect(publicSheet).toMatch(/^\/assets\/styles\/[0-9a-f]{16}-public\.css$/);
    const staffCss = (await t.app.inject({ method: 'GET', url: staff })).body;
    const publicCss = (await t.app.inject({ method: 'GET', url: publicSheet })).body;
    expect(publicCss.startsWith(staffCss)).toBe(true);
    expect(publicCss).toContain('.ko-map[hidden]');
    expect(staffCss).not.toContain('.ko-map[hidden]');
  });

  it('links one style sheet with the rules the pages use, ≤ 40 KB compressed, cached for a year', async () => {
    const href = await sheetHref();
    const br = await t.app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(br.rawPayload.length).toBeLessThanOrEqual(40 * 1024);
    const css = brotliDecompressSync(br.rawPayload).toString('utf8');
    // Used by every page: kept, with the tokens it reads.
    expect(css).toContain('.utrecht-button');
    expect(css).toContain('.utrecht-table__cell');
    expect(css).toContain('.ko-header');
    expect(css).toMatch(/--utrecht-button-primary-action-background-color:/);
    // Components no page uses, and the tokens only they read: left out.
    expect(css).not.toContain('.utrecht-calendar');
    expect(css).not.toContain('--utrecht-calendar');

    const gzip = await t.app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(css);
    const plain = await t.app.inject({ method: 'GET', url: href });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(css);
  });

  it('answers a sheet name that is not the current one with 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/styles/0000000000000000.css' });
    expect(res.statusCode).toBe(404);
  });

  it('compresses pages for a browser that accepts it, with a description for search engines', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/?lang=fr', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(res.rawPayload).toString('utf8');
    expect(html).toContain('<meta name="description" content="Demandez une place');
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(html) / 2);
  });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    [undefined, 'identity'],
  ] as const)('Accept-Encoding %j gives %s', (header, expected) => {
    expect(acceptedEncoding(header)).toBe(expected);
  });
});

describe('public pages a proxy can revalidate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('answers a public page with a validator, 304 while it holds, and a new one when what it shows changed', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/info' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=/);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"[\w-]+"$/);

    const again = await t.app.inject({ method: 'GET', url: '/info', headers: { 'if-none-match': tag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    // The same page in another language is another version.
    const french = await t.app.inject({
      method: 'GET',
      url: '/info?lang=fr',
      headers: { 'if-none-match': tag },
    });
    expect(french.statusCode).toBe(200);
    expect(french.headers.etag).not.toBe(tag);
  });

  it('gives a profile a new validator when the provider changes what it shows', async () => {
    const s = await aScenario(t.deps.db);
    const url = `/providers/${s.first.id}`;
    const before = await t.app.inject({ method: 'GET', url });
    expect(before.statusCode).toBe(200);
    const tag = before.headers.etag as string;
    expect((await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': tag } })).statusCode).toBe(
      304,
    );

    await t.deps.db
      .update(schema.providerLocations)
      .set({ name: 'KDV De Eerste Stap (vernieuwd)' })
      .where(eq(schema.providerLocations.id, s.first.id));
    const after = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': tag } });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('vernieuwd');
    expect(after.headers.etag).not.toBe(tag);
  });

  it('gives a logged-in page neither a shared cache header nor a validator', async () => {
    const login = await t.app.inject({ method: 'GET', url: '/login' });
    expect(login.headers['cache-control']).toContain('no-store');
    expect(login.headers.etag).toBeUndefined();
  });
});
