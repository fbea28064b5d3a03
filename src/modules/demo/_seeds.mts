import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { FixedClock } from '../../platform/clock.ts';
import { createNationalNumberVault } from '../../platform/crypto/national-number-vault.ts';
import { migrate, pgliteHandle } from '../../platform/db/index.ts';
import { generateDemoRegion } from './index.ts';
const base = pgliteHandle(await PGlite.create());
await migrate(base);
const blob = await (base as any).db.$client.dumpDataDir();
const vault = createNationalNumberVault({ encryptionKey: randomBytes(32), hashKey: randomBytes(32) });
for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
  const h = pgliteHandle(await PGlite.create({ loadDataDir: blob }));
  const t0 = Date.now();
  const s = await generateDemoRegion(h.db, { clock: new FixedClock('2026-11-22T10:00:00Z'), vault, seed });
  const strict = (await h.executeSql(`select count(*)::int n from requests where status='active' and desired_start between date '2026-11-22' and date '2026-11-22' + 30`)).rows[0];
  console.log(seed, Date.now() - t0, 'ms', s.locations, s.families, s.requests, JSON.stringify(s.requestsByStatus), 'em', s.emergencyList, (strict as any).n, 'soc', s.socialEmergencies, 'prio', s.priorityGroupFamilies, Object.keys(s.preferencesByStatus).length);
  await h.close();
}
