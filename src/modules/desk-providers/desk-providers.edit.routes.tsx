import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { type ProviderLocationId, type ProviderOrganisationId, parseId } from '../../shared/ids.ts';
import { updateLocation, updateOrganisation } from './desk-providers.edit.service.ts';
import { LocationForm, OrganisationForm } from './desk-providers.schemas.ts';
import { getLocation, getOrganisationForLocation } from './desk-providers.service.ts';
import {
  locationPath,
  OrganisationFormPage,
  organisationFormValues,
  organisationPath,
  PROVIDERS_PATH,
} from './desk-providers.views.tsx';
import { LocationFormPage, locationFormValues } from './location.views.tsx';

/** A path's id, or 404 when it is not one (as for a record that does not exist). */
function idOf<T extends ProviderOrganisationId | ProviderLocationId>(value: string): T {
  const id = parseId<T>(value);
  if (!id) throw new NotFoundError();
  return id;
}

type OrgRoute = { Params: { organisationId: string } };
type LocationRoute = { Params: { locationId: string } };

/**
 * The desk corrects an organisation or a location: the creation forms again, filled with what is
 * stored. A refused form answers 400 with the page, the typed values and the messages, and changes
 * nothing; another municipality's organisation or location answers 404 before its form is read.
 */
export function registerDeskProviderEditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const manage = { config: { action: 'desk.providers.manage' as const } };
  const orgEdit = `${PROVIDERS_PATH}/:organisationId/edit`;
  const locationEdit = `${PROVIDERS_PATH}/locations/:locationId/edit`;

  app.get<OrgRoute>(orgEdit, manage, async (request, reply) => {
    const org = await getOrganisationForLocation(
      deps,
      requireUser(request.user),
      idOf<ProviderOrganisationId>(request.params.organisationId),
    );
    return sendPage(
      reply,
      <OrganisationFormPage
        ctx={pageContext(request, reply, deps)}
        form={organisationFormValues(org)}
        editing={org}
      />,
    );
  });

  app.post<OrgRoute>(orgEdit, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const organisationId = idOf<ProviderOrganisationId>(request.params.organisationId);
    const org = await getOrganisationForLocation(deps, user, organisationId);
    const parsed = parseForm(OrganisationForm, request.body);
    const result = parsed.ok ? await updateOrganisation(deps, user, organisationId, parsed.value) : undefined;
    if (result?.ok)
      return reply.redirect(
        `${organisationPath(organisationId)}?done=${result.value ? 'edited' : 'unchanged'}`,
        303,
      );
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    return sendPage(
      reply,
      <OrganisationFormPage ctx={pageContext(request, reply, deps)} form={form} editing={org} />,
      400,
    );
  });

  app.get<LocationRoute>(locationEdit, manage, async (request, reply) => {
    const data = await getLocation(
      deps,
      requireUser(request.user),
      idOf<ProviderLocationId>(request.params.locationId),
    );
    return sendPage(
      reply,
      <LocationFormPage
        ctx={pageContext(request, reply, deps)}
        organisation={{ id: data.location.organisationId, name: data.organisationName }}
        form={locationFormValues(data.location)}
        editing={data.location}
      />,
    );
  });

  app.post<LocationRoute>(locationEdit, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const locationId = idOf<ProviderLocationId>(request.params.locationId);
    const data = await getLocation(deps, user, locationId);
    const parsed = parseForm(LocationForm, request.body);
    const result = parsed.ok ? await updateLocation(deps, user, locationId, parsed.value) : undefined;
    if (result?.ok)
      return reply.redirect(
        `${locationPath(locationId)}?done=${result.value ? 'locationEdited' : 'unchanged'}`,
        303,
      );
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    return sendPage(
      reply,
      <LocationFormPage
        ctx={pageContext(request, reply, deps)}
        organisation={{ id: data.location.organisationId, name: data.organisationName }}
        form={form}
        editing={data.location}
      />,
      400,
    );
  });
}
