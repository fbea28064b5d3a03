import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { deskActor, deskMunicipalityOf } from '../families/index.ts';
import * as q from './desk-settings.queries.ts';
import type { SettingsFormContext, SettingsInput } from './desk-settings.schemas.ts';

/**
 * The settings of the desk officer's own municipality (the one of their desk grant; there is no
 * id in the URL, so another municipality's settings cannot even be named). Nothing is cached:
 * every page that applies a setting reads it from the row, so a change holds from the next request.
 */

export async function getSettings(deps: AppDeps, user: CurrentUser) {
  const municipalityId = deskMunicipalityOf(user);
  const [settings, figures] = await Promise.all([
    q.getMunicipalitySettings(deps.db, municipalityId),
    q.getSubMunicipalityFigures(deps.db, municipalityId),
  ]);
  if (!settings) throw new NotFoundError('municipality');
  return { settings, figures };
}

export type SettingsPageData = Awaited<ReturnType<typeof getSettings>>;

/** What the form needs besides the body: the rows it may change, the stored logo, today. */
export function formContext(deps: AppDeps, data: SettingsPageData): SettingsFormContext {
  return {
    subMunicipalityIds: data.figures.map((f) => f.id),
    currentLogo: data.settings.logoUrl,
    today: deps.clock.today(),
  };
}

type Diff = Record<string, { from: unknown; to: unknown }>;

/** The same value for the purpose of "did anything change" (jsonb comes back with its keys in any order). */
function same(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown) =>
    v && typeof v === 'object'
      ? JSON.stringify(Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))))
      : JSON.stringify(v ?? null);
  return canonical(a) === canonical(b);
}

export type SaveOutcome = 'saved' | 'unchanged';

/**
 * Saves the settings in one transaction: the municipality's row (locked, so two officers saving
 * at once take turns and each diff is against what the other left), the sub-municipalities'
 * figures, and one audit row with the old and new value of every changed field. Nothing changed:
 * no write, no audit row.
 */
export async function saveSettings(
  deps: AppDeps,
  user: CurrentUser,
  input: SettingsInput,
): Promise<SaveOutcome> {
  const municipalityId = deskMunicipalityOf(user);
  return deps.db.transaction(async (tx): Promise<SaveOutcome> => {
    const current = await q.lockMunicipalitySettings(tx, municipalityId);
    if (!current) throw new NotFoundError('municipality');
    const wanted: q.SettingsChange = {
      ...input.rules,
      deskEmail: input.deskEmail,
      deskPhone: input.deskPhone,
      deskAddress: input.deskAddress,
      deskOpeningHours: input.deskOpeningHours,
      logoUrl: input.logoUrl,
      brandColour: input.brandColour,
      ...(input.outOfSchoolRequests === undefined ? {} : { outOfSchoolRequests: input.outOfSchoolRequests }),
    };
    const change: Record<string, unknown> = {};
    const settings: Diff = {};
    for (const [field, to] of Object.entries(wanted) as [keyof q.SettingsChange, unknown][]) {
      const from = current[field];
      if (same(from, to)) continue;
      change[field] = to;
      // A data: logo is long and says nothing in an audit row; its kind does.
      settings[field] =
        field === 'logoUrl' ? { from: logoForAudit(from), to: logoForAudit(to) } : { from: from ?? null, to };
    }

    const figuresBefore = new Map(
      (await q.getSubMunicipalityFigures(tx, municipalityId)).map((f) => [f.id, f]),
    );
    const figures: Record<string, Diff> = {};
    for (const figure of input.figures) {
      const before = figuresBefore.get(figure.id);
      if (!before) continue;
      const diff: Diff = {};
      if (before.children0to3 !== figure.children0to3)
        diff.children0to3 = { from: before.children0to3, to: figure.children0to3 };
      if (before.children0to3Date !== figure.children0to3Date)
        diff.children0to3Date = { from: before.children0to3Date, to: figure.children0to3Date };
      if (Object.keys(diff).length === 0) continue;
      await q.updateSubMunicipalityFigure(tx, municipalityId, figure.id, figure);
      figures[`${before.name} (${before.postcode})`] = diff;
    }

    if (Object.keys(change).length === 0 && Object.keys(figures).length === 0) return 'unchanged';
    if (Object.keys(change).length > 0) await q.updateMunicipalitySettings(tx, municipalityId, change);
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.settings.edit',
      subjectType: 'municipality',
      subjectId: municipalityId,
      details: {
        ...(Object.keys(settings).length > 0 ? { settings } : {}),
        ...(Object.keys(figures).length > 0 ? { subMunicipalities: figures } : {}),
      },
    });
    return 'saved';
  });
}

function logoForAudit(url: unknown): unknown {
  return typeof url === 'string' && url.startsWith('data:') ? `${url.slice(0, url.indexOf(',') + 1)}…` : url;
}
