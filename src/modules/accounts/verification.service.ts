import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import * as q from './accounts.queries.ts';
import { queueVerificationMail } from './accounts.service.ts';
import { hashToken, tokenState } from './tokens.ts';

/** "Send again" at most once per 5 minutes and 5 times a day (the registration mail included). */
export const RESEND_INTERVAL_MS = 5 * 60_000;
export const RESENDS_PER_DAY = 5;
const DAY_MS = 86_400_000;

export type VerifyOutcome = 'verified' | 'alreadyVerified' | 'used' | 'expired' | 'invalid';

/** Confirms an address from the mailed link. A link for an address the account no longer has is invalid. */
export async function verifyEmail(deps: AppDeps, token: string | undefined): Promise<VerifyOutcome> {
  if (!token) return 'invalid';
  const { db, clock } = deps;
  const now = clock.now();
  const tokenHash = hashToken(token);
  const found = await q.getToken(db, tokenHash);
  if (found && found.token.email !== found.user.email) return 'invalid';
  const state = tokenState(found?.token, 'verify_email', now);
  if (!found || state === 'invalid') return 'invalid';
  // Mail scanners sometimes open links before the person does: a used link of a confirmed address
  // is not an error for the person.
  if (found.user.emailVerifiedAt) return 'alreadyVerified';
  if (state !== 'valid') return state;
  const done = await db.transaction(async (tx) => {
    const used = await q.consumeToken(tx, tokenHash, 'verify_email', now);
    if (!used) return false;
    await q.markEmailVerified(tx, found.user.id, found.token.email ?? '', now);
    await recordAudit(tx, clock, {
      actorUserId: found.user.id,
      actorRole: undefined,
      action: 'auth.email.verify',
      subjectType: 'user',
      subjectId: found.user.id,
    });
    return true;
  });
  return done ? 'verified' : 'used';
}

export type ResendOutcome = 'sent' | 'throttled' | 'alreadyVerified';

/** Sends a new verification link (the older ones stop working), within the rate limit. */
export async function resendVerification(deps: AppDeps, user: CurrentUser): Promise<ResendOutcome> {
  const { db, clock } = deps;
  const row = await q.getUserById(db, user.id);
  if (!row || row.emailVerifiedAt) return 'alreadyVerified';
  const now = clock.now();
  const recent = await q.recentTokenTimes(db, user.id, 'verify_email', new Date(now.getTime() - DAY_MS));
  const last = recent[0];
  if (recent.length >= RESENDS_PER_DAY || (last && now.getTime() - last.getTime() < RESEND_INTERVAL_MS)) {
    return 'throttled';
  }
  await db.transaction(async (tx) => {
    await q.expireOpenTokens(tx, user.id, 'verify_email', now);
    await queueVerificationMail(tx, deps, row);
  });
  deps.jobs.mailQueued();
  return 'sent';
}
