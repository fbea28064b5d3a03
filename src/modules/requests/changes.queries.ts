import { and, eq, isNull, sql } from 'drizzle-orm';

import { type Database, schema } from '../../platform/db/index.ts';

const { requests, preferences, followUpTasks } = schema;

/** Whether staff still have to phone the family to have this request confirmed. */
export async function hasOpenTask(db: Database, requestId: string, kind: string): Promise<boolean> {
  const rows = await db
    .select({ id: followUpTasks.id })
    .from(followUpTasks)
    .where(
      and(eq(followUpTasks.requestId, requestId), eq(followUpTasks.kind, kind), isNull(followUpTasks.doneAt)),
    )
    .limit(1);
  return rows.length > 0;
}

/** Closes the open tasks of this kind for the request (the family acted, or staff did for it). */
export async function closeOpenTasks(
  db: Database,
  requestId: string,
  kind: string,
  now: Date,
  userId: string,
): Promise<number> {
  const rows = await db
    .update(followUpTasks)
    .set({ doneAt: now, doneByUserId: userId })
    .where(
      and(eq(followUpTasks.requestId, requestId), eq(followUpTasks.kind, kind), isNull(followUpTasks.doneAt)),
    )
    .returning({ id: followUpTasks.id });
  return rows.length;
}

type RequestChange = Partial<
  Pick<
    typeof requests.$inferInsert,
    | 'desiredStart'
    | 'desiredEnd'
    | 'carePlan'
    | 'careNeeds'
    | 'careNeedsText'
    | 'lastConfirmedAt'
    | 'confirmationRemindedAt'
    | 'status'
    | 'statusChangedAt'
  >
>;

export async function updateRequest(db: Database, requestId: string, values: RequestChange) {
  await db.update(requests).set(values).where(eq(requests.id, requestId));
}

/** Every preference of a request, as stored (ranked or not), oldest first. */
export function getPreferenceRows(db: Database, requestId: string) {
  return db
    .select({
      id: preferences.id,
      rank: preferences.rank,
      status: preferences.status,
      providerLocationId: preferences.providerLocationId,
    })
    .from(preferences)
    .where(eq(preferences.requestId, requestId))
    .orderBy(sql`${preferences.rank} asc nulls last`, preferences.createdAt);
}

/** Sets a preference's rank; null takes it out of the parent's order. */
export async function setPreferenceRank(db: Database, preferenceId: string, rank: number | null) {
  await db.update(preferences).set({ rank }).where(eq(preferences.id, preferenceId));
}

/** A location the parent removed earlier and chooses again: the same row, new again. */
export async function reopenPreference(db: Database, preferenceId: string, rank: number, at: Date) {
  await db
    .update(preferences)
    .set({ rank, status: 'new', statusChangedAt: at, noPlaceReason: null, noPlaceText: null })
    .where(eq(preferences.id, preferenceId));
}
