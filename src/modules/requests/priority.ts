/**
 * The "20%" priority group (vulnerable families, rules since 1 April 2024): at least two of these
 * characteristics, at least one of them among the first three.
 * TODO(issue 4): model the rule sets as dated data per municipality; this is the 2024 set.
 */
export type PriorityFacts = {
  needsCareForWork: boolean;
  singleParent: boolean;
  lowIncome: boolean;
  disabilityOrSocialReason: boolean;
  noSecondaryDiploma: boolean;
};

export function isPriorityGroup(f: PriorityFacts): boolean {
  const main = [f.needsCareForWork, f.singleParent, f.lowIncome].filter(Boolean).length;
  const other = [f.disabilityOrSocialReason, f.noSecondaryDiploma].filter(Boolean).length;
  return main >= 1 && main + other >= 2;
}
