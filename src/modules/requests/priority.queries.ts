import { sql } from 'drizzle-orm';

import { schema } from '../../platform/db/index.ts';

const { families } = schema;

/**
 * The "20%" priority group in SQL, for lists that filter and sort on it: at least two
 * characteristics, at least one of the first three. Must agree with isPriorityGroup (priority.ts);
 * a test compares both on all 32 combinations.
 */
const main = sql`(${families.needsCareForWork}::int + ${families.singleParent}::int + ${families.lowIncome}::int)`;
const other = sql`(${families.disabilityOrSocialReason}::int + ${families.noSecondaryDiploma}::int)`;
export const priorityGroupSql = sql<boolean>`(${main} >= 1 and ${main} + ${other} >= 2)`;
