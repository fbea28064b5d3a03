import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const {
  users,
  roleGrants,
  sessions,
  userTokens,
  families,
  parents,
  children,
  requests,
  preferences,
  offers,
  statusEvents,
  outbox,
  providerNotes,
  customColumnValues,
  followUpTasks,
  requestDrafts,
  deskNotes,
} = schema;

/** What replaces a name in an anonymised file (names are required columns). */
export const ANONYMISED_NAME = '—';

type PreferenceStatus = (typeof schema.preferenceStatusEnum.enumValues)[number];
/** Preferences a withdrawal closes: everything still open, and an accepted place not yet started. */
const WITHDRAWABLE: PreferenceStatus[] = ['new', 'seen', 'waiting_list', 'offer_made', 'offer_accepted'];

export async function getRequestIdsOfFamily(db: Database, familyId: string) {
  const rows = await db
    .select({ id: requests.id, status: requests.status })
    .from(requests)
    .where(eq(requests.familyId, familyId));
  return rows;
}

export async function getRequestIdsWithEnrolment(db: Database, familyId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: requests.id })
    .from(requests)
    .innerJoin(preferences, eq(preferences.requestId, requests.id))
    .where(and(eq(requests.familyId, familyId), eq(preferences.status, 'enrolled')));
  return rows.map((r) => r.id);
}

export function getWithdrawablePreferences(db: Database, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: preferences.id, requestId: preferences.requestId, status: preferences.status })
    .from(preferences)
    .where(and(inArray(preferences.requestId, requestIds), inArray(preferences.status, WITHDRAWABLE)));
}

/** Withdraws requests and preferences, and the offers still waiting for an answer on them. */
export async function withdraw(
  db: Database,
  ids: { requestIds: string[]; preferenceIds: string[] },
  at: Date,
): Promise<void> {
  if (ids.preferenceIds.length > 0) {
    await db
      .update(offers)
      .set({ status: 'withdrawn', answeredAt: at })
      .where(and(inArray(offers.preferenceId, ids.preferenceIds), eq(offers.status, 'pending')));
    await db
      .update(preferences)
      .set({ status: 'withdrawn', statusChangedAt: at })
      .where(inArray(preferences.id, ids.preferenceIds));
  }
  if (ids.requestIds.length > 0) {
    await db
      .update(requests)
      .set({ status: 'withdrawn', statusChangedAt: at })
      .where(inArray(requests.id, ids.requestIds));
  }
}

export async function insertStatusEvents(db: Database, rows: (typeof statusEvents.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(statusEvents).values(rows);
}

/**
 * Removes every personal detail from a family file while its requests, preferences, offers and
 * status events stay for the statistics: names replaced, national numbers (cipher and hash),
 * address and contact details and free texts cleared, birth dates kept to the month, the
 * provider's notes on the file and the family's mails deleted.
 */
export async function anonymiseFamily(db: Database, familyId: string, requestIds: string[], at: Date) {
  await db
    .update(families)
    .set({ street: null, houseNumber: null, postcode: null, city: null, anonymisedAt: at })
    .where(eq(families.id, familyId));
  await db
    .update(parents)
    .set({
      firstName: ANONYMISED_NAME,
      lastName: ANONYMISED_NAME,
      nationalNumberCipher: null,
      nationalNumberHash: null,
      email: null,
      phone: null,
      userId: null,
    })
    .where(eq(parents.familyId, familyId));
  await db
    .update(children)
    .set({
      firstName: null,
      lastName: ANONYMISED_NAME,
      nationalNumberCipher: null,
      nationalNumberHash: null,
      birthDate: sql`date_trunc('month', ${children.birthDate})::date`,
      expectedBirthDate: sql`date_trunc('month', ${children.expectedBirthDate})::date`,
    })
    .where(eq(children.familyId, familyId));
  if (requestIds.length > 0) {
    await db
      .update(requests)
      .set({ careNeedsText: null, occasionalReason: null })
      .where(inArray(requests.id, requestIds));
    const prefIds = (
      await db
        .select({ id: preferences.id })
        .from(preferences)
        .where(inArray(preferences.requestId, requestIds))
    ).map((p) => p.id);
    if (prefIds.length > 0) {
      await db.update(preferences).set({ noPlaceText: null }).where(inArray(preferences.id, prefIds));
      await db.update(offers).set({ message: null }).where(inArray(offers.preferenceId, prefIds));
    }
    await db.delete(providerNotes).where(inArray(providerNotes.requestId, requestIds));
    await db.delete(customColumnValues).where(inArray(customColumnValues.requestId, requestIds));
  }
  // Tasks of an intermediary for this family: nothing left to phone about.
  await db
    .update(followUpTasks)
    .set({ details: {}, doneAt: sql`coalesce(${followUpTasks.doneAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(followUpTasks.familyId, familyId));
  await db.delete(deskNotes).where(eq(deskNotes.familyId, familyId));
  await db.delete(outbox).where(eq(outbox.familyId, familyId));
  await db.delete(requestDrafts).where(eq(requestDrafts.familyId, familyId));
  await db.delete(userTokens).where(eq(userTokens.familyId, familyId));
}

/**
 * Family files past retention: not anonymised yet, created before the cut-off, without an active
 * request and without any request whose status changed since the cut-off. Oldest first, a batch.
 */
export async function getFilesPastRetention(db: Database, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: families.id })
    .from(families)
    .where(
      and(
        sql`${families.anonymisedAt} is null`,
        sql`${families.createdAt} < ${cutoff.toISOString()}::timestamptz`,
        sql`not exists (select 1 from ${requests} r where r.family_id = ${families.id}
          and (r.status = 'active' or r.status_changed_at >= ${cutoff.toISOString()}::timestamptz))`,
      ),
    )
    .orderBy(families.createdAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Closes an account for good: no grants, links, drafts or sessions; no address, name or password.
 * The row stays (disabled) because history and audit rows name it as their actor; its address is
 * freed, so the person may register again later.
 */
export async function scrubUser(db: Database, userId: string, at: Date) {
  await db.delete(roleGrants).where(eq(roleGrants.userId, userId));
  await db.delete(userTokens).where(eq(userTokens.userId, userId));
  await db.delete(requestDrafts).where(eq(requestDrafts.userId, userId));
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db
    .update(users)
    .set({
      email: `deleted-${userId}@deleted.invalid`,
      displayName: ANONYMISED_NAME,
      passwordHash: null,
      emailVerifiedAt: null,
      failedLogins: 0,
      lockedUntil: null,
      disabledAt: at,
    })
    .where(eq(users.id, userId));
}
