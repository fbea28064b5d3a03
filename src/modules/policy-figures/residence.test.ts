import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aMunicipality } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { aParent, fileRequest, type Parent, saveFamily } from '../../../test/parent-journey.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { childGroups } from './policy-figures.queries.ts';

describe.each(BACKENDS)('figures by residence on %s', (backend) => {
  let p: Parent;
  beforeEach(async () => {
    p = await aParent(backend);
  });
  afterEach(async () => p.t.close());

  it('count a request where the family lived when it filed, not where it moved since', async () => {
    const db = p.t.deps.db;
    const subs = await db.select().from(schema.subMunicipalities);
    const centrum = subs.find((s) => s.name === 'Centrum')?.id as string;
    const rand = subs.find((s) => s.name === 'Rand')?.id as string;
    await saveFamily(p, { subMunicipalityId: centrum });
    const requestId = await fileRequest(p);
    const [request] = await db.select().from(schema.requests).where(eq(schema.requests.id, requestId));
    expect(request).toMatchObject({
      residenceMunicipalityId: p.s.municipality.id,
      residenceSubMunicipalityId: centrum,
    });
    const familyId = request?.familyId as string;
    const today = p.t.clock.today();
    const residences = async () =>
      (
        await childGroups(db, {
          municipalityIds: [p.s.municipality.id],
          period: { from: localDate(`${today.slice(0, 4)}-01-01`), to: today },
          today,
          rules: undefined,
        })
      ).map((g) => [g.residence, g.n]);
    expect(await residences()).toEqual([[centrum, 1]]);

    // The family moves within the municipality, then out of it: the request still counts where it was filed from.
    const move = (values: Partial<typeof schema.families.$inferInsert>) =>
      db.update(schema.families).set(values).where(eq(schema.families.id, familyId));
    await move({ subMunicipalityId: rand, postcode: '3001' });
    expect(await residences()).toEqual([[centrum, 1]]);
    const other = await aMunicipality(db, { regionId: p.s.region.id, name: 'Buurgemeente' });
    await move({ municipalityId: other.id, subMunicipalityId: null });
    expect(await residences()).toEqual([[centrum, 1]]);

    // A request whose residence was not recorded (a fixture) reads the address as it is now.
    await db
      .update(schema.requests)
      .set({ residenceMunicipalityId: null, residenceSubMunicipalityId: null })
      .where(eq(schema.requests.id, requestId));
    expect(await residences()).toEqual([['outside', 1]]);
  });
});
