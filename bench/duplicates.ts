/**
 * How long the duplicate detection takes on a municipality with many files:
 * `node --import tsx bench/duplicates.ts [--files 5000] [--pairs 50]`, on PGlite in memory.
 * Builds `files` family files (each with a child and a request) of which `pairs` are second files
 * of an existing family (same child name and birth date, same e-mail), then times
 * countPossibleDuplicates and the list query a few times. A speed check, not a test.
 */
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { countPossibleDuplicates } from '../src/modules/duplicates/index.ts';
import { migrate } from '../src/platform/db/index.ts';
import { pgliteHandle } from '../src/platform/db/pglite.ts';
import { aScenario, manyFamilyRequests } from '../test/builders.ts';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '5000' }, pairs: { type: 'string', default: '50' } },
});
const files = Number(values.files);
const pairs = Number(values.pairs);

const handle = pgliteHandle(await PGlite.create());
await migrate(handle);
const db = handle.db;
const s = await aScenario(db);
await manyFamilyRequests(db, { municipalityId: s.municipality.id, locationId: s.first.id, count: files });
// Second files: copy `pairs` families' parent e-mail and child (name, birth date) into new files.
await db.execute(sql`
  with picked as (
    select f.id, row_number() over (order by f.id) as n from families f limit ${pairs}
  ), copies as (
    insert into families (file_number, municipality_id, created_at)
    select 'KO-DUP-' || n, ${s.municipality.id}::uuid, now() from picked
    returning id, file_number
  ), pairs as (
    select c.id as copy_id, p.id as source_id
      from copies c join picked p on 'KO-DUP-' || p.n = c.file_number
  ), parent_copies as (
    insert into parents (family_id, first_name, last_name, email)
    select pairs.copy_id, pa.first_name, pa.last_name, upper(pa.email)
      from pairs join parents pa on pa.family_id = pairs.source_id
    returning 1
  )
  insert into children (family_id, first_name, last_name, birth_date, expected_birth_date)
  select pairs.copy_id, c.first_name, lower(c.last_name), c.birth_date, c.expected_birth_date
    from pairs join children c on c.family_id = pairs.source_id`);

for (let run = 1; run <= 3; run++) {
  const started = performance.now();
  const count = await countPossibleDuplicates(db, s.municipality.id);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`run ${run}: ${count} possible pairs among ${files + pairs} files in ${ms} ms\n`);
}
await handle.close();
