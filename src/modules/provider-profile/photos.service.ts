import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { staffRole } from '../provider-locations/index.ts';
import { checkPhoto, PHOTOS_PER_LOCATION, type UploadedFile } from './photo-check.ts';
import * as q from './provider-profile.queries.ts';
import type { PhotoInput } from './provider-profile.schemas.ts';
import { locationForEdit, translatedOrNull } from './provider-profile.service.ts';

/** The photos of a location's public profile: upload (checked), delete, reorder. */

export async function getPhotos(deps: AppDeps, user: CurrentUser, locationId: string) {
  const location = await locationForEdit(deps, user, locationId);
  const photos = await q.listPhotos(deps.db, locationId);
  return { location, photos, max: PHOTOS_PER_LOCATION };
}
export type PhotosData = Awaited<ReturnType<typeof getPhotos>>;

async function audit(
  tx: AppDeps['db'],
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  details: Record<string, unknown>,
) {
  await recordAudit(tx, deps.clock, {
    actorUserId: user.id,
    actorRole: staffRole(user, locationId),
    action: 'provider.profile.edit',
    subjectType: 'provider_location',
    subjectId: locationId,
    details,
  });
}

export async function uploadPhoto(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  input: PhotoInput,
  file: UploadedFile | undefined,
): Promise<Result<string>> {
  await locationForEdit(deps, user, locationId);
  const checked = checkPhoto(file);
  if (!checked.ok || !file) return { ok: false, errors: { photo: checked.ok ? 'required' : checked.error } };
  const alt = translatedOrNull(input.alt_nl, input.alt_fr, input.alt_en);
  if (!alt) return { ok: false, errors: { alt_nl: 'required' } };
  return deps.db.transaction(async (tx): Promise<Result<string>> => {
    await q.lockLocation(tx, locationId);
    const stats = await q.photoStats(tx, locationId);
    if (stats.count >= PHOTOS_PER_LOCATION) return { ok: false, errors: { photo: 'tooManyPhotos' } };
    const id = await q.insertPhoto(tx, {
      providerLocationId: locationId,
      contentType: checked.type,
      bytes: file.bytes,
      alt,
      sortOrder: stats.lastOrder + 1,
      createdAt: deps.clock.now(),
    });
    if (!id) throw new Error('photo insert failed');
    await audit(tx, deps, user, locationId, { change: 'photo_added', photoId: id, bytes: file.bytes.length });
    return { ok: true, value: id };
  });
}

export async function deletePhoto(deps: AppDeps, user: CurrentUser, locationId: string, photoId: string) {
  await locationForEdit(deps, user, locationId);
  await deps.db.transaction(async (tx) => {
    if (!(await q.deletePhoto(tx, locationId, photoId))) throw new NotFoundError('photo');
    await audit(tx, deps, user, locationId, { change: 'photo_deleted', photoId });
  });
}

/** Moves a photo one place up or down; the first photo is the one search results show. */
export async function movePhoto(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  photoId: string,
  direction: 'up' | 'down',
) {
  await locationForEdit(deps, user, locationId);
  await deps.db.transaction(async (tx) => {
    await q.lockLocation(tx, locationId);
    const ids = (await q.listPhotos(tx, locationId)).map((p) => p.id);
    const at = ids.indexOf(photoId);
    if (at < 0) throw new NotFoundError('photo');
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to] as string, ids[at] as string];
    await q.setPhotoOrder(tx, locationId, ids);
    await audit(tx, deps, user, locationId, { change: 'photo_moved', photoId, direction });
  });
}
