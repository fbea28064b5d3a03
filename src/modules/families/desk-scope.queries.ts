import { and, eq, isNull } from 'drizzle-orm';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import { type Database, schema } from '../../platform/db/index.ts';
import { NotFoundError } from '../../platform/http/errors.ts';

/**
 * The municipality a desk officer works for (the grant's scope). Every desk query narrows to it,
 * so a family of another municipality answers 404 like a missing one.
 */
export function deskMunicipalityOf(user: CurrentUser): string {
  const grant = user.grants.find((g) => g.role === 'desk' && g.municipalityId);
  if (!grant?.municipalityId) throw new NotFoundError('municipality');
  return grant.municipalityId;
}

export const deskActor = (user: CurrentUser) => ({ actorUserId: user.id, actorRole: 'desk' as const });

/** A family file of the desk officer's municipality that was not merged into another; else 404. */
export async function requireDeskFamily(db: Database, user: CurrentUser, familyId: string) {
  const [family] = await db
    .select()
    .from(schema.families)
    .where(
      and(
        eq(schema.families.id, familyId),
        eq(schema.families.municipalityId, deskMunicipalityOf(user)),
        isNull(schema.families.mergedIntoFamilyId),
      ),
    );
  if (!family) throw new NotFoundError('family');
  return family;
}

/** A request of a family of the desk officer's municipality; else 404. */
export async function requireDeskRequest(db: Database, user: CurrentUser, requestId: string) {
  const [row] = await db
    .select({ request: schema.requests, family: schema.families })
    .from(schema.requests)
    .innerJoin(schema.families, eq(schema.families.id, schema.requests.familyId))
    .where(
      and(eq(schema.requests.id, requestId), eq(schema.families.municipalityId, deskMunicipalityOf(user))),
    );
  if (!row) throw new NotFoundError('request');
  return row;
}
