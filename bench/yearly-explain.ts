/**
 * EXPLAIN (ANALYZE, BUFFERS) of the yearly registration's statements against a PostgreSQL
 * database holding a benchmark data set: `node --import tsx bench/yearly-explain.ts <database url>
 * one|all [municipality name] [year]`. Prints each statement's plan.
 */
import { sql } from 'drizzle-orm';
import { yearlyReport } from '../src/modules/policy-figures/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openPostgres } from '../src/platform/db/index.ts';

const [url, which = 'one', nameArg, yearArg] = process.argv.slice(2);
if (!url) throw new Error('Usage: yearly-explain.ts <database url> one|all [municipality name] [year]');
const handle = openPostgres(url, { max: 1 });
try {
  const all = (await handle.executeSql('select id, name from municipalities order by name')).rows as {
    id: string;
    name: string;
  }[];
  const name = nameArg ?? 'Leuven';
  const municipalities = which === 'all' ? all : all.filter((m) => m.name === name);
  const today = systemClock.today();
  const year = Number(yearArg ?? today.slice(0, 4));
  const db = handle.db;
  const execute = db.execute.bind(db);
  (db as { execute: unknown }).execute = async (query: Parameters<typeof execute>[0]) => {
    const result = await execute(sql`explain (analyze, buffers) ${query}`);
    for (const row of (result as unknown as { rows: Record<string, string>[] }).rows)
      console.info(row['QUERY PLAN']);
    return { rows: [] };
  };
  await yearlyReport(db, { municipalities, year, today });
} finally {
  await handle.close();
}
