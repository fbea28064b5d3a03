import { hashPassword, verifyPasswordInConstantTime } from '../../platform/auth/passwords.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Language } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { verifyEmailMail } from './accounts.mails.ts';
import * as q from './accounts.queries.ts';
import { newToken, TOKEN_LIFETIME_MS, type TokenPurpose } from './tokens.ts';

/** Consecutive failed log-ins that lock an account, and for how long (the texts say 5 and 15). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

type User = NonNullable<Awaited<ReturnType<typeof q.getUserByEmail>>>;

/**
 * Checks an e-mail address and password. A wrong password, an unknown address, a disabled account
 * and a locked account all answer the same (and take as long: the password is always verified),
 * so the form reveals neither which addresses exist nor which accounts are locked.
 */
export async function authenticate(
  deps: AppDeps,
  email: string,
  password: string,
): Promise<User | undefined> {
  const { db, clock } = deps;
  const user = await q.getUserByEmail(db, email);
  const ok = await verifyPasswordInConstantTime(user?.passwordHash, password);
  if (!user || user.disabledAt) return undefined;
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
 * Creates a parent account and mails a link to confirm the address. The account works before the
 * address is confirmed; the parent's pages remind them until it is.
 */
export async function registerParent(
  deps: AppDeps,
  input: { email: string; password: string; displayName: string; language: Language },
): Promise<{ ok: true; userId: string } | { ok: false; error: 'emailTaken' }> {
  const passwordHash = await hashPassword(input.password);
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await q.insertParentUser(tx, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      language: input.language,
    });
    if (inserted) await queueVerificationMail(tx, deps, { id: inserted.id, ...input });
    return inserted;
  });
  if (!row) return { ok: false, error: 'emailTaken' };
  deps.jobs.mailQueued();
  return { ok: true, userId: row.id };
}
