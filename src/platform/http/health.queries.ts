import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

/** One round trip to the database (the readiness check). */
export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
