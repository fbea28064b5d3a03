import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { localDate } from '../src/shared/dates.ts';
import { makeNationalNumber } from '../src/shared/national-number.ts';
import { buildTestApp, TestClient } from './app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from './builders.ts';
import { findCanaries } from './log-canaries.ts';

const line = (msg: string) => `${JSON.stringify({ level: 30, time: 1, reqId: 'req-1', msg })}\n`;

describe('the search of a log for personal values', () => {
  const canaries = [
    { value: 'Anna', source: "a child's name" },
    { value: 'Kanunnik de Deckerstraat', source: "a family's street" },
    { value: '0478 91 23 45', source: "a parent's phone number" },
    { value: '0478912345', source: "a parent's phone number" },
    { value: 'Jef', source: 'too short to search' },
  ];

  it('finds a value as a whole word, in a path, after a digit or percent-encoded', () => {
    const log = [
      line('nothing here'),
      line('looked up Anna.'),
      line('GET /x/Kanunnik%20de%20Deckerstraat'),
      line('called 0478 91 23 45'),
      line('tel:0478912345'),
      line('José%40example.be'),
    ].join('');
    const found = findCanaries(log, canaries).map((h) => [h.line, h.source]);
    expect(found).toEqual([
      [2, "a child's name"],
      [3, "a family's street"],
      [4, "a parent's phone number"],
      [5, "a parent's phone number"],
      [6, 'an e-mail address'],
    ]);
  });

  it('does not find a value inside a longer word or number', () => {
    const log = [line('Annabel'), line('MariAnna'), line('04789123456'), line('Jef')].join('');
    expect(findCanaries(log, canaries)).toEqual([]);
  });

  it('finds what never belongs in a log, whatever the data', () => {
    const log = [
      line('an.owner+tag@example.be'),
      line('$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'),
      line(`v1.${'A'.repeat(16)}.${'b'.repeat(15)}.${'C'.repeat(22)}`),
      line('90.04.17-275.40'),
      line('v1.2.3 responded in 12.5 ms, version 1.0.0'),
    ].join('');
    expect(findCanaries(log, []).map((h) => [h.line, h.source])).toEqual([
      [1, 'an e-mail address'],
      [2, 'an argon2 hash'],
      [3, 'a national number cipher'],
      [4, 'a national number (written form)'],
    ]);
  });
});

describe("a test app's log", () => {
  it('is written to a file and passes when it holds ids only', async () => {
    const t = await buildTestApp('pglite');
    const user = await aUser(t.deps.db, { role: 'parent', email: 'griet.vandamme@example.be' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    expect((await client.get('/parent')).statusCode).toBeLessThan(500);
    // A key that names a personal value is censored by the logging policy.
    t.app.log.info({ email: user.email, parent: { firstName: 'Griet' } }, 'censored keys');
    await t.close();
    const text = await readFile(t.log.path, 'utf8');
    expect(text).toContain('"msg":"censored keys"');
    expect(text).toContain('"email":"[redacted]"');
    expect(text.split('\n').filter((l) => l.includes('"url":"/parent"')).length).toBeGreaterThan(0);
  });

  it("fails when closing after the app logged a person's name in a message", async () => {
    const t = await buildTestApp('pglite');
    const s = await aScenario(t.deps.db);
    const { parent } = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
    });
    t.app.log.warn(`could not reach ${parent.firstName} ${parent.lastName}`);
    await expect(t.close()).rejects.toThrow(
      new RegExp(`holds 2 personal value\\(s\\)[\\s\\S]*a parent's name "${parent.firstName}"`),
    );
  });

  it('fails on a national number the vault protected, its cipher and its keyed hash', async () => {
    const t = await buildTestApp('pglite');
    const number = makeNationalNumber(localDate('2025-03-14'), 611);
    const { cipher, hash } = t.deps.vault.protect(number);
    t.app.log.debug({ child: number }, 'number');
    t.app.log.info(`stored ${cipher}`);
    t.app.log.error({ key: hash }, 'hash');
    const failure = await t.close().then(
      () => '',
      (error: Error) => error.message,
    );
    expect(failure).toContain('a national number the vault saw');
    expect(failure).toContain('a national number cipher the vault made');
    expect(failure).toContain('a national number hash the vault made');
  });

  it("fails on a password hash and an e-mail address, and not on a database error's values", async () => {
    const t = await buildTestApp('pglite');
    const user = await aUser(t.deps.db, { role: 'parent', email: 'mathis.desmet@example.be' });
    const error = await t.deps.db
      .insert(schema.users)
      .values({ email: user.email, passwordHash: 'x', displayName: 'Mathis Desmet', language: 'nl' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    // The database error's message quotes the address; the logging policy keeps its code only.
    t.app.log.error({ err: error }, 'request failed');
    await expect(
      (async () => {
        t.app.log.info(`hash ${user.passwordHash} for ${user.email}`);
        await t.close();
      })(),
    ).rejects.toThrow(/a password hash[\s\S]*an account e-mail address/);
    const text = await readFile(t.log.path, 'utf8');
    expect(text).toContain('"sqlState":"23505"');
    expect(text.split('\n').filter((l) => l.includes('mathis.desmet')).length).toBe(1);
  });
});
