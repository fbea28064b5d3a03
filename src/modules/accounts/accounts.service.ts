import { setTimeout as sleep } from 'node:timers/promises';
import { recordAudit } from '../../platform/audit/index.ts';
import { hashPassword, verifyPasswordInConstantTime } from '../../platform/auth/passwords.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Language } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { confirmRegistrationMail, registrationAttemptMail, verifyEmailMail } from './accounts.mails.ts';
import * as q from './accounts.queries.ts';
import {
  hashToken,
  newToken,
  TOKEN_LIFETIME_MS,
  type TokenPurpose,
  type TokenState,
  tokenState,
} from './tokens.ts';

/** Consecutive failed log-ins that lock an account, and for how long (the texts say 5 and 15). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

type User = NonNullable<Awaited<ReturnType<typeof q.getUserByEmail>>>;

/**
 * Checks an e-mail address and password. A wrong password, an unknown address, a disabled account
 * and a locked account all answer the same (and take as long: the password is always verified),
 * so the form reveals neither which addresses exist nor which accounts are locked. A deactivated
 * account with its right password answers 'deactivated'.
 */
export async function authenticate(
  deps: AppDeps,
  email: string,
  password: string,
): Promise<User | 'deactivated' | undefined> {
  const { db, clock } = deps;
  const user = await q.getUserByEmail(db, email);
  const ok = await verifyPasswordInConstantTime(user?.passwordHash, password);
  if (!user) return undefined;
  // Only the holder of the right password learns that the account was deactivated; anyone else
  // gets the one answer (a deleted account has no password, so it never says so).
  if (user.disabledAt) return ok && user.passwordHash ? 'deactivated' : undefined;
  const now = clock.now();
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) return undefined;
  if (!ok) {
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await q.recordFailedLogin(db, user.id, MAX_FAILED_LOGINS, lockUntil);
    return undefined;
  }
  if (user.failedLogins > 0 || user.lockedUntil) await q.clearFailedLogins(db, user.id);
  return user;
}

/** Absolute links in mails. */
export function accountLink(deps: AppDeps, path: string, token?: string): string {
  return `${deps.config.publicUrl}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/** Makes a one-time link for a user and returns the raw token (only its hash is stored). */
export async function issueToken(
  tx: Database,
  deps: AppDeps,
  user: { id: string },
  purpose: TokenPurpose,
  email: string,
): Promise<string> {
  const now = deps.clock.now();
  const { token, tokenHash } = newToken();
  await q.insertToken(tx, {
    tokenHash,
    userId: user.id,
    purpose,
    email,
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
  });
  return token;
}

/** Queues the mail with a fresh e-mail verification link (the caller commits and signals). */
export async function queueVerificationMail(
  tx: Database,
  deps: AppDeps,
  user: { id: string; email: string; displayName: string; language: Language },
): Promise<void> {
  const token = await issueToken(tx, deps, user, 'verify_email', user.email);
  await enqueueMail(
    tx,
    deps.clock,
    verifyEmailMail(
      { email: user.email, name: user.displayName, language: user.language },
      accountLink(deps, '/verify-email', token),
    ),
  );
}

/**
 * At most one registration mail per address per hour, of either kind: a repeated registration
 * (or a stranger trying addresses) cannot flood a mailbox. Counted in the database, so it holds
 * over every process. A registration over the limit is answered like any other and mails nothing;
 * the link of the first mail keeps working (with the password chosen then).
 */
export const REGISTRATION_MAIL_INTERVAL_MS = 60 * 60_000;

/**
 * The registration form answers after at least this long, whether or not the address has an
 * account and whether or not a mail went: the work that differs (a row, a mail) takes a few
 * milliseconds, and the floor hides it. Wall-clock time on purpose: this is about response timing.
 */
export const REGISTER_ANSWER_FLOOR_MS = 250;

/**
 * A parent's registration. Whether or not the address already has an account, the visitor gets the
 * same answer after the same work (the password is hashed either way) and at most one mail an hour
 * goes to the address: a link that creates the account for a new address, a "someone tried to
 * register with your address" notice with log-in and reset links for an address that has one. The
 * account is only created from the mailed link, so the form reveals nothing about which addresses
 * exist, nor (through the limit) which were tried lately.
 */
export async function registerParent(
  deps: AppDeps,
  input: {
    email: string;
    password: string;
    displayName: string;
    language: Language;
    next?: string | undefined;
  },
): Promise<void> {
  await Promise.all([registerAndMail(deps, input), sleep(REGISTER_ANSWER_FLOOR_MS)]);
}

async function registerAndMail(deps: AppDeps, input: Parameters<typeof registerParent>[1]): Promise<void> {
  const { db, clock } = deps;
  const passwordHash = await hashPassword(input.password);
  const now = clock.now();
  const since = new Date(now.getTime() - REGISTRATION_MAIL_INTERVAL_MS);
  const mailed = await db.transaction(async (tx) => {
    await q.lockRegistrationAddress(tx, input.email);
    const existing = await q.getUserByEmail(tx, input.email);
    if (existing) {
      if (await q.hasRegistrationNoticeSince(tx, existing.id, since)) return false;
      await q.insertRegistrationNotice(tx, {
        tokenHash: newToken().tokenHash,
        userId: existing.id,
        email: existing.email,
        now,
      });
      await enqueueMail(
        tx,
        clock,
        registrationAttemptMail(
          { email: existing.email, name: existing.displayName, language: existing.language },
          { loginUrl: accountLink(deps, '/login'), forgotUrl: accountLink(deps, '/forgot-password') },
        ),
      );
      return true;
    }
    if (await q.hasPendingRegistrationSince(tx, input.email, since)) return false;
    const { token, tokenHash } = newToken();
    await q.insertPendingRegistration(tx, {
      tokenHash,
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      language: input.language,
      next: input.next ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS.register),
    });
    await enqueueMail(
      tx,
      clock,
      confirmRegistrationMail(
        { email: input.email, name: input.displayName, language: input.language },
        accountLink(deps, '/register/confirm', token),
      ),
    );
    return true;
  });
  if (mailed) deps.jobs.mailQueued();
}

type Pending = NonNullable<Awaited<ReturnType<typeof q.getPendingRegistration>>>;

/** What a registration link is worth now (the confirmation page shows only valid ones). */
export async function registrationLinkState(
  deps: AppDeps,
  token: string | undefined,
): Promise<{ state: TokenState; pending?: Pending }> {
  if (!token) return { state: 'invalid' };
  const pending = await q.getPendingRegistration(deps.db, hashToken(token));
  if (!pending) return { state: 'invalid' };
  const state = tokenState({ ...pending, purpose: 'register' }, 'register', deps.clock.now());
  return { state, pending };
}

export type ConfirmRegistrationOutcome =
  | { ok: true; userId: string; language: Language; next: string | null }
  | { ok: false; problem: Exclude<TokenState, 'valid'> | 'emailTaken' | 'wrongPassword' };

/**
 * Creates the account from a registration link, with the password chosen at registration typed
 * again: someone who registered another person's address cannot have that person confirm an
 * account whose password the registrant knows. The address counts as confirmed.
 */
export async function confirmRegistration(
  deps: AppDeps,
  token: string,
  password: string,
): Promise<ConfirmRegistrationOutcome> {
  const { db, clock } = deps;
  const { state, pending } = await registrationLinkState(deps, token);
  const ok = await verifyPasswordInConstantTime(pending?.passwordHash, password);
  if (state !== 'valid' || !pending) return { ok: false, problem: state === 'valid' ? 'invalid' : state };
  if (!ok) return { ok: false, problem: 'wrongPassword' };
  const now = clock.now();
  return db.transaction(async (tx): Promise<ConfirmRegistrationOutcome> => {
    if (!(await q.consumePendingRegistration(tx, pending.tokenHash, now)))
      return { ok: false, problem: 'used' };
    const user = await q.insertParentUser(tx, {
      email: pending.email,
      passwordHash: pending.passwordHash,
      displayName: pending.displayName,
      language: pending.language,
      emailVerifiedAt: now,
    });
    if (!user) return { ok: false, problem: 'emailTaken' };
    await q.closePendingRegistrations(tx, pending.email, now);
    await recordAudit(tx, clock, {
      actorUserId: user.id,
      actorRole: 'parent',
      action: 'auth.register',
      subjectType: 'user',
      subjectId: user.id,
    });
    return { ok: true, userId: user.id, language: pending.language, next: pending.next };
  });
}
