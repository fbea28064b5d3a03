import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { deskActor, deskMunicipalityOf } from '../families/index.ts';
import { recordCapacity } from '../provider-locations/index.ts';
import * as q from './desk-providers.queries.ts';
import type { LocationInput, OrganisationInput } from './desk-providers.schemas.ts';
import { checkLocation, locationOf, MANAGE, organisationOf } from './desk-providers.service.ts';

/**
 * The desk corrects an organisation or a location after registering it, with the same form and
 * rules as when it registered it; the value says whether anything changed. The change is one transaction with its audit row (which names the
 * fields that changed, not their values) and shows at once in the search and on the profile.
 */

/** A value as JSON with its object keys sorted (jsonb gives them back in its own order). */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The names of the fields whose stored value differs (texts per language, hours, lists). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after)
    .filter((k) => canonical(before[k]) !== canonical(after[k]))
    .sort();
}

export async function updateOrganisation(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  input: OrganisationInput,
): Promise<Result<boolean>> {
  const before = await organisationOf(deps, user, organisationId);
  const municipalityId = deskMunicipalityOf(user);
  return deps.db.transaction(async (tx): Promise<Result<boolean>> => {
    if (await q.organisationNameTaken(tx, municipalityId, input.name, organisationId))
      return { ok: false, errors: { name: 'providerNameTaken' } };
    const values = {
      name: input.name,
      kind: input.kind,
      enterpriseNumber: input.enterpriseNumber ?? null,
      contactName: input.contactName ?? null,
      email: input.email?.toLowerCase() ?? null,
      phone: input.phone ?? null,
    };
    const fields = changedFields(before, values);
    if (fields.length === 0) return { ok: true, value: false };
    await q.updateOrganisation(tx, organisationId, values);
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: MANAGE,
      subjectType: 'provider_organisation',
      subjectId: organisationId,
      details: { change: 'edited', fields },
    });
    return { ok: true, value: true };
  });
}

const babyToddler = (careType: string) => careType !== 'out_of_school';

/**
 * Saves the desk's edit of a location. Group and family care may be swapped; turning baby and
 * toddler care into out-of-school care (or back) is refused while requests name the location: those
 * requests were made for the other kind of care.
 */
export async function updateLocation(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  input: LocationInput,
): Promise<Result<boolean>> {
  const { location: before } = await locationOf(deps, user, locationId);
  const checked = await checkLocation(deps, deskMunicipalityOf(user), input);
  const kindChanges = babyToddler(before.careType) !== babyToddler(input.careType);
  if (kindChanges && (await q.countPreferences(deps.db, locationId)) > 0)
    return { ok: false, errors: { ...(checked.ok ? {} : checked.errors), careType: 'careTypeHasRequests' } };
  if (!checked.ok) return checked;
  const fields = changedFields(before, checked.value);
  if (fields.length === 0) return { ok: true, value: false };
  await deps.db.transaction(async (tx) => {
    await q.updateLocation(tx, locationId, checked.value);
    // The figures read the places valid on the day they count (a past year shows that year's).
    await recordCapacity(tx, {
      locationId,
      capacity: checked.value.capacity,
      validFrom: deps.clock.today(),
      recordedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: MANAGE,
      subjectType: 'provider_location',
      subjectId: locationId,
      details: { change: 'edited', fields },
    });
  });
  return { ok: true, value: true };
}
