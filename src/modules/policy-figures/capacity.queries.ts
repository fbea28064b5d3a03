import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/index.ts';
import type { LocalDate } from '../../shared/dates.ts';

/**
 * The locations of the municipalities open on a day with their places then (`location_capacities`:
 * the row with the latest `valid_from` on or before it, which also says whether the location was
 * open), as a relation for a `from` clause with the columns `id`, `municipality_id`,
 * `opening_hours`, `min_age_months` and `capacity`. A location not yet registered that day, or
 * deactivated then, has no places then and is left out.
 */
export function locationsWithPlacesOn(municipalityIds: readonly string[], on: LocalDate): SQL {
  const ids = sql.join(
    municipalityIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`(
    select pl.id, pl.municipality_id, pl.opening_hours, pl.min_age_months, h.capacity
      from provider_locations pl
      join lateral (select c.capacity, c.active from location_capacities c
                     where c.location_id = pl.id and c.valid_from <= ${on}::date
                     order by c.valid_from desc limit 1) h on true
     where pl.municipality_id in (${ids}) and h.active)`;
}

/**
 * Places for babies and toddlers per municipality on a day: the places then of its locations open then
 * that take children under 3 (no child is counted).
 */
export async function placesOn(
  db: Database,
  municipalityIds: string[],
  on: LocalDate,
): Promise<Map<string, number>> {
  if (municipalityIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select l.municipality_id::text as municipality_id, coalesce(sum(l.capacity), 0)::int as places
      from ${locationsWithPlacesOn(municipalityIds, on)} l
     where l.min_age_months < 36
     group by l.municipality_id`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return new Map(rows.map((r) => [String(r.municipality_id), Number(r.places)]));
}
