import { lt, sql } from 'drizzle-orm';
import { type Database, schema } from '../db/index.ts';

const { rateLimitCounters: c } = schema;

export type RateLimitState = { current: number; ttl: number };

/**
 * Counts one hit of `key` in its window of `windowMs` and returns the hits so far with the time
 * left (ms). One statement, so two app processes counting at once cannot lose a hit; a window that
 * has run out starts afresh. Times are the database's, the one clock every process shares.
 */
export async function hitRateLimit(db: Database, key: string, windowMs: number): Promise<RateLimitState> {
  const window = sql`(${windowMs}::integer * interval '1 millisecond')`;
  const result = await db.execute(sql`
    insert into ${c} as c (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      window_start = case when c.window_start <= now() - ${window} then now() else c.window_start end,
      hits = case when c.window_start <= now() - ${window} then 1 else c.hits + 1 end
    returning c.hits as current,
      greatest(0, ceil(extract(epoch from (c.window_start + ${window} - now())) * 1000))::integer as ttl`);
  return stateOf(result);
}

/** The hits of `key` in its current window without counting one (0 when the window ran out). */
export async function readRateLimit(db: Database, key: string, windowMs: number): Promise<RateLimitState> {
  const window = sql`(${windowMs}::integer * interval '1 millisecond')`;
  const result = await db.execute(sql`
    select coalesce(max(c.hits), 0)::integer as current,
      coalesce(max(greatest(0, ceil(extract(epoch from (c.window_start + ${window} - now())) * 1000))), 0)::integer as ttl
      from ${c} as c
     where c.key = ${key} and c.window_start > now() - ${window}`);
  return stateOf(result);
}

/** Deletes the counters whose window started before `before` (no window lasts that long). */
export async function deleteRateLimitsBefore(db: Database, before: Date): Promise<number> {
  const deleted = await db.delete(c).where(lt(c.windowStart, before)).returning({ key: c.key });
  return deleted.length;
}

function stateOf(result: unknown): RateLimitState {
  const row = (result as { rows: RateLimitState[] }).rows[0];
  return { current: Number(row?.current ?? 0), ttl: Number(row?.ttl ?? 0) };
}
