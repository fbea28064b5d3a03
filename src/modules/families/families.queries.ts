import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const { families, parents, children, requests, municipalities, subMunicipalities, followUpTasks } = schema;

export type FamilyRow = typeof families.$inferSelect;
export type ParentRow = typeof parents.$inferSelect;
export type ChildRow = typeof children.$inferSelect;

/** Municipalities a family can live in, with their region (preferences are chosen region-wide). */
export function getActiveMunicipalities(db: Database) {
  return db
    .select({
      id: municipalities.id,
      name: municipalities.name,
      regionId: municipalities.regionId,
      maxPreferences: municipalities.maxPreferences,
    })
    .from(municipalities)
    .where(eq(municipalities.active, true))
    .orderBy(asc(municipalities.name));
}

export function getSubMunicipalities(db: Database) {
  return db
    .select({
      id: subMunicipalities.id,
      municipalityId: subMunicipalities.municipalityId,
      name: subMunicipalities.name,
      postcode: subMunicipalities.postcode,
    })
    .from(subMunicipalities)
    .orderBy(asc(subMunicipalities.name));
}

export async function getSubMunicipality(db: Database, id: string) {
  const rows = await db.select().from(subMunicipalities).where(eq(subMunicipalities.id, id));
  return rows[0];
}

/** The parents of a family as the family file and staff see them (never the national number), in order. */
export function getParentsOfFamily(db: Database, familyId: string) {
  return db
    .select({
      id: parents.id,
      firstName: parents.firstName,
      lastName: parents.lastName,
      email: parents.email,
      phone: parents.phone,
      language: parents.language,
      situation: parents.situation,
      daysPerWeek: parents.daysPerWeek,
      userId: parents.userId,
      position: parents.position,
      nationalNumberKept: sql<boolean>`${parents.nationalNumberHash} is not null`,
    })
    .from(parents)
    .where(eq(parents.familyId, familyId))
    .orderBy(asc(parents.position), asc(parents.createdAt));
}

/** The children of a family with the id of their open request, if any. */
export function getChildrenOfFamily(db: Database, familyId: string) {
  return db
    .select({
      id: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      birthDate: children.birthDate,
      expectedBirthDate: children.expectedBirthDate,
      hasNationalNumber: sql<boolean>`${children.nationalNumberHash} is not null`,
      openRequestId: requests.id,
    })
    .from(children)
    .leftJoin(
      requests,
      and(eq(requests.childId, children.id), inArray(requests.status, ['active', 'answered'])),
    )
    .where(eq(children.familyId, familyId))
    .orderBy(asc(children.createdAt));
}

export async function getChildOfFamily(db: Database, familyId: string, childId: string) {
  const rows = await db
    .select()
    .from(children)
    .where(and(eq(children.id, childId), eq(children.familyId, familyId)));
  return rows[0];
}

type FamilyValues = Omit<
  typeof families.$inferInsert,
  'id' | 'fileNumber' | 'createdAt' | 'anonymisedAt' | 'intermediaryOrganisationId'
>;

export async function insertFamilyFile(db: Database, values: FamilyValues) {
  const [row] = await db
    .insert(families)
    .values({ ...values, fileNumber: sql`'KO-' || nextval('family_file_number_seq')` })
    .returning();
  if (!row) throw new Error('family insert returned nothing');
  return row;
}

export async function updateFamilyFile(db: Database, familyId: string, values: Partial<FamilyValues>) {
  await db.update(families).set(values).where(eq(families.id, familyId));
}

export async function updateParent(
  db: Database,
  parentId: string,
  values: Partial<typeof parents.$inferInsert>,
) {
  await db.update(parents).set(values).where(eq(parents.id, parentId));
}

/** Removes a second parent without an account of their own (a parent with an account stays). */
export async function deleteParentWithoutAccount(db: Database, parentId: string) {
  await db.delete(parents).where(and(eq(parents.id, parentId), isNull(parents.userId)));
}

export async function updateChild(
  db: Database,
  childId: string,
  values: Partial<typeof children.$inferInsert>,
) {
  await db.update(children).set(values).where(eq(children.id, childId));
}

/** The open requests of a child (at most one, by the database's unique index). */

/** The family file of a parent account, with that parent. */
export async function getFamilyOfUser(db: Database, userId: string) {
  const rows = await db
    .select({ family: families, parent: parents })
    .from(parents)
    .innerJoin(families, eq(families.id, parents.familyId))
    .where(and(eq(parents.userId, userId), sql`${families.anonymisedAt} is null`))
    .limit(1);
  return rows[0];
}

export async function insertFamily(
  db: Database,
  values: { municipalityId: string; createdByUserId: string; consentAt: Date },
): Promise<{ id: string; fileNumber: string }> {
  const [row] = await db
    .insert(families)
    .values({ ...values, fileNumber: sql`'KO-' || nextval('family_file_number_seq')` })
    .returning({ id: families.id, fileNumber: families.fileNumber });
  if (!row) throw new Error('family insert returned nothing');
  return row;
}

export async function insertParent(db: Database, values: typeof parents.$inferInsert) {
  const [row] = await db.insert(parents).values(values).returning();
  if (!row) throw new Error('parent insert returned nothing');
  return row;
}

/** A child known by its national-number hash, anywhere, with its open request if it has one. */
export async function findChildByNationalNumberHash(db: Database, hash: string) {
  const rows = await db
    .select({ childId: children.id, familyId: children.familyId, openRequestId: requests.id })
    .from(children)
    .leftJoin(
      requests,
      and(eq(requests.childId, children.id), inArray(requests.status, ['active', 'answered'])),
    )
    .where(eq(children.nationalNumberHash, hash));
  return rows[0];
}

export async function insertChild(db: Database, values: typeof children.$inferInsert) {
  const [row] = await db.insert(children).values(values).returning({ id: children.id });
  if (!row) throw new Error('child insert returned nothing');
  return row;
}

export async function getMunicipality(db: Database, id: string) {
  const rows = await db.select().from(municipalities).where(eq(municipalities.id, id));
  return rows[0];
}

/** The parents of a (not anonymised) family in order, with the organisation that follows it. */
export function getFamilyContacts(db: Database, familyId: string) {
  return db
    .select({
      email: parents.email,
      firstName: parents.firstName,
      language: parents.language,
      intermediaryOrganisationId: families.intermediaryOrganisationId,
      municipalityId: families.municipalityId,
    })
    .from(parents)
    .innerJoin(families, eq(families.id, parents.familyId))
    .where(and(eq(parents.familyId, familyId), isNull(families.anonymisedAt)))
    .orderBy(asc(parents.position));
}

/** A task for the organisation that follows a family without e-mail ("phone the family …"). */
export async function insertFollowUpTask(db: Database, values: typeof followUpTasks.$inferInsert) {
  await db.insert(followUpTasks).values(values);
}
