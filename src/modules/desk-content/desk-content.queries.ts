import { and, desc, eq } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/schema/index.ts';

const { municipalities, newsItems } = schema;

/** A news item as the desk sees and edits it. */
const itemColumns = {
  id: newsItems.id,
  publishedAt: newsItems.publishedAt,
  publishUntil: newsItems.publishUntil,
  title: newsItems.title,
  body: newsItems.body,
};

/** The municipality's own news items (not the region-wide ones), newest first. */
export function listNewsItems(db: Database, municipalityId: string) {
  return db
    .select(itemColumns)
    .from(newsItems)
    .where(eq(newsItems.municipalityId, municipalityId))
    .orderBy(desc(newsItems.publishedAt), desc(newsItems.createdAt), desc(newsItems.id));
}

export type NewsItemRow = Awaited<ReturnType<typeof listNewsItems>>[number];

/** One item, only within the municipality (another's is not found). */
export async function getNewsItem(db: Database, municipalityId: string, id: string) {
  const [row] = await db
    .select(itemColumns)
    .from(newsItems)
    .where(and(eq(newsItems.id, id), eq(newsItems.municipalityId, municipalityId)));
  return row;
}

/** The same row, locked until the transaction ends (two officers editing take turns). */
export async function lockNewsItem(tx: Database, municipalityId: string, id: string) {
  const [row] = await tx
    .select(itemColumns)
    .from(newsItems)
    .where(and(eq(newsItems.id, id), eq(newsItems.municipalityId, municipalityId)))
    .for('update');
  return row;
}

export async function getMunicipalityRegion(db: Database, municipalityId: string) {
  const [row] = await db
    .select({ regionId: municipalities.regionId, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row;
}

export type NewsItemValues = {
  publishedAt: Date;
  publishUntil: string | null;
  title: Translated;
  body: Translated;
};

export async function insertNewsItem(
  tx: Database,
  item: NewsItemValues & {
    regionId: string;
    municipalityId: string;
    createdByUserId: string;
    createdAt: Date;
  },
): Promise<string> {
  const [row] = await tx.insert(newsItems).values(item).returning({ id: newsItems.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

export async function updateNewsItem(
  tx: Database,
  municipalityId: string,
  id: string,
  item: NewsItemValues & { updatedAt: Date },
): Promise<void> {
  await tx
    .update(newsItems)
    .set(item)
    .where(and(eq(newsItems.id, id), eq(newsItems.municipalityId, municipalityId)));
}

export async function deleteNewsItem(tx: Database, municipalityId: string, id: string): Promise<void> {
  await tx.delete(newsItems).where(and(eq(newsItems.id, id), eq(newsItems.municipalityId, municipalityId)));
}
