import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { type Database, schema } from '../db/index.ts';
import type { CurrentUser, Grant } from './actions.ts';

/** Sessions end after this long without a request. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
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

/** The user behind a session token, or undefined when unknown, expired or disabled. */
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
  const idle = now.getTime() - row.session.lastSeenAt.getTime();
  if (idle > IDLE_TIMEOUT_MS) {
    await db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, tokenHash));
    return undefined;
  }
  if (idle > TOUCH_AFTER_MS) {
    await db.update(schema.sessions).set({ lastSeenAt: now }).where(eq(schema.sessions.tokenHash, tokenHash));
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
  return {
    id: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    language: row.user.language,
    emailVerified: row.user.emailVerifiedAt !== null,
    grants,
  };
}

/** Removes sessions idle for longer than the timeout (run by a job). */
export async function purgeIdleSessions(db: Database, clock: Clock): Promise<void> {
  const cutoff = new Date(clock.now().getTime() - IDLE_TIMEOUT_MS);
  await db.delete(schema.sessions).where(and(lt(schema.sessions.lastSeenAt, cutoff)));
}
