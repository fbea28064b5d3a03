import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/index.ts';
import type { LocalDate } from '../../shared/dates.ts';

/** The location's latest history row on or before a day (its places and whether it was open). */
const latestOn = (locationId: string, on: LocalDate) => sql`(select h.capacity, h.active
    from location_capacities h
   where h.location_id = ${locationId}::uuid and h.valid_from <= ${on}::date
   order by h.valid_from desc limit 1)`;

/**
 * Records a location's places from a day on (`location_capacities`), in the caller's transaction:
 * nothing when the places valid that day are already these; a second change on the same day
 * replaces that day's row. Whether the location is open carries over from the row before.
 */
export async function recordCapacity(
  db: Database,
  input: { locationId: string; capacity: number; validFrom: LocalDate; recordedAt: Date },
) {
  const { locationId, capacity, validFrom, recordedAt } = input;
  await db.execute(sql`
    insert into location_capacities (location_id, valid_from, capacity, active, recorded_at)
    select ${locationId}::uuid, ${validFrom}::date, ${capacity}::int, coalesce(prev.active, true), ${recordedAt}
      from (select 1) one
      left join lateral ${latestOn(locationId, validFrom)} prev on true
     where prev.capacity is distinct from ${capacity}::int
    on conflict (location_id, valid_from)
    do update set capacity = excluded.capacity, recorded_at = excluded.recorded_at`);
}

/**
 * Records that the location was deactivated or reactivated on a day, with the places it had then,
 * in the caller's transaction: nothing when it already was so; a second change on the same day
 * replaces that day's row.
 */
export async function recordActive(
  db: Database,
  input: { locationId: string; active: boolean; validFrom: LocalDate; recordedAt: Date },
) {
  const { locationId, active, validFrom, recordedAt } = input;
  await db.execute(sql`
    insert into location_capacities (location_id, valid_from, capacity, active, recorded_at)
    select pl.id, ${validFrom}::date, coalesce(prev.capacity, pl.capacity), ${active}, ${recordedAt}
      from provider_locations pl
      left join lateral ${latestOn(locationId, validFrom)} prev on true
     where pl.id = ${locationId}::uuid and coalesce(prev.active, true) is distinct from ${active}
    on conflict (location_id, valid_from)
    do update set active = excluded.active, recorded_at = excluded.recorded_at`);
}
