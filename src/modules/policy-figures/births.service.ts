import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { formValues } from '../../platform/http/forms.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { deskActor, deskMunicipalityOf } from '../families/index.ts';
import * as q from './births.queries.ts';
import { municipalitiesInScope } from './policy-figures.queries.ts';

/** Births in one municipality and year: the largest Flemish city has some 7,000 a year. */
export const MAX_BIRTHS = 50_000;
/** The first year births can be entered for. */
export const FIRST_BIRTHS_YEAR = 2000;

export type BirthsEntry = { year: number; births: number };

/** One line of an import that was refused, and why (the page words it). */
export type LineError =
  | { line: number; kind: 'format' | 'twice' }
  | { line: number; kind: 'year'; from: number; to: number }
  | { line: number; kind: 'births'; max: number };

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/** Years a desk may enter: from FIRST_BIRTHS_YEAR to next year (an expected figure). */
export const lastBirthsYear = (today: string) => Number(today.slice(0, 4)) + 1;

function wholeNumber(raw: string, min: number, max: number): number | undefined {
  if (!/^\d{1,7}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

/** The one-year form: year and births, each refused with its bounds. */
export function parseBirthsForm(
  body: unknown,
  today: string,
): { ok: true; value: BirthsEntry } | { ok: false; values: Record<string, string>; errors: Errors } {
  const values = formValues(body);
  const raw = { year: single(values.year), births: single(values.births).replace(/[.\s\u00a0\u202f]/g, '') };
  const last = lastBirthsYear(today);
  const year = wholeNumber(raw.year, FIRST_BIRTHS_YEAR, last);
  const births = wholeNumber(raw.births, 0, MAX_BIRTHS);
  const errors: Errors = {};
  if (year === undefined) errors.year = { key: 'numberBetween', min: FIRST_BIRTHS_YEAR, max: last };
  if (births === undefined) errors.births = { key: 'numberBetween', min: 0, max: MAX_BIRTHS };
  if (year === undefined || births === undefined)
    return { ok: false, values: { year: raw.year, births: single(values.births) }, errors };
  return { ok: true, value: { year, births } };
}

function lineError(cells: string[], line: number, last: number, seen: Set<number>): LineError | undefined {
  if (cells.length !== 2 || !/^\d+$/.test(cells[0] ?? '')) return { line, kind: 'format' };
  const year = wholeNumber(cells[0] ?? '', FIRST_BIRTHS_YEAR, last);
  if (year === undefined) return { line, kind: 'year', from: FIRST_BIRTHS_YEAR, to: last };
  const births = wholeNumber((cells[1] ?? '').replace(/[.\s\u00a0\u202f]/g, ''), 0, MAX_BIRTHS);
  if (births === undefined) return { line, kind: 'births', max: MAX_BIRTHS };
  if (seen.has(year)) return { line, kind: 'twice' };
  return undefined;
}

/**
 * An import: lines `year;births` (a comma or tab also separates; a header line and empty lines are
 * skipped). All lines or none: the first refused line stops nothing, every refused line is listed.
 */
export function parseBirthsCsv(
  text: string,
  today: string,
): { ok: true; value: BirthsEntry[] } | { ok: false; lines: LineError[] } {
  const last = lastBirthsYear(today);
  const entries: BirthsEntry[] = [];
  const errors: LineError[] = [];
  const seen = new Set<number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, rawLine] of lines.entries()) {
    const line = i + 1;
    const content = rawLine.trim();
    if (!content) continue;
    const cells = content.split(/[;,\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    // A header line ("jaar;geboorten", "year;births").
    if (i === 0 && !/^\d/.test(cells[0] ?? '')) continue;
    const error = lineError(cells, line, last, seen);
    if (error) {
      errors.push(error);
      continue;
    }
    const entry = {
      year: Number(cells[0]),
      births: Number((cells[1] ?? '').replace(/[.\s\u00a0\u202f]/g, '')),
    };
    seen.add(entry.year);
    entries.push(entry);
  }
  if (errors.length > 0) return { ok: false, lines: errors };
  return { ok: true, value: entries };
}

/** The desk's municipality and the births it entered. */
export async function getBirths(deps: AppDeps, user: CurrentUser) {
  const municipalityId = deskMunicipalityOf(user);
  const [municipalities, births] = await Promise.all([
    municipalitiesInScope(deps.db, { municipalityIds: [municipalityId], regionIds: [] }),
    q.birthsOf(deps.db, [municipalityId]),
  ]);
  const municipality = municipalities[0];
  return { municipality: municipality ?? { id: municipalityId, name: '' }, births };
}

export type BirthsPage = Awaited<ReturnType<typeof getBirths>>;

/**
 * Saves births of the desk's own municipality in one transaction with one audit row naming each
 * year's old and new figure. Returns how many years changed (0: nothing written, no audit row).
 */
export async function saveBirths(deps: AppDeps, user: CurrentUser, entries: BirthsEntry[]): Promise<number> {
  const municipalityId = deskMunicipalityOf(user);
  return deps.db.transaction(async (tx) => {
    const before = new Map(
      (
        await q.lockBirths(
          tx,
          municipalityId,
          entries.map((e) => e.year),
        )
      ).map((r) => [r.year, r.births]),
    );
    const changed = entries.filter((e) => before.get(e.year) !== e.births);
    if (changed.length === 0) return 0;
    await q.upsertBirths(tx, municipalityId, changed, deps.clock.now());
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'figures.births.edit',
      subjectType: 'municipality',
      subjectId: municipalityId,
      details: {
        births: Object.fromEntries(
          changed.map((e) => [String(e.year), { from: before.get(e.year) ?? null, to: e.births }]),
        ),
      },
    });
    return changed.length;
  });
}
