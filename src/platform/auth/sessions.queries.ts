import { and, eq, lt, ne, or } from 'drizzle-orm';
import { type Database, schema } from '../db/index.ts';
import type { Grant } from './actions.ts';

const { sessions, users, roleGrants } = schema;

/** SQL of the sessions; tokens arrive here already hashed. */

export async function insertSession(db: Database, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: Database, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Deletes a user's sessions, but for the one with `keepTokenHash` if given. */
export async function deleteUserSessions(db: Database, userId: string, keepTokenHash?: string) {
  await db
    .delete(sessions)
    .where(
      keepTokenHash
        ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash))
        : eq(sessions.userId, userId),
    );
}

export async function getSessionWithUser(db: Database, tokenHash: string) {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return rows[0];
}

export function getGrantsOfUser(db: Database, userId: string): Promise<Grant[]> {
  return db
    .select({
      role: roleGrants.role,
      regionId: roleGrants.regionId,
      municipalityId: roleGrants.municipalityId,
      providerLocationId: roleGrants.providerLocationId,
      intermediaryOrganisationId: roleGrants.intermediaryOrganisationId,
    })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
}

export async function setPendingStep(db: Database, tokenHash: string, step: string | null) {
  await db.update(sessions).set({ pendingStep: step }).where(eq(sessions.tokenHash, tokenHash));
}

export async function touchSession(db: Database, tokenHash: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

/** Deletes sessions last seen before `idleBefore` or created before `createdBefore`. */
export async function deleteStaleSessions(db: Database, idleBefore: Date, createdBefore: Date) {
  await db
    .delete(sessions)
    .where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore)));
}
