import { type Action, type CurrentUser, locationsFor, type Role } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import * as q from './provider-locations.queries.ts';

export type Location = { id: string; name: string; municipalityId: string; careType: string };

/** The location, if the user works there for this action; otherwise 404 (never reveal existence). */
export async function locationInScope(
  deps: AppDeps,
  user: CurrentUser,
  action: Action,
  locationId: string,
): Promise<Location> {
  if (!locationsFor(user, action).includes(locationId)) throw new NotFoundError('location');
  const [location] = await q.getLocationsByIds(deps.db, [locationId]);
  if (!location) throw new NotFoundError('location');
  return location;
}

export function staffRole(user: CurrentUser, locationId: string): Role {
  return user.grants.find((g) => g.providerLocationId === locationId)?.role ?? 'provider_staff';
}
