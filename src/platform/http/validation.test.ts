import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aScenario } from '../../../test/builders.ts';
import { schema } from '../db/index.ts';

const heading = (body: string) => /<h1[^>]*>([^<]*)/.exec(body)?.[1];

describe('input checked at the edge', () => {
  let t: TestApp;
  let locationId: string;
  beforeAll(async () => {
    t = await buildTestApp('pglite');
    locationId = (await aScenario(t.deps.db)).first.id;
  });
  afterAll(async () => t.close());

  it.each([
    ['nl', 'Dit konden we niet verwerken'],
    ['fr', 'Nous n’avons pas pu traiter ceci'],
    ['en', 'We could not process this'],
  ])('refuses a NUL byte in a form field with 400 in %s, before anything is stored', async (lang, title) => {
    const client = new TestClient(t.app, { 'accept-language': lang });
    await client.get('/register');
    const users = await t.deps.db.select().from(schema.users);
    const res = await client.post('/register', {
      displayName: 'Ann\u0000',
      email: `ann-${lang}@example.be`,
      password: 'correct-horse-battery',
      passwordRepeat: 'correct-horse-battery',
      language: lang,
    });
    expect(res.statusCode).toBe(400);
    expect(heading(res.body)).toBe(title);
    expect(await t.deps.db.select().from(schema.users)).toHaveLength(users.length);
  });

  it('keeps line breaks in a form’s text but refuses them in a URL', async () => {
    const client = new TestClient(t.app);
    expect((await client.get('/search?q=a%0D%0Ab')).statusCode).toBe(400);
    expect((await client.get('/lang/en?back=/%0D%0ASet-Cookie:x')).statusCode).toBe(400);
    expect((await client.get('/search?q=Leuven')).statusCode).toBe(200);
  });

  it('answers 404 for a path id that is no UUID, and serves the record for one that is', async () => {
    const client = new TestClient(t.app);
    expect((await client.get('/providers/not-a-uuid')).statusCode).toBe(404);
    expect((await client.get(`/providers/${locationId}`)).statusCode).toBe(200);
  });
});

describe('database refusals of a value', () => {
  it('counts data exceptions, also wrapped, as the user’s input, and other failures not', async () => {
    const { isInvalidInputError } = await import('../db/errors.ts');
    expect(isInvalidInputError({ message: 'query failed', cause: { code: '22P02' } })).toBe(true);
    expect(isInvalidInputError({ code: '22001' })).toBe(true);
    expect(isInvalidInputError({ code: '54000' })).toBe(true);
    expect(isInvalidInputError({ code: '23505' })).toBe(false);
    expect(isInvalidInputError(new Error('connection terminated'))).toBe(false);
  });
});
