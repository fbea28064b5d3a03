import { and, asc, count, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type {
  ClosingPeriod,
  OpeningHours,
  OutOfSchoolHours,
  Translated,
} from '../../platform/db/schema/index.ts';
import type { LocalDate } from '../../shared/dates.ts';

/** SQL of the provider's own profile, photos and last-minute places. */
const { providerLocations, providerPhotos, lastMinutePlaces } = schema;

export async function getLocationProfile(db: Database, locationId: string) {
  const rows = await db.select().from(providerLocations).where(eq(providerLocations.id, locationId));
  return rows[0];
}

export type ProfileUpdate = {
  description: Translated | null;
  priceInfo: Translated | null;
  openingHours: OpeningHours;
  languages: string[];
  capacity: number;
  minAgeMonths: number;
  maxAgeMonths: number;
  inclusiveCare: boolean;
  occasionalCare: boolean;
  outOfSchoolHours: OutOfSchoolHours;
  schoolsServed: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
};

export async function updateProfile(db: Database, locationId: string, values: ProfileUpdate) {
  await db.update(providerLocations).set(values).where(eq(providerLocations.id, locationId));
}

/** Reads the closing periods for a change: the row is locked so two edits do not overwrite each other. */
export async function lockClosingPeriods(db: Database, locationId: string): Promise<ClosingPeriod[]> {
  const rows = await db
    .select({ closingPeriods: providerLocations.closingPeriods })
    .from(providerLocations)
    .where(eq(providerLocations.id, locationId))
    .for('update');
  return rows[0]?.closingPeriods ?? [];
}

export async function setClosingPeriods(db: Database, locationId: string, periods: ClosingPeriod[]) {
  await db
    .update(providerLocations)
    .set({ closingPeriods: periods })
    .where(eq(providerLocations.id, locationId));
}

// Photos

export function listPhotos(db: Database, locationId: string) {
  return db
    .select({
      id: providerPhotos.id,
      alt: providerPhotos.alt,
      contentType: providerPhotos.contentType,
      size: sql<number>`octet_length(${providerPhotos.bytes})`.mapWith(Number),
      sortOrder: providerPhotos.sortOrder,
    })
    .from(providerPhotos)
    .where(eq(providerPhotos.providerLocationId, locationId))
    .orderBy(asc(providerPhotos.sortOrder), asc(providerPhotos.createdAt), asc(providerPhotos.id));
}

/** Locks the location row: uploads to one location are serialised, so the maximum holds. */
export async function lockLocation(db: Database, locationId: string) {
  await db
    .select({ id: providerLocations.id })
    .from(providerLocations)
    .where(eq(providerLocations.id, locationId))
    .for('update');
}

export async function photoStats(db: Database, locationId: string) {
  const [row] = await db
    .select({ n: count(), last: sql<number | null>`max(${providerPhotos.sortOrder})` })
    .from(providerPhotos)
    .where(eq(providerPhotos.providerLocationId, locationId));
  return {
    count: row?.n ?? 0,
    lastOrder: row?.last === null || row?.last === undefined ? -1 : Number(row.last),
  };
}

export async function insertPhoto(
  db: Database,
  values: {
    providerLocationId: string;
    contentType: string;
    bytes: Buffer;
    alt: Translated;
    sortOrder: number;
    createdAt: Date;
  },
) {
  const [row] = await db.insert(providerPhotos).values(values).returning({ id: providerPhotos.id });
  return row?.id;
}

export async function deletePhoto(db: Database, locationId: string, photoId: string): Promise<boolean> {
  const rows = await db
    .delete(providerPhotos)
    .where(and(eq(providerPhotos.id, photoId), eq(providerPhotos.providerLocationId, locationId)))
    .returning({ id: providerPhotos.id });
  return rows.length > 0;
}

export async function setPhotoOrder(db: Database, locationId: string, orderedIds: string[]) {
  for (const [index, id] of orderedIds.entries()) {
    await db
      .update(providerPhotos)
      .set({ sortOrder: index })
      .where(and(eq(providerPhotos.id, id), eq(providerPhotos.providerLocationId, locationId)));
  }
}

// Last-minute places

/** The location's places that are not withdrawn and not yet over, soonest first. */
export function listCurrentLastMinute(db: Database, locationId: string, today: LocalDate) {
  return db
    .select({
      id: lastMinutePlaces.id,
      availableFrom: lastMinutePlaces.availableFrom,
      availableUntil: lastMinutePlaces.availableUntil,
      days: lastMinutePlaces.days,
      minAgeMonths: lastMinutePlaces.minAgeMonths,
      maxAgeMonths: lastMinutePlaces.maxAgeMonths,
      note: lastMinutePlaces.note,
    })
    .from(lastMinutePlaces)
    .where(
      and(
        eq(lastMinutePlaces.providerLocationId, locationId),
        isNull(lastMinutePlaces.withdrawnAt),
        gte(lastMinutePlaces.availableUntil, today),
      ),
    )
    .orderBy(asc(lastMinutePlaces.availableFrom), desc(lastMinutePlaces.createdAt));
}

export async function insertLastMinute(db: Database, values: typeof lastMinutePlaces.$inferInsert) {
  const [row] = await db.insert(lastMinutePlaces).values(values).returning({ id: lastMinutePlaces.id });
  return row?.id;
}

/** Withdraws a place of this location that is still shown; false when there is none. */
export async function withdrawLastMinute(
  db: Database,
  locationId: string,
  placeId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(lastMinutePlaces)
    .set({ withdrawnAt: now })
    .where(
      and(
        eq(lastMinutePlaces.id, placeId),
        eq(lastMinutePlaces.providerLocationId, locationId),
        isNull(lastMinutePlaces.withdrawnAt),
      ),
    )
    .returning({ id: lastMinutePlaces.id });
  return rows.length > 0;
}
