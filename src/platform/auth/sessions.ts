import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/index.ts';
import type { CurrentUser, Grant } from './actions.ts';
import * as q from './sessions.queries.ts';

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

/**
 * The step still due after a right password (ADR 0020): the second-factor code, or enrolling a
 * second factor. A session with a pending step grants nothing but that step and log-out.
 */
export type PendingStep = 'code' | 'enrol';
/** A session with a pending step ends this long after the password, done or not. */
export const PENDING_LIFETIME_MS = 10 * 60 * 1000;

/** The user of a session whose second step is still due: enough to show that step's page. */
export type PendingUser = {
  id: string;
  email: string;
  displayName: string;
  language: CurrentUser['language'];
  step: PendingStep;
};

export async function createSession(
  db: Database,
  clock: Clock,
  userId: string,
  pendingStep: PendingStep | null = null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  await q.insertSession(db, {
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    pendingStep,
  });
  return token;
}

/** The second step is done: the session becomes a full session (the token stays: it is new since the password). */
export async function completeSession(db: Database, token: string): Promise<void> {
  await q.setPendingStep(db, hashToken(token), null);
}

/** The session's pending step changes (an enrolled factor was reset: enrol instead of code). */
export async function setSessionPendingStep(db: Database, token: string, step: PendingStep): Promise<void> {
  await q.setPendingStep(db, hashToken(token), step);
}

export async function destroySession(db: Database, token: string): Promise<void> {
  await q.deleteSession(db, hashToken(token));
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
  await q.deleteUserSessions(db, userId, options.except ? hashToken(options.except) : undefined);
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
  const state = await loadSessionState(db, clock, token);
  return state?.user;
}

/**
 * The session behind a token: a full session's user, or the pending user of a session whose
 * second step is still due (never both); undefined as loadSession.
 */
export async function loadSessionState(
  db: Database,
  clock: Clock,
  token: string,
): Promise<
  { user: CurrentUser; pending?: undefined } | { user?: undefined; pending: PendingUser } | undefined
> {
  const tokenHash = hashToken(token);
  const row = await q.getSessionWithUser(db, tokenHash);
  if (!row || row.user.disabledAt) return undefined;
  const now = clock.now();
  const end = () => q.deleteSession(db, tokenHash);
  const idle = now.getTime() - row.session.lastSeenAt.getTime();
  if (idle > IDLE_TIMEOUT_MS) {
    await end();
    return undefined;
  }
  const step = row.session.pendingStep;
  if (step === 'code' || step === 'enrol') {
    if (now.getTime() - row.session.createdAt.getTime() >= PENDING_LIFETIME_MS) {
      await end();
      return undefined;
    }
    const { id, email, displayName, language } = row.user;
    return { pending: { id, email, displayName, language, step } };
  }
  const { grants } = row;
  // Checked with today's grants: a parent who became staff gets the staff lifetime at once.
  if (now.getTime() - row.session.createdAt.getTime() >= absoluteLifetimeMs(grants)) {
    await end();
    return undefined;
  }
  if (idle > TOUCH_AFTER_MS) {
    await q.touchSession(db, tokenHash, now);
  }
  return {
    user: {
      id: row.user.id,
      email: row.user.email,
      displayName: row.user.displayName,
      language: row.user.language,
      emailVerified: row.user.emailVerifiedAt !== null,
      grants,
    },
  };
}

/**
 * Removes sessions idle for longer than the timeout, and those older than the longest absolute
 * lifetime (run by a job; shorter lifetimes are enforced when the session is next used).
 */
export async function purgeIdleSessions(db: Database, clock: Clock): Promise<void> {
  const now = clock.now().getTime();
  await q.deleteStaleSessions(
    db,
    new Date(now - IDLE_TIMEOUT_MS),
    new Date(now - ABSOLUTE_LIFETIME_MS.parent),
  );
}
