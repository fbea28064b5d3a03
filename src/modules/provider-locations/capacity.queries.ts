import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/index.ts';
import type { LocalDate } from '../../shared/dates.ts';

/**
 * Records a location's places from a day on (`location_capacities`), in the caller's transaction:
 * nothing when the places valid that day are already these; a second change on the same day
 * replaces that day's row.
 */
export async function recordCapacity(
  db: Database,
  input: { locationId: string; capacity: number; validFrom: LocalDate; recordedAt: Date },
) {
  const { locationId, capacity, validFrom, recordedAt } = input;
  await db.execute(sql`
    insert into location_capacities (location_id, valid_from, capacity, recorded_at)
    select ${locationId}::uuid, ${validFrom}::date, ${capacity}::int, ${recordedAt}
     where (select h.capacity from location_capacities h
             where h.location_id = ${locationId}::uuid and h.valid_from <= ${validFrom}::date
             order by h.valid_from desc limit 1) is distinct from ${capacity}::int
    on conflict (location_id, valid_from)
    do update set capacity = excluded.capacity, recorded_at = excluded.recorded_at`);
}
