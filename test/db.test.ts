import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db.ts';

/**
 * The embedded test databases are reused within a test process (test/db.ts): each must still
 * start as a freshly migrated one, and a test that goes on after its database was closed must not
 * reach the next test's.
 */
describe('the embedded test databases', () => {
  type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
  const one = async (db: Handle, text: string) =>
    ((await db.executeSql(text)).rows[0] as Record<string, unknown> | undefined)?.v;
  const count = async (db: Handle, table: string) =>
    Number(await one(db, `select count(*)::int as v from ${table}`));

  it('hands each test a database as migrated: rows, sequences and session settings of the last test gone', async () => {
    const first = await createTestDatabase('pglite');
    const rules = await count(first, 'priority_rule_sets');
    expect(rules).toBeGreaterThan(0);
    const regions = await count(first, 'regions');
    await first.executeSql("insert into regions (name, code) values ('Oud', 'oud')");
    await first.executeSql('delete from priority_rule_sets where true').catch(() => undefined);
    await first.executeSql("set timezone = 'Asia/Tokyo'");
    const sequence = String(
      await one(
        first,
        "select format('%I.%I', schemaname, sequencename) as v from pg_sequences order by 1 limit 1",
      ),
    );
    const next = `select nextval('${sequence}')::text as v`;
    const before = await one(first, next);
    await first.close();

    const second = await createTestDatabase('pglite');
    expect(await count(second, 'regions')).toBe(regions);
    expect(await count(second, 'priority_rule_sets')).toBe(rules);
    expect(await one(second, "select current_setting('timezone') as v")).not.toBe('Asia/Tokyo');
    expect(await one(second, next)).toBe(before);
    await second.close();
  });

  it('refuses the closed handle of an earlier test', async () => {
    const first = await createTestDatabase('pglite');
    await first.close();
    const second = await createTestDatabase('pglite');
    await expect(async () =>
      first.executeSql("insert into regions (name, code) values ('Laat', 'laat')"),
    ).rejects.toThrow();
    expect(
      (await second.executeSql('select count(*)::int as n from regions where code = $1', ['laat'])).rows,
    ).toEqual([{ n: 0 }]);
    await second.close();
  });

  it('starts afresh after a test changed the schema', async () => {
    const first = await createTestDatabase('pglite');
    await first.executeSql('create table scratch (n int)');
    await first.close();
    const second = await createTestDatabase('pglite');
    const { rows } = await second.executeSql("select to_regclass('scratch') is null as gone");
    expect(rows).toEqual([{ gone: true }]);
    await second.close();
  });
});
