import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { type ProviderLocationId, parseId } from '../../shared/ids.ts';
import { getLastMinute, publishLastMinute, withdrawLastMinute } from './last-minute.service.ts';
import { type LastMinuteDone, LastMinutePage } from './last-minute.views.tsx';
import { checkPhoto } from './photo-check.ts';
import { uploadedFile, withPhotoUploads } from './photo-upload.http.ts';
import { deletePhoto, getPhotos, movePhoto, uploadPhoto } from './photos.service.ts';
import { PhotosPage } from './photos.views.tsx';
import {
  ClosingPeriodForm,
  LastMinuteForm,
  MovePhotoForm,
  PhotoForm,
  ProfileForm,
  RemoveClosingPeriodForm,
} from './provider-profile.schemas.ts';
import {
  addClosingPeriod,
  getProfile,
  removeClosingPeriod,
  saveProfile,
} from './provider-profile.service.ts';
import { type ProfileDone, ProfilePage, profileFormValues } from './provider-profile.views.tsx';

type LocationRoute = { Params: { locationId: string }; Querystring: { done?: string } };
type ItemRoute = { Params: { locationId: string; itemId: string } };

function locationId(params: { locationId: string }): ProviderLocationId {
  const id = parseId<ProviderLocationId>(params.locationId);
  if (!id) throw new NotFoundError();
  return id;
}

function itemId(params: { itemId: string }): string {
  const id = parseId(params.itemId);
  if (!id) throw new NotFoundError();
  return id;
}

function done<K extends string>(value: unknown, keys: readonly K[]): K | undefined {
  return keys.find((k) => k === value);
}

/**
 * The provider's own profile, photos and last-minute places, per location. Every POST redirects
 * back with `?done=` or re-renders its page with 400 and the messages; nothing is changed then.
 */
export function registerProviderProfileRoutes(app: FastifyInstance, deps: AppDeps): void {
  const profile = '/provider/locations/:locationId/profile';
  const photos = '/provider/locations/:locationId/photos';
  const lastMinute = '/provider/locations/:locationId/last-minute';
  const edit = { config: { action: 'provider.profile.edit' as const } };
  const manage = { config: { action: 'provider.lastMinute.manage' as const } };

  async function showProfile(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: { form?: FormState; closingForm?: FormState; done?: ProfileDone },
    status = 200,
  ) {
    const data = await getProfile(deps, requireUser(request.user), id);
    return sendPage(
      reply,
      <ProfilePage
        ctx={pageContext(request, reply, deps)}
        data={data}
        form={forms.form ?? profileFormValues(data.location)}
        closingForm={forms.closingForm ?? emptyForm}
        done={forms.done}
      />,
      status,
    );
  }

  app.get<LocationRoute>(profile, edit, (request, reply) =>
    showProfile(request, reply, locationId(request.params), {
      done: done(request.query.done, ['saved', 'closingAdded', 'closingRemoved'] as const),
    }),
  );

  app.post<LocationRoute>(profile, edit, async (request, reply) => {
    const id = locationId(request.params);
    const parsed = parseForm(ProfileForm, request.body);
    const result = parsed.ok
      ? await saveProfile(deps, requireUser(request.user), id, parsed.value)
      : undefined;
    if (result?.ok) return reply.redirect(`/provider/locations/${id}/profile?done=saved`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    return showProfile(request, reply, id, { form }, 400);
  });

  app.post<LocationRoute>(`${profile}/closing-periods`, edit, async (request, reply) => {
    const id = locationId(request.params);
    const parsed = parseForm(ClosingPeriodForm, request.body);
    const result = parsed.ok
      ? await addClosingPeriod(deps, requireUser(request.user), id, parsed.value)
      : undefined;
    if (result?.ok) return reply.redirect(`/provider/locations/${id}/profile?done=closingAdded#closing`, 303);
    const closingForm = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    return showProfile(request, reply, id, { closingForm }, 400);
  });

  app.post<LocationRoute>(`${profile}/closing-periods/remove`, edit, async (request, reply) => {
    const id = locationId(request.params);
    const parsed = parseForm(RemoveClosingPeriodForm, request.body);
    if (!parsed.ok) throw new NotFoundError('closing period');
    await removeClosingPeriod(deps, requireUser(request.user), id, parsed.value.period);
    return reply.redirect(`/provider/locations/${id}/profile?done=closingRemoved#closing`, 303);
  });

  // Photos

  app.get<LocationRoute>(photos, edit, async (request, reply) => {
    const id = locationId(request.params);
    const data = await getPhotos(deps, requireUser(request.user), id);
    const doneKey = done(request.query.done, ['uploaded', 'photoDeleted', 'photoMoved'] as const);
    return sendPage(
      reply,
      <PhotosPage ctx={pageContext(request, reply, deps)} data={data} form={emptyForm} done={doneKey} />,
    );
  });

  withPhotoUploads(app, (scope) => {
    scope.post<LocationRoute>(photos, edit, async (request, reply) => {
      const id = locationId(request.params);
      const user = requireUser(request.user);
      const parsed = parseForm(PhotoForm, request.body);
      const file = uploadedFile(request.body, 'photo');
      let errors: Errors;
      if (parsed.ok) {
        const result = await uploadPhoto(deps, user, id, parsed.value, file);
        if (result.ok) return reply.redirect(`/provider/locations/${id}/photos?done=uploaded`, 303);
        errors = result.errors;
      } else {
        // Both the file's and the texts' problems are shown at once.
        const checked = checkPhoto(file);
        errors = checked.ok ? parsed.form.errors : { photo: checked.error, ...parsed.form.errors };
      }
      const form = failedForm(request.body, errors);
      const data = await getPhotos(deps, user, id);
      return sendPage(
        reply,
        <PhotosPage ctx={pageContext(request, reply, deps)} data={data} form={form} />,
        400,
      );
    });
  });

  app.post<ItemRoute>(`${photos}/:itemId/delete`, edit, async (request, reply) => {
    const id = locationId(request.params);
    await deletePhoto(deps, requireUser(request.user), id, itemId(request.params));
    return reply.redirect(`/provider/locations/${id}/photos?done=photoDeleted`, 303);
  });

  app.post<ItemRoute>(`${photos}/:itemId/move`, edit, async (request, reply) => {
    const id = locationId(request.params);
    const parsed = parseForm(MovePhotoForm, request.body);
    if (!parsed.ok) throw new NotFoundError('direction');
    await movePhoto(deps, requireUser(request.user), id, itemId(request.params), parsed.value.direction);
    return reply.redirect(`/provider/locations/${id}/photos?done=photoMoved`, 303);
  });

  // Last-minute places

  app.get<LocationRoute>(lastMinute, manage, async (request, reply) => {
    const id = locationId(request.params);
    const data = await getLastMinute(deps, requireUser(request.user), id);
    const doneKey = done<LastMinuteDone>(request.query.done, ['published', 'withdrawn']);
    const form: FormState = { values: { minAgeMonths: '0', maxAgeMonths: '36' }, errors: {} };
    return sendPage(
      reply,
      <LastMinutePage ctx={pageContext(request, reply, deps)} data={data} form={form} done={doneKey} />,
    );
  });

  app.post<LocationRoute>(lastMinute, manage, async (request, reply) => {
    const id = locationId(request.params);
    const user = requireUser(request.user);
    const parsed = parseForm(LastMinuteForm, request.body);
    const result = parsed.ok ? await publishLastMinute(deps, user, id, parsed.value) : undefined;
    if (result?.ok) return reply.redirect(`/provider/locations/${id}/last-minute?done=published`, 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    const data = await getLastMinute(deps, user, id);
    return sendPage(
      reply,
      <LastMinutePage ctx={pageContext(request, reply, deps)} data={data} form={form} />,
      400,
    );
  });

  app.post<ItemRoute>(`${lastMinute}/:itemId/withdraw`, manage, async (request, reply) => {
    const id = locationId(request.params);
    await withdrawLastMinute(deps, requireUser(request.user), id, itemId(request.params));
    return reply.redirect(`/provider/locations/${id}/last-minute?done=withdrawn`, 303);
  });
}
