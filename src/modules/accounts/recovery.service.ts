import { setTimeout as sleep } from 'node:timers/promises';
import { recordAudit } from '../../platform/audit/index.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { passwordChangedMail, resetPasswordMail } from './accounts.mails.ts';
import * as q from './accounts.queries.ts';
import { accountLink, issueToken } from './accounts.service.ts';
import { hashToken, type TokenState, tokenState } from './tokens.ts';

/**
 * The "forgot password" form answers after at least this long, whether or not the address has an
 * account: the work for an existing address (a token, a mail) takes a few milliseconds, and the
 * floor hides them. Wall-clock time on purpose: this is about response timing, not about dates.
 */
export const RESET_ANSWER_FLOOR_MS = 250;
/** Per address: one link a minute, five a day; more requests are answered the same and ignored. */
const RESET_INTERVAL_MS = 60_000;
const RESETS_PER_DAY = 5;
const DAY_MS = 86_400_000;

/** Mails a reset link if the address has an (enabled) account; answers identically either way. */
export async function requestPasswordReset(deps: AppDeps, email: string): Promise<void> {
  await Promise.all([issueResetLink(deps, email), sleep(RESET_ANSWER_FLOOR_MS)]);
}

async function issueResetLink(deps: AppDeps, email: string): Promise<void> {
  const { db, clock } = deps;
  const user = await q.getUserByEmail(db, email);
  if (!user || user.disabledAt) return;
  const now = clock.now();
  const recent = await q.recentTokenTimes(db, user.id, 'reset_password', new Date(now.getTime() - DAY_MS));
  const last = recent[0];
  if (recent.length >= RESETS_PER_DAY || (last && now.getTime() - last.getTime() < RESET_INTERVAL_MS)) return;
  await db.transaction(async (tx) => {
    await q.expireOpenTokens(tx, user.id, 'reset_password', now);
    const token = await issueToken(tx, deps, user, 'reset_password', user.email);
    await enqueueMail(
      tx,
      clock,
      resetPasswordMail(
        { email: user.email, name: user.displayName, language: user.language },
        accountLink(deps, '/reset-password', token),
      ),
    );
  });
  deps.jobs.mailQueued();
}

/** Whether a reset link may still be used (shown before the form, so a dead link says so at once). */
export async function resetLinkState(deps: AppDeps, token: string | undefined): Promise<TokenState> {
  if (!token) return 'invalid';
  const found = await q.getToken(deps.db, hashToken(token));
  // A link mailed to an address the account no longer has does not work.
  if (found && found.token.email !== found.user.email) return 'invalid';
  return tokenState(found?.token, 'reset_password', deps.clock.now());
}

/**
 * Sets a new password through a reset link: the link works once, every session of the account
 * ends (a thief's included), a lock is lifted, and the owner is told by mail.
 */
export async function resetPassword(
  deps: AppDeps,
  token: string,
  password: string,
): Promise<{ ok: true; userId: string } | { ok: false; state: TokenState }> {
  const { db, clock } = deps;
  const state = await resetLinkState(deps, token);
  if (state !== 'valid') return { ok: false, state };
  const passwordHash = await hashPassword(password);
  const now = clock.now();
  const done = await db.transaction(async (tx) => {
    const used = await q.consumeToken(tx, hashToken(token), 'reset_password', now);
    const user = used?.userId ? await q.getUserById(tx, used.userId) : undefined;
    if (!user || user.disabledAt || used?.email !== user.email) return undefined;
    await q.updatePassword(tx, user.id, passwordHash);
    // The link reached this mailbox: the address is confirmed too.
    await q.markEmailVerified(tx, user.id, user.email, now);
    await q.expireOpenTokens(tx, user.id, 'reset_password', now);
    await destroyUserSessions(tx, user.id);
    await enqueueMail(
      tx,
      clock,
      passwordChangedMail(
        { email: user.email, name: user.displayName, language: user.language },
        accountLink(deps, '/forgot-password'),
      ),
    );
    await recordAudit(tx, clock, {
      actorUserId: user.id,
      actorRole: undefined,
      action: 'auth.password.reset',
      subjectType: 'user',
      subjectId: user.id,
    });
    return user.id;
  });
  if (!done) return { ok: false, state: 'used' };
  deps.jobs.mailQueued();
  return { ok: true, userId: done };
}
