import { and, asc, count, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import {
  priorityLevelSql,
  type RuleSet,
  type Rules,
  toRuleSet,
  type YearlyAmounts,
} from '../priority-rules/index.ts';

const { families, priorityRuleSets, requests } = schema;

/** One stored period of one version, with what the evaluator's type leaves out. */
export type StoredPeriod = RuleSet & { yearlyAmounts: YearlyAmounts; createdAt: Date };

function toStored(row: typeof priorityRuleSets.$inferSelect): StoredPeriod {
  return { ...toRuleSet(row), yearlyAmounts: row.yearlyAmounts, createdAt: row.createdAt };
}

/** Every period of every version, by code, newest version first, periods in date order. */
export async function listStoredPeriods(db: Database): Promise<StoredPeriod[]> {
  const rows = await db
    .select()
    .from(priorityRuleSets)
    .orderBy(asc(priorityRuleSets.code), desc(priorityRuleSets.version), asc(priorityRuleSets.validFrom));
  return rows.map(toStored);
}

/** The periods of every version of one set, newest version first. */
export async function getStoredPeriods(db: Database, code: string): Promise<StoredPeriod[]> {
  const rows = await db
    .select()
    .from(priorityRuleSets)
    .where(eq(priorityRuleSets.code, code))
    .orderBy(desc(priorityRuleSets.version), asc(priorityRuleSets.validFrom));
  return rows.map(toStored);
}

/**
 * The highest version of a set, its rows locked so that two corrections saved at once take turns
 * (0 when the code is new).
 */
export async function lockHighestVersion(db: Database, code: string): Promise<number> {
  await db
    .select({ id: priorityRuleSets.id })
    .from(priorityRuleSets)
    .where(eq(priorityRuleSets.code, code))
    .for('update');
  const [row] = await db
    .select({ v: max(priorityRuleSets.version) })
    .from(priorityRuleSets)
    .where(eq(priorityRuleSets.code, code));
  return row?.v ?? 0;
}

/** The codes that start with this stem (to make a new set's code unique). */
export async function codesLike(db: Database, stem: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: priorityRuleSets.code })
    .from(priorityRuleSets)
    .where(sql`${priorityRuleSets.code} like ${`${stem}%`}`);
  return rows.map((r) => r.code);
}

/** A request still in the running: on waiting lists, or with an offer to answer. */
const OPEN_REQUEST = ['active', 'answered'] as const;

/**
 * How many open requests get another priority level under `after` than under `before`: the one
 * evaluator (priorityLevelSql) on both sides, over the families as they are now.
 */
export async function countLevelChanges(
  db: Database,
  before: Rules | undefined,
  after: Rules | undefined,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(requests)
    .innerJoin(families, eq(families.id, requests.familyId))
    .where(
      and(
        inArray(requests.status, [...OPEN_REQUEST]),
        sql`${priorityLevelSql(before)} <> ${priorityLevelSql(after)}`,
      ),
    );
  return Number(row?.n ?? 0);
}
