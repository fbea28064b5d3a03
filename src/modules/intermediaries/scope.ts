import type { CurrentUser } from '../../platform/auth/actions.ts';
import { NotFoundError } from '../../platform/http/errors.ts';

/**
 * The one organisation a staff member works for (the grant's scope). Every query of this module
 * narrows to it, so another organisation's family answers 404 like a missing one.
 */
export function organisationOf(user: CurrentUser): string {
  const grant = user.grants.find((g) => g.role === 'intermediary' && g.intermediaryOrganisationId);
  if (!grant?.intermediaryOrganisationId) throw new NotFoundError('organisation');
  return grant.intermediaryOrganisationId;
}

export const staffActor = (user: CurrentUser) => ({
  actorUserId: user.id,
  actorRole: 'intermediary' as const,
});
