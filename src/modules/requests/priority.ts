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

export type ParentWork = {
  situation: 'working' | 'job_seeking' | 'training' | 'other' | null;
  daysPerWeek: number | null;
};

/**
 * Absolute priority (since 1 April 2024) for families who work or follow job-oriented training at
 * least 4/5 on average; with two parents, the average of both. Days come from the family file.
 */
export function hasWorkPriority(parents: ParentWork[]): boolean {
  if (parents.length === 0) return false;
  const days = parents.map((p) =>
    p.situation === 'working' || p.situation === 'training' ? Math.min(p.daysPerWeek ?? 0, 5) : 0,
  );
  return days.reduce((a, b) => a + b, 0) / parents.length >= 4;
}
