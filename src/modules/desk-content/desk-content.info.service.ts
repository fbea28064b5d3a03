import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import { isUniqueViolation } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { deskActor, deskMunicipalityOf } from '../families/index.ts';
import * as q from './desk-content.info.queries.ts';
import type { InfoPageInput } from './desk-content.info.schemas.ts';
import * as news from './desk-content.queries.ts';
import { NEWS_LANGUAGES } from './desk-content.schemas.ts';

/**
 * The information pages of the desk officer's own municipality. A page's address is unique in
 * the region (the public site lists the region's pages); one already taken is refused with a
 * message, also when two officers save the same address at once. Every change is one transaction
 * with its audit row, which names the page, its address and languages, never its text.
 */

export type SaveOutcome = 'saved' | 'unchanged';

const SLUG_INDEX = 'info_pages_region_slug_uq';
const slugTakenResult = { ok: false, errors: { slug: 'slugTaken' } } as const;

const languagesOf = (text: Translated) => NEWS_LANGUAGES.filter((l) => Boolean(text[l]));
const sameText = (a: Translated, b: Translated) => NEWS_LANGUAGES.every((l) => (a[l] ?? '') === (b[l] ?? ''));

function auditFacts(input: Pick<InfoPageInput, 'slug' | 'published' | 'sortOrder' | 'title'>) {
  return {
    slug: input.slug,
    published: input.published,
    sortOrder: input.sortOrder,
    languages: languagesOf(input.title),
  };
}

async function municipalityOf(deps: AppDeps, municipalityId: string) {
  const municipality = await news.getMunicipalityRegion(deps.db, municipalityId);
  if (!municipality) throw new NotFoundError('municipality');
  return municipality;
}

export async function listInfoPages(deps: AppDeps, user: CurrentUser) {
  const municipalityId = deskMunicipalityOf(user);
  const [municipality, pages] = await Promise.all([
    municipalityOf(deps, municipalityId),
    q.listInfoPages(deps.db, municipalityId),
  ]);
  return { municipalityName: municipality.name, pages };
}

export async function getInfoPage(deps: AppDeps, user: CurrentUser, id: string) {
  const page = await q.getInfoPage(deps.db, deskMunicipalityOf(user), id);
  if (!page) throw new NotFoundError('info page');
  return page;
}

/** Runs `write`; a concurrent page that took the address first is a refusal, not an error. */
async function refusingTakenSlug<T>(write: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, SLUG_INDEX)) return slugTakenResult;
    throw error;
  }
}

export function createInfoPage(
  deps: AppDeps,
  user: CurrentUser,
  input: InfoPageInput,
): Promise<Result<string>> {
  const municipalityId = deskMunicipalityOf(user);
  return refusingTakenSlug(() =>
    deps.db.transaction(async (tx): Promise<Result<string>> => {
      const municipality = await news.getMunicipalityRegion(tx, municipalityId);
      if (!municipality) throw new NotFoundError('municipality');
      if (await q.slugTaken(tx, municipality.regionId, input.slug)) return slugTakenResult;
      const id = await q.insertInfoPage(tx, {
        ...input,
        regionId: municipality.regionId,
        municipalityId,
        updatedAt: deps.clock.now(),
      });
      await recordAudit(tx, deps.clock, {
        ...deskActor(user),
        action: 'desk.content.manage',
        subjectType: 'info_page',
        subjectId: id,
        details: { change: 'created', ...auditFacts(input) },
      });
      return { ok: true, value: id };
    }),
  );
}

/** Saves a page (locked, so two officers saving at once take turns); nothing changed: no write. */
export function updateInfoPage(
  deps: AppDeps,
  user: CurrentUser,
  id: string,
  input: InfoPageInput,
): Promise<Result<SaveOutcome>> {
  const municipalityId = deskMunicipalityOf(user);
  return refusingTakenSlug(() =>
    deps.db.transaction(async (tx): Promise<Result<SaveOutcome>> => {
      const current = await q.lockInfoPage(tx, municipalityId, id);
      if (!current) throw new NotFoundError('info page');
      const changed = [
        sameText(current.title, input.title) ? '' : 'title',
        sameText(current.body, input.body) ? '' : 'body',
        current.slug === input.slug ? '' : 'slug',
        current.sortOrder === input.sortOrder ? '' : 'sortOrder',
        current.published === input.published ? '' : 'published',
      ].filter(Boolean);
      if (changed.length === 0) return { ok: true, value: 'unchanged' };
      if (current.slug !== input.slug) {
        const municipality = await news.getMunicipalityRegion(tx, municipalityId);
        if (!municipality) throw new NotFoundError('municipality');
        if (await q.slugTaken(tx, municipality.regionId, input.slug, id)) return slugTakenResult;
      }
      await q.updateInfoPage(tx, municipalityId, id, { ...input, updatedAt: deps.clock.now() });
      await recordAudit(tx, deps.clock, {
        ...deskActor(user),
        action: 'desk.content.manage',
        subjectType: 'info_page',
        subjectId: id,
        details: { change: 'edited', fields: changed, ...auditFacts(input) },
      });
      return { ok: true, value: 'saved' };
    }),
  );
}

export async function deleteInfoPage(deps: AppDeps, user: CurrentUser, id: string): Promise<void> {
  const municipalityId = deskMunicipalityOf(user);
  await deps.db.transaction(async (tx) => {
    const current = await q.lockInfoPage(tx, municipalityId, id);
    if (!current) throw new NotFoundError('info page');
    await q.deleteInfoPage(tx, municipalityId, id);
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.content.manage',
      subjectType: 'info_page',
      subjectId: id,
      details: { change: 'deleted', ...auditFacts(current) },
    });
  });
}
