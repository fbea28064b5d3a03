import { randomInt } from 'node:crypto';
import { recordAudit } from '../../platform/audit/index.ts';
import { type CurrentUser, isStaff } from '../../platform/auth/actions.ts';
import { completeSession, destroyUserSessions, type PendingStep } from '../../platform/auth/sessions.ts';
import { newTotpSecret, totpQrSvg, totpSecretBox, totpStepOf, totpUri } from '../../platform/auth/totp.ts';
import { createSecretBox, type SecretBox } from '../../platform/crypto/secret-box.ts';
import type { AppDeps } from '../../platform/deps.ts';
import * as q from './second-factor.queries.ts';

/** Consecutive wrong codes that lock the second step, and for how long (as the password step). */
export const MAX_FAILED_CODES = 5;
export const CODE_LOCK_MINUTES = 15;
export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code read from paper is typed right. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const boxes = new WeakMap<AppDeps['config'], { totp: SecretBox; recovery: SecretBox }>();
function boxesOf(deps: AppDeps) {
  let found = boxes.get(deps.config);
  if (!found) {
    const root = deps.config.secrets.sessionSecret;
    found = { totp: totpSecretBox(root), recovery: createSecretBox(root, 'recovery-code') };
    boxes.set(deps.config, found);
  }
  return found;
}

/** Recovery codes are typed with or without the dash, in any case. */
const normalRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/**
 * What follows a right password: the code when a factor is enrolled; enrolment for staff without
 * one when the configuration requires it; else nothing (a full session at once).
 */
export async function stepAfterPassword(
  deps: AppDeps,
  user: { id: string; totpEnrolledAt: Date | null },
): Promise<PendingStep | null> {
  if (user.totpEnrolledAt) return 'code';
  if (!deps.config.staffSecondFactorRequired) return null;
  return isStaff(await q.getRolesOfUser(deps.db, user.id)) ? 'enrol' : null;
}

/**
 * The secret of an enrolment under way (made and stored sealed on first sight, so that a reload
 * shows the same one), with its otpauth URI; undefined once a factor is enrolled.
 */
export async function enrolmentSecret(
  deps: AppDeps,
  userId: string,
): Promise<{ secret: string; uri: string; qrSvg: string } | undefined> {
  const row = await q.getFactorOfUser(deps.db, userId);
  if (!row || row.totpEnrolledAt) return undefined;
  const box = boxesOf(deps).totp;
  let secret = row.totpSecretCipher ? box.open(row.totpSecretCipher) : undefined;
  if (!secret) {
    secret = newTotpSecret();
    const cipher = box.seal(secret);
    await deps.db.transaction((tx) => q.setPendingSecret(tx, userId, cipher));
  }
  const uri = totpUri(secret, row.email);
  return { secret, uri, qrSvg: await totpQrSvg(uri) };
}

/**
 * Confirms an enrolment with a first code: the factor is in use, and ten recovery codes are made
 * (returned once, stored as keyed hashes). The session in use, if its step was pending, becomes a
 * full session.
 */
export async function confirmEnrolment(
  deps: AppDeps,
  userId: string,
  code: string,
  sessionToken: string | undefined,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false }> {
  const { db, clock } = deps;
  const row = await q.getFactorOfUser(db, userId);
  if (!row?.totpSecretCipher || row.totpEnrolledAt) return { ok: false };
  const secret = boxesOf(deps).totp.open(row.totpSecretCipher);
  const step = totpStepOf(secret, code.replace(/\s/g, ''), clock.now());
  if (step === undefined) return { ok: false };
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const box = boxesOf(deps).recovery;
  const claimed = await db.transaction(async (tx) => {
    // The enrolling code counts as used: it cannot log in a second time.
    if (!(await q.claimTotpStep(tx, userId, step))) return false;
    await q.markEnrolled(tx, userId, clock.now());
    await q.replaceRecoveryCodes(
      tx,
      userId,
      recoveryCodes.map((c) => box.hashOf(normalRecoveryCode(c))),
    );
    if (sessionToken) await completeSession(tx, sessionToken);
    await recordAudit(tx, clock, {
      actorUserId: userId,
      actorRole: undefined,
      action: 'account.secondFactor',
      subjectType: 'user',
      subjectId: userId,
      details: { change: 'second_factor_enrolled' },
    });
    return true;
  });
  if (!claimed) return { ok: false };
  return { ok: true, recoveryCodes };
}

/**
 * The second step of a log-in: a code of the app, or an unused recovery code (used up by this).
 * Five wrong codes in a row lock the step for 15 minutes; a right password does not lift that.
 */
export async function verifySecondFactor(
  deps: AppDeps,
  userId: string,
  input: string,
  sessionToken: string,
): Promise<{ ok: true; usedRecoveryCode: boolean } | { ok: false }> {
  const { db, clock } = deps;
  const now = clock.now();
  const row = await q.getFactorOfUser(db, userId);
  if (!row?.totpSecretCipher || !row.totpEnrolledAt) return { ok: false };
  if (row.codesLockedUntil && row.codesLockedUntil.getTime() > now.getTime()) return { ok: false };
  const digits = input.replace(/\s/g, '');
  const secret = boxesOf(deps).totp.open(row.totpSecretCipher);
  const step = totpStepOf(secret, digits, now);
  const outcome = await db.transaction(async (tx) => {
    let usedRecoveryCode = false;
    // A code of the app works once: its time step must be later than the last one used (the
    // update is the check, so of two concurrent uses only one gets through).
    const byApp = step !== undefined && (await q.claimTotpStep(tx, userId, step));
    if (!byApp) {
      const hash = boxesOf(deps).recovery.hashOf(normalRecoveryCode(input));
      usedRecoveryCode = await q.consumeRecoveryCode(tx, userId, hash, now);
      if (!usedRecoveryCode) return undefined;
      await recordAudit(tx, clock, {
        actorUserId: userId,
        actorRole: undefined,
        action: 'auth.secondFactor.code',
        subjectType: 'user',
        subjectId: userId,
        details: { change: 'recovery_code_used' },
      });
    }
    if (row.failedCodes > 0 || row.codesLockedUntil) await q.clearFailedCodes(tx, userId);
    await completeSession(tx, sessionToken);
    return { ok: true as const, usedRecoveryCode };
  });
  if (outcome) return outcome;
  const lockUntil = new Date(now.getTime() + CODE_LOCK_MINUTES * 60_000);
  await db.transaction((tx) => q.recordFailedCode(tx, userId, MAX_FAILED_CODES, lockUntil));
  return { ok: false };
}

/** Whether the user has a factor in use, and how many recovery codes are left (account page). */
export async function factorStatus(deps: AppDeps, userId: string) {
  const row = await q.getFactorOfUser(deps.db, userId);
  const enrolled = Boolean(row?.totpEnrolledAt);
  return {
    enrolled,
    recoveryCodesLeft: enrolled ? await q.countUnusedRecoveryCodes(deps.db, userId) : 0,
  };
}

/**
 * The platform admin resets a staff member's factor (lost phone and codes): the factor and its
 * recovery codes are forgotten, every session of the account ends, and the next log-in enrols a
 * new factor. Audited. Refused for an address without a staff account.
 */
export async function resetSecondFactor(
  deps: AppDeps,
  admin: CurrentUser,
  email: string,
): Promise<{ ok: true; userId: string } | { ok: false }> {
  const { db, clock } = deps;
  const userId = await q.getUserIdByEmail(db, email);
  if (!userId || !isStaff(await q.getRolesOfUser(db, userId))) return { ok: false };
  await db.transaction(async (tx) => {
    await q.clearFactor(tx, userId);
    await destroyUserSessions(tx, userId);
    await recordAudit(tx, clock, {
      actorUserId: admin.id,
      actorRole: 'platform_admin',
      action: 'admin.secondFactor.reset',
      subjectType: 'user',
      subjectId: userId,
    });
  });
  return { ok: true, userId };
}
