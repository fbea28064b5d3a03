import type { LocalDate } from '../../shared/dates.ts';

/**
 * The vocabulary of priority: every fact a rule set may name. Which of them a set knows, which
 * give absolute priority and what makes a family vulnerable are data (table priority_rule_sets,
 * ADR 0018); here is only what each fact means for a family file. The same meanings are written
 * in SQL in priority-rules.queries.ts (criterionSql); a property test keeps both equal.
 */
export const PRIORITY_CRITERIA = [
  /** The family needs childcare for its work situation (working, seeking work, training…). */
  'needsCareForWork',
  /** The parents work or follow job-oriented training at least 4/5 on average. */
  'worksFourFifths',
  'singleParent',
  'lowIncome',
  'fosterChild',
  'siblingsInCare',
  'disabilityOrSocialReason',
  'noSecondaryDiploma',
] as const;
export type PriorityCriterion = (typeof PRIORITY_CRITERIA)[number];

export function isPriorityCriterion(value: string): value is PriorityCriterion {
  return (PRIORITY_CRITERIA as readonly string[]).includes(value);
}

/** One validity period of one version of a rule set, as stored. */
export type RuleSet = {
  id: string;
  code: string;
  version: number;
  name: { nl: string; fr?: string; en?: string };
  sourceReference: string;
  sourceUrl: string | null;
  validFrom: LocalDate;
  validUntil: LocalDate | null;
  criteria: PriorityCriterion[];
  absoluteCriteria: PriorityCriterion[];
  vulnerable: { characteristics: PriorityCriterion[]; minimum: number; requiredAmong: PriorityCriterion[] };
  reservedSharePercent: number;
  deviationSharePercent: number | null;
  /** Yearly amounts the set refers to, by calendar year: { "2025": { "incomeThreshold": 32000 } }. */
  yearlyAmounts: YearlyAmounts;
};

export type YearlyAmounts = Record<string, Record<string, number>>;

/**
 * The rules the evaluator reads: a rule set without its name, source and dates, with the amounts
 * of the judgement day resolved (rulesOn): the yearly income threshold in euros, null when the set
 * has none for that day (then the income criterion holds for nobody).
 */
export type Rules = Pick<RuleSet, 'criteria' | 'absoluteCriteria' | 'vulnerable'> & {
  incomeThreshold: number | null;
};

/** A rule set as it applies on a given day: its data and the amounts of that day. */
export type RuleSetOn = RuleSet & Rules;

/**
 * A yearly amount on a day: the amount of the day's calendar year, or, when the set has none for
 * that year (amounts are often published late), the latest earlier year's. Null when the set has
 * no amount for that year or any earlier one — an amount is never taken from a later year.
 */
export function yearlyAmountOn(amounts: YearlyAmounts, key: string, day: LocalDate): number | null {
  const year = Number(day.slice(0, 4));
  let best: { year: number; amount: number } | undefined;
  for (const [y, values] of Object.entries(amounts)) {
    const amount = values[key];
    const n = Number(y);
    if (!Number.isInteger(n) || n > year || typeof amount !== 'number' || !Number.isFinite(amount)) continue;
    if (!best || n > best.year) best = { year: n, amount };
  }
  return best?.amount ?? null;
}

/** The set with the amounts that apply on the judgement day. */
export function rulesOn<
  T extends Pick<RuleSet, 'criteria' | 'absoluteCriteria' | 'vulnerable' | 'yearlyAmounts'>,
>(set: T, day: LocalDate): T & Rules {
  return { ...set, incomeThreshold: yearlyAmountOn(set.yearlyAmounts, 'incomeThreshold', day) };
}

export type ParentWork = {
  situation: 'working' | 'job_seeking' | 'training' | 'other' | null;
  /** Days a week, as stored (numeric comes back as a string). */
  daysPerWeek: number | string | null;
};

/** What the family file holds that priority may use. */
export type FamilyPriorityFacts = {
  needsCareForWork: boolean;
  singleParent: boolean;
  /** The household's yearly gross taxable income in whole euros; null when not given. */
  yearlyIncome: number | null;
  fosterChild: boolean;
  siblingsInCare: boolean;
  disabilityOrSocialReason: boolean;
  noSecondaryDiploma: boolean;
  parents: ParentWork[];
};

/**
 * 2 = absolute priority, 1 = priority (a criterion of the set, or a vulnerable family),
 * 0 = none. Lists sort on it; a set that is absent (no set valid that day) gives 0 everywhere.
 */
export type PriorityLevel = 0 | 1 | 2;

export type PriorityVerdict = {
  level: PriorityLevel;
  absolute: boolean;
  vulnerable: boolean;
  /** The set's criteria the family meets, in the vocabulary's order: why it has priority. */
  reasons: PriorityCriterion[];
};

/** Work or job-oriented training counts, up to 5 days a parent; the average over the parents. */
function worksFourFifths(parents: ParentWork[]): boolean {
  if (parents.length === 0) return false;
  const days = parents.map((p) =>
    p.situation === 'working' || p.situation === 'training' ? Math.min(Number(p.daysPerWeek ?? 0), 5) : 0,
  );
  // Compared as a sum (halves add up exactly) rather than an average, as the SQL does.
  return days.reduce((a, b) => a + b, 0) >= 4 * parents.length;
}

/**
 * Low income: an income was given and it is below the threshold of the judgement day (strictly:
 * an income equal to the threshold is not below it). No income or no threshold: it does not hold.
 */
function lowIncome(income: number | null, threshold: number | null): boolean {
  return income !== null && threshold !== null && income < threshold;
}

/** Which facts of the vocabulary hold for this family under the rules' amounts. */
export function criteriaMet(
  f: FamilyPriorityFacts,
  rules: Pick<Rules, 'incomeThreshold'>,
): Set<PriorityCriterion> {
  const held: Record<PriorityCriterion, boolean> = {
    needsCareForWork: f.needsCareForWork,
    worksFourFifths: worksFourFifths(f.parents),
    singleParent: f.singleParent,
    lowIncome: lowIncome(f.yearlyIncome, rules.incomeThreshold),
    fosterChild: f.fosterChild,
    siblingsInCare: f.siblingsInCare,
    disabilityOrSocialReason: f.disabilityOrSocialReason,
    noSecondaryDiploma: f.noSecondaryDiploma,
  };
  return new Set(PRIORITY_CRITERIA.filter((c) => held[c]));
}

/** The one evaluator for a single file; priorityLevelSql is the same for lists. */
export function evaluatePriority(rules: Rules | undefined, f: FamilyPriorityFacts): PriorityVerdict {
  if (!rules) return { level: 0, absolute: false, vulnerable: false, reasons: [] };
  const met = criteriaMet(f, rules);
  const absolute = rules.absoluteCriteria.some((c) => met.has(c));
  const characteristics = rules.vulnerable.characteristics.filter((c) => met.has(c)).length;
  const vulnerable =
    characteristics >= rules.vulnerable.minimum &&
    (rules.vulnerable.requiredAmong.length === 0 || rules.vulnerable.requiredAmong.some((c) => met.has(c)));
  const reasons = PRIORITY_CRITERIA.filter((c) => met.has(c) && rules.criteria.includes(c));
  const level: PriorityLevel = absolute ? 2 : reasons.length > 0 || vulnerable ? 1 : 0;
  return { level, absolute, vulnerable, reasons };
}

/** Whether the set applies on this day (both ends inclusive). */
export function isValidOn(set: Pick<RuleSet, 'validFrom' | 'validUntil'>, day: LocalDate): boolean {
  return set.validFrom <= day && (set.validUntil === null || day <= set.validUntil);
}
