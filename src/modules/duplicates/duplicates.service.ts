import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { deskActor, deskMunicipalityOf, requireDeskFamily } from '../families/index.ts';
import { getFileForComparison, getFileSummaries } from './compare.queries.ts';
import { findDuplicatePair, findDuplicatePairs } from './detection.queries.ts';
import { planMerge } from './merge-plan.ts';

/** The possible pairs of the officer's municipality, with short facts of both files. */
export async function listDuplicates(deps: AppDeps, user: CurrentUser) {
  const municipalityId = deskMunicipalityOf(user);
  const pairs = await findDuplicatePairs(deps.db, municipalityId);
  const ids = [...new Set(pairs.flatMap((p) => [p.familyAId, p.familyBId]))];
  const files = await getFileSummaries(deps.db, ids);
  await recordAudit(deps.db, deps.clock, {
    ...deskActor(user),
    action: 'desk.duplicates.read',
    subjectType: 'family',
    details: { list: 'duplicates', rows: pairs.length, families: ids },
  });
  return pairs.flatMap((p) => {
    const a = files.get(p.familyAId);
    const b = files.get(p.familyBId);
    return a && b ? [{ reasons: p.reasons, a, b }] : [];
  });
}

export type DuplicateList = Awaited<ReturnType<typeof listDuplicates>>;

/** Two open files of the officer's municipality side by side; 404 for anything else. */
export async function getComparison(deps: AppDeps, user: CurrentUser, pair: [string, string]) {
  if (pair[0] === pair[1]) throw new NotFoundError('family');
  await requireDeskFamily(deps.db, user, pair[0]);
  await requireDeskFamily(deps.db, user, pair[1]);
  const [a, b, detected, plan] = await Promise.all([
    getFileForComparison(deps.db, pair[0]),
    getFileForComparison(deps.db, pair[1]),
    findDuplicatePair(deps.db, deskMunicipalityOf(user), pair[0], pair[1]),
    planMerge(deps.db, pair[0], pair[1]),
  ]);
  if (!a || !b) throw new NotFoundError('family');
  for (const familyId of pair) {
    await recordAudit(deps.db, deps.clock, {
      ...deskActor(user),
      action: 'desk.duplicates.read',
      subjectType: 'family',
      subjectId: familyId,
      familyId,
      details: { comparedWith: familyId === pair[0] ? pair[1] : pair[0] },
    });
  }
  return { a, b, reasons: detected?.reasons ?? [], conflicts: plan.conflicts, joined: plan.matches.length };
}

export type Comparison = Awaited<ReturnType<typeof getComparison>>;
