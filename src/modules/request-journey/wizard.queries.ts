import { and, desc, eq, inArray } from 'drizzle-orm';

import { type Database, schema } from '../../platform/db/index.ts';

const { requestDrafts } = schema;

/**
 * A staff member's wizard draft for one family. Staff may have drafts for several families at
 * once (one per family they file for); the parent's own draft is the requests module's
 * `getWizardDraft`. Only the wizard's steps count: working copies of a filed request's preferences
 * live in the same table under another step.
 */
export async function getStaffWizardDraft(
  db: Database,
  userId: string,
  familyId: string,
  steps: readonly string[],
) {
  const rows = await db
    .select()
    .from(requestDrafts)
    .where(
      and(
        eq(requestDrafts.userId, userId),
        eq(requestDrafts.familyId, familyId),
        inArray(requestDrafts.step, [...steps]),
      ),
    )
    .orderBy(desc(requestDrafts.updatedAt))
    .limit(1);
  return rows[0];
}
