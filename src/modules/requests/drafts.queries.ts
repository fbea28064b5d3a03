import { and, asc, desc, eq, ilike, inArray, max, ne, notLike, or, type SQL, sql } from 'drizzle-orm';

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

/**
 * A location parents may choose in a request: active, and baby/toddler care — or out-of-school
 * care where its municipality turned requests for that on (`municipalities.out_of_school_requests`).
 */
const choosable = and(
  eq(providerLocations.active, true),
  or(ne(providerLocations.careType, 'out_of_school'), eq(municipalities.outOfSchoolRequests, true)),
) as SQL;

const locationSummary = {
  id: providerLocations.id,
  name: providerLocations.name,
  careType: providerLocations.careType,
  city: providerLocations.city,
  municipalityId: providerLocations.municipalityId,
  municipalityName: municipalities.name,
  regionId: municipalities.regionId,
  /** Choosable as a preference now (see `choosable`): out-of-school care only where the desk allows it. */
  active: sql<boolean>`${choosable}`,
};

/** Names and places of locations, for showing a list of chosen ids. */
/**
 * The oldest age, in months, that any choosable location accepts (of the region, when given;
 * undefined without locations): out-of-school care counts only where its municipality takes
 * requests for it.
 */
export async function getOldestAcceptedAgeMonths(
  db: Database,
  regionId?: string,
): Promise<number | undefined> {
  const rows = await db
    .select({ oldest: max(providerLocations.maxAgeMonths) })
    .from(providerLocations)
    .innerJoin(municipalities, eq(municipalities.id, providerLocations.municipalityId))
    .where(regionId ? and(choosable, eq(municipalities.regionId, regionId)) : choosable);
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
  careType?: 'group' | 'family' | 'out_of_school' | undefined;
  municipalityId?: string | undefined;
  name?: string | undefined;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Active locations of the region matching the filters, by municipality and name; `limit` rows. */
export function searchLocations(db: Database, filter: LocationFilter, limit: number) {
  const conditions = [choosable, eq(municipalities.regionId, filter.regionId)];
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

/**
 * The municipalities of a region (the search filter), with whether each takes requests for
 * out-of-school care (the filter then offers that kind of care).
 */
export function getRegionMunicipalities(db: Database, regionId: string) {
  return db
    .select({
      id: municipalities.id,
      name: municipalities.name,
      outOfSchoolRequests: municipalities.outOfSchoolRequests,
    })
    .from(municipalities)
    .where(and(eq(municipalities.regionId, regionId), eq(municipalities.active, true)))
    .orderBy(asc(municipalities.name));
}
