import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { Translated } from '../../platform/db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { deskActor, deskMunicipalityOf } from '../families/index.ts';
import * as news from './desk-content.queries.ts';
import { NEWS_LANGUAGES } from './desk-content.schemas.ts';
import * as q from './desk-content.sick.queries.ts';
import { SICK_TEXTS, type SickServiceInput } from './desk-content.sick.schemas.ts';

/**
 * The sick-child services listed for the desk officer's own municipality. Every change is one
 * transaction with its audit row, which names the service and what changed, never its texts.
 */

export type SaveOutcome = 'saved' | 'unchanged';

const sameText = (a: Translated | null, b: Translated | null) =>
  NEWS_LANGUAGES.every((l) => (a?.[l] ?? '') === (b?.[l] ?? ''));
const languagesOf = (text: Translated | null) => NEWS_LANGUAGES.filter((l) => Boolean(text?.[l]));

export async function listSickServices(deps: AppDeps, user: CurrentUser) {
  const municipalityId = deskMunicipalityOf(user);
  const [municipality, services] = await Promise.all([
    news.getMunicipalityRegion(deps.db, municipalityId),
    q.listSickServices(deps.db, municipalityId),
  ]);
  if (!municipality) throw new NotFoundError('municipality');
  return { municipalityName: municipality.name, services };
}

export async function getSickService(deps: AppDeps, user: CurrentUser, id: string) {
  const service = await q.getSickService(deps.db, deskMunicipalityOf(user), id);
  if (!service) throw new NotFoundError('sick-child service');
  return service;
}

export async function createSickService(
  deps: AppDeps,
  user: CurrentUser,
  input: SickServiceInput,
): Promise<string> {
  const municipalityId = deskMunicipalityOf(user);
  return deps.db.transaction(async (tx) => {
    const municipality = await news.getMunicipalityRegion(tx, municipalityId);
    if (!municipality) throw new NotFoundError('municipality');
    const id = await q.insertSickService(tx, {
      ...input,
      regionId: municipality.regionId,
      municipalityId,
      updatedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.content.manage',
      subjectType: 'sick_child_service',
      subjectId: id,
      details: { change: 'created', languages: languagesOf(input.description) },
    });
    return id;
  });
}

/** Saves a service (locked, so two officers saving at once take turns); nothing changed: no write. */
export async function updateSickService(
  deps: AppDeps,
  user: CurrentUser,
  id: string,
  input: SickServiceInput,
): Promise<SaveOutcome> {
  const municipalityId = deskMunicipalityOf(user);
  return deps.db.transaction(async (tx): Promise<SaveOutcome> => {
    const current = await q.lockSickService(tx, municipalityId, id);
    if (!current) throw new NotFoundError('sick-child service');
    const changed = [
      ...(['name', 'contact', 'phone', 'website', 'sortOrder'] as const).filter(
        (field) => (current[field] ?? null) !== (input[field] ?? null),
      ),
      ...SICK_TEXTS.filter((text) => !sameText(current[text], input[text])),
    ];
    if (changed.length === 0) return 'unchanged';
    await q.updateSickService(tx, municipalityId, id, { ...input, updatedAt: deps.clock.now() });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.content.manage',
      subjectType: 'sick_child_service',
      subjectId: id,
      details: { change: 'edited', fields: changed, languages: languagesOf(input.description) },
    });
    return 'saved';
  });
}

export async function deleteSickService(deps: AppDeps, user: CurrentUser, id: string): Promise<void> {
  const municipalityId = deskMunicipalityOf(user);
  await deps.db.transaction(async (tx) => {
    const current = await q.lockSickService(tx, municipalityId, id);
    if (!current) throw new NotFoundError('sick-child service');
    await q.deleteSickService(tx, municipalityId, id);
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.content.manage',
      subjectType: 'sick_child_service',
      subjectId: id,
      details: { change: 'deleted', name: current.name },
    });
  });
}
