/**
 * Priority in the demo is judged only by the priority-rules module (ADR 0018): the rule set valid
 * on a day, and evaluatePriority for a family's facts. The generator decides which facts a
 * household has (that is making data); whether that gives priority is the evaluator's answer.
 */
import type { Database } from '../../platform/db/index.ts';
import { addDays, type LocalDate } from '../../shared/dates.ts';
import {
  evaluatePriority,
  type FamilyPriorityFacts,
  getRuleSets,
  getRuleSetValidOn,
  type PriorityVerdict,
  type RuleSet,
  rulesOn,
} from '../priority-rules/index.ts';

export type RuleSetOn = (day: LocalDate) => RuleSet | undefined;
export type JudgedPriority = { ruleSet: RuleSet | undefined; verdict: PriorityVerdict };
export type PriorityOn = (day: LocalDate) => JudgedPriority;

/**
 * The set valid on any day, asked of the database once per day on which a stored period begins or
 * the day after one ends: the answer of getRuleSetValidOn changes only there, and the demo asks
 * for thousands of days.
 */
export async function loadRuleSetOn(db: Database): Promise<RuleSetOn> {
  const periods = await getRuleSets(db);
  const boundaries = [
    ...new Set(
      periods.flatMap((p) => (p.validUntil ? [p.validFrom, addDays(p.validUntil, 1)] : [p.validFrom])),
    ),
  ].sort();
  const valid: (RuleSet | undefined)[] = [];
  for (const day of boundaries) valid.push(await getRuleSetValidOn(db, day));
  return (day) => {
    let found: RuleSet | undefined;
    for (const [i, boundary] of boundaries.entries()) {
      if (boundary > day) break;
      found = valid[i];
    }
    return found;
  };
}

/** A family's priority on any day, by the set valid that day. */
export function priorityOf(ruleSetOn: RuleSetOn, facts: FamilyPriorityFacts): PriorityOn {
  return (day) => {
    const ruleSet = ruleSetOn(day);
    return { ruleSet, verdict: evaluatePriority(ruleSet ? rulesOn(ruleSet, day) : undefined, facts) };
  };
}
