/**
 * Priority rules as dated data (ADR 0018): the rule sets with their sources and validity, the set
 * valid on a day, and the one evaluator — evaluatePriority for a single file, priorityLevelSql for
 * lists — with the words that say why a family has priority. Depends on no other business module.
 */

export { priorityParentMessages } from './priority-rules.messages.parents.ts';
export {
  describePriority,
  describeRecordedPriority,
  priorityLevelText,
  priorityMessages,
  priorityReasons,
  type RecordedPriority,
} from './priority-rules.messages.ts';
export {
  getRuleSets,
  getRuleSetValidOn,
  insertRuleSet,
  priorityLevelSql,
  type RuleSetInsert,
  toRuleSet,
  vulnerableSql,
} from './priority-rules.queries.ts';
export {
  evaluatePriority,
  type FamilyPriorityFacts,
  isValidOn,
  PRIORITY_CRITERIA,
  type PriorityCriterion,
  type PriorityLevel,
  type PriorityVerdict,
  type RuleSet,
  type RuleSetOn,
  type Rules,
  rulesOn,
  type YearlyAmounts,
  yearlyAmountOn,
} from './priority-rules.ts';
