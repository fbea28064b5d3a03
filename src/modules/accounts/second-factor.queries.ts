import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const { users, recoveryCodes, roleGrants } = schema;

/** SQL of the second factor (ADR 0020); secrets arrive here sealed and codes hashed. */

export async function getFactorOfUser(db: Database, userId: string) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      totpSecretCipher: users.totpSecretCipher,
      totpEnrolledAt: users.totpEnrolledAt,
      failedCodes: users.failedCodes,
      codesLockedUntil: users.codesLockedUntil,
    })
    .from(users)
    .where(eq(users.id, userId));
  return rows[0];
}

export async function getUserIdByEmail(db: Database, email: string) {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return rows[0]?.id;
}

export async function getRolesOfUser(db: Database, userId: string) {
  return db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, userId));
}

/** Starts an enrolment: the sealed secret, not yet in use (only while none is enrolled). */
export async function setPendingSecret(db: Database, userId: string, cipher: string) {
  await db
    .update(users)
    .set({ totpSecretCipher: cipher })
    .where(and(eq(users.id, userId), isNull(users.totpEnrolledAt)));
}

export async function markEnrolled(db: Database, userId: string, at: Date) {
  await db
    .update(users)
    .set({ totpEnrolledAt: at, failedCodes: 0, codesLockedUntil: null })
    .where(eq(users.id, userId));
}

/** Forgets the factor and its recovery codes: the user enrols again. */
export async function clearFactor(db: Database, userId: string) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db
    .update(users)
    .set({
      totpSecretCipher: null,
      totpEnrolledAt: null,
      totpLastStep: null,
      failedCodes: 0,
      codesLockedUntil: null,
    })
    .where(eq(users.id, userId));
}

export async function replaceRecoveryCodes(db: Database, userId: string, codeHashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Uses a recovery code once: true only for the request that marked it used. */
export async function consumeRecoveryCode(db: Database, userId: string, codeHash: string, at: Date) {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Database, userId: string) {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows[0]?.n ?? 0;
}

/** Counts a wrong code; the `maxFailures`-th in a row locks the codes until `lockUntil`. */
export async function recordFailedCode(db: Database, userId: string, maxFailures: number, lockUntil: Date) {
  const reached = sql`${users.failedCodes} + 1 >= ${maxFailures}`;
  await db
    .update(users)
    .set({
      failedCodes: sql`case when ${reached} then 0 else ${users.failedCodes} + 1 end`,
      codesLockedUntil: sql`case when ${reached} then ${lockUntil.toISOString()}::timestamptz else ${users.codesLockedUntil} end`,
    })
    .where(eq(users.id, userId));
}

export async function clearFailedCodes(db: Database, userId: string) {
  await db.update(users).set({ failedCodes: 0, codesLockedUntil: null }).where(eq(users.id, userId));
}

/**
 * Claims a TOTP time step for the user: true only when it is later than the last one used, and
 * only for one of two concurrent requests (the row's lock makes the second re-read the new value).
 */
export async function claimTotpStep(db: Database, userId: string, step: number) {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return rows.length > 0;
}
