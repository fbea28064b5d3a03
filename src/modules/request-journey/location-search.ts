import type { Database } from '../../platform/db/index.ts';
import { getRegionMunicipalities, LocationFilterQuery, searchLocations } from '../requests/index.ts';

export const SEARCH_LIMIT = 25;

/**
 * The location search of the preference editors: active locations of the family's region,
 * filtered by type, municipality (the family's own by default) and name.
 */
export async function searchForPreferences(
  db: Database,
  regionId: string,
  query: unknown,
  defaultMunicipalityId: string,
) {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const filter = LocationFilterQuery.parse(raw);
  // No municipality in the address at all: the family's own; an empty choice: the whole region.
  const municipalityId = 'municipalityId' in raw ? filter.municipalityId : defaultMunicipalityId;
  const [rows, municipalities] = await Promise.all([
    searchLocations(
      db,
      { regionId, careType: filter.careType, municipalityId, name: filter.name },
      SEARCH_LIMIT + 1,
    ),
    getRegionMunicipalities(db, regionId),
  ]);
  const values = {
    careType: filter.careType ?? '',
    municipalityId: municipalityId ?? '',
    name: filter.name ?? '',
  };
  return {
    values,
    query: new URLSearchParams(values).toString(),
    results: rows.slice(0, SEARCH_LIMIT),
    more: rows.length > SEARCH_LIMIT,
    municipalities,
  };
}

export type LocationSearch = Awaited<ReturnType<typeof searchForPreferences>>;
