import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { Translated } from '../../platform/db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { compareDates, dayInBrussels, type LocalDate, startOfDayInBrussels } from '../../shared/dates.ts';
import { deskActor, deskMunicipalityOf } from '../families/index.ts';
import * as q from './desk-content.queries.ts';
import { NEWS_LANGUAGES, type NewsItemInput } from './desk-content.schemas.ts';

/**
 * The news items of the desk officer's own municipality (the one of their desk grant). An item of
 * another municipality, or a region-wide one, is not found. Every change is one transaction with
 * its audit row; the row names the item, its days and its languages, never its text.
 */

export type NewsState = 'scheduled' | 'published' | 'ended';

/** Where an item stands today: not yet shown, shown, or no longer shown (by the app's clock). */
export function stateOf(item: Pick<q.NewsItemRow, 'publishedAt' | 'publishUntil'>, deps: AppDeps): NewsState {
  if (item.publishedAt.getTime() > deps.clock.now().getTime()) return 'scheduled';
  if (item.publishUntil && compareDates(item.publishUntil as LocalDate, deps.clock.today()) < 0)
    return 'ended';
  return 'published';
}

/** The first day an item is shown, as the desk chose it. */
export const publishFromOf = (item: Pick<q.NewsItemRow, 'publishedAt'>): LocalDate =>
  dayInBrussels(item.publishedAt);

export async function listNews(deps: AppDeps, user: CurrentUser) {
  const municipalityId = deskMunicipalityOf(user);
  const [municipality, items] = await Promise.all([
    q.getMunicipalityRegion(deps.db, municipalityId),
    q.listNewsItems(deps.db, municipalityId),
  ]);
  if (!municipality) throw new NotFoundError('municipality');
  return {
    municipalityName: municipality.name,
    items: items.map((item) => ({ ...item, state: stateOf(item, deps) })),
  };
}

/** The municipality's name, for the pages' headings. */
export async function getMunicipalityName(deps: AppDeps, municipalityId: string): Promise<string> {
  const municipality = await q.getMunicipalityRegion(deps.db, municipalityId);
  if (!municipality) throw new NotFoundError('municipality');
  return municipality.name;
}

export async function getNewsItem(deps: AppDeps, user: CurrentUser, id: string) {
  const item = await q.getNewsItem(deps.db, deskMunicipalityOf(user), id);
  if (!item) throw new NotFoundError('news item');
  return item;
}

const languagesOf = (text: Translated) => NEWS_LANGUAGES.filter((l) => Boolean(text[l]));

function valuesOf(input: NewsItemInput): q.NewsItemValues {
  return {
    publishedAt: startOfDayInBrussels(input.publishFrom),
    publishUntil: input.publishUntil,
    title: input.title,
    body: input.body,
  };
}

/** What the audit row says about an item: its days and languages (not its text). */
function auditFacts(input: NewsItemInput) {
  return {
    publishFrom: input.publishFrom,
    publishUntil: input.publishUntil,
    languages: languagesOf(input.title),
  };
}

export async function createNewsItem(
  deps: AppDeps,
  user: CurrentUser,
  input: NewsItemInput,
): Promise<string> {
  const municipalityId = deskMunicipalityOf(user);
  return deps.db.transaction(async (tx) => {
    const municipality = await q.getMunicipalityRegion(tx, municipalityId);
    if (!municipality) throw new NotFoundError('municipality');
    const id = await q.insertNewsItem(tx, {
      ...valuesOf(input),
      regionId: municipality.regionId,
      municipalityId,
      createdByUserId: user.id,
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.content.manage',
      subjectType: 'news_item',
      subjectId: id,
      details: { change: 'created', ...auditFacts(input) },
    });
    return id;
  });
}

export type SaveOutcome = 'saved' | 'unchanged';

const sameText = (a: Translated, b: Translated) => NEWS_LANGUAGES.every((l) => (a[l] ?? '') === (b[l] ?? ''));

/** Saves an item (locked, so two officers saving at once take turns); nothing changed: no write. */
export async function updateNewsItem(
  deps: AppDeps,
  user: CurrentUser,
  id: string,
  input: NewsItemInput,
): Promise<SaveOutcome> {
  const municipalityId = deskMunicipalityOf(user);
  return deps.db.transaction(async (tx): Promise<SaveOutcome> => {
    const current = await q.lockNewsItem(tx, municipalityId, id);
    if (!current) throw new NotFoundError('news item');
    const changed = [
      sameText(current.title, input.title) ? '' : 'title',
      sameText(current.body, input.body) ? '' : 'body',
      publishFromOf(current) === input.publishFrom ? '' : 'publishFrom',
      (current.publishUntil ?? null) === input.publishUntil ? '' : 'publishUntil',
    ].filter(Boolean);
    if (changed.length === 0) return 'unchanged';
    await q.updateNewsItem(tx, municipalityId, id, { ...valuesOf(input), updatedAt: deps.clock.now() });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.content.manage',
      subjectType: 'news_item',
      subjectId: id,
      details: { change: 'edited', fields: changed, ...auditFacts(input) },
    });
    return 'saved';
  });
}

export async function deleteNewsItem(deps: AppDeps, user: CurrentUser, id: string): Promise<void> {
  const municipalityId = deskMunicipalityOf(user);
  await deps.db.transaction(async (tx) => {
    const current = await q.lockNewsItem(tx, municipalityId, id);
    if (!current) throw new NotFoundError('news item');
    await q.deleteNewsItem(tx, municipalityId, id);
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.content.manage',
      subjectType: 'news_item',
      subjectId: id,
      details: {
        change: 'deleted',
        publishFrom: publishFromOf(current),
        publishUntil: current.publishUntil,
        languages: languagesOf(current.title),
      },
    });
  });
}
