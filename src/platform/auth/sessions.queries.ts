import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import { type Database, preparedStatement, schema } from '../db/index.ts';
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

const g = roleGrants;
const sessionWithUser = preparedStatement((db) =>
  db
    .select({
      session: sessions,
      user: users,
      grants: sql<Grant[]>`coalesce((select json_agg(json_build_object(
          'role', ${g.role}, 'regionId', ${g.regionId}, 'municipalityId', ${g.municipalityId},
          'providerLocationId', ${g.providerLocationId},
          'intermediaryOrganisationId', ${g.intermediaryOrganisationId}))
        from ${g} where ${g.userId} = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('session_with_user'),
);

/**
 * The session, its user and the user's grants, in one statement (every signed-in page starts with
 * it): the grants come as a JSON array, in the shape of Grant.
 */
export async function getSessionWithUser(db: Database, tokenHash: string) {
  const rows = await sessionWithUser(db).execute({ tokenHash });
  return rows[0];
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
