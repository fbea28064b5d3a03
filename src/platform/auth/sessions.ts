import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { type Database, schema } from '../db/index.ts';
import type { CurrentUser, Grant } from './actions.ts';

/** Sessions end after this long without a request. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/**
 * However active, a session ends this long after log-in and the user logs in again: a working
 * day for staff, who see many families' files; a month for a parent, who sees only their own.
 */
export const ABSOLUTE_LIFETIME_MS = { staff: 12 * HOUR_MS, parent: 30 * 24 * HOUR_MS } as const;

/** The absolute lifetime of a session of a user with these grants: the strictest of their roles. */
export function absoluteLifetimeMs(grants: readonly Pick<Grant, 'role'>[]): number {
  const parentOnly = grants.length > 0 && grants.every((g) => g.role === 'parent');
  return parentOnly ? ABSOLUTE_LIFETIME_MS.parent : ABSOLUTE_LIFETIME_MS.staff;
}
// Writing last_seen_at on every request would turn every page view into a write.
const TOUCH_AFTER_MS = 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Database, clock: Clock, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  await db
    .insert(schema.sessions)
    .values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now });
  return token;
}

export async function destroySession(db: Database, token: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, hashToken(token)));
}

/**
 * Ends every session of a user (password reset, account deletion), or every session but the one
 * in use (password change: the other devices are logged out, this one stays).
 */
export async function destroyUserSessions(
  db: Database,
  userId: string,
  options: { except?: string | undefined } = {},
): Promise<void> {
  const keep = options.except ? hashToken(options.except) : undefined;
  await db
    .delete(schema.sessions)
    .where(
      keep
        ? and(eq(schema.sessions.userId, userId), ne(schema.sessions.tokenHash, keep))
        : eq(schema.sessions.userId, userId),
    );
}

/**
 * The user behind a session token, or undefined when unknown, disabled, idle too long or past its
 * absolute lifetime (an ended session is deleted).
 */
export async function loadSession(
  db: Database,
  clock: Clock,
  token: string,
): Promise<CurrentUser | undefined> {
  const tokenHash = hashToken(token);
  const rows = await db
    .select({ session: schema.sessions, user: schema.users })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.tokenHash, tokenHash));
  const row = rows[0];
  if (!row || row.user.disabledAt) return undefined;
  const now = clock.now();
  const end = () => db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, tokenHash));
  const idle = now.getTime() - row.session.lastSeenAt.getTime();
  if (idle > IDLE_TIMEOUT_MS) {
    await end();
    return undefined;
  }
  const grants: Grant[] = await db
    .select({
      role: schema.roleGrants.role,
      regionId: schema.roleGrants.regionId,
      municipalityId: schema.roleGrants.municipalityId,
      providerLocationId: schema.roleGrants.providerLocationId,
      intermediaryOrganisationId: schema.roleGrants.intermediaryOrganisationId,
    })
    .from(schema.roleGrants)
    .where(eq(schema.roleGrants.userId, row.user.id));
  // Checked with today's grants: a parent who became staff gets the staff lifetime at once.
  if (now.getTime() - row.session.createdAt.getTime() >= absoluteLifetimeMs(grants)) {
    await end();
    return undefined;
  }
  if (idle > TOUCH_AFTER_MS) {
    await db.update(schema.sessions).set({ lastSeenAt: now }).where(eq(schema.sessions.tokenHash, tokenHash));
  }
  return {
    id: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    language: row.user.language,
    emailVerified: row.user.emailVerifiedAt !== null,
    grants,
  };
}

/**
 * Removes sessions idle for longer than the timeout, and those older than the longest absolute
 * lifetime (run by a job; shorter lifetimes are enforced when the session is next used).
 */
export async function purgeIdleSessions(db: Database, clock: Clock): Promise<void> {
  const now = clock.now().getTime();
  await db
    .delete(schema.sessions)
    .where(
      or(
        lt(schema.sessions.lastSeenAt, new Date(now - IDLE_TIMEOUT_MS)),
        lt(schema.sessions.createdAt, new Date(now - ABSOLUTE_LIFETIME_MS.parent)),
      ),
    );
}
