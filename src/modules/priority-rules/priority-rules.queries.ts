import { and, desc, eq, lte, max, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Database, preparedStatement, schema } from '../../platform/db/index.ts';
import type { LocalDate } from '../../shared/dates.ts';
import {
  isPriorityCriterion,
  type PriorityCriterion,
  type RuleSet,
  type RuleSetOn,
  type Rules,
  rulesOn,
} from './priority-rules.ts';

const { families, parents, priorityRuleSets } = schema;

/**
 * What each criterion means, in SQL over the row's `families`, under the rules' amounts (the same
 * meanings as criteriaMet in priority-rules.ts; the property test in priority-rules.test.ts keeps
 * both equal).
 */
function criterionSql(rules: Rules): Record<PriorityCriterion, SQL> {
  return {
    needsCareForWork: sql`${families.needsCareForWork}`,
    // Work or job-oriented training, up to 5 days a parent, at least 4 on average over the parents:
    // compared as a sum, so that no average is rounded.
    worksFourFifths: sql`coalesce((select count(*) > 0 and sum(case when ${parents.situation} in ('working', 'training')
      then least(coalesce(${parents.daysPerWeek}, 0), 5) else 0 end) >= 4 * count(*)
    from ${parents} where ${parents.familyId} = ${families.id}), false)`,
    singleParent: sql`${families.singleParent}`,
    // An income below the threshold of the judgement day (resolved in rulesOn); none given, or no
    // threshold: false. The threshold is a checked finite number, written as a numeric literal.
    lowIncome:
      rules.incomeThreshold === null || !Number.isFinite(rules.incomeThreshold)
        ? sql`false`
        : sql`coalesce(${families.yearlyIncome} < (${sql.raw(String(rules.incomeThreshold))})::numeric, false)`,
    fosterChild: sql`${families.fosterChild}`,
    siblingsInCare: sql`${families.siblingsInCare}`,
    disabilityOrSocialReason: sql`${families.disabilityOrSocialReason}`,
    noSecondaryDiploma: sql`${families.noSecondaryDiploma}`,
  };
}

function anyOf(known: Record<PriorityCriterion, SQL>, criteria: PriorityCriterion[]): SQL {
  if (criteria.length === 0) return sql`false`;
  return sql`(${sql.join(
    criteria.map((c) => known[c]),
    sql` or `,
  )})`;
}

/** A vulnerable family under these rules, in SQL. */
export function vulnerableSql(rules: Rules): SQL<boolean> {
  const { characteristics, minimum, requiredAmong } = rules.vulnerable;
  const known = criterionSql(rules);
  const count =
    characteristics.length === 0
      ? sql`0`
      : sql.join(
          characteristics.map((c) => sql`(${known[c]})::int`),
          sql` + `,
        );
  const required = requiredAmong.length === 0 ? sql`true` : anyOf(known, requiredAmong);
  return sql<boolean>`((${count}) >= ${sql.raw(String(Math.trunc(minimum)))} and ${required})`;
}

/**
 * The one evaluator for lists: the priority level (2 absolute, 1 priority, 0 none) of the row's
 * family under these rules, written from the set's data (evaluatePriority for a single file). No
 * set valid that day: 0 for everyone.
 */
export function priorityLevelSql(rules: Rules | undefined): SQL<number> {
  if (!rules) return sql<number>`0`;
  const known = criterionSql(rules);
  return sql<number>`(case when ${anyOf(known, rules.absoluteCriteria)} then 2
    when ${anyOf(known, rules.criteria)} or ${vulnerableSql(rules)} then 1 else 0 end)`;
}

type RuleSetRow = typeof priorityRuleSets.$inferSelect;

/** Criteria the product does not know (yet) are facts no family file holds: they never apply. */
function known(values: string[]): PriorityCriterion[] {
  return values.filter(isPriorityCriterion);
}

export function toRuleSet(row: RuleSetRow): RuleSet {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    sourceReference: row.sourceReference,
    sourceUrl: row.sourceUrl,
    validFrom: row.validFrom as LocalDate,
    validUntil: row.validUntil as LocalDate | null,
    criteria: known(row.criteria),
    absoluteCriteria: known(row.absoluteCriteria),
    vulnerable: {
      characteristics: known(row.vulnerableCharacteristics),
      minimum: row.vulnerableMinimum,
      requiredAmong: known(row.vulnerableRequiredAmong),
    },
    reservedSharePercent: row.reservedSharePercent,
    deviationSharePercent: row.deviationSharePercent,
    yearlyAmounts: row.yearlyAmounts,
  };
}

const newer = alias(priorityRuleSets, 'newer_version');

/**
 * The rule set valid on a day: a period that holds the day, of the latest version of its set
 * (a correction replaces all of a set's periods). Should two sets overlap, the one that started
 * last applies. Undefined when no set is valid that day. Its amounts are those of that day
 * (rulesOn: the day's year, else the latest earlier year).
 */
export async function getRuleSetValidOn(db: Database, day: LocalDate): Promise<RuleSetOn | undefined> {
  const rows = await ruleSetValidOn(db).execute({ day });
  return rows[0] ? rulesOn(toRuleSet(rows[0]), day) : undefined;
}

/** Every list page reads it: prepared (see preparedStatement). */
const ruleSetValidOn = preparedStatement((db) => {
  const day = sql.placeholder('day');
  return db
    .select()
    .from(priorityRuleSets)
    .where(
      and(
        lte(priorityRuleSets.validFrom, day),
        sql`(${priorityRuleSets.validUntil} is null or ${priorityRuleSets.validUntil} >= ${day})`,
        eq(
          priorityRuleSets.version,
          db
            .select({ v: max(newer.version) })
            .from(newer)
            .where(eq(newer.code, priorityRuleSets.code)),
        ),
      ),
    )
    .orderBy(desc(priorityRuleSets.validFrom), desc(priorityRuleSets.createdAt))
    .limit(1)
    .prepare('priority_rule_set_valid_on');
});

/** Every stored period of every version, newest first (for an overview and for tests). */
export async function getRuleSets(db: Database): Promise<RuleSet[]> {
  const rows = await db
    .select()
    .from(priorityRuleSets)
    .orderBy(desc(priorityRuleSets.validFrom), desc(priorityRuleSets.version));
  return rows.map(toRuleSet);
}

export type RuleSetInsert = Omit<RuleSet, 'id' | 'yearlyAmounts'> & {
  yearlyAmounts?: RuleSet['yearlyAmounts'];
};

/** Stores a new set or a new version of one (one row per validity period); never updates. */
export async function insertRuleSet(db: Database, set: RuleSetInsert): Promise<void> {
  await db.insert(priorityRuleSets).values({
    code: set.code,
    version: set.version,
    name: set.name,
    sourceReference: set.sourceReference,
    sourceUrl: set.sourceUrl,
    validFrom: set.validFrom,
    validUntil: set.validUntil,
    criteria: set.criteria,
    absoluteCriteria: set.absoluteCriteria,
    vulnerableCharacteristics: set.vulnerable.characteristics,
    vulnerableMinimum: set.vulnerable.minimum,
    vulnerableRequiredAmong: set.vulnerable.requiredAmong,
    reservedSharePercent: set.reservedSharePercent,
    deviationSharePercent: set.deviationSharePercent,
    yearlyAmounts: set.yearlyAmounts ?? {},
  });
}
