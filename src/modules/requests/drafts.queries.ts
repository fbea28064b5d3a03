import { and, asc, desc, eq, ilike, inArray, max, notLike } from 'drizzle-orm';

import { type Database, schema } from '../../platform/db/index.ts';

const { requestDrafts, providerLocations, municipalities } = schema;

/**
 * Drafts live in `request_drafts`: the wizard's draft of a new request (step = the step reached),
 * and working copies of a filed request's preference list (step = 'preferences:<requestId>').
 */
export const EDIT_STEP_PREFIX = 'preferences:';

export async function getWizardDraft(db: Database, userId: string) {
  const rows = await db
    .select()
    .from(requestDrafts)
    .where(and(eq(requestDrafts.userId, userId), notLike(requestDrafts.step, `${EDIT_STEP_PREFIX}%`)))
    .orderBy(desc(requestDrafts.updatedAt))
    .limit(1);
  return rows[0];
}

export async function getEditDraft(db: Database, userId: string, requestId: string) {
  const rows = await db
    .select()
    .from(requestDrafts)
    .where(and(eq(requestDrafts.userId, userId), eq(requestDrafts.step, `${EDIT_STEP_PREFIX}${requestId}`)))
    .orderBy(desc(requestDrafts.updatedAt))
    .limit(1);
  return rows[0];
}

export async function insertDraft(db: Database, values: typeof requestDrafts.$inferInsert) {
  const [row] = await db.insert(requestDrafts).values(values).returning();
  if (!row) throw new Error('draft insert returned nothing');
  return row;
}

export async function updateDraft(
  db: Database,
  draftId: string,
  values: { data: Record<string, unknown>; step: string; updatedAt: Date },
) {
  await db.update(requestDrafts).set(values).where(eq(requestDrafts.id, draftId));
}

export async function deleteDraft(db: Database, draftId: string) {
  await db.delete(requestDrafts).where(eq(requestDrafts.id, draftId));
}

export async function deleteEditDrafts(db: Database, requestId: string) {
  await db.delete(requestDrafts).where(eq(requestDrafts.step, `${EDIT_STEP_PREFIX}${requestId}`));
}

const locationSummary = {
  id: providerLocations.id,
  name: providerLocations.name,
  careType: providerLocations.careType,
  city: providerLocations.city,
  municipalityId: providerLocations.municipalityId,
  municipalityName: municipalities.name,
  regionId: municipalities.regionId,
  active: providerLocations.active,
};

/** Names and places of locations, for showing a list of chosen ids. */
/** The oldest age, in months, that any active location accepts (undefined without locations). */
export async function getOldestAcceptedAgeMonths(db: Database): Promise<number | undefined> {
  const rows = await db
    .select({ oldest: max(providerLocations.maxAgeMonths) })
    .from(providerLocations)
    .where(eq(providerLocations.active, true));
  return rows[0]?.oldest ?? undefined;
}

export function getLocationSummaries(db: Database, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select(locationSummary)
    .from(providerLocations)
    .innerJoin(municipalities, eq(municipalities.id, providerLocations.municipalityId))
    .where(inArray(providerLocations.id, ids));
}

export type LocationFilter = {
  regionId: string;
  careType?: 'group' | 'family' | undefined;
  municipalityId?: string | undefined;
  name?: string | undefined;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Active locations of the region matching the filters, by municipality and name; `limit` rows. */
export function searchLocations(db: Database, filter: LocationFilter, limit: number) {
  const conditions = [eq(providerLocations.active, true), eq(municipalities.regionId, filter.regionId)];
  if (filter.careType) conditions.push(eq(providerLocations.careType, filter.careType));
  if (filter.municipalityId) conditions.push(eq(providerLocations.municipalityId, filter.municipalityId));
  if (filter.name) conditions.push(ilike(providerLocations.name, `%${escapeLike(filter.name)}%`));
  return db
    .select(locationSummary)
    .from(providerLocations)
    .innerJoin(municipalities, eq(municipalities.id, providerLocations.municipalityId))
    .where(and(...conditions))
    .orderBy(asc(municipalities.name), asc(providerLocations.name))
    .limit(limit);
}

/** The municipalities of a region (the search filter). */
export function getRegionMunicipalities(db: Database, regionId: string) {
  return db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.regionId, regionId), eq(municipalities.active, true)))
    .orderBy(asc(municipalities.name));
}
