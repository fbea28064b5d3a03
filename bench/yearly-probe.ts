/**
 * Times the yearly registration alone against a PostgreSQL database holding a benchmark data set:
 * `node --import tsx bench/yearly-probe.ts <database url> [runs] [municipality name]`. One warm-up
 * call, then `runs` timed calls for the municipality (default: the one with the most requests) and
 * for every municipality; prints p50 and max and the one-municipality table's totals.
 */
import os from 'node:os';
import { yearlyReport } from '../src/modules/policy-figures/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openPostgres } from '../src/platform/db/index.ts';

const [url, runsArg, nameArg] = process.argv.slice(2);
if (!url) throw new Error('Usage: yearly-probe.ts <database url> [runs] [municipality name]');
const runs = Number(runsArg ?? 5);
const handle = openPostgres(url, { max: 2 });
try {
  const all = (await handle.executeSql('select id, name from municipalities order by name')).rows as {
    id: string;
    name: string;
  }[];
  const largestName =
    nameArg ??
    String(
      (
        (
          await handle.executeSql(
            'select m.name from requests r join municipalities m on m.id = r.municipality_id group by m.name order by count(*) desc limit 1',
          )
        ).rows[0] as { name: string }
      ).name,
    );
  const one = all.filter((m) => m.name === largestName);
  const today = systemClock.today();
  const year = Number(today.slice(0, 4));
  console.info(
    `load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; year ${year}; one = ${largestName}`,
  );
  for (const [label, municipalities] of [
    ['one', one],
    ['all', all],
  ] as const) {
    const first = await yearlyReport(handle.db, { municipalities, year, today });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await yearlyReport(handle.db, { municipalities, year, today });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor((times.length - 1) / 2)] ?? 0;
    console.info(
      `${label} (${municipalities.length}): p50 ${p50.toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms over ${runs}; ` +
        `total ${JSON.stringify(first.total)}`,
    );
    if (label === 'one') console.info(`  row ${JSON.stringify(first.rows[0]?.values)}`);
  }
  console.info(
    `load after ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await handle.close();
}
