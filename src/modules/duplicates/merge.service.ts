/**
 * Merging two family files (ADR 0017): in one transaction, with both family rows locked in id
 * order, everything the merged file holds moves to the kept file; the merged file's row stays,
 * pointing at the kept one. A second merge of the same pair finds the first one done and changes
 * nothing.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { deskActor, deskMunicipalityOf, requireDeskFamily } from '../families/index.ts';
import {
  insertStatusEvents,
  isOpenPreference,
  type StatusEventInsert,
  updatePreferenceStatus,
} from '../requests/index.ts';
import * as q from './merge.queries.ts';
import { planMerge, type RequestConflict } from './merge-plan.ts';

export type MergeOutcome =
  | { ok: true; keptFamilyId: string }
  | { ok: false; errors: Errors }
  /**
   * The pair changed since the page was shown: one of the files was merged already (by a
   * colleague, or by the same officer in another tab). `kept` is the file it now belongs to.
   */
  | { ok: false; conflict: true; kept: KeptFile | undefined };

/** The file a merged file now belongs to, and the merged file's own number. */
export type KeptFile = { id: string; fileNumber: string; mergedFileNumber: string };

/** The event each moved request gets, and the one of a request closed because of the merge. */
export const MERGE_EVENT = 'request.family_merged';
export const MERGE_CLOSE_REASON = 'family_merge';

class MergeConflict extends Error {}

/** The choice for each conflict, when it names one of the conflict's requests. */
function chosenRequests(conflicts: RequestConflict[], form: Record<string, unknown>) {
  const errors: Errors = {};
  const chosen = new Map<RequestConflict, string>();
  for (const c of conflicts) {
    const value = form[c.field];
    if (typeof value === 'string' && c.requests.some((r) => r.id === value)) chosen.set(c, value);
    else errors[c.field] = 'invalidChoice';
  }
  return { errors, chosen };
}

/** Withdraws a request that the merge closes, as a withdrawal does, with an event saying why. */
async function closeRequest(
  tx: Database,
  user: CurrentUser,
  request: RequestConflict['requests'][number],
  keptRequestId: string,
  now: Date,
) {
  const prefs = await q.getPreferencesOfRequest(tx, request.id);
  const closing = prefs.filter((p) => isOpenPreference(p.status) || p.status === 'offer_accepted');
  await q.withdrawPendingOffers(
    tx,
    closing.map((p) => p.id),
    now,
  );
  for (const p of closing) await updatePreferenceStatus(tx, p.id, 'withdrawn', now);
  await q.withdrawRequestRow(tx, request.id, now);
  const details = { reason: MERGE_CLOSE_REASON, keptRequestId };
  await insertStatusEvents(tx, [
    ...closing.map((p) => ({
      requestId: request.id,
      preferenceId: p.id,
      eventType: 'preference.withdrawn',
      fromStatus: p.status,
      toStatus: 'withdrawn',
      occurredAt: now,
      details,
      ...deskActor(user),
    })),
    {
      requestId: request.id,
      eventType: 'request.withdrawn',
      fromStatus: request.status,
      toStatus: 'withdrawn',
      occurredAt: now,
      details,
      ...deskActor(user),
    },
  ]);
}

export async function mergeFiles(
  deps: AppDeps,
  user: CurrentUser,
  pair: [string, string],
  form: Record<string, unknown>,
): Promise<MergeOutcome> {
  // Both files of the officer's municipality, or 404 (also for another municipality); a file merged
  // in the meantime (a colleague's merge of the same pair) is the conflict, not a missing file.
  const municipalityId = deskMunicipalityOf(user);
  const files = await q.getFilesOfMunicipality(deps.db, municipalityId, pair);
  if (files.length !== 2) throw new NotFoundError('family');
  if (files.some((f) => f.mergedIntoFamilyId !== null)) return alreadyMerged(deps, municipalityId, pair);
  const keep = form.keep;
  if (typeof keep !== 'string' || !pair.includes(keep))
    return { ok: false, errors: { keep: 'invalidChoice' } };
  const mergedId = keep === pair[0] ? pair[1] : pair[0];
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx): Promise<MergeOutcome> => {
      const locked = await q.lockFamilies(tx, [keep, mergedId]);
      const kept = locked.find((f) => f.id === keep);
      const merged = locked.find((f) => f.id === mergedId);
      const open = (f: typeof kept) =>
        f && f.municipalityId === municipalityId && f.mergedIntoFamilyId === null;
      if (!kept || !merged || !open(kept) || !open(merged)) throw new MergeConflict();

      const plan = await planMerge(tx, kept.id, merged.id);
      const { errors, chosen } = chosenRequests(plan.conflicts, form);
      if (Object.keys(errors).length > 0) return { ok: false, errors };

      const carried = await q.countRequestRows(tx, merged.id);
      const movedRequestIds = await q.getRequestIdsOfFamily(tx, merged.id);

      // 1. The same child twice: one open request stays (the desk's choice), then one child.
      for (const [conflict, keptRequestId] of chosen) {
        const closing = conflict.requests.find((r) => r.id !== keptRequestId);
        if (closing) await closeRequest(tx, user, closing, keptRequestId, now);
      }
      for (const m of plan.matches) await q.mergeChildInto(tx, m.merged, m.kept, kept.id);
      const matchedIds = new Set(plan.matches.map((m) => m.merged.id));
      const movingChildren = plan.mergedKids.filter((c) => !matchedIds.has(c.id)).map((c) => c.id);
      await q.moveChildren(tx, movingChildren, kept.id);

      // 2. Parents: the same person (same national number or e-mail) is kept once.
      const keptParents = await q.getParentsForMerge(tx, kept.id);
      const mergedParents = await q.getParentsForMerge(tx, merged.id);
      const email = (p: q.MergeParent) => p.email?.trim().toLowerCase() || null;
      let parentsMoved = 0;
      let parentsJoined = 0;
      for (const p of mergedParents) {
        const same = keptParents.find(
          (k) =>
            (k.nationalNumberHash !== null && k.nationalNumberHash === p.nationalNumberHash) ||
            (email(k) !== null && email(k) === email(p)),
        );
        // Two different accounts stay two parents: neither log-in may lose its file.
        if (same && !(same.userId && p.userId && same.userId !== p.userId)) {
          await q.absorbParent(tx, same, p);
          parentsJoined++;
        } else {
          await q.moveParent(tx, p.id, kept.id);
          parentsMoved++;
        }
      }

      // 3. Every row that names the family; preferences, offers and events follow their request.
      const moved = {
        requests: await q.moveFamilyRows(tx, 'requests', merged.id, kept.id),
        deskNotes: await q.moveFamilyRows(tx, 'deskNotes', merged.id, kept.id),
        followUpTasks: await q.moveFamilyRows(tx, 'followUpTasks', merged.id, kept.id),
        requestDrafts: await q.moveFamilyRows(tx, 'requestDrafts', merged.id, kept.id),
        userTokens: await q.moveFamilyRows(tx, 'userTokens', merged.id, kept.id),
        outbox: await q.moveFamilyRows(tx, 'outbox', merged.id, kept.id),
      };
      const requestsMoved = Math.max(moved.requests, movedRequestIds.length);
      await q.markMerged(tx, kept, merged);

      const details = {
        keptFileNumber: kept.fileNumber,
        mergedFileNumber: merged.fileNumber,
        moved: {
          children: movingChildren.length,
          parents: parentsMoved,
          ...moved,
          requests: requestsMoved,
          ...carried,
        },
        childrenJoined: plan.matches.map((m) => ({ merged: m.merged.id, into: m.kept.id })),
        parentsJoined,
        requestsClosed: [...chosen].flatMap(([c, keptId]) =>
          c.requests.filter((r) => r.id !== keptId).map((r) => r.id),
        ),
        intermediaryTaken: !kept.intermediaryOrganisationId && merged.intermediaryOrganisationId !== null,
      };
      const merge = await q.insertFamilyMerge(tx, {
        keptFamilyId: kept.id,
        mergedFamilyId: merged.id,
        mergedByUserId: user.id,
        mergedAt: now,
        details,
      });
      const events: StatusEventInsert[] = movedRequestIds.map((requestId) => ({
        requestId,
        eventType: MERGE_EVENT,
        occurredAt: now,
        details: { mergeId: merge.id, keptFamilyId: kept.id, mergedFamilyId: merged.id },
        ...deskActor(user),
      }));
      await insertStatusEvents(tx, events);
      for (const familyId of [kept.id, merged.id]) {
        await recordAudit(tx, deps.clock, {
          ...deskActor(user),
          action: 'desk.duplicates.merge',
          subjectType: 'family',
          subjectId: kept.id,
          familyId,
          details: { mergeId: merge.id, keptFamilyId: kept.id, mergedFamilyId: merged.id },
        });
      }
      return { ok: true, keptFamilyId: kept.id };
    });
  } catch (error) {
    // Locked out by the first merge, or (as a last guard) the unique merged file of family_merges.
    if (error instanceof MergeConflict || isUniqueViolation(error, 'family_merges_merged_uq'))
      return alreadyMerged(deps, municipalityId, pair);
    throw error;
  }
}

/**
 * The answer to a merge that came second: which file the pair now belongs to, read after the
 * first merge committed. A file merged into a third file (merged in turn) leads to the last one.
 */
async function alreadyMerged(
  deps: AppDeps,
  municipalityId: string,
  pair: [string, string],
): Promise<MergeOutcome> {
  const files = await q.getFilesOfMunicipality(deps.db, municipalityId, pair);
  const merged = files.find((f) => f.mergedIntoFamilyId !== null);
  let keptId = merged?.mergedIntoFamilyId ?? null;
  let kept: (typeof files)[number] | undefined;
  // A chain of merges is short; the bound only guards against a cycle the schema does not forbid.
  for (let hop = 0; keptId && hop < 10; hop++) {
    [kept] = await q.getFilesOfMunicipality(deps.db, municipalityId, [keptId]);
    keptId = kept?.mergedIntoFamilyId ?? null;
  }
  return {
    ok: false,
    conflict: true,
    kept:
      merged && kept && !kept.mergedIntoFamilyId
        ? { id: kept.id, fileNumber: kept.fileNumber, mergedFileNumber: merged.fileNumber }
        : undefined,
  };
}

/** "These are two different families": the pair leaves the list for good. */
export async function dismissPair(deps: AppDeps, user: CurrentUser, pair: [string, string]) {
  await requireDeskFamily(deps.db, user, pair[0]);
  await requireDeskFamily(deps.db, user, pair[1]);
  const [a, b] = [...pair].sort() as [string, string];
  await deps.db.transaction(async (tx) => {
    await q.insertDismissal(tx, {
      familyAId: a,
      familyBId: b,
      dismissedByUserId: user.id,
      dismissedAt: deps.clock.now(),
    });
    for (const familyId of [a, b]) {
      await recordAudit(tx, deps.clock, {
        ...deskActor(user),
        action: 'desk.duplicates.merge',
        subjectType: 'family',
        subjectId: familyId,
        familyId,
        details: { dismissed: [a, b] },
      });
    }
  });
}
