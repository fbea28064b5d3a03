import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const { municipalityBirths } = schema;

export type BirthsRow = { municipalityId: string; year: number; births: number };

/** The births entered for these municipalities, by year. */
export function birthsOf(db: Database, municipalityIds: string[]): Promise<BirthsRow[]> {
  if (municipalityIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      municipalityId: municipalityBirths.municipalityId,
      year: municipalityBirths.year,
      births: municipalityBirths.births,
    })
    .from(municipalityBirths)
    .where(inArray(municipalityBirths.municipalityId, municipalityIds))
    .orderBy(asc(municipalityBirths.year));
}

/** The years asked, locked until the transaction ends (two officers saving take turns). */
export function lockBirths(tx: Database, municipalityId: string, years: number[]) {
  return tx
    .select({ year: municipalityBirths.year, births: municipalityBirths.births })
    .from(municipalityBirths)
    .where(
      and(eq(municipalityBirths.municipalityId, municipalityId), inArray(municipalityBirths.year, years)),
    )
    .for('update');
}

export async function upsertBirths(
  tx: Database,
  municipalityId: string,
  rows: { year: number; births: number }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(municipalityBirths)
    .values(rows.map((r) => ({ municipalityId, year: r.year, births: r.births, updatedAt: now })))
    .onConflictDoUpdate({
      target: [municipalityBirths.municipalityId, municipalityBirths.year],
      set: { births: sql`excluded.births`, updatedAt: now },
    });
}
