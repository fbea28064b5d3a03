import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import {
  type ProviderLocationId,
  type ProviderOrganisationId,
  parseId,
  type UserId,
} from '../../shared/ids.ts';
import { registerDeskProviderEditRoutes } from './desk-providers.edit.routes.tsx';
import { InviteForm, LocationForm, ModulesForm, OrganisationForm } from './desk-providers.schemas.ts';
import {
  createLocation,
  createOrganisation,
  getLocation,
  getOrganisation,
  getOrganisationForLocation,
  inviteStaff,
  listProviders,
  type OrganisationData,
  setActive,
  setModules,
  withdrawInvitation,
} from './desk-providers.service.ts';
import {
  type Done,
  ListPage,
  locationPath,
  OrganisationFormPage,
  OrganisationPage,
  organisationPath,
  PROVIDERS_PATH,
} from './desk-providers.views.tsx';
import { DeactivateConfirmPage, LocationFormPage, LocationPage, newLocationForm } from './location.views.tsx';

type OrgRoute = {
  Params: { organisationId: string };
  Querystring: { done?: unknown; invitation?: unknown };
};
type LocationRoute = { Params: { locationId: string }; Querystring: { done?: unknown } };

/** A path's id, or 404 when it is not one (as for a record that does not exist). */
function idOf<T extends ProviderOrganisationId | ProviderLocationId | UserId>(value: string): T {
  const id = parseId<T>(value);
  if (!id) throw new NotFoundError();
  return id;
}

/** The notice after an organisation change; "invitation sent to …" only names a still-open invitation. */
function orgDone(query: OrgRoute['Querystring'], data: OrganisationData): Done | undefined {
  const { done, invitation } = query;
  if (
    done === 'created' ||
    done === 'locationCreated' ||
    done === 'withdrawn' ||
    done === 'edited' ||
    done === 'unchanged'
  )
    return { key: done };
  if (done === 'invited' && typeof invitation === 'string') {
    const sent = data.invitations.find((i) => i.id === invitation);
    if (sent) return { key: 'invited', email: sent.email };
  }
  return undefined;
}

function locationDone(query: LocationRoute['Querystring']): Done | undefined {
  const { done } = query;
  return done === 'locationCreated' ||
    done === 'modules' ||
    done === 'deactivated' ||
    done === 'reactivated' ||
    done === 'locationEdited' ||
    done === 'unchanged'
    ? { key: done }
    : undefined;
}

const emptyInvite: FormState = { values: { language: 'nl', role: 'provider_admin' }, errors: {} };

/**
 * The desk's pages for the municipality's childcare providers: the list of organisations and
 * locations (filtered by name), a new organisation, an organisation's locations, staff and
 * invitations, a new location with every profile field (both editable later: edit routes), and a
 * location's page with its modules
 * and (after a confirmation page) deactivation. Refused input answers 400 with the page and its
 * messages; another municipality's organisation or location answers 404.
 */
export function registerDeskProviderRoutes(app: FastifyInstance, deps: AppDeps): void {
  const read = { config: { action: 'desk.providers.read' as const } };
  const manage = { config: { action: 'desk.providers.manage' as const } };

  app.get<{ Querystring: { q?: unknown } }>(PROVIDERS_PATH, read, async (request, reply) => {
    const raw = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 100) : '';
    const data = await listProviders(deps, requireUser(request.user), raw || undefined);
    return sendPage(reply, <ListPage ctx={pageContext(request, reply, deps)} data={data} />);
  });

  app.get(`${PROVIDERS_PATH}/new`, manage, async (request, reply) =>
    sendPage(reply, <OrganisationFormPage ctx={pageContext(request, reply, deps)} form={emptyForm} />),
  );

  app.post(PROVIDERS_PATH, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const parsed = parseForm(OrganisationForm, request.body);
    const result = parsed.ok ? await createOrganisation(deps, user, parsed.value) : undefined;
    if (result?.ok) return reply.redirect(`${organisationPath(result.value)}?done=created`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    return sendPage(reply, <OrganisationFormPage ctx={pageContext(request, reply, deps)} form={form} />, 400);
  });

  app.get<OrgRoute>(`${PROVIDERS_PATH}/:organisationId`, read, async (request, reply) => {
    const data = await getOrganisation(
      deps,
      requireUser(request.user),
      idOf<ProviderOrganisationId>(request.params.organisationId),
    );
    return sendPage(
      reply,
      <OrganisationPage
        ctx={pageContext(request, reply, deps)}
        data={data}
        form={emptyInvite}
        done={orgDone(request.query, data)}
      />,
    );
  });

  app.post<OrgRoute>(`${PROVIDERS_PATH}/:organisationId/invitations`, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const organisationId = idOf<ProviderOrganisationId>(request.params.organisationId);
    const parsed = parseForm(InviteForm, request.body);
    const result = parsed.ok ? await inviteStaff(deps, user, organisationId, parsed.value) : undefined;
    if (result?.ok)
      return reply.redirect(
        `${organisationPath(organisationId)}?done=invited&invitation=${encodeURIComponent(result.value)}`,
        303,
      );
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    const data = await getOrganisation(deps, user, organisationId);
    return sendPage(
      reply,
      <OrganisationPage ctx={pageContext(request, reply, deps)} data={data} form={form} />,
      400,
    );
  });

  app.post<{ Params: { organisationId: string; invitationId: string } }>(
    `${PROVIDERS_PATH}/:organisationId/invitations/:invitationId/withdraw`,
    manage,
    async (request, reply) => {
      const organisationId = idOf<ProviderOrganisationId>(request.params.organisationId);
      const invitationId = idOf<UserId>(request.params.invitationId);
      await withdrawInvitation(deps, requireUser(request.user), organisationId, invitationId);
      return reply.redirect(`${organisationPath(organisationId)}?done=withdrawn`, 303);
    },
  );

  app.get<OrgRoute>(`${PROVIDERS_PATH}/:organisationId/locations/new`, manage, async (request, reply) => {
    const organisation = await getOrganisationForLocation(
      deps,
      requireUser(request.user),
      idOf<ProviderOrganisationId>(request.params.organisationId),
    );
    return sendPage(
      reply,
      <LocationFormPage
        ctx={pageContext(request, reply, deps)}
        organisation={organisation}
        form={newLocationForm}
      />,
    );
  });

  app.post<OrgRoute>(`${PROVIDERS_PATH}/:organisationId/locations`, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const organisationId = idOf<ProviderOrganisationId>(request.params.organisationId);
    const organisation = await getOrganisationForLocation(deps, user, organisationId);
    const parsed = parseForm(LocationForm, request.body);
    const result = parsed.ok ? await createLocation(deps, user, organisationId, parsed.value) : undefined;
    if (result?.ok) return reply.redirect(`${locationPath(result.value)}?done=locationCreated`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    return sendPage(
      reply,
      <LocationFormPage ctx={pageContext(request, reply, deps)} organisation={organisation} form={form} />,
      400,
    );
  });

  const locationRoute = `${PROVIDERS_PATH}/locations/:locationId`;
  app.get<LocationRoute>(locationRoute, read, async (request, reply) => {
    const data = await getLocation(
      deps,
      requireUser(request.user),
      idOf<ProviderLocationId>(request.params.locationId),
    );
    return sendPage(
      reply,
      <LocationPage ctx={pageContext(request, reply, deps)} data={data} done={locationDone(request.query)} />,
    );
  });

  app.post<LocationRoute>(`${locationRoute}/modules`, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const locationId = idOf<ProviderLocationId>(request.params.locationId);
    const parsed = parseForm(ModulesForm, request.body);
    if (!parsed.ok) {
      await getLocation(deps, user, locationId); // 404 for a stranger, before telling about the form
      return reply.redirect(locationPath(locationId), 303);
    }
    await setModules(deps, user, locationId, parsed.value.modules);
    return reply.redirect(`${locationPath(locationId)}?done=modules`, 303);
  });

  // Deactivating asks first: the location page links here (GET); the POST acts only with the
  // confirmation page's field, else it sends the user to that page.
  app.get<LocationRoute>(`${locationRoute}/deactivate`, manage, async (request, reply) => {
    const data = await getLocation(
      deps,
      requireUser(request.user),
      idOf<ProviderLocationId>(request.params.locationId),
    );
    return sendPage(reply, <DeactivateConfirmPage ctx={pageContext(request, reply, deps)} data={data} />);
  });

  app.post<LocationRoute>(`${locationRoute}/deactivate`, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const locationId = idOf<ProviderLocationId>(request.params.locationId);
    if (!isConfirmed(request.body)) {
      await getLocation(deps, user, locationId);
      return reply.redirect(`${locationPath(locationId)}/deactivate`, 303);
    }
    await setActive(deps, user, locationId, false);
    return reply.redirect(`${locationPath(locationId)}?done=deactivated`, 303);
  });

  app.post<LocationRoute>(`${locationRoute}/reactivate`, manage, async (request, reply) => {
    const locationId = idOf<ProviderLocationId>(request.params.locationId);
    await setActive(deps, requireUser(request.user), locationId, true);
    return reply.redirect(`${locationPath(locationId)}?done=reactivated`, 303);
  });

  registerDeskProviderEditRoutes(app, deps);
}
