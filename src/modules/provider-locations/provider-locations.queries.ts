import { asc, inArray } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const { providerLocations } = schema;

export function getLocationsByIds(db: Database, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      municipalityId: providerLocations.municipalityId,
      /** Baby and toddler care (group, family) or out_of_school: the navigation depends on it. */
      careType: providerLocations.careType,
      /** False once the desk deactivated it (desk-providers): out of the lists of open locations. */
      active: providerLocations.active,
    })
    .from(providerLocations)
    .where(inArray(providerLocations.id, ids))
    .orderBy(asc(providerLocations.name));
}
