import type { Database } from '../../platform/db/index.ts';
import { getChildrenForMerge, getOpenRequestsOfChildren, type MergeChild } from './merge.queries.ts';

/**
 * Which children of the merged file are the same child as one on the kept file: the same national
 * number hash, or the same normalised name and the same birth or expected birth date (either
 * against either, as the detection compares them).
 */
export function matchChildren(kept: MergeChild[], merged: MergeChild[]) {
  const taken = new Set<string>();
  const matches: { kept: MergeChild; merged: MergeChild }[] = [];
  const days = (c: MergeChild) => [c.birthDate, c.expectedBirthDate].filter((d): d is string => d !== null);
  for (const m of merged) {
    const same = kept.find(
      (k) =>
        !taken.has(k.id) &&
        ((k.nationalNumberHash !== null && k.nationalNumberHash === m.nationalNumberHash) ||
          (k.name !== '' && k.name === m.name && days(k).some((d) => days(m).includes(d)))),
    );
    if (same) {
      taken.add(same.id);
      matches.push({ kept: same, merged: m });
    }
  }
  return matches;
}

export type RequestConflict = {
  /** The form field that carries the choice: stable whichever file is kept. */
  field: string;
  childName: string;
  requests: { id: string; familyId: string; status: string; desiredStart: string; submittedAt: Date }[];
};

/**
 * What a merge of these two files will do with their children: the pairs that become one child,
 * and for each pair where both have an open request, the choice the desk has to make (the same
 * child never has two open requests).
 */
export async function planMerge(db: Database, keptFamilyId: string, mergedFamilyId: string) {
  const [keptKids, mergedKids] = await Promise.all([
    getChildrenForMerge(db, keptFamilyId),
    getChildrenForMerge(db, mergedFamilyId),
  ]);
  const matches = matchChildren(keptKids, mergedKids);
  const open = await getOpenRequestsOfChildren(
    db,
    matches.flatMap((m) => [m.kept.id, m.merged.id]),
  );
  const conflicts: RequestConflict[] = [];
  for (const m of matches) {
    const a = open.find((r) => r.childId === m.kept.id);
    const b = open.find((r) => r.childId === m.merged.id);
    if (!a || !b) continue;
    const ids = [a.id, b.id].sort();
    conflicts.push({
      field: `keepRequest-${ids[0]}`,
      childName: [m.kept.firstName ?? m.merged.firstName, m.kept.lastName].filter(Boolean).join(' '),
      requests: [a, b],
    });
  }
  return { matches, conflicts, keptKids, mergedKids };
}

export type MergePlan = Awaited<ReturnType<typeof planMerge>>;
