/**
 * Changing the preferences of a filed request. The parent edits a working copy (kept in
 * `request_drafts`, so up/down/add/remove work as plain form buttons) and saves it at once: each
 * addition, removal and move becomes a history event, and one mail sums it up.
 *
 * Staff acting for the family (`acting`) use the same editor and rules. A working copy belongs to
 * whoever edits it (keyed by their user and the request), so a desk member's unsaved edit of a
 * request and the parent's own never touch each other; saving one does not save the other.
 */
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { type ProviderLocationId, parseId } from '../../shared/ids.ts';
import { getMunicipality, requireFamily } from '../families/index.ts';
import * as cq from './changes.queries.ts';
import { changeRequest } from './changes.service.ts';
import * as wq from './drafts.queries.ts';
import { requestChangedMail } from './parent.mails.ts';
import { applyPreferenceOp, type PreferenceOp } from './preference-list.ts';
import { checkPreferences } from './request-rules.ts';
import * as q from './requests.queries.ts';
import { type Acting, isOpenPreference, requireOwnRequest } from './requests.service.ts';

const ACCEPTED = new Set(['offer_accepted', 'enrolled']);

type PreferenceStatus = Awaited<ReturnType<typeof q.getPreferencesOfRequest>>[number]['status'];
export type EditorEntry = {
  key: string;
  locationId: string;
  name: string;
  careType: 'group' | 'family' | 'out_of_school';
  /** Undefined for a location added in this edit. */
  status: PreferenceStatus | undefined;
  isNew: boolean;
  removable: boolean;
};
const existingKey = (preferenceId: string) => `p:${preferenceId}`;
const newKey = (locationId: string) => `l:${locationId}`;

async function load(deps: AppDeps, user: CurrentUser, requestId: string, acting?: Acting) {
  const familyId = acting ? acting.familyId : (await requireFamily(deps, user)).family.id;
  const detail = await requireOwnRequest(deps.db, familyId, requestId);
  const municipality = await getMunicipality(deps.db, detail.request.municipalityId);
  if (!municipality) throw new NotFoundError('municipality');
  const rows = await q.getPreferencesOfRequest(deps.db, requestId);
  const ranked = rows.filter((p) => p.rank !== null);
  const draft = await wq.getEditDraft(deps.db, user.id, requestId);
  const list = draft
    ? ((draft.data as { list?: string[] }).list ?? [])
    : ranked.map((p) => existingKey(p.id));
  const newIds = list.filter((k) => k.startsWith('l:')).map((k) => k.slice(2));
  const locations = await wq.getLocationSummaries(deps.db, newIds);
  const entries = list.flatMap((key): EditorEntry[] => {
    if (key.startsWith('p:')) {
      const p = ranked.find((r) => existingKey(r.id) === key);
      return p
        ? [
            {
              key,
              locationId: p.locationId,
              name: p.locationName,
              careType: p.careType,
              status: p.status,
              isNew: false,
              removable: !ACCEPTED.has(p.status),
            },
          ]
        : [];
    }
    const l = locations.find((loc) => newKey(loc.id) === key);
    return l
      ? [
          {
            key,
            locationId: l.id,
            name: l.name,
            careType: l.careType,
            status: undefined,
            isNew: true,
            removable: true,
          },
        ]
      : [];
  });
  const canReorder = detail.request.status === 'active';
  const family = detail.family;
  return { family, detail, municipality, ranked, draft, entries, canReorder, dirty: Boolean(draft) };
}

export type PreferenceEditor = Awaited<ReturnType<typeof load>>;

export async function getPreferenceEditor(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  acting?: Acting,
) {
  const editor = await load(deps, user, requestId, acting);
  if (!['active', 'answered'].includes(editor.detail.request.status)) throw new NotFoundError('request');
  return editor;
}

/** One button of the editor: add a location, move or remove a choice, in the working copy. */
export async function editPreferences(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  op: PreferenceOp,
  acting?: Acting,
): Promise<Result<void>> {
  const editor = await getPreferenceEditor(deps, user, requestId, acting);
  const keys = editor.entries.map((e) => e.key);
  const max = editor.municipality.maxPreferences;
  const refused = (error: Errors[string]): Result<void> => ({ ok: false, errors: { preferences: error } });
  if (op.kind !== 'remove' && !editor.canReorder) return refused('notAllowedNow');
  if (op.kind === 'remove' && !editor.entries.find((e) => e.key === op.key)?.removable)
    return refused('notAllowedNow');
  let key = op.key;
  if (op.kind === 'add') {
    // Not an id at all (a tampered form): refused before the database sees it.
    if (!parseId<ProviderLocationId>(op.key)) return refused('invalidChoice');
    if (editor.entries.some((e) => e.locationId === op.key)) return refused('duplicatePreference');
    const errors: Errors = {};
    await checkPreferences(deps.db, [op.key], 1, editor.municipality.regionId, errors);
    if (errors.preferences) return refused(errors.preferences);
    key = newKey(op.key);
  }
  const outcome = applyPreferenceOp(keys, { ...op, key }, max);
  if (!outcome.ok)
    return refused(outcome.error === 'max' ? { key: 'tooManyPreferences', max } : 'invalidChoice');
  const now = deps.clock.now();
  if (editor.draft)
    await wq.updateDraft(deps.db, editor.draft.id, {
      data: { list: outcome.list },
      step: editor.draft.step,
      updatedAt: now,
    });
  else
    await wq.insertDraft(deps.db, {
      userId: user.id,
      familyId: editor.family.id,
      data: { list: outcome.list },
      step: `${wq.EDIT_STEP_PREFIX}${requestId}`,
      updatedAt: now,
    });
  return { ok: true, value: undefined };
}

export async function cancelPreferenceEdit(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  acting?: Acting,
) {
  const editor = await load(deps, user, requestId, acting);
  if (editor.draft) await wq.deleteDraft(deps.db, editor.draft.id);
}

/**
 * Saves the working copy: removed choices leave the order (an open one is withdrawn, with its
 * pending offer), the others get ranks 1..n in the new order, new ones are added as "new". The
 * ranks stay a strict order without gaps (a deferred unique constraint checks it at commit).
 */
export async function savePreferences(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  acting?: Acting,
): Promise<Result<void>> {
  const editor = await getPreferenceEditor(deps, user, requestId, acting);
  const list = editor.entries;
  // Staff acting for the family: the same change, with them as the events' actor.
  const change = (c: Parameters<typeof changeRequest>[3]) => changeRequest(deps, user, requestId, c, acting);
  const result = await change({
    action: 'parent.request.update',
    statuses: ['active', 'answered'],
    apply: async (tx, { request }, now, actor) => {
      const rows = await cq.getPreferenceRows(tx, requestId);
      const ranked = rows.filter((r) => r.rank !== null);
      const kept = new Set(list.filter((e) => !e.isNew).map((e) => e.key));
      const removed = ranked.filter((r) => !kept.has(existingKey(r.id)));
      const errors: Errors = {};
      if (request.status !== 'active') {
        // After accepting an offer the parent may only leave lists, not join or reorder them.
        const order = ranked.filter((r) => kept.has(existingKey(r.id))).map((r) => existingKey(r.id));
        if (list.some((e) => e.isNew) || order.join() !== list.map((e) => e.key).join())
          errors.preferences = 'notAllowedNow';
      }
      if (removed.some((r) => ACCEPTED.has(r.status))) errors.preferences = 'notAllowedNow';
      if (list.some((e) => !e.isNew && !ranked.some((r) => existingKey(r.id) === e.key)))
        errors.preferences = 'notAllowedNow';
      const stillOpen = list.some((e) => {
        const status = rows.find((r) => existingKey(r.id) === e.key)?.status;
        return e.isNew || (status !== undefined && (isOpenPreference(status) || ACCEPTED.has(status)));
      });
      if (!stillOpen) errors.preferences = 'lastPreference';
      const newIds = list.filter((e) => e.isNew).map((e) => e.locationId);
      if (newIds.length > 0)
        await checkPreferences(
          tx,
          newIds,
          editor.municipality.maxPreferences,
          editor.municipality.regionId,
          errors,
        );
      if (list.length > editor.municipality.maxPreferences)
        errors.preferences = { key: 'tooManyPreferences', max: editor.municipality.maxPreferences };
      if (Object.keys(errors).length > 0) return { ok: false, errors };

      const events: q.StatusEventInsert[] = [];
      const closing = removed.filter((r) => isOpenPreference(r.status));
      await q.withdrawPendingOffers(
        tx,
        closing.map((r) => r.id),
        now,
      );
      for (const r of removed) {
        await cq.setPreferenceRank(tx, r.id, null);
        if (isOpenPreference(r.status)) await q.updatePreferenceStatus(tx, r.id, 'withdrawn', now);
        events.push({
          requestId,
          preferenceId: r.id,
          eventType: isOpenPreference(r.status) ? 'preference.withdrawn' : 'preference.removed',
          fromStatus: r.status,
          toStatus: isOpenPreference(r.status) ? 'withdrawn' : r.status,
          occurredAt: now,
          details: { rank: r.rank },
          ...actor,
        });
      }
      for (const [i, entry] of list.entries()) {
        const rank = i + 1;
        if (!entry.isNew) {
          const row = ranked.find((r) => existingKey(r.id) === entry.key);
          if (row && row.rank !== rank) {
            await cq.setPreferenceRank(tx, row.id, rank);
            events.push({
              requestId,
              preferenceId: row.id,
              eventType: 'preference.reordered',
              occurredAt: now,
              details: { from: row.rank, to: rank },
              ...actor,
            });
          }
          continue;
        }
        const earlier = rows.find((r) => r.providerLocationId === entry.locationId);
        let preferenceId: string;
        if (earlier) {
          // One row per location and request: a location chosen again reuses its row.
          preferenceId = earlier.id;
          if (isOpenPreference(earlier.status)) await cq.setPreferenceRank(tx, earlier.id, rank);
          else await cq.reopenPreference(tx, earlier.id, rank, now);
        } else {
          const [inserted] = await q.insertPreferences(tx, [
            { requestId, providerLocationId: entry.locationId, rank, statusChangedAt: now, createdAt: now },
          ]);
          if (!inserted) throw new Error('preference insert returned nothing');
          preferenceId = inserted.id;
        }
        events.push({
          requestId,
          preferenceId,
          eventType: 'preference.added',
          toStatus: 'new',
          occurredAt: now,
          details: { rank },
          ...actor,
        });
      }
      await q.insertStatusEvents(tx, events);
      if (editor.draft) await wq.deleteDraft(tx, editor.draft.id);
      if (events.length === 0) return { ok: true, value: undefined };
      const names = list.map((e) => e.name);
      const withdrawn = removed.map((r) => editor.ranked.find((p) => p.id === r.id)?.locationName ?? '');
      return {
        ok: true,
        value: (to, child, url) => requestChangedMail(to, { child, url, preferences: names, withdrawn }),
      };
    },
  });
  return result;
}
