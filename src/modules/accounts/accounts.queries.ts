import { and, desc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { TokenPurpose } from './tokens.ts';

const { users, parents, userTokens, roleGrants, pendingRegistrations } = schema;
type Language = 'nl' | 'fr' | 'en';

// ——— Users ———

export async function getUserByEmail(db: Database, email: string) {
  const rows = await db.select().from(users).where(eq(users.email, email));
  return rows[0];
}

export async function getUserById(db: Database, id: string) {
  const rows = await db.select().from(users).where(eq(users.id, id));
  return rows[0];
}

export async function isEmailTakenByOther(db: Database, email: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), ne(users.id, userId)));
  return rows.length > 0;
}

export async function insertParentUser(
  db: Database,
  user: {
    email: string;
    passwordHash: string;
    displayName: string;
    language: Language;
    emailVerifiedAt?: Date;
  },
) {
  const [row] = await db.insert(users).values(user).onConflictDoNothing().returning({ id: users.id });
  if (!row) return undefined;
  await db.insert(roleGrants).values({ userId: row.id, role: 'parent' });
  return row;
}

/** The account's language, and the parent record's (which family mails use), change together. */
export async function updateUserLanguage(db: Database, userId: string, language: Language) {
  await db.update(users).set({ language }).where(eq(users.id, userId));
  await db.update(parents).set({ language }).where(eq(parents.userId, userId));
}

/**
 * Counts one failed log-in; the `maxFailures`-th in a row locks the account until `lockUntil` and
 * starts a new count. One statement, so parallel attempts cannot lose a count.
 */
export async function recordFailedLogin(db: Database, userId: string, maxFailures: number, lockUntil: Date) {
  const reached = sql`${users.failedLogins} + 1 >= ${maxFailures}`;
  await db
    .update(users)
    .set({
      failedLogins: sql`case when ${reached} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reached} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
}

export async function clearFailedLogins(db: Database, userId: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/** A new password; it also lifts a log-in lock (whoever sets it proved to hold the account). */
export async function updatePassword(db: Database, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId));
}

/** Marks the address confirmed, only if it is still the account's address. */
export async function markEmailVerified(db: Database, userId: string, email: string, at: Date) {
  const rows = await db
    .update(users)
    .set({ emailVerifiedAt: at })
    .where(and(eq(users.id, userId), eq(users.email, email), isNull(users.emailVerifiedAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The account's new, confirmed address; the parent record of the account follows. */
export async function updateEmail(db: Database, userId: string, email: string, at: Date) {
  await db.update(users).set({ email, emailVerifiedAt: at }).where(eq(users.id, userId));
  const linked = await db
    .update(parents)
    .set({ email })
    .where(eq(parents.userId, userId))
    .returning({ familyId: parents.familyId });
  return linked.map((p) => p.familyId);
}

// ——— One-time tokens ———

export async function insertToken(
  db: Database,
  values: {
    tokenHash: string;
    userId: string;
    purpose: TokenPurpose;
    email: string;
    expiresAt: Date;
    createdAt: Date;
  },
) {
  await db.insert(userTokens).values(values);
}

/** A token with the account it belongs to; accounts that were disabled have no valid tokens. */
export async function getToken(db: Database, tokenHash: string) {
  const rows = await db
    .select({ token: userTokens, user: users })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(and(eq(userTokens.tokenHash, tokenHash), isNull(users.disabledAt)));
  return rows[0];
}

/**
 * Uses a token once: only the first of several concurrent uses gets the row back, and only while
 * it has not expired.
 */
export async function consumeToken(db: Database, tokenHash: string, purpose: TokenPurpose, now: Date) {
  const rows = await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTokens.tokenHash, tokenHash),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .returning();
  return rows[0];
}

/**
 * Ends the open links of one purpose: a newer link replaces them, a changed address voids them.
 * They are expired rather than deleted, so the rate limits still count them.
 */
export async function expireOpenTokens(db: Database, userId: string, purpose: TokenPurpose, now: Date) {
  await db
    .update(userTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(userTokens.userId, userId),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    );
}

/** When the links of one purpose were made since `since`, newest first (for rate limits). */
export async function recentTokenTimes(
  db: Database,
  userId: string,
  purpose: TokenPurpose,
  since: Date,
): Promise<Date[]> {
  const rows = await db
    .select({ createdAt: userTokens.createdAt })
    .from(userTokens)
    .where(
      and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), gt(userTokens.createdAt, since)),
    )
    .orderBy(desc(userTokens.createdAt));
  return rows.map((r) => r.createdAt);
}

/**
 * The "someone tried to register with your address" notices are counted in user_tokens too, under
 * their own purpose: the row says when a notice went to the account. It is no link: its token is
 * random and never sent, and it was expired and used when written.
 */
export const REGISTRATION_NOTICE = 'registration_notice';

export async function insertRegistrationNotice(
  db: Database,
  values: { tokenHash: string; userId: string; email: string; now: Date },
): Promise<void> {
  const { now, ...rest } = values;
  await db
    .insert(userTokens)
    .values({ ...rest, purpose: REGISTRATION_NOTICE, createdAt: now, expiresAt: now, usedAt: now });
}

/** Whether a registration notice went to the account after `since`. */
export async function hasRegistrationNoticeSince(
  db: Database,
  userId: string,
  since: Date,
): Promise<boolean> {
  const rows = await db
    .select({ createdAt: userTokens.createdAt })
    .from(userTokens)
    .where(
      and(
        eq(userTokens.userId, userId),
        eq(userTokens.purpose, REGISTRATION_NOTICE),
        gt(userTokens.createdAt, since),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Deletes the notices written before `before` (they only count for an hour). */
export async function deleteRegistrationNoticesBefore(db: Database, before: Date): Promise<number> {
  const rows = await db
    .delete(userTokens)
    .where(and(eq(userTokens.purpose, REGISTRATION_NOTICE), lt(userTokens.createdAt, before)))
    .returning({ tokenHash: userTokens.tokenHash });
  return rows.length;
}

// ——— Registrations waiting for their address to be confirmed ———

/**
 * Serialises the registrations of one address until the transaction ends, so that parallel
 * registrations cannot both find no recent mail and both send one.
 */
export async function lockRegistrationAddress(tx: Database, email: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7402, hashtext(${email}))`);
}

/** Whether a registration of this address (confirmed or not) was made after `since`. */
export async function hasPendingRegistrationSince(
  db: Database,
  email: string,
  since: Date,
): Promise<boolean> {
  const rows = await db
    .select({ createdAt: pendingRegistrations.createdAt })
    .from(pendingRegistrations)
    .where(and(eq(pendingRegistrations.email, email), gt(pendingRegistrations.createdAt, since)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Deletes the registrations whose link stopped working before `before`: expired then, or used
 * (the account exists and has its own copy of the password hash).
 */
export async function deletePendingRegistrationsEndedBefore(db: Database, before: Date): Promise<number> {
  const rows = await db
    .delete(pendingRegistrations)
    .where(or(lt(pendingRegistrations.expiresAt, before), lt(pendingRegistrations.usedAt, before)))
    .returning({ tokenHash: pendingRegistrations.tokenHash });
  return rows.length;
}

export async function insertPendingRegistration(
  db: Database,
  values: typeof pendingRegistrations.$inferInsert,
): Promise<void> {
  await db.insert(pendingRegistrations).values(values);
}

export async function getPendingRegistration(db: Database, tokenHash: string) {
  const rows = await db
    .select()
    .from(pendingRegistrations)
    .where(eq(pendingRegistrations.tokenHash, tokenHash));
  return rows[0];
}

/** Uses every open registration of this address (the one confirmed and any older ones). */
export async function closePendingRegistrations(db: Database, email: string, now: Date): Promise<number> {
  const rows = await db
    .update(pendingRegistrations)
    .set({ usedAt: now })
    .where(and(eq(pendingRegistrations.email, email), isNull(pendingRegistrations.usedAt)))
    .returning({ tokenHash: pendingRegistrations.tokenHash });
  return rows.length;
}

/** Marks the one registration used, if nobody did first; false when it was already used. */
export async function consumePendingRegistration(db: Database, tokenHash: string, now: Date) {
  const rows = await db
    .update(pendingRegistrations)
    .set({ usedAt: now })
    .where(
      and(
        eq(pendingRegistrations.tokenHash, tokenHash),
        isNull(pendingRegistrations.usedAt),
        gt(pendingRegistrations.expiresAt, now),
      ),
    )
    .returning({ tokenHash: pendingRegistrations.tokenHash });
  return rows.length > 0;
}
