import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/db.ts';
import { preparedStatement, schema } from './index.ts';

const { regions } = schema;

const regionByCode = preparedStatement((db) =>
  db
    .select({ name: regions.name })
    .from(regions)
    .where(eq(regions.code, sql.placeholder('code')))
    .prepare('test_region_by_code'),
);

describe.each(BACKENDS)('a prepared statement on %s', (backend) => {
  it('answers each call with its own values and the data as it is now, inside a transaction too', async () => {
    const database = await createTestDatabase(backend);
    const { db } = database;
    try {
      await db.insert(regions).values([
        { code: 'noord', name: 'Noord' },
        { code: 'zuid', name: 'Zuid' },
      ]);
      expect(await regionByCode(db).execute({ code: 'noord' })).toEqual([{ name: 'Noord' }]);
      expect(await regionByCode(db).execute({ code: 'zuid' })).toEqual([{ name: 'Zuid' }]);
      expect(await regionByCode(db).execute({ code: 'west' })).toEqual([]);
      // Executed more than five times, PostgreSQL may switch to a generic plan: still the right rows.
      for (let i = 0; i < 6; i++) await regionByCode(db).execute({ code: 'zuid' });

      await db.update(regions).set({ name: 'Zuiderkempen' }).where(eq(regions.code, 'zuid'));
      expect(await regionByCode(db).execute({ code: 'zuid' })).toEqual([{ name: 'Zuiderkempen' }]);

      // The rollback ends the transaction with its own error; a failed expectation would not be it.
      await expect(
        db.transaction(async (tx) => {
          await tx.insert(regions).values({ code: 'west', name: 'West' });
          expect(await regionByCode(tx).execute({ code: 'west' })).toEqual([{ name: 'West' }]);
          tx.rollback();
        }),
      ).rejects.toThrow(TransactionRollbackError);
      expect(await regionByCode(db).execute({ code: 'west' })).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
