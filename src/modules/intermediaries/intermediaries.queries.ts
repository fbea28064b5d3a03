import { and, asc, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';

import { type Database, schema } from '../../platform/db/index.ts';

const {
  families,
  parents,
  children,
  requests,
  followUpTasks,
  intermediaryOrganisations,
  userTokens,
  roleGrants,
  requestDrafts,
  users,
  municipalities,
  auditLog,
} = schema;

export async function getOrganisation(db: Database, organisationId: string) {
  const rows = await db
    .select({
      id: intermediaryOrganisations.id,
      name: intermediaryOrganisations.name,
      municipalityId: intermediaryOrganisations.municipalityId,
    })
    .from(intermediaryOrganisations)
    .where(eq(intermediaryOrganisations.id, organisationId));
  return rows[0];
}

/**
 * The organisation's client families (newest first) with their first parent and every request:
 * one row per request (or one without request), grouped by the service.
 */
export function getClientFamilyRows(db: Database, organisationId: string) {
  return db
    .select({
      familyId: families.id,
      fileNumber: families.fileNumber,
      createdAt: families.createdAt,
      parentFirstName: parents.firstName,
      parentLastName: parents.lastName,
      parentPhone: parents.phone,
      parentEmail: parents.email,
      requestId: requests.id,
      requestStatus: requests.status,
      desiredStart: requests.desiredStart,
      childFirstName: children.firstName,
      childLastName: children.lastName,
    })
    .from(families)
    .leftJoin(parents, and(eq(parents.familyId, families.id), eq(parents.position, 1)))
    .leftJoin(requests, eq(requests.familyId, families.id))
    .leftJoin(children, eq(children.id, requests.childId))
    .where(and(eq(families.intermediaryOrganisationId, organisationId), isNull(families.anonymisedAt)))
    .orderBy(desc(families.createdAt), asc(families.fileNumber), desc(requests.submittedAt));
}

/** A family the organisation follows, or undefined (for another organisation's family too). */
export async function getClientFamily(db: Database, organisationId: string, familyId: string) {
  const rows = await db
    .select({ family: families, municipalityName: municipalities.name })
    .from(families)
    .innerJoin(municipalities, eq(municipalities.id, families.municipalityId))
    .where(
      and(
        eq(families.id, familyId),
        eq(families.intermediaryOrganisationId, organisationId),
        isNull(families.anonymisedAt),
      ),
    );
  return rows[0];
}

export async function setIntermediary(db: Database, familyId: string, organisationId: string) {
  await db
    .update(families)
    .set({ intermediaryOrganisationId: organisationId })
    .where(eq(families.id, familyId));
}

/** The audit action of a family registered by an intermediary; its details hold the form's key. */
export const FAMILY_CREATE_ACTION = 'intermediary.family.create';

/**
 * Within a transaction: waits for any other transaction registering a family with the same
 * submission key to end, then returns the family that key created, if any (found through the
 * audit row that registration wrote, `details.submissionKey`, by the same staff member). A
 * repeated or parallel post of the same form thus finds the first one's family before it writes.
 */
export async function claimFamilySubmissionKey(
  tx: Database,
  userId: string,
  key: string,
): Promise<string | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(7403, hashtext(${key}))`);
  const rows = await tx
    .select({ familyId: auditLog.subjectId })
    .from(auditLog)
    .where(
      and(
        // The actor index narrows the search to this staff member's rows.
        eq(auditLog.actorUserId, userId),
        eq(auditLog.action, FAMILY_CREATE_ACTION),
        eq(auditLog.subjectType, 'family'),
        sql`${auditLog.details}->>'submissionKey' = ${key}`,
      ),
    )
    .limit(1);
  return rows[0]?.familyId ?? undefined;
}

// ——— Follow-up tasks ———

export function getTasks(db: Database, organisationId: string, done: boolean, limit = 200) {
  return db
    .select({
      id: followUpTasks.id,
      kind: followUpTasks.kind,
      details: followUpTasks.details,
      dueDate: followUpTasks.dueDate,
      createdAt: followUpTasks.createdAt,
      doneAt: followUpTasks.doneAt,
      doneBy: users.displayName,
      familyId: followUpTasks.familyId,
      requestId: followUpTasks.requestId,
      fileNumber: families.fileNumber,
      parentFirstName: parents.firstName,
      parentLastName: parents.lastName,
      parentPhone: parents.phone,
      parentLanguage: parents.language,
    })
    .from(followUpTasks)
    .innerJoin(families, eq(families.id, followUpTasks.familyId))
    .leftJoin(parents, and(eq(parents.familyId, families.id), eq(parents.position, 1)))
    .leftJoin(users, eq(users.id, followUpTasks.doneByUserId))
    .where(
      and(
        eq(followUpTasks.intermediaryOrganisationId, organisationId),
        done ? isNotNull(followUpTasks.doneAt) : isNull(followUpTasks.doneAt),
      ),
    )
    .orderBy(
      done ? desc(followUpTasks.doneAt) : sql`${followUpTasks.dueDate} asc nulls last`,
      asc(followUpTasks.createdAt),
    )
    .limit(limit);
}

/** Marks an open task of the organisation done; the family it concerns, or undefined. */
export async function markTaskDone(
  db: Database,
  organisationId: string,
  taskId: string,
  userId: string,
  at: Date,
): Promise<string | undefined> {
  const rows = await db
    .update(followUpTasks)
    .set({ doneAt: at, doneByUserId: userId })
    .where(
      and(
        eq(followUpTasks.id, taskId),
        eq(followUpTasks.intermediaryOrganisationId, organisationId),
        isNull(followUpTasks.doneAt),
      ),
    )
    .returning({ familyId: followUpTasks.familyId });
  return rows[0]?.familyId;
}

// ——— Handing a file over ———

export async function insertTakeOverToken(
  db: Database,
  values: { tokenHash: string; email: string; familyId: string; expiresAt: Date; createdAt: Date },
) {
  await db.insert(userTokens).values({ ...values, purpose: 'take_over_file' });
}

export async function getTakeOverToken(db: Database, tokenHash: string) {
  const rows = await db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, tokenHash), eq(userTokens.purpose, 'take_over_file')));
  return rows[0];
}

/** Uses the token once: true only for the first caller. */
export async function useToken(db: Database, tokenHash: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(userTokens)
    .set({ usedAt: at })
    .where(and(eq(userTokens.tokenHash, tokenHash), isNull(userTokens.usedAt)))
    .returning({ tokenHash: userTokens.tokenHash });
  return rows.length === 1;
}

export async function linkParentToUser(
  db: Database,
  parentId: string,
  user: { id: string; email: string; language: 'nl' | 'fr' | 'en' },
) {
  await db
    .update(parents)
    .set({ userId: user.id, email: user.email, language: user.language })
    .where(eq(parents.id, parentId));
}

export async function ensureParentGrant(db: Database, userId: string) {
  const rows = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'parent')));
  if (rows.length === 0) await db.insert(roleGrants).values({ userId, role: 'parent' });
}

export async function userHasFamily(db: Database, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: parents.id })
    .from(parents)
    .innerJoin(families, eq(families.id, parents.familyId))
    .where(and(eq(parents.userId, userId), isNull(families.anonymisedAt)))
    .limit(1);
  return rows.length > 0;
}

// ——— Housekeeping ———

/** Deletes wizard drafts (and working copies) last touched before `before`; returns how many. */
export async function deleteDraftsBefore(db: Database, before: Date): Promise<number> {
  const rows = await db
    .delete(requestDrafts)
    .where(lt(requestDrafts.updatedAt, before))
    .returning({ id: requestDrafts.id });
  return rows.length;
}

export async function getFamilyForTakeOver(db: Database, familyId: string) {
  const rows = await db
    .select({ id: families.id, fileNumber: families.fileNumber })
    .from(families)
    .where(and(eq(families.id, familyId), isNull(families.anonymisedAt)));
  return rows[0];
}

// ——— Set-up (command line, until the desk's back office exists) ———

export async function findMunicipality(db: Database, key: string) {
  const rows = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(
      sql`${municipalities.slug} = ${key} or ${municipalities.nisCode} = ${key} or lower(${municipalities.name}) = lower(${key})`,
    )
    .limit(1);
  return rows[0];
}

export async function findOrInsertOrganisation(
  db: Database,
  values: { municipalityId: string; name: string; kind: string },
) {
  const found = await db
    .select({ id: intermediaryOrganisations.id })
    .from(intermediaryOrganisations)
    .where(
      and(
        eq(intermediaryOrganisations.municipalityId, values.municipalityId),
        eq(intermediaryOrganisations.name, values.name),
      ),
    );
  if (found[0]) return { id: found[0].id, created: false };
  const [row] = await db
    .insert(intermediaryOrganisations)
    .values(values)
    .returning({ id: intermediaryOrganisations.id });
  if (!row) throw new Error('organisation insert returned nothing');
  return { id: row.id, created: true };
}

export async function findUserByEmail(db: Database, email: string) {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return rows[0];
}

export async function insertStaffUser(
  db: Database,
  values: {
    email: string;
    displayName: string;
    passwordHash: string;
    language: 'nl' | 'fr' | 'en';
    at: Date;
  },
) {
  const [row] = await db
    .insert(users)
    .values({
      email: values.email,
      displayName: values.displayName,
      passwordHash: values.passwordHash,
      language: values.language,
      emailVerifiedAt: values.at,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('user insert returned nothing');
  return row;
}

export async function insertIntermediaryGrant(db: Database, userId: string, organisationId: string) {
  await db
    .insert(roleGrants)
    .values({ userId, role: 'intermediary', intermediaryOrganisationId: organisationId });
}
