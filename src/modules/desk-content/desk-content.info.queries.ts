import { and, asc, eq, ne } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/schema/index.ts';

const { infoPages } = schema;

/** An information page as the desk sees and edits it. */
const pageColumns = {
  id: infoPages.id,
  slug: infoPages.slug,
  title: infoPages.title,
  body: infoPages.body,
  sortOrder: infoPages.sortOrder,
  published: infoPages.published,
};

/** The municipality's own pages (not the region-wide ones), in the public site's order. */
export function listInfoPages(db: Database, municipalityId: string) {
  return db
    .select(pageColumns)
    .from(infoPages)
    .where(eq(infoPages.municipalityId, municipalityId))
    .orderBy(asc(infoPages.sortOrder), asc(infoPages.slug));
}

export type InfoPageRow = Awaited<ReturnType<typeof listInfoPages>>[number];

/** One page, only within the municipality (another's is not found). */
export async function getInfoPage(db: Database, municipalityId: string, id: string) {
  const [row] = await db
    .select(pageColumns)
    .from(infoPages)
    .where(and(eq(infoPages.id, id), eq(infoPages.municipalityId, municipalityId)));
  return row;
}

/** The same row, locked until the transaction ends (two officers editing take turns). */
export async function lockInfoPage(tx: Database, municipalityId: string, id: string) {
  const [row] = await tx
    .select(pageColumns)
    .from(infoPages)
    .where(and(eq(infoPages.id, id), eq(infoPages.municipalityId, municipalityId)))
    .for('update');
  return row;
}

/** Whether another page of the region has this address (the addresses are the region's). */
export async function slugTaken(db: Database, regionId: string, slug: string, exceptId?: string) {
  const [row] = await db
    .select({ id: infoPages.id })
    .from(infoPages)
    .where(
      and(
        eq(infoPages.regionId, regionId),
        eq(infoPages.slug, slug),
        exceptId ? ne(infoPages.id, exceptId) : undefined,
      ),
    );
  return Boolean(row);
}

export type InfoPageValues = {
  slug: string;
  title: Translated;
  body: Translated;
  sortOrder: number;
  published: boolean;
  updatedAt: Date;
};

export async function insertInfoPage(
  tx: Database,
  page: InfoPageValues & { regionId: string; municipalityId: string },
): Promise<string> {
  const [row] = await tx.insert(infoPages).values(page).returning({ id: infoPages.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

export async function updateInfoPage(
  tx: Database,
  municipalityId: string,
  id: string,
  page: InfoPageValues,
): Promise<void> {
  await tx
    .update(infoPages)
    .set(page)
    .where(and(eq(infoPages.id, id), eq(infoPages.municipalityId, municipalityId)));
}

export async function deleteInfoPage(tx: Database, municipalityId: string, id: string): Promise<void> {
  await tx.delete(infoPages).where(and(eq(infoPages.id, id), eq(infoPages.municipalityId, municipalityId)));
}
