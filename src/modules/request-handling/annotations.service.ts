import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, FieldError, Result } from '../../platform/i18n/common.ts';
import { parseLocalDate } from '../../shared/dates.ts';
import { locationInScope, staffRole } from '../provider-locations/index.ts';
import * as q from './request-handling.queries.ts';

/** A location's private notes and own-column values on a request: written, and audited, per location. */
async function annotate(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
  change: (tx: Database, now: Date) => Promise<void>,
  what: string,
) {
  await locationInScope(deps, user, 'provider.request.annotate', locationId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const preference = await q.getPreferenceOfLocation(tx, requestId, locationId);
    const detail = preference ? await q.getRequestDetail(tx, requestId) : undefined;
    if (!preference || !detail) throw new NotFoundError('request');
    await change(tx, now);
    await recordAudit(tx, deps.clock, {
      actorUserId: user.id,
      actorRole: staffRole(user, locationId),
      action: 'provider.request.annotate',
      subjectType: 'request',
      subjectId: requestId,
      familyId: detail.family.id,
      details: { what },
    });
  });
}

export async function addNote(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
  text: string,
): Promise<void> {
  await annotate(
    deps,
    user,
    locationId,
    requestId,
    (tx, now) =>
      q.insertNote(tx, {
        providerLocationId: locationId,
        requestId,
        text,
        createdByUserId: user.id,
        createdAt: now,
      }),
    'note',
  );
}

/** Field name of an own column in forms. */
export const customField = (columnId: string) => `col_${columnId}`;

/** Checks a value of an own column by its kind: text, yes_no or date. */
export function customValueError(kind: string, value: string): FieldError | undefined {
  if (value === '') return undefined;
  if (kind === 'yes_no') return value === 'yes' || value === 'no' ? undefined : 'invalidChoice';
  if (kind === 'date') return parseLocalDate(value) ? undefined : 'invalidDate';
  return value.length > 200 ? 'tooLong' : undefined;
}

export async function saveCustomValues(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  requestId: string,
  body: Record<string, string | string[] | undefined>,
): Promise<Result<void>> {
  await locationInScope(deps, user, 'provider.request.annotate', locationId);
  const columns = await q.getCustomColumns(deps.db, locationId);
  const errors: Errors = {};
  const values: { id: string; value: string }[] = [];
  for (const column of columns) {
    const raw = body[customField(column.id)];
    if (raw === undefined) continue;
    const value = (typeof raw === 'string' ? raw : '').trim();
    const error = customValueError(column.kind, value);
    if (error) errors[customField(column.id)] = error;
    else values.push({ id: column.id, value });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await annotate(
    deps,
    user,
    locationId,
    requestId,
    async (tx, now) => {
      for (const v of values) await q.setCustomValue(tx, v.id, requestId, v.value, now);
    },
    'custom_columns',
  );
  return { ok: true, value: undefined };
}
