import { recordReadAudit } from '../../platform/audit/index.ts';
import { type CurrentUser, locationsFor } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { ErrorKey } from '../../platform/i18n/common.ts';
import { countAndPage, pageOrLast } from '../../shared/paging.ts';
import { getRuleSetValidOn } from '../priority-rules/index.ts';
import { locationInScope, staffRole } from '../provider-locations/index.ts';
import * as q from './waiting-list.queries.ts';
import {
  ALWAYS_SHOWN,
  hasViewParams,
  moveColumn,
  parseView,
  resolveColumns,
  savedFilters,
  type View,
} from './waiting-list.view.ts';

type Query = Record<string, string | string[] | undefined>;

/**
 * Reads the location's context (municipality setting, own columns, the user's settings and, for the
 * list itself, the priority rule set valid today) at once. A location outside the user's scope, or
 * unknown: 404.
 */
async function context(
  deps: AppDeps,
  user: CurrentUser,
  action: Parameters<typeof locationInScope>[2],
  locationId: string,
  withRules = false,
) {
  if (!locationsFor(user, action).includes(locationId)) throw new NotFoundError('location');
  const today = deps.clock.today();
  const [location, customColumns, settings, ruleSet] = await Promise.all([
    q.getLocationWithSettings(deps.db, locationId),
    q.getCustomColumns(deps.db, locationId),
    q.getSettings(deps.db, user.id, locationId),
    withRules ? getRuleSetValidOn(deps.db, today) : undefined,
  ]);
  if (!location) throw new NotFoundError('location');
  const columns = resolveColumns(
    settings,
    customColumns.map((c) => c.id),
  );
  return { location, customColumns, settings, columns, today, ruleSet };
}

/** The view asked for in the URL; without any view parameter, the user's saved default view. */
function viewOf(query: Query, saved: Record<string, string> | undefined, customIds: string[]) {
  if (hasViewParams(query) || !saved || Object.keys(saved).length === 0) return parseView(query, customIds);
  // A saved view may name an own column deleted since: fall back quietly, the user asked nothing wrong.
  return { view: parseView(saved, customIds).view, errors: {} };
}

/**
 * What the list is read against: today by the clock, and the priority rule set valid today — the
 * date that decides a request's priority on the waiting list (ADR 0018).
 */
function scopeOf(ctx: Awaited<ReturnType<typeof context>>): q.ListScope {
  return {
    locationId: ctx.location.id,
    today: ctx.today,
    firstAnswerDays: ctx.location.firstAnswerDays,
    rules: ctx.ruleSet,
  };
}

async function rows(
  deps: AppDeps,
  ctx: Awaited<ReturnType<typeof context>>,
  scope: q.ListScope,
  view: View,
  page: { limit: number; offset: number; withTotal?: boolean },
) {
  const list = await q.getWaitingListPage(deps.db, scope, view, page);
  const values = await q.getCustomValues(
    deps.db,
    ctx.customColumns.map((c) => c.id),
    list.map((r) => r.requestId),
  );
  return list.map((r) => ({
    ...r,
    custom: Object.fromEntries(
      values.filter((v) => v.requestId === r.requestId).map((v) => [v.columnId, v.value]),
    ),
  }));
}

export type ListRow = Awaited<ReturnType<typeof rows>>[number];

/** One page of the waiting list as this user views it; the read is audited. */
export async function getWaitingList(deps: AppDeps, user: CurrentUser, locationId: string, query: Query) {
  const ctx = await context(deps, user, 'provider.waitingList.read', locationId, true);
  const { view, errors } = viewOf(
    query,
    ctx.settings?.filters,
    ctx.customColumns.map((c) => c.id),
  );
  const scope = scopeOf(ctx);
  const pageOf = (n: number, withTotal: boolean) =>
    rows(
      deps,
      ctx,
      scope,
      { ...view, page: n },
      { limit: view.size, offset: (n - 1) * view.size, withTotal },
    );
  const countAll = () => q.countWaitingList(deps.db, scope, view.filters);
  // A count that reads one index runs beside the page; any other comes with the page's own statement.
  const {
    rows: list,
    total,
    page,
    pages,
  } = q.onlyPreferenceFilters(view.filters)
    ? await countAndPage(view.page, view.size, countAll, (n) => pageOf(n, false))
    : await pageOrLast(
        view.page,
        view.size,
        async (n) => {
          const found = await pageOf(n, true);
          return { rows: found, total: found[0]?.total ?? undefined };
        },
        countAll,
      );
  await recordReadAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: staffRole(user, locationId),
    action: 'provider.waitingList.read',
    subjectType: 'waiting_list',
    subjectId: locationId,
    // Whose data was shown: the families of the rows on this page.
    details: { rows: list.length, page, families: list.map((r) => r.familyId) },
  });
  return {
    location: ctx.location,
    customColumns: ctx.customColumns,
    columns: ctx.columns.filter((c) => c.visible).map((c) => c.key),
    view: { ...view, page },
    errors,
    total,
    pages,
    rows: list,
    today: scope.today,
    /** The priority rule set the list ranks by (none when no set is valid today). */
    ruleSet: ctx.ruleSet,
  };
}

export type WaitingList = Awaited<ReturnType<typeof getWaitingList>>;

/**
 * The parents' e-mail addresses and phone numbers go along in an export only for staff who may open
 * the request page, which shows them: the same rule as that page, read from the action catalogue.
 */
export function mayContactFamilies(user: CurrentUser, locationId: string): boolean {
  return locationsFor(user, 'provider.request.read').includes(locationId);
}

function byFamily<T extends { familyId: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(item.familyId, [...(out.get(item.familyId) ?? []), item]);
  return out;
}

/** Up to this many rows leave in one export; more means the filters are too wide to be useful. */
export const EXPORT_LIMIT = 10_000;

/** Every row of the current view (no paging) in the user's visible columns, for CSV or XLSX. */
export async function getExport(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  query: Query,
  format: 'csv' | 'xlsx',
) {
  const ctx = await context(deps, user, 'provider.waitingList.export', locationId, true);
  const { view } = viewOf(
    query,
    ctx.settings?.filters,
    ctx.customColumns.map((c) => c.id),
  );
  const scope = scopeOf(ctx);
  const list = await rows(deps, ctx, scope, view, { limit: EXPORT_LIMIT, offset: 0 });
  const contacts = mayContactFamilies(user, locationId)
    ? await q.getParentContacts(
        deps.db,
        list.map((r) => r.familyId),
      )
    : undefined;
  await recordReadAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: staffRole(user, locationId),
    action: 'provider.waitingList.export',
    subjectType: 'waiting_list',
    subjectId: locationId,
    details: {
      rows: list.length,
      format,
      contacts: contacts !== undefined,
      families: list.map((r) => r.familyId),
    },
  });
  return {
    location: ctx.location,
    customColumns: ctx.customColumns,
    columns: ctx.columns.filter((c) => c.visible).map((c) => c.key),
    rows: list,
    /** Per family, its parents in order; only for staff who may see them (see mayContactFamilies). */
    contacts: contacts && byFamily(contacts),
    today: deps.clock.today(),
  };
}

export type ExportData = Awaited<ReturnType<typeof getExport>>;

// ——— Settings ———

/** The column settings page: every column, the user's order and visibility, the own columns. */
export async function getColumnSettings(deps: AppDeps, user: CurrentUser, locationId: string) {
  const ctx = await context(deps, user, 'provider.waitingList.configure', locationId);
  return { location: ctx.location, columns: ctx.columns, customColumns: ctx.customColumns };
}

export async function saveColumnSettings(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  input: { visible: string[]; move?: string },
) {
  const ctx = await context(deps, user, 'provider.waitingList.configure', locationId);
  const visible = new Set(input.visible);
  const keys = ctx.columns.map((c) => c.key);
  let order = keys;
  const [key, direction] = (input.move ?? '').split(':');
  if (key && (direction === 'up' || direction === 'down')) order = moveColumn(keys, key, direction);
  // The move buttons sit in the same form, so the ticked boxes always come along.
  const hidden = keys.filter((k) => k !== ALWAYS_SHOWN && !visible.has(k));
  await q.upsertSettings(
    deps.db,
    { userId: user.id, locationId },
    { hiddenColumns: hidden, columnOrder: order },
    deps.clock.now(),
  );
}

/** Keeps the current filters and sort as the user's default view of this list. */
export async function saveDefaultView(deps: AppDeps, user: CurrentUser, locationId: string, query: Query) {
  const ctx = await context(deps, user, 'provider.waitingList.configure', locationId);
  const { view } = parseView(
    query,
    ctx.customColumns.map((c) => c.id),
  );
  const filters = savedFilters(view);
  // The columns shown now are part of the view: written along, so that a first save does not fall
  // back to the table's defaults (every column) for a user who never opened the column settings.
  const hiddenColumns = ctx.columns.filter((c) => !c.visible).map((c) => c.key);
  const columnOrder = ctx.columns.map((c) => c.key);
  await q.upsertSettings(
    deps.db,
    { userId: user.id, locationId },
    { filters, hiddenColumns, columnOrder },
    deps.clock.now(),
  );
  return filters;
}

export const CUSTOM_KINDS = ['text', 'yes_no', 'date'] as const;

export async function addCustomColumn(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  input: { name: string; kind: (typeof CUSTOM_KINDS)[number] },
): Promise<{ ok: true } | { ok: false; errors: Record<string, ErrorKey> }> {
  await locationInScope(deps, user, 'provider.settings.edit', locationId);
  const row = await q.insertCustomColumn(deps.db, { locationId, ...input, at: deps.clock.now() });
  return row ? { ok: true } : { ok: false, errors: { name: 'columnNameTaken' } };
}

export async function removeCustomColumn(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  columnId: string,
) {
  await locationInScope(deps, user, 'provider.settings.edit', locationId);
  if (!(await q.deleteCustomColumn(deps.db, locationId, columnId))) throw new NotFoundError('column');
}
