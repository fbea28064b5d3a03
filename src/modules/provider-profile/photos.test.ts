import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aScenario, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { PHOTOS_PER_LOCATION, sniffPhotoType } from './photo-check.ts';
import { makePng, postMultipart } from './provider-profile.test-support.ts';

describe('photo type by magic bytes', () => {
  it('knows JPEG, PNG and WebP and nothing else', () => {
    expect(sniffPhotoType(makePng())).toBe('image/png');
    expect(sniffPhotoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffPhotoType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffPhotoType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffPhotoType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe.each(BACKENDS)('profile photos on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staff: TestClient;
  let page: string;
  const png = makePng(4);
  const upload = (fields: Record<string, string>, bytes: Buffer, options: { csrf?: string | null } = {}) =>
    postMultipart(
      t.app,
      staff,
      page,
      fields,
      { photo: { filename: 'tuin.png', contentType: 'image/png', bytes } },
      options,
    );

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    page = `/provider/locations/${s.first.id}/photos`;
    await staff.get(page);
  });
  afterEach(async () => t.close());

  it('stores a real PNG with its description and serves it on the public profile', async () => {
    const res = await upload({ alt_nl: 'De tuin met zandbak', alt_fr: 'Le jardin avec bac à sable' }, png);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?done=uploaded`);
    const [photo] = await t.deps.db.select().from(schema.providerPhotos);
    expect(photo).toMatchObject({
      providerLocationId: s.first.id,
      contentType: 'image/png',
      alt: { nl: 'De tuin met zandbak', fr: 'Le jardin avec bac à sable' },
    });
    expect(Buffer.compare(photo?.bytes as Buffer, png)).toBe(0);
    const publicProfile = await new TestClient(t.app).get(`/providers/${s.first.id}`);
    expect(publicProfile.body).toContain('De tuin met zandbak');
    const served = await t.app.inject({ url: `/providers/${s.first.id}/photos/${photo?.id}` });
    expect(served.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(served.rawPayload, png)).toBe(0);
    expect(await t.deps.db.$count(schema.auditLog)).toBeGreaterThan(0);
  });

  it('refuses a text file named .png, a file over 2 MB, a missing description, and nothing is stored', async () => {
    const text = await upload({ alt_nl: 'Niet echt' }, Buffer.from('Dit is geen foto, alleen tekst.\n'));
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain('Kies een foto in JPEG-, PNG- of WebP-formaat.');

    // A PNG header followed by 2.5 MB: too big, whatever its first bytes say.
    const big = Buffer.concat([png, Buffer.alloc(2.5 * 1024 * 1024, 1)]);
    const tooBig = await upload({ alt_nl: 'Te groot' }, big);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.body).toContain('Deze foto is te groot: hoogstens 2 MB.');

    const noAlt = await upload({ alt_nl: '  ' }, png);
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('Vul dit veld in.');

    const noFile = await postMultipart(t.app, staff, page, { alt_nl: 'Geen bestand' }, {});
    expect(noFile.statusCode).toBe(400);
    expect(await t.deps.db.$count(schema.providerPhotos)).toBe(0);
  });

  it('refuses a multipart post without a valid CSRF token; other routes do not take multipart', async () => {
    const none = await upload({ alt_nl: 'Zonder token' }, png, { csrf: null });
    expect(none.statusCode).toBe(403);
    const wrong = await upload({ alt_nl: 'Fout token' }, png, { csrf: 'not-a-token' });
    expect(wrong.statusCode).toBe(403);
    expect(await t.deps.db.$count(schema.providerPhotos)).toBe(0);
    const elsewhere = await postMultipart(t.app, staff, `/provider/locations/${s.first.id}/profile`, {}, {});
    expect(elsewhere.statusCode).toBe(415);
  });

  it('keeps at most the maximum number, and deletes and reorders photos', async () => {
    for (let i = 0; i < PHOTOS_PER_LOCATION; i++) {
      expect((await upload({ alt_nl: `Foto ${i + 1}` }, makePng(2, [i * 20, 0, 0]))).statusCode).toBe(303);
    }
    const full = await upload({ alt_nl: 'Eén te veel' }, png);
    expect(full.statusCode).toBe(400);
    expect(full.body).toContain('U toont al het maximum van 8 foto’s.');
    const order = async () =>
      (
        await t.deps.db
          .select({ id: schema.providerPhotos.id, alt: schema.providerPhotos.alt })
          .from(schema.providerPhotos)
          .orderBy(asc(schema.providerPhotos.sortOrder))
      ).map((p) => p.alt.nl);
    const ids = (
      await t.deps.db
        .select({ id: schema.providerPhotos.id })
        .from(schema.providerPhotos)
        .orderBy(asc(schema.providerPhotos.sortOrder))
    ).map((p) => p.id);
    await staff.get(page);
    expect((await staff.post(`${page}/${ids[1]}/move`, { direction: 'up' })).statusCode).toBe(303);
    expect((await order()).slice(0, 3)).toEqual(['Foto 2', 'Foto 1', 'Foto 3']);
    expect((await staff.post(`${page}/${ids[0]}/delete`, {})).statusCode).toBe(303);
    expect(await order()).not.toContain('Foto 1');

    // Another location's staff cannot touch them.
    const other = new TestClient(t.app);
    await other.login(s.secondStaff.email, TEST_PASSWORD);
    await other.get(`/provider/locations/${s.second.id}/photos`);
    expect((await other.post(`${page}/${ids[2]}/delete`, {})).statusCode).toBe(404);
    expect(
      (await other.post(`/provider/locations/${s.second.id}/photos/${ids[2]}/delete`, {})).statusCode,
    ).toBe(404);
    expect(await t.deps.db.$count(schema.providerPhotos)).toBe(PHOTOS_PER_LOCATION - 1);
  });
});
