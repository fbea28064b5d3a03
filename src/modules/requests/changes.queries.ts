import { eq, sql } from 'drizzle-orm';

import { type Database, schema } from '../../platform/db/index.ts';

const { requests, preferences } = schema;

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
