import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { deskActor, deskMunicipalityOf } from '../families/index.ts';
import {
  inviteToOrganisation,
  openInvitations,
  withdrawFromOrganisation,
} from '../organisation-admin/index.ts';
import { recordActive, recordCapacity } from '../provider-locations/index.ts';
import { validateProfile } from '../provider-profile/index.ts';
import { postcodeGeocoder } from '../public-site/index.ts';
import { providerInvitationMail } from './desk-providers.mails.ts';
import * as q from './desk-providers.queries.ts';
import type { InviteInput, LocationInput, Module, OrganisationInput } from './desk-providers.schemas.ts';

/**
 * The desk registers its municipality's childcare providers: organisations, their locations with
 * every profile field, the first staff by a mailed invitation, the optional modules per location,
 * and deactivating a location (out of the search and the lists of open locations; its requests and
 * offers stay). Another municipality's organisation or location answers 404, as one that does not
 * exist. Every change is one transaction with its audit row.
 */
export const MANAGE = 'desk.providers.manage';

export async function listProviders(deps: AppDeps, user: CurrentUser, filter: string | undefined) {
  const municipalityId = deskMunicipalityOf(user);
  const [municipality, rows] = await Promise.all([
    q.getMunicipalityName(deps.db, municipalityId),
    q.listLocations(deps.db, municipalityId, filter),
  ]);
  if (municipality === undefined) throw new NotFoundError('municipality');
  return { municipality, rows, filter };
}
export type ListData = Awaited<ReturnType<typeof listProviders>>;

/** Registers an organisation for the municipality; a name the desk already sees is refused. */
export async function createOrganisation(
  deps: AppDeps,
  user: CurrentUser,
  input: OrganisationInput,
): Promise<Result<string>> {
  const municipalityId = deskMunicipalityOf(user);
  return deps.db.transaction(async (tx): Promise<Result<string>> => {
    if (await q.organisationNameTaken(tx, municipalityId, input.name))
      return { ok: false, errors: { name: 'providerNameTaken' } };
    const id = await q.insertOrganisation(tx, {
      municipalityId,
      name: input.name,
      kind: input.kind,
      enterpriseNumber: input.enterpriseNumber ?? null,
      contactName: input.contactName ?? null,
      email: input.email?.toLowerCase() ?? null,
      phone: input.phone ?? null,
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: MANAGE,
      subjectType: 'provider_organisation',
      subjectId: id,
      details: { change: 'created', kind: input.kind },
    });
    return { ok: true, value: id };
  });
}

export async function organisationOf(deps: AppDeps, user: CurrentUser, organisationId: string) {
  const organisation = await q.getOrganisation(deps.db, deskMunicipalityOf(user), organisationId);
  if (!organisation) throw new NotFoundError('organisation');
  return organisation;
}

/** The organisation's page: its locations, staff and open invitations; the read of names is audited. */
export async function getOrganisation(deps: AppDeps, user: CurrentUser, organisationId: string) {
  const organisation = await organisationOf(deps, user, organisationId);
  const locations = await q.getOrganisationLocations(deps.db, deskMunicipalityOf(user), organisationId);
  const [staff, invitations] = await Promise.all([
    q.getStaff(
      deps.db,
      locations.map((l) => l.id),
    ),
    openInvitations(deps, { providerOrganisationId: organisationId }),
  ]);
  await recordAudit(deps.db, deps.clock, {
    ...deskActor(user),
    action: 'desk.providers.read',
    subjectType: 'provider_organisation',
    subjectId: organisationId,
    details: { read: 'staff', users: [...staff.map((s) => s.userId), ...invitations.map((i) => i.userId)] },
  });
  return { organisation, locations, staff, invitations };
}
export type OrganisationData = Awaited<ReturnType<typeof getOrganisation>>;

/** What the new-location form needs: the organisation (404 when foreign). */
export async function getOrganisationForLocation(deps: AppDeps, user: CurrentUser, organisationId: string) {
  return organisationOf(deps, user, organisationId);
}

/** Adds a location to the organisation, in the desk's municipality (checkLocation's rules). */
export async function createLocation(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  input: LocationInput,
): Promise<Result<string>> {
  await organisationOf(deps, user, organisationId);
  const municipalityId = deskMunicipalityOf(user);
  const checked = await checkLocation(deps, municipalityId, input);
  if (!checked.ok) return checked;
  return deps.db.transaction(async (tx): Promise<Result<string>> => {
    const id = await q.insertLocation(tx, {
      ...checked.value,
      organisationId,
      municipalityId,
      createdAt: deps.clock.now(),
    });
    await recordCapacity(tx, {
      locationId: id,
      capacity: checked.value.capacity,
      validFrom: deps.clock.today(),
      recordedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: MANAGE,
      subjectType: 'provider_location',
      subjectId: id,
      details: { change: 'created', organisationId },
    });
    return { ok: true, value: id };
  });
}

/**
 * A location form's values as stored columns, or the refused fields: the profile follows the
 * provider's own profile rules; the postcode must be one of the municipality's (when it lists its
 * sub-municipalities) and known, which gives the location its place on the map.
 */
export async function checkLocation(deps: AppDeps, municipalityId: string, input: LocationInput) {
  const profile = validateProfile(input, input.careType);
  const errors: Errors = profile.ok ? {} : { ...profile.errors };
  const subs = await q.getSubMunicipalities(deps.db, municipalityId);
  const here = subs.filter((s) => s.postcode === input.postcode);
  if (subs.length > 0 && here.length === 0) errors.postcode = 'postcodeElsewhere';
  const point = errors.postcode
    ? undefined
    : await postcodeGeocoder(deps.db).geocode(`${input.postcode} ${input.city}`);
  if (!errors.postcode && !point) errors.postcode = 'unknownPostcode';
  if (!profile.ok || Object.keys(errors).length > 0 || !point) return { ok: false as const, errors };
  const sub = here.find((s) => s.name.toLowerCase() === input.city.toLowerCase()) ?? here[0];
  return {
    ok: true as const,
    value: {
      ...profile.value,
      subMunicipalityId: sub?.id ?? null,
      name: input.name,
      careType: input.careType,
      subsidyLevel: input.subsidyLevel,
      street: input.street,
      houseNumber: input.houseNumber,
      postcode: input.postcode,
      city: input.city,
      latitude: point.lat,
      longitude: point.lng,
    },
  };
}

/**
 * Invites someone to work at some of the organisation's locations, as staff or as the
 * organisation's admin (who then invites the rest). Nothing is granted yet: the person gets a mail
 * with a link to accept (7 days), queued in the same transaction as the invitation.
 */
export async function inviteStaff(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  input: InviteInput,
): Promise<Result<string>> {
  const organisation = await organisationOf(deps, user, organisationId);
  const municipalityId = deskMunicipalityOf(user);
  const locations = await q.getOrganisationLocations(deps.db, municipalityId, organisationId);
  const chosen = locations.filter((l) => l.active && input.locations.includes(l.id));
  // A location outside the organisation's open ones in the form is tampering or a stale page.
  if (chosen.length !== new Set(input.locations).size)
    return { ok: false, errors: { locations: 'invalidChoice' } };
  const municipality = (await q.getMunicipalityName(deps.db, municipalityId)) ?? '';
  return inviteToOrganisation(deps, user, input, {
    organisation: { providerOrganisationId: organisationId },
    role: input.role,
    locationIds: chosen.map((l) => l.id),
    refuse: async (tx, existing) => {
      if (existing.disabledAt) return { email: 'notAllowedNow' };
      const staff = await q.getStaff(
        tx,
        locations.map((l) => l.id),
      );
      return staff.some((s) => s.userId === existing.id) ? { email: 'providerStaffHasAccess' } : undefined;
    },
    mail: (invitee, url, newAccount) =>
      providerInvitationMail(
        invitee,
        {
          inviter: user.displayName,
          municipality,
          organisation: organisation.name,
          locations: chosen.map((l) => l.name),
          admin: input.role === 'provider_admin',
        },
        url,
        newAccount,
      ),
    audit: (tx, invitee, { invitationId, newAccount }) =>
      recordAudit(tx, deps.clock, {
        ...deskActor(user),
        action: MANAGE,
        subjectType: 'user',
        subjectId: invitee.id,
        details: {
          providerOrganisationId: organisationId,
          change: 'invited',
          role: input.role,
          locationIds: chosen.map((l) => l.id),
          invitationId,
          newAccount,
        },
      }),
  });
}

/** Withdraws an open invitation of the organisation: its link no longer works. Else 404. */
export async function withdrawInvitation(
  deps: AppDeps,
  user: CurrentUser,
  organisationId: string,
  invitationId: string,
): Promise<void> {
  await organisationOf(deps, user, organisationId);
  await withdrawFromOrganisation(
    deps,
    { providerOrganisationId: organisationId },
    invitationId,
    (tx, userId) =>
      recordAudit(tx, deps.clock, {
        ...deskActor(user),
        action: MANAGE,
        subjectType: 'user',
        subjectId: userId,
        details: { providerOrganisationId: organisationId, change: 'withdrawn', invitationId },
      }),
  );
}

export async function locationOf(deps: AppDeps, user: CurrentUser, locationId: string) {
  const found = await q.getLocation(deps.db, deskMunicipalityOf(user), locationId);
  if (!found) throw new NotFoundError('location');
  return found;
}

/** A location's page (no personal data): its profile, modules and state, and how many requests name it. */
export async function getLocation(deps: AppDeps, user: CurrentUser, locationId: string) {
  const { location, organisationName } = await locationOf(deps, user, locationId);
  const requests = await q.countPreferences(deps.db, locationId);
  return { location, organisationName, requests };
}
export type LocationData = Awaited<ReturnType<typeof getLocation>>;

/** Switches the optional modules of the location to exactly the chosen ones. */
export async function setModules(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  modules: Module[],
): Promise<void> {
  await locationOf(deps, user, locationId);
  const on = {
    planningEnabled: modules.includes('planning'),
    attendanceEnabled: modules.includes('attendance'),
    invoicingEnabled: modules.includes('invoicing'),
  };
  await deps.db.transaction(async (tx) => {
    await q.setModules(tx, locationId, on);
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: MANAGE,
      subjectType: 'provider_location',
      subjectId: locationId,
      details: { change: 'modules', ...on },
    });
  });
}

/**
 * Deactivates or reactivates the location: a deactivated location leaves the public search and the
 * lists of open locations, and from today the figures count no places of it; nothing of its history
 * is deleted. Doing what is already so changes nothing and records nothing.
 */
export async function setActive(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  active: boolean,
): Promise<void> {
  await locationOf(deps, user, locationId);
  await deps.db.transaction(async (tx) => {
    if (!(await q.setActive(tx, locationId, active))) return;
    // The figures of a past period count the locations open then: the history says from when.
    await recordActive(tx, {
      locationId,
      active,
      validFrom: deps.clock.today(),
      recordedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: MANAGE,
      subjectType: 'provider_location',
      subjectId: locationId,
      details: { change: active ? 'reactivated' : 'deactivated' },
    });
  });
}
