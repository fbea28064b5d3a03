import { eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMunicipality, aRegion } from '../../../test/builders.ts';
import { BACKENDS, createTestDatabase } from '../../../test/db.ts';
import { type DatabaseHandle, schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { describePriority } from './priority-rules.messages.ts';
import { getRuleSets, getRuleSetValidOn, insertRuleSet, priorityLevelSql } from './priority-rules.queries.ts';
import {
  evaluatePriority,
  type FamilyPriorityFacts,
  type ParentWork,
  PRIORITY_CRITERIA,
  type Rules,
  rulesOn,
  yearlyAmountOn,
} from './priority-rules.ts';

const none: FamilyPriorityFacts = {
  needsCareForWork: false,
  singleParent: false,
  yearlyIncome: null,
  fosterChild: false,
  siblingsInCare: false,
  disabilityOrSocialReason: false,
  noSecondaryDiploma: false,
  parents: [],
};

const rules = (r: Partial<Rules> & Pick<Rules, 'criteria'>): Rules => ({
  absoluteCriteria: [],
  incomeThreshold: 30000,
  vulnerable: { characteristics: [], minimum: 2, requiredAmong: [] },
  ...r,
});

describe('the evaluator for one file', () => {
  const set = rules({
    criteria: ['worksFourFifths', 'siblingsInCare', 'singleParent'],
    absoluteCriteria: ['worksFourFifths', 'siblingsInCare'],
    vulnerable: {
      characteristics: ['needsCareForWork', 'singleParent', 'lowIncome', 'noSecondaryDiploma'],
      minimum: 2,
      requiredAmong: ['lowIncome', 'noSecondaryDiploma'],
    },
  });

  it('gives absolute priority for an absolute criterion and says why', () => {
    const v = evaluatePriority(set, {
      ...none,
      siblingsInCare: true,
      parents: [{ situation: 'working', daysPerWeek: '4.0' }],
    });
    expect(v).toEqual({
      level: 2,
      absolute: true,
      vulnerable: false,
      reasons: ['worksFourFifths', 'siblingsInCare'],
    });
    expect(describePriority('en', v, 20)).toBe('Absolute priority: works ≥ 4/5 · sibling present');
    expect(describePriority('fr', v, 20)).toBe(
      'Priorité absolue\u00a0: travaille ≥ 4/5 · frère ou sœur présent',
    );
  });

  it('counts the vulnerable-family characteristics and the one that must be among them', () => {
    expect(evaluatePriority(set, { ...none, needsCareForWork: true, singleParent: true }).vulnerable).toBe(
      false,
    );
    const v = evaluatePriority(set, { ...none, needsCareForWork: true, yearlyIncome: 29999 });
    expect(v).toEqual({ level: 1, absolute: false, vulnerable: true, reasons: [] });
    expect(describePriority('nl', v, 20)).toBe('Voorrang: kwetsbaar gezin (20%)');
  });

  it('judges low income as an income below the threshold, never without an income or a threshold', () => {
    const low = (yearlyIncome: number | null, incomeThreshold: number | null) =>
      evaluatePriority(
        { ...rules({ criteria: ['lowIncome'] }), incomeThreshold },
        { ...none, yearlyIncome },
      ).reasons.includes('lowIncome');
    expect(low(29999, 30000)).toBe(true);
    expect(low(30000, 30000)).toBe(false);
    expect(low(0, 30000)).toBe(true);
    expect(low(null, 30000)).toBe(false);
    expect(low(10000, null)).toBe(false);
  });

  it("takes the threshold of the judgement day's year, else of the latest earlier year, never a later one", () => {
    const amounts = { '2024': { incomeThreshold: 31000 }, '2026': { incomeThreshold: 33000 } };
    expect(yearlyAmountOn(amounts, 'incomeThreshold', localDate('2026-01-01'))).toBe(33000);
    expect(yearlyAmountOn(amounts, 'incomeThreshold', localDate('2025-12-31'))).toBe(31000);
    expect(yearlyAmountOn(amounts, 'incomeThreshold', localDate('2030-06-01'))).toBe(33000);
    expect(yearlyAmountOn(amounts, 'incomeThreshold', localDate('2023-12-31'))).toBeNull();
    expect(yearlyAmountOn({}, 'incomeThreshold', localDate('2026-01-01'))).toBeNull();
    const set = {
      criteria: [],
      absoluteCriteria: [],
      vulnerable: { characteristics: [], minimum: 2, requiredAmong: [] },
      yearlyAmounts: amounts,
    };
    expect(rulesOn(set, localDate('2025-06-01')).incomeThreshold).toBe(31000);
  });

  it('takes the average of the parents for work of at least 4/5', () => {
    const works = (parents: ParentWork[]) => evaluatePriority(set, { ...none, parents }).absolute;
    expect(works([{ situation: 'working', daysPerWeek: 3.5 }])).toBe(false);
    expect(
      works([
        { situation: 'working', daysPerWeek: 5 },
        { situation: 'training', daysPerWeek: 3 },
      ]),
    ).toBe(true);
    expect(
      works([
        { situation: 'working', daysPerWeek: 5 },
        { situation: 'job_seeking', daysPerWeek: 5 },
      ]),
    ).toBe(false);
    expect(works([])).toBe(false);
  });

  it('gives nobody priority when no set is valid', () => {
    expect(evaluatePriority(undefined, { ...none, fosterChild: true }).level).toBe(0);
  });
});

const criterion = fc.constantFrom(...PRIORITY_CRITERIA);
const criteriaList = fc.uniqueArray(criterion, { maxLength: PRIORITY_CRITERIA.length });
const randomRules: fc.Arbitrary<Rules> = fc
  .record({
    criteria: criteriaList,
    absoluteShare: fc.nat({ max: 8 }),
    characteristics: criteriaList,
    minimum: fc.nat({ max: 4 }),
    requiredAmong: criteriaList,
    // Thresholds in cents around the random incomes below, so that both sides of it are drawn.
    incomeThreshold: fc.option(fc.integer({ min: 0, max: 6_000_000 }).map((cents) => cents / 100)),
  })
  .map((r) => ({
    incomeThreshold: r.incomeThreshold,
    criteria: r.criteria,
    absoluteCriteria: r.criteria.slice(0, r.absoluteShare),
    vulnerable: { characteristics: r.characteristics, minimum: r.minimum, requiredAmong: r.requiredAmong },
  }));
const randomParent: fc.Arbitrary<ParentWork> = fc.record({
  situation: fc.constantFrom('working', 'job_seeking', 'training', 'other', null),
  daysPerWeek: fc.option(fc.integer({ min: 1, max: 10 }).map((halves) => (halves / 2).toFixed(1))),
});
const randomFamily: fc.Arbitrary<FamilyPriorityFacts> = fc.record({
  needsCareForWork: fc.boolean(),
  singleParent: fc.boolean(),
  yearlyIncome: fc.option(fc.integer({ min: 0, max: 60_000 })),
  fosterChild: fc.boolean(),
  siblingsInCare: fc.boolean(),
  disabilityOrSocialReason: fc.boolean(),
  noSecondaryDiploma: fc.boolean(),
  parents: fc.array(randomParent, { maxLength: 3 }),
});

class Rollback extends Error {}

describe.each(BACKENDS)('rule sets in the database (%s)', (backend) => {
  let handle: DatabaseHandle;
  let municipalityId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(backend);
    const region = await aRegion(handle.db);
    municipalityId = (await aMunicipality(handle.db, { regionId: region.id })).id;
  });
  afterAll(async () => handle.close());

  it('holds the two seeded sets, each valid only within its dates', async () => {
    const codeOn = async (day: string) => (await getRuleSetValidOn(handle.db, localDate(day)))?.code;
    expect(await codeOn('2024-03-31')).toBe('before-2024');
    expect(await codeOn('2024-04-01')).toBe('april-2024');
    expect(await codeOn('2025-04-29')).toBe('april-2024');
    expect(await codeOn('2025-04-30')).toBe('before-2024');
    expect(await codeOn('2031-01-01')).toBe('before-2024');
    expect(await codeOn('2010-01-01')).toBeUndefined();
    const sets = await getRuleSets(handle.db);
    for (const s of sets) expect(s.sourceReference).toMatch(/72\/2025/);
  });

  it('applies only the latest version of a set, and a newer set from its first day', async () => {
    await handle.db
      .transaction(async (tx) => {
        const current = await getRuleSetValidOn(tx, localDate('2026-01-01'));
        if (!current) throw new Error('no set');
        const { id: _id, ...copy } = current;
        await insertRuleSet(tx, {
          ...copy,
          version: 2,
          reservedSharePercent: 25,
          yearlyAmounts: { '2025': { incomeThreshold: 31500.5 } },
        });
        const corrected = await getRuleSetValidOn(tx, localDate('2026-01-01'));
        expect(corrected?.reservedSharePercent).toBe(25);
        // No amount for 2026 yet: the latest earlier year's applies.
        expect(corrected?.incomeThreshold).toBe(31500.5);
        // Version 2 has only the period since the judgment: the earlier period of version 1 is gone too.
        expect(await getRuleSetValidOn(tx, localDate('2020-01-01'))).toBeUndefined();
        await insertRuleSet(tx, { ...copy, code: 'future', version: 1, validFrom: localDate('2027-09-01') });
        expect((await getRuleSetValidOn(tx, localDate('2027-08-31')))?.code).toBe('before-2024');
        expect((await getRuleSetValidOn(tx, localDate('2027-09-01')))?.code).toBe('future');
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  });

  it('judges in SQL exactly as in TypeScript, for random families and random rule sets', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(randomFamily, { minLength: 1, maxLength: 6 }),
        randomRules,
        async (fams, r) => {
          await handle.db
            .transaction(async (tx) => {
              const ids: string[] = [];
              for (const { parents, ...facts } of fams) {
                n += 1;
                const [row] = await tx
                  .insert(schema.families)
                  .values({ ...facts, municipalityId, fileNumber: `PROP-${backend}-${n}` })
                  .returning({ id: schema.families.id });
                if (!row) throw new Error('insert failed');
                ids.push(row.id);
                for (const [i, p] of parents.entries()) {
                  await tx.insert(schema.parents).values({
                    familyId: row.id,
                    firstName: 'P',
                    lastName: `${i}`,
                    situation: p.situation,
                    daysPerWeek: p.daysPerWeek === null ? null : String(p.daysPerWeek),
                    position: i + 1,
                  });
                }
              }
              const rows = await tx
                .select({ id: schema.families.id, level: sql<number>`${priorityLevelSql(r)}::int` })
                .from(schema.families)
                .where(inArray(schema.families.id, ids));
              for (const [i, id] of ids.entries()) {
                const level = rows.find((x) => x.id === id)?.level;
                expect(level).toBe(evaluatePriority(r, fams[i] as FamilyPriorityFacts).level);
              }
              throw new Rollback();
            })
            .catch((e: unknown) => {
              if (!(e instanceof Rollback)) throw e;
            });
        },
      ),
      { numRuns: 60 },
    );
    expect(await handle.db.$count(schema.families, eq(schema.families.municipalityId, municipalityId))).toBe(
      0,
    );
  });
});
