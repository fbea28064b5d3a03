import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Database, schema } from '../../platform/db/index.ts';
import { normalisedName } from './detection.queries.ts';

const { families, parents, children, requests, preferences, offers } = schema;

/** The files of a municipality among these ids, merged or not. */
export function getFilesOfMunicipality(db: Database, municipalityId: string, ids: string[]) {
  return db
    .select({
      id: families.id,
      fileNumber: families.fileNumber,
      mergedIntoFamilyId: families.mergedIntoFamilyId,
    })
    .from(families)
    .where(and(inArray(families.id, ids), eq(families.municipalityId, municipalityId)));
}

/**
 * Locks both family rows, one statement per row in id order: two merges of the same pair (in
 * either direction) queue on the first lock instead of deadlocking. Returns the rows as they are
 * once locked (in read committed, a locking read sees the other merge's commit).
 */
export async function lockFamilies(tx: Database, ids: [string, string]) {
  const rows: (typeof families.$inferSelect)[] = [];
  for (const id of [...ids].sort()) {
    const [row] = await tx.select().from(families).where(eq(families.id, id)).for('update');
    if (row) rows.push(row);
  }
  return rows;
}

export type MergeChild = Awaited<ReturnType<typeof getChildrenForMerge>>[number];

/** The children of a file that were not merged into another child, with the name as compared. */
export function getChildrenForMerge(db: Database, familyId: string) {
  return db
    .select({
      id: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      birthDate: children.birthDate,
      expectedBirthDate: children.expectedBirthDate,
      nationalNumberHash: children.nationalNumberHash,
      nationalNumberCipher: children.nationalNumberCipher,
      name: sql<string>`${normalisedName(sql`${children.firstName}`, sql`${children.lastName}`)}`,
    })
    .from(children)
    .where(and(eq(children.familyId, familyId), isNull(children.mergedIntoChildId)))
    .orderBy(asc(children.createdAt), asc(children.id));
}

export type MergeParent = typeof parents.$inferSelect;

export function getParentsForMerge(db: Database, familyId: string) {
  return db
    .select()
    .from(parents)
    .where(eq(parents.familyId, familyId))
    .orderBy(asc(parents.position), asc(parents.createdAt));
}

/** The open (active or answered) requests of these children. */
export function getOpenRequestsOfChildren(db: Database, childIds: string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: requests.id,
      childId: requests.childId,
      familyId: requests.familyId,
      status: requests.status,
      desiredStart: requests.desiredStart,
      submittedAt: requests.submittedAt,
    })
    .from(requests)
    .where(and(inArray(requests.childId, childIds), inArray(requests.status, ['active', 'answered'])))
    .orderBy(asc(requests.submittedAt));
}

export function getPreferencesOfRequest(db: Database, requestId: string) {
  return db
    .select({ id: preferences.id, status: preferences.status })
    .from(preferences)
    .where(eq(preferences.requestId, requestId));
}

export async function withdrawRequestRow(db: Database, requestId: string, at: Date) {
  await db
    .update(requests)
    .set({ status: 'withdrawn', statusChangedAt: at })
    .where(eq(requests.id, requestId));
}

export async function withdrawPendingOffers(db: Database, preferenceIds: string[], at: Date) {
  if (preferenceIds.length === 0) return;
  await db
    .update(offers)
    .set({ status: 'withdrawn', answeredAt: at })
    .where(and(inArray(offers.preferenceId, preferenceIds), eq(offers.status, 'pending')));
}

/**
 * The same child on both files: its requests go to the kept child, which takes the facts it lacked
 * (national number, first name, birth date); the merged child's row stays on the merged file,
 * pointing at the kept child. The national number moves first: it is unique among children.
 */
export async function mergeChildInto(
  tx: Database,
  merged: MergeChild,
  kept: MergeChild,
  keptFamilyId: string,
) {
  await tx
    .update(requests)
    .set({ childId: kept.id, familyId: keptFamilyId })
    .where(eq(requests.childId, merged.id));
  const takesNumber = !kept.nationalNumberHash && merged.nationalNumberHash;
  await tx
    .update(children)
    .set({
      mergedIntoChildId: kept.id,
      ...(takesNumber ? { nationalNumberHash: null, nationalNumberCipher: null } : {}),
    })
    .where(eq(children.id, merged.id));
  await tx
    .update(children)
    .set({
      firstName: kept.firstName ?? merged.firstName,
      birthDate: kept.birthDate ?? merged.birthDate,
      expectedBirthDate: kept.expectedBirthDate ?? merged.expectedBirthDate,
      ...(takesNumber
        ? { nationalNumberHash: merged.nationalNumberHash, nationalNumberCipher: merged.nationalNumberCipher }
        : {}),
    })
    .where(eq(children.id, kept.id));
}

export async function moveChildren(tx: Database, childIds: string[], keptFamilyId: string) {
  if (childIds.length === 0) return;
  await tx.update(children).set({ familyId: keptFamilyId }).where(inArray(children.id, childIds));
}

/** The tables that name the family directly (besides parents, children and requests). */
const FAMILY_TABLES = {
  requests: 'requests',
  deskNotes: 'desk_notes',
  followUpTasks: 'follow_up_tasks',
  requestDrafts: 'request_drafts',
  userTokens: 'user_tokens',
  outbox: 'outbox',
} as const;

export type FamilyTable = keyof typeof FAMILY_TABLES;

/** Moves every row of one of those tables from the merged file to the kept one; returns how many. */
export async function moveFamilyRows(
  tx: Database,
  table: FamilyTable,
  fromFamilyId: string,
  toFamilyId: string,
): Promise<number> {
  const result = await tx.execute(sql`
    update ${sql.identifier(FAMILY_TABLES[table])} set family_id = ${toFamilyId}::uuid
     where family_id = ${fromFamilyId}::uuid
    returning 1`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

/** A parent of the merged file who is not on the kept one moves, after the kept file's parents. */
export async function moveParent(tx: Database, parentId: string, keptFamilyId: string) {
  const [row] = await tx
    .select({ last: max(parents.position) })
    .from(parents)
    .where(eq(parents.familyId, keptFamilyId));
  await tx
    .update(parents)
    .set({ familyId: keptFamilyId, position: (row?.last ?? 0) + 1 })
    .where(eq(parents.id, parentId));
}

/**
 * The same person on both files: the kept parent takes what it lacked (account, e-mail, phone,
 * national number); the merged parent's row stays on the merged file without the account link, so
 * the parent's log-in finds the kept file.
 */
export async function absorbParent(tx: Database, kept: MergeParent, merged: MergeParent) {
  const takesNumber = !kept.nationalNumberHash && merged.nationalNumberHash;
  const takesAccount = !kept.userId && merged.userId;
  if (takesAccount || takesNumber)
    await tx
      .update(parents)
      .set({
        ...(takesAccount ? { userId: null } : {}),
        ...(takesNumber ? { nationalNumberHash: null, nationalNumberCipher: null } : {}),
      })
      .where(eq(parents.id, merged.id));
  await tx
    .update(parents)
    .set({
      email: kept.email ?? merged.email,
      phone: kept.phone ?? merged.phone,
      ...(takesAccount ? { userId: merged.userId } : {}),
      ...(takesNumber
        ? { nationalNumberHash: merged.nationalNumberHash, nationalNumberCipher: merged.nationalNumberCipher }
        : {}),
    })
    .where(eq(parents.id, kept.id));
}

/** The merged file points at the kept one; the kept one takes the follow-up and consent it lacked. */
export async function markMerged(
  tx: Database,
  kept: typeof families.$inferSelect,
  merged: typeof families.$inferSelect,
) {
  await tx.update(families).set({ mergedIntoFamilyId: kept.id }).where(eq(families.id, merged.id));
  await tx
    .update(families)
    .set({
      intermediaryOrganisationId: kept.intermediaryOrganisationId ?? merged.intermediaryOrganisationId,
      consentAt: kept.consentAt ?? merged.consentAt,
    })
    .where(eq(families.id, kept.id));
}

export async function insertFamilyMerge(tx: Database, values: typeof schema.familyMerges.$inferInsert) {
  const [row] = await tx.insert(schema.familyMerges).values(values).returning({ id: schema.familyMerges.id });
  if (!row) throw new Error('merge insert returned nothing');
  return row;
}

/** Records "two different families"; a second dismissal of the same pair changes nothing. */
export async function insertDismissal(tx: Database, values: typeof schema.duplicateDismissals.$inferInsert) {
  await tx.insert(schema.duplicateDismissals).values(values).onConflictDoNothing();
}

/** Counts of the rows that hang off a file's requests (they follow the requests). */
export async function countRequestRows(db: Database, familyId: string) {
  const result = await db.execute(sql`
    select
      (select count(*) from preferences p join requests r on r.id = p.request_id
        where r.family_id = ${familyId}::uuid)::int as preferences,
      (select count(*) from offers o join preferences p on p.id = o.preference_id
        join requests r on r.id = p.request_id where r.family_id = ${familyId}::uuid)::int as offers,
      (select count(*) from status_events e join requests r on r.id = e.request_id
        where r.family_id = ${familyId}::uuid)::int as "statusEvents",
      (select count(*) from request_forwards f join requests r on r.id = f.request_id
        where r.family_id = ${familyId}::uuid)::int as "requestForwards",
      (select count(*) from provider_notes n join requests r on r.id = n.request_id
        where r.family_id = ${familyId}::uuid)::int as "providerNotes"`);
  const row = (result as unknown as { rows: Record<string, number>[] }).rows[0] ?? {};
  return {
    preferences: Number(row.preferences ?? 0),
    offers: Number(row.offers ?? 0),
    statusEvents: Number(row.statusEvents ?? 0),
    requestForwards: Number(row.requestForwards ?? 0),
    providerNotes: Number(row.providerNotes ?? 0),
  };
}

export async function getRequestIdsOfFamily(db: Database, familyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: schema.requests.id })
    .from(schema.requests)
    .where(eq(schema.requests.familyId, familyId));
  return rows.map((r) => r.id);
}

/**
 * The merges that brought other files into this file, also through earlier merges (a file merged
 * into one that was merged in turn), oldest first: when, by whom, which files, and what moved.
 */
export async function getMergesIntoFile(db: Database, familyIds: string[]) {
  const kept = alias(families, 'kept');
  const merged = alias(families, 'merged');
  return db
    .select({
      id: schema.familyMerges.id,
      mergedAt: schema.familyMerges.mergedAt,
      keptFileNumber: kept.fileNumber,
      mergedFileNumber: merged.fileNumber,
      mergedBy: schema.users.displayName,
      details: schema.familyMerges.details,
    })
    .from(schema.familyMerges)
    .innerJoin(kept, eq(kept.id, schema.familyMerges.keptFamilyId))
    .innerJoin(merged, eq(merged.id, schema.familyMerges.mergedFamilyId))
    .leftJoin(schema.users, eq(schema.users.id, schema.familyMerges.mergedByUserId))
    .where(inArray(schema.familyMerges.keptFamilyId, familyIds))
    .orderBy(asc(schema.familyMerges.mergedAt), asc(schema.familyMerges.id));
}
