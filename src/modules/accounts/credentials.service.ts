import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import { hashPassword, verifyPasswordInConstantTime } from '../../platform/auth/passwords.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/i18n/common.ts';
import type { Language } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { confirmEmailChangeMail, emailChangeNoticeMail, passwordChangedMail } from './accounts.mails.ts';
import * as q from './accounts.queries.ts';
import { accountLink, issueToken } from './accounts.service.ts';
import { hashToken, type TokenState, tokenState } from './tokens.ts';

export type Errors = Record<string, FieldError>;
type Outcome = { ok: true } | { ok: false; errors: Errors };

const actorOf = (user: CurrentUser) => ({ actorUserId: user.id, actorRole: user.grants[0]?.role });

/** What the account page shows. */
export async function getAccountDetails(deps: AppDeps, user: CurrentUser) {
  const row = await q.getUserById(deps.db, user.id);
  return {
    displayName: row?.displayName ?? user.displayName,
    email: row?.email ?? user.email,
    language: row?.language ?? user.language,
    emailVerified: Boolean(row?.emailVerifiedAt),
  };
}

async function currentPasswordMatches(deps: AppDeps, userId: string, password: string) {
  const row = await q.getUserById(deps.db, userId);
  return { row, ok: await verifyPasswordInConstantTime(row?.passwordHash, password) };
}

/** A new password, with the current one as proof; every other session of the account ends. */
export async function changePassword(
  deps: AppDeps,
  user: CurrentUser,
  sessionToken: string | undefined,
  input: { currentPassword: string; password: string },
): Promise<Outcome> {
  const { db, clock } = deps;
  const { row, ok } = await currentPasswordMatches(deps, user.id, input.currentPassword);
  if (!row || !ok) return { ok: false, errors: { currentPassword: 'wrongPassword' } };
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await q.updatePassword(tx, user.id, passwordHash);
    await q.expireOpenTokens(tx, user.id, 'reset_password', clock.now());
    await destroyUserSessions(tx, user.id, { except: sessionToken });
    await enqueueMail(
      tx,
      clock,
      passwordChangedMail(
        { email: row.email, name: row.displayName, language: row.language },
        accountLink(deps, '/forgot-password'),
      ),
    );
    await recordAudit(tx, clock, {
      ...actorOf(user),
      action: 'account.manage',
      subjectType: 'user',
      subjectId: user.id,
      details: { change: 'password' },
    });
  });
  deps.jobs.mailQueued();
  return { ok: true };
}

/**
 * Starts a change of address, with the current password as proof: a link to the new address
 * (the change happens when it is confirmed there) and a notice to the old one.
 */
export async function requestEmailChange(
  deps: AppDeps,
  user: CurrentUser,
  input: { email: string; currentPassword: string },
): Promise<Outcome> {
  const { db, clock } = deps;
  const { row, ok } = await currentPasswordMatches(deps, user.id, input.currentPassword);
  if (!row || !ok) return { ok: false, errors: { currentPassword: 'wrongPassword' } };
  if (input.email === row.email) return { ok: false, errors: { email: 'sameEmail' } };
  if (await q.isEmailTakenByOther(db, input.email, user.id))
    return { ok: false, errors: { email: 'emailTaken' } };
  const name = row.displayName;
  const language = row.language;
  await db.transaction(async (tx) => {
    await q.expireOpenTokens(tx, user.id, 'change_email', clock.now());
    const token = await issueToken(tx, deps, user, 'change_email', input.email);
    await enqueueMail(
      tx,
      clock,
      confirmEmailChangeMail(
        { email: input.email, name, language },
        accountLink(deps, '/account/email/confirm', token),
      ),
    );
    await enqueueMail(
      tx,
      clock,
      emailChangeNoticeMail(
        { email: row.email, name, language },
        { newEmail: input.email, forgotUrl: accountLink(deps, '/forgot-password') },
      ),
    );
    await recordAudit(tx, clock, {
      ...actorOf(user),
      action: 'account.manage',
      subjectType: 'user',
      subjectId: user.id,
      details: { change: 'email_requested' },
    });
  });
  deps.jobs.mailQueued();
  return { ok: true };
}

/** A change-of-address link, as seen by the logged-in user: only their own link is valid. */
export async function emailChangeLink(
  deps: AppDeps,
  user: CurrentUser,
  token: string | undefined,
): Promise<{ state: TokenState; email: string | undefined }> {
  if (!token) return { state: 'invalid', email: undefined };
  const found = await q.getToken(deps.db, hashToken(token));
  if (!found || found.user.id !== user.id) return { state: 'invalid', email: undefined };
  return {
    state: tokenState(found.token, 'change_email', deps.clock.now()),
    email: found.token.email ?? undefined,
  };
}

/** Makes the change: the account and the parent record of the account get the new address. */
export async function confirmEmailChange(
  deps: AppDeps,
  user: CurrentUser,
  token: string | undefined,
): Promise<{ ok: true; email: string } | { ok: false; state: TokenState | 'emailTaken' }> {
  const { db, clock } = deps;
  const link = await emailChangeLink(deps, user, token);
  if (link.state !== 'valid' || !token || !link.email) return { ok: false, state: link.state };
  const email = link.email;
  if (await q.isEmailTakenByOther(db, email, user.id)) return { ok: false, state: 'emailTaken' };
  const now = clock.now();
  try {
    const done = await db.transaction(async (tx) => {
      const used = await q.consumeToken(tx, hashToken(token), 'change_email', now);
      if (!used) return false;
      const families = await q.updateEmail(tx, user.id, email, now);
      // Links sent to the old address stop working.
      await q.expireOpenTokens(tx, user.id, 'verify_email', now);
      await q.expireOpenTokens(tx, user.id, 'reset_password', now);
      await recordAudit(tx, clock, {
        ...actorOf(user),
        action: 'account.manage',
        subjectType: families[0] ? 'family' : 'user',
        subjectId: families[0] ?? user.id,
        familyId: families[0],
        details: { change: 'email' },
      });
      return true;
    });
    return done ? { ok: true, email } : { ok: false, state: 'used' };
  } catch (error) {
    // Another account took the address between the check and the change.
    const e = error as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === '23505') return { ok: false, state: 'emailTaken' };
    throw error;
  }
}

export async function changeLanguage(deps: AppDeps, user: CurrentUser, language: Language): Promise<void> {
  await deps.db.transaction((tx) => q.updateUserLanguage(tx, user.id, language));
}
