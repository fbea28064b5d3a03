import { defineMessages, type Language, withColon } from '../../platform/i18n/index.ts';
import {
  isPriorityCriterion,
  type PriorityLevel,
  type PriorityVerdict,
  type RuleSet,
} from './priority-rules.ts';

/** Why a family has priority, in the words staff read on a request page and in lists. */
export const priorityMessages = defineMessages({
  nl: {
    criteria: {
      needsCareForWork: 'heeft opvang nodig voor werk',
      worksFourFifths: 'werkt ≥ 4/5',
      singleParent: 'alleenstaande ouder',
      lowIncome: 'laag inkomen',
      fosterChild: 'pleegkind',
      siblingsInCare: 'broer of zus aanwezig',
      disabilityOrSocialReason: 'handicap of sociale reden',
      noSecondaryDiploma: 'geen diploma secundair',
    },
    vulnerableFamily: (share: number) => `kwetsbaar gezin (${share}%)`,
    absolute: 'Absolute voorrang',
    priority: 'Voorrang',
    none: 'Geen voorrang',
    noRuleSet: 'Geen voorrangsregels geldig op deze dag',
    underRules: (name: string) => `Voorrang beoordeeld volgens: ${name}`,
    judgedBy: (name: string, version: number) => `voorrang beoordeeld volgens ${name} v${version}`,
    source: 'bron',
  },
  fr: {
    criteria: {
      needsCareForWork: 'a besoin d’accueil pour travailler',
      worksFourFifths: 'travaille ≥ 4/5',
      singleParent: 'parent seul',
      lowIncome: 'revenu faible',
      fosterChild: 'enfant placé en famille d’accueil',
      siblingsInCare: 'frère ou sœur présent',
      disabilityOrSocialReason: 'handicap ou raison sociale',
      noSecondaryDiploma: 'pas de diplôme du secondaire',
    },
    vulnerableFamily: (share: number) => `famille vulnérable (${share}\u00a0%)`,
    absolute: 'Priorité absolue',
    priority: 'Priorité',
    none: 'Pas de priorité',
    noRuleSet: 'Aucune règle de priorité en vigueur ce jour',
    underRules: (name: string) => `Priorité jugée selon\u00a0: ${name}`,
    judgedBy: (name: string, version: number) => `priorité jugée selon ${name} v${version}`,
    source: 'source',
  },
  en: {
    criteria: {
      needsCareForWork: 'needs care for work',
      worksFourFifths: 'works ≥ 4/5',
      singleParent: 'single parent',
      lowIncome: 'low income',
      fosterChild: 'foster child',
      siblingsInCare: 'sibling present',
      disabilityOrSocialReason: 'handicap or social reason',
      noSecondaryDiploma: 'no secondary diploma',
    },
    vulnerableFamily: (share: number) => `vulnerable family (${share}%)`,
    absolute: 'Absolute priority',
    priority: 'Priority',
    none: 'No priority',
    noRuleSet: 'No priority rules valid on this day',
    underRules: (name: string) => `Priority judged by: ${name}`,
    judgedBy: (name: string, version: number) => `priority judged by ${name} v${version}`,
    source: 'source',
  },
});

/** "works ≥ 4/5 · sibling present": the reasons of a verdict, joined; empty without any. */
export function priorityReasons(
  lang: Language,
  verdict: PriorityVerdict,
  reservedSharePercent: number,
): string {
  const t = priorityMessages[lang];
  const parts = verdict.reasons.map((c) => t.criteria[c]);
  if (verdict.vulnerable) parts.push(t.vulnerableFamily(reservedSharePercent));
  return parts.join(' · ');
}

/** A list's cell: "Absolute priority", "Priority" or "No priority". */
export function priorityLevelText(lang: Language, level: number): string {
  const t = priorityMessages[lang];
  const words: Record<PriorityLevel, string> = { 2: t.absolute, 1: t.priority, 0: t.none };
  return words[level as PriorityLevel] ?? t.none;
}

/** The verdict in one line: "Absolute priority: works ≥ 4/5 · sibling present". */
export function describePriority(
  lang: Language,
  verdict: PriorityVerdict,
  reservedSharePercent: number,
): string {
  const head = priorityLevelText(lang, verdict.level);
  const why = priorityReasons(lang, verdict, reservedSharePercent);
  return why ? `${withColon(lang, head)} ${why}` : head;
}

/** A judgement recorded earlier (on an offer), with the set that made it; no set when none was valid. */
export type RecordedPriority = {
  level: number;
  vulnerable: boolean;
  reasons: string[];
  ruleSet: Pick<RuleSet, 'name' | 'version' | 'reservedSharePercent'> | null;
};

/**
 * "priority judged by Priority rules of 1 April 2024 (annulled) v1 — Absolute priority: works ≥ 4/5":
 * how priority stood when something was decided, told in today's words.
 */
export function describeRecordedPriority(lang: Language, r: RecordedPriority): string {
  const t = priorityMessages[lang];
  if (!r.ruleSet) return t.noRuleSet;
  const verdict: PriorityVerdict = {
    level: Math.min(Math.max(Math.trunc(r.level), 0), 2) as PriorityLevel,
    absolute: r.level >= 2,
    vulnerable: r.vulnerable,
    reasons: r.reasons.filter(isPriorityCriterion),
  };
  const set = t.judgedBy(r.ruleSet.name[lang] ?? r.ruleSet.name.nl, r.ruleSet.version);
  return `${set} — ${describePriority(lang, verdict, r.ruleSet.reservedSharePercent)}`;
}
