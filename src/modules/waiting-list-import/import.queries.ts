import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/index.ts';
import {
  children,
  families,
  parents,
  preferences,
  providerLocations,
  providerNotes,
  providerOrganisations,
  requests,
  statusEvents,
  subMunicipalities,
  users,
  waitingListImports,
} from '../../platform/db/schema/index.ts';

/** SQL of the waiting-list import: its record, the children already known, and the bulk writes. */

/** A location of the desk's municipality (active or not), or undefined. */
export async function getDeskLocation(db: Database, municipalityId: string, locationId: string) {
  const [row] = await db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      active: providerLocations.active,
      organisationName: providerOrganisations.name,
    })
    .from(providerLocations)
    .innerJoin(providerOrganisations, eq(providerOrganisations.id, providerLocations.organisationId))
    .where(and(eq(providerLocations.id, locationId), eq(providerLocations.municipalityId, municipalityId)));
  return row;
}

export type ImportInsert = typeof waitingListImports.$inferInsert;

export async function insertImport(db: Database, values: ImportInsert): Promise<string> {
  const [row] = await db.insert(waitingListImports).values(values).returning({ id: waitingListImports.id });
  if (!row) throw new Error('import insert returned nothing');
  return row.id;
}

/** Pending uploads left alone since `before`: their rows (personal data) go. */
export async function deleteStalePending(db: Database, before: Date) {
  await db
    .delete(waitingListImports)
    .where(and(eq(waitingListImports.status, 'pending'), lt(waitingListImports.createdAt, before)));
}

export async function getImport(db: Database, id: string) {
  const [row] = await db.select().from(waitingListImports).where(eq(waitingListImports.id, id));
  return row;
}

/** The import's row, locked for the rest of the transaction (two confirmations: one import). */
export async function lockImport(db: Database, id: string) {
  const [row] = await db.select().from(waitingListImports).where(eq(waitingListImports.id, id)).for('update');
  return row;
}

export async function setMapping(db: Database, id: string, mapping: Record<string, number>) {
  await db.update(waitingListImports).set({ mapping }).where(eq(waitingListImports.id, id));
}

/** Done or discarded: the counts stay, the file's rows are erased. */
export async function finishImport(
  db: Database,
  id: string,
  values: { status: 'imported' | 'discarded'; importedCount: number; refusedCount: number; finishedAt: Date },
) {
  await db
    .update(waitingListImports)
    .set({ ...values, rows: null })
    .where(eq(waitingListImports.id, id));
}

/** The location's finished imports, newest first: who, when, the file's name, the counts. */
export function listImports(db: Database, locationId: string) {
  return db
    .select({
      id: waitingListImports.id,
      fileName: waitingListImports.fileName,
      status: waitingListImports.status,
      rowCount: waitingListImports.rowCount,
      importedCount: waitingListImports.importedCount,
      refusedCount: waitingListImports.refusedCount,
      finishedAt: waitingListImports.finishedAt,
      by: users.displayName,
    })
    .from(waitingListImports)
    .innerJoin(users, eq(users.id, waitingListImports.createdByUserId))
    .where(
      and(eq(waitingListImports.providerLocationId, locationId), eq(waitingListImports.status, 'imported')),
    )
    .orderBy(desc(waitingListImports.finishedAt))
    .limit(20);
}

/**
 * Children of the municipality's files (not anonymised, not merged) born or expected on one of
 * `days`, with an open request: its file number and whether it names `locationId`.
 */
export async function findKnownChildren(
  db: Database,
  municipalityId: string,
  locationId: string,
  days: string[],
) {
  if (days.length === 0) return [];
  return db
    .select({
      firstName: children.firstName,
      lastName: children.lastName,
      birthDate: children.birthDate,
      expectedBirthDate: children.expectedBirthDate,
      fileNumber: families.fileNumber,
      familyId: families.id,
      here: sql<boolean>`exists (select 1 from ${preferences} where ${preferences.requestId} = ${requests.id}
        and ${preferences.providerLocationId} = ${locationId})`,
    })
    .from(children)
    .innerJoin(families, eq(families.id, children.familyId))
    .innerJoin(
      requests,
      and(eq(requests.childId, children.id), inArray(requests.status, ['active', 'answered'])),
    )
    .where(
      and(
        eq(families.municipalityId, municipalityId),
        isNull(families.anonymisedAt),
        isNull(families.mergedIntoFamilyId),
        isNull(children.mergedIntoChildId),
        sql`coalesce(${children.birthDate}, ${children.expectedBirthDate}) in (${sql.join(
          days.map((d) => sql`${d}::date`),
          sql`, `,
        )})`,
      ),
    );
}

/** The municipality's sub-municipalities by postcode (a family's residence, for the figures). */
export function getSubMunicipalities(db: Database, municipalityId: string) {
  return db
    .select({ id: subMunicipalities.id, postcode: subMunicipalities.postcode })
    .from(subMunicipalities)
    .where(eq(subMunicipalities.municipalityId, municipalityId));
}

/** Rows to write, ids made by the caller so that each table's rows can name the others. */
export type ImportWrites = {
  families: (Omit<typeof families.$inferInsert, 'fileNumber'> & { id: string })[];
  parents: (typeof parents.$inferInsert)[];
  children: (typeof children.$inferInsert & { id: string })[];
  requests: (typeof requests.$inferInsert & { id: string })[];
  preferences: (typeof preferences.$inferInsert & { id: string })[];
  events: (typeof statusEvents.$inferInsert)[];
  notes: (typeof providerNotes.$inferInsert)[];
};

const CHUNK = 500;
async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Writes the imported files in the caller's transaction, table by table. A family's file number
 * is the next of the same sequence as every other file.
 */
export async function insertImportedFiles(db: Database, w: ImportWrites) {
  await insertAll(w.families, (rows) =>
    db
      .insert(families)
      .values(rows.map((r) => ({ ...r, fileNumber: sql`'KO-' || nextval('family_file_number_seq')` }))),
  );
  await insertAll(w.parents, (rows) => db.insert(parents).values(rows));
  await insertAll(w.children, (rows) => db.insert(children).values(rows));
  await insertAll(w.requests, (rows) => db.insert(requests).values(rows));
  await insertAll(w.preferences, (rows) => db.insert(preferences).values(rows));
  await insertAll(w.events, (rows) => db.insert(statusEvents).values(rows));
  await insertAll(w.notes, (rows) => db.insert(providerNotes).values(rows));
}

/** The display name of the officer who made an import. */
export async function getUserName(db: Database, userId: string): Promise<string> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? '';
}
