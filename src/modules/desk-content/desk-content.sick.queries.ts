import { and, asc, eq } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/schema/index.ts';

const { sickChildServices } = schema;

/** A sick-child service as the desk sees and edits it. */
const serviceColumns = {
  id: sickChildServices.id,
  name: sickChildServices.name,
  contact: sickChildServices.contact,
  phone: sickChildServices.phone,
  website: sickChildServices.website,
  sortOrder: sickChildServices.sortOrder,
  description: sickChildServices.description,
  area: sickChildServices.area,
  hours: sickChildServices.hours,
  conditions: sickChildServices.conditions,
};

/** The municipality's own services (not the region-wide ones), in the public site's order. */
export function listSickServices(db: Database, municipalityId: string) {
  return db
    .select(serviceColumns)
    .from(sickChildServices)
    .where(eq(sickChildServices.municipalityId, municipalityId))
    .orderBy(asc(sickChildServices.sortOrder), asc(sickChildServices.name));
}

export type SickServiceRow = Awaited<ReturnType<typeof listSickServices>>[number];

/** One service, only within the municipality (another's is not found). */
export async function getSickService(db: Database, municipalityId: string, id: string) {
  const [row] = await db
    .select(serviceColumns)
    .from(sickChildServices)
    .where(and(eq(sickChildServices.id, id), eq(sickChildServices.municipalityId, municipalityId)));
  return row;
}

/** The same row, locked until the transaction ends (two officers editing take turns). */
export async function lockSickService(tx: Database, municipalityId: string, id: string) {
  const [row] = await tx
    .select(serviceColumns)
    .from(sickChildServices)
    .where(and(eq(sickChildServices.id, id), eq(sickChildServices.municipalityId, municipalityId)))
    .for('update');
  return row;
}

export type SickServiceValues = {
  name: string;
  contact: string | null;
  phone: string;
  website: string | null;
  sortOrder: number;
  description: Translated;
  area: Translated | null;
  hours: Translated | null;
  conditions: Translated | null;
  updatedAt: Date;
};

export async function insertSickService(
  tx: Database,
  service: SickServiceValues & { regionId: string; municipalityId: string },
): Promise<string> {
  const [row] = await tx.insert(sickChildServices).values(service).returning({ id: sickChildServices.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

export async function updateSickService(
  tx: Database,
  municipalityId: string,
  id: string,
  service: SickServiceValues,
): Promise<void> {
  await tx
    .update(sickChildServices)
    .set(service)
    .where(and(eq(sickChildServices.id, id), eq(sickChildServices.municipalityId, municipalityId)));
}

export async function deleteSickService(tx: Database, municipalityId: string, id: string): Promise<void> {
  await tx
    .delete(sickChildServices)
    .where(and(eq(sickChildServices.id, id), eq(sickChildServices.municipalityId, municipalityId)));
}
