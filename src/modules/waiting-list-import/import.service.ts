import { createHash, randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { startOfDayInBrussels } from '../../shared/dates.ts';
import { deskActor, deskMunicipalityOf, normalisePhone } from '../families/index.ts';
import { oldestAcceptedAgeMonths } from '../requests/index.ts';
import * as q from './import.queries.ts';
import { type FileError, type FileRow, readImportFile } from './import-file.ts';
import {
  type CheckedRow,
  checkMapping,
  checkRows,
  childKey,
  FIELDS,
  fold,
  guessMapping,
  type ImportRow,
  type Mapping,
  type MappingError,
} from './import-rows.ts';

/**
 * The desk imports a provider location's existing waiting list: upload (CSV or XLSX), map the
 * file's columns to our fields, preview the rows that will be imported and those refused with
 * their reasons, confirm. The confirmation writes every file in ONE transaction with its audit
 * row — all rows or none. The parsed upload waits in `waiting_list_imports`, bound to the
 * officer's session; no page or URL carries its rows. Imported families get no mail (ADR 0023).
 */
const ACTION = 'desk.waitingListImport.manage';
/** A pending upload (its rows are personal data) lives this long unless finished or discarded. */
const PENDING_HOURS = 24;

/** What binds a pending upload to the session that made it: a hash of the session's CSRF binding. */
export function sessionBinding(csrfBinding: string | undefined): string {
  if (!csrfBinding) throw new NotFoundError('session');
  return createHash('sha256').update(`waiting-list-import:${csrfBinding}`).digest('hex');
}

async function locationOf(deps: AppDeps, user: CurrentUser, locationId: string) {
  const location = await q.getDeskLocation(deps.db, deskMunicipalityOf(user), locationId);
  if (!location) throw new NotFoundError('location');
  return location;
}

/** The upload page: the location (404 unless it is the desk's) and its earlier imports. */
export async function getUploadPage(deps: AppDeps, user: CurrentUser, locationId: string) {
  const location = await locationOf(deps, user, locationId);
  return { location, imports: await q.listImports(deps.db, locationId) };
}
export type UploadData = Awaited<ReturnType<typeof getUploadPage>>;

/** Reads the file and keeps its rows for the next steps; refuses what is no readable list. */
export async function upload(
  deps: AppDeps,
  user: CurrentUser,
  binding: string,
  locationId: string,
  file: { filename: string; bytes: Buffer; truncated: boolean } | undefined,
): Promise<{ ok: true; value: string } | { ok: false; error: FileError }> {
  const location = await locationOf(deps, user, locationId);
  if (!location.active) throw new NotFoundError('location');
  const read = await readImportFile(file);
  if (!read.ok) return read;
  const now = deps.clock.now();
  const fileName = (file?.filename ?? '').replace(/[\\/]/g, '_').slice(0, 200) || 'import';
  return deps.db.transaction(async (tx) => {
    await q.deleteStalePending(tx, new Date(now.getTime() - PENDING_HOURS * 3_600_000));
    const id = await q.insertImport(tx, {
      municipalityId: deskMunicipalityOf(user),
      providerLocationId: locationId,
      createdByUserId: user.id,
      sessionBinding: binding,
      fileName,
      header: read.value.header,
      rows: read.value.rows,
      mapping: guessMapping(read.value.header) as Record<string, number>,
      rowCount: read.value.rows.length,
      createdAt: now,
    });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: ACTION,
      subjectType: 'waiting_list_import',
      subjectId: id,
      details: {
        step: 'uploaded',
        location: locationId,
        kind: read.value.kind,
        rows: read.value.rows.length,
      },
    });
    return { ok: true as const, value: id };
  });
}

/** A pending upload of this officer in this session, in the desk's municipality; else 404. */
async function pendingImport(deps: AppDeps, user: CurrentUser, binding: string, importId: string) {
  const imp = await q.getImport(deps.db, importId);
  if (
    imp?.status !== 'pending' ||
    !imp.rows ||
    imp.createdByUserId !== user.id ||
    imp.sessionBinding !== binding ||
    imp.municipalityId !== deskMunicipalityOf(user)
  )
    throw new NotFoundError('import');
  const location = await locationOf(deps, user, imp.providerLocationId);
  return { imp: { ...imp, rows: imp.rows }, location };
}

/** The mapping step: the file's columns, the first rows, the mapping chosen or guessed. */
export async function getMappingPage(deps: AppDeps, user: CurrentUser, binding: string, importId: string) {
  const { imp, location } = await pendingImport(deps, user, binding, importId);
  return {
    id: imp.id,
    location,
    fileName: imp.fileName,
    header: imp.header,
    sample: imp.rows.slice(0, 3),
    rowCount: imp.rowCount,
    mapping: (imp.mapping ?? {}) as Mapping,
  };
}
export type MappingData = Awaited<ReturnType<typeof getMappingPage>>;

/** The mapping as the form sent it: for each field a column number or nothing. */
export function mappingFromForm(body: Record<string, unknown>, columns: number): Mapping {
  const mapping: Mapping = {};
  for (const field of FIELDS) {
    const v = body[field];
    if (typeof v !== 'string' || !/^\d{1,3}$/.test(v)) continue;
    const i = Number(v);
    if (i < columns) mapping[field] = i;
  }
  return mapping;
}

export async function saveMapping(
  deps: AppDeps,
  user: CurrentUser,
  binding: string,
  importId: string,
  body: Record<string, unknown>,
): Promise<{ ok: true } | { ok: false; errors: MappingError[]; mapping: Mapping }> {
  const { imp } = await pendingImport(deps, user, binding, importId);
  const mapping = mappingFromForm(body, imp.header.length);
  const errors = checkMapping(mapping);
  if (errors.length > 0) return { ok: false, errors, mapping };
  await q.setMapping(deps.db, imp.id, mapping as Record<string, number>);
  return { ok: true };
}

type Checked = { good: ImportRow[]; refused: CheckedRow[]; knownFamilies: string[] };

/** Every row checked by the mapping, then against the children the municipality already has. */
async function checkAll(
  deps: AppDeps,
  db: AppDeps['db'],
  municipalityId: string,
  locationId: string,
  rows: FileRow[],
  mapping: Mapping,
): Promise<Checked> {
  const today = deps.clock.today();
  const checked = checkRows(rows, mapping, {
    today,
    oldestAgeMonths: await oldestAcceptedAgeMonths(db),
    normalisePhone,
  });
  const days = [
    ...new Set(
      checked.flatMap((c) => (c.row ? [c.row.child.birthDate ?? c.row.child.expectedBirthDate] : [])),
    ),
  ].filter((d): d is NonNullable<typeof d> => d !== null);
  const known = new Map<string, { fileNumber: string; here: boolean; familyId: string }>();
  for (const k of await q.findKnownChildren(db, municipalityId, locationId, days)) {
    const key = `${fold(`${k.firstName ?? ''} ${k.lastName}`)}|${k.birthDate ?? k.expectedBirthDate}`;
    const before = known.get(key);
    if (!before || (k.here && !before.here)) known.set(key, k);
  }
  const good: ImportRow[] = [];
  const refused: CheckedRow[] = [];
  const knownFamilies = new Set<string>();
  for (const c of checked) {
    const match = c.row ? known.get(childKey(c.row.child)) : undefined;
    if (match) {
      knownFamilies.add(match.familyId);
      refused.push({
        line: c.line,
        refusals: [
          { key: match.here ? 'openRequestHere' : 'openRequestElsewhere', fileNumber: match.fileNumber },
        ],
      });
    } else if (c.row) good.push(c.row);
    else refused.push(c);
  }
  return { good, refused, knownFamilies: [...knownFamilies] };
}

/** The preview: how many rows will be imported, the first of them, and every refused row with why. */
export async function getPreview(deps: AppDeps, user: CurrentUser, binding: string, importId: string) {
  const { imp, location } = await pendingImport(deps, user, binding, importId);
  const mapping = (imp.mapping ?? {}) as Mapping;
  if (checkMapping(mapping).length > 0) return { needsMapping: true as const, id: imp.id };
  const result = await checkAll(deps, deps.db, imp.municipalityId, location.id, imp.rows, mapping);
  // The page names the files the municipality already has for refused rows: a read of them.
  if (result.knownFamilies.length > 0)
    await recordAudit(deps.db, deps.clock, {
      ...deskActor(user),
      action: ACTION,
      subjectType: 'waiting_list_import',
      subjectId: imp.id,
      details: { step: 'preview', families: result.knownFamilies },
    });
  const cells = new Map(imp.rows.map((r) => [r.line, r.cells]));
  const nameOf = (line: number) => {
    const c = cells.get(line) ?? [];
    const pick = (i: number | undefined) => (i === undefined ? '' : (c[i] ?? ''));
    return `${pick(mapping.childFirstName)} ${pick(mapping.childLastName)}`.trim();
  };
  return {
    needsMapping: false as const,
    id: imp.id,
    location,
    fileName: imp.fileName,
    rowCount: imp.rowCount,
    good: result.good,
    refused: result.refused.map((r) => ({ ...r, name: nameOf(r.line) })),
  };
}
export type PreviewData = Extract<Awaited<ReturnType<typeof getPreview>>, { needsMapping: false }>;

/**
 * Imports the rows that pass, all in one transaction: a family file, its parent and child, a
 * request (channel desk, filed on the list's original request date so its place on the waiting
 * list is kept) with one preference for the location, already on its waiting list, the history,
 * the list's note as the location's own note, the record's counts and one audit row naming every
 * family. When the rows that pass are no longer the `expected` number the officer saw (another
 * desk officer filed one of the children meanwhile), nothing is written and the preview shows
 * again. A second confirmation of the same import finds it done.
 */
export async function confirmImport(
  deps: AppDeps,
  user: CurrentUser,
  binding: string,
  importId: string,
  expected: number,
): Promise<{ ok: true } | { ok: false; changed: true }> {
  const municipalityId = deskMunicipalityOf(user);
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const imp = await q.lockImport(tx, importId);
    if (!imp || imp.municipalityId !== municipalityId || imp.createdByUserId !== user.id)
      throw new NotFoundError('import');
    if (imp.status === 'imported') return { ok: true as const, families: 0 };
    if (imp.status !== 'pending' || !imp.rows || imp.sessionBinding !== binding)
      throw new NotFoundError('import');
    const mapping = (imp.mapping ?? {}) as Mapping;
    const checked = await checkAll(deps, tx, municipalityId, imp.providerLocationId, imp.rows, mapping);
    if (checkMapping(mapping).length > 0 || checked.good.length !== expected)
      return { ok: false as const, changed: true as const };
    const subs = await q.getSubMunicipalities(tx, municipalityId);
    const writes = buildWrites(checked.good, {
      importId: imp.id,
      municipalityId,
      locationId: imp.providerLocationId,
      userId: user.id,
      now,
      subOf: (postcode) => {
        const here = subs.filter((s) => s.postcode === postcode);
        return here.length === 1 ? (here[0]?.id ?? null) : null;
      },
    });
    await q.insertImportedFiles(tx, writes);
    await q.finishImport(tx, imp.id, {
      status: 'imported',
      importedCount: checked.good.length,
      refusedCount: checked.refused.length,
      finishedAt: now,
    });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: ACTION,
      subjectType: 'waiting_list_import',
      subjectId: imp.id,
      details: {
        step: 'imported',
        location: imp.providerLocationId,
        imported: checked.good.length,
        refused: checked.refused.length,
        families: writes.families.map((f) => f.id),
      },
    });
    return { ok: true as const, families: writes.families.length };
  });
  return result.ok ? { ok: true } : result;
}

type WriteContext = {
  importId: string;
  municipalityId: string;
  locationId: string;
  userId: string;
  now: Date;
  subOf: (postcode: string | null) => string | null;
};

/** The rows of every table for the imported files; the file's order breaks ties within a day. */
function buildWrites(rows: ImportRow[], c: WriteContext): q.ImportWrites {
  const w: q.ImportWrites = {
    families: [],
    parents: [],
    children: [],
    requests: [],
    preferences: [],
    events: [],
    notes: [],
  };
  const actor = { actorUserId: c.userId, actorRole: 'desk' as const };
  rows.forEach((row, i) => {
    const familyId = randomUUID();
    const childId = randomUUID();
    const requestId = randomUUID();
    const preferenceId = randomUUID();
    // The original filing day, in the file's order within a day: the waiting list's order.
    const submittedAt = new Date(startOfDayInBrussels(row.requestDate).getTime() + i);
    const subMunicipalityId = c.subOf(row.address.postcode);
    w.families.push({
      id: familyId,
      municipalityId: c.municipalityId,
      subMunicipalityId,
      ...row.address,
      createdByUserId: c.userId,
      createdAt: c.now,
    });
    w.parents.push({ familyId, ...row.parent, position: 1, createdAt: c.now });
    w.children.push({ id: childId, familyId, ...row.child, createdAt: c.now });
    w.requests.push({
      id: requestId,
      childId,
      familyId,
      municipalityId: c.municipalityId,
      // The address the list gives is where the family lived when it asked.
      residenceMunicipalityId: c.municipalityId,
      residenceSubMunicipalityId: subMunicipalityId,
      desiredStart: row.desiredStart,
      carePlan: row.carePlan,
      channel: 'desk',
      submittedAt,
      lastConfirmedAt: c.now,
      statusChangedAt: c.now,
      createdByUserId: c.userId,
      createdAt: c.now,
    });
    w.preferences.push({
      id: preferenceId,
      requestId,
      providerLocationId: c.locationId,
      rank: 1,
      status: 'waiting_list',
      statusChangedAt: c.now,
      createdAt: submittedAt,
    });
    const details = { importId: c.importId };
    w.events.push(
      {
        requestId,
        eventType: 'request.submitted',
        toStatus: 'active',
        occurredAt: submittedAt,
        details,
        ...actor,
      },
      {
        requestId,
        preferenceId,
        eventType: 'preference.added',
        toStatus: 'new',
        occurredAt: submittedAt,
        details: { rank: 1, ...details },
        ...actor,
      },
      {
        requestId,
        preferenceId,
        eventType: 'preference.waiting_list',
        fromStatus: 'new',
        toStatus: 'waiting_list',
        occurredAt: c.now,
        details,
        ...actor,
      },
    );
    if (row.notes)
      w.notes.push({
        providerLocationId: c.locationId,
        requestId,
        text: row.notes,
        createdByUserId: c.userId,
        createdAt: c.now,
      });
  });
  return w;
}

/** Discarding a pending upload: its rows are erased, nothing else changes. */
export async function discardImport(deps: AppDeps, user: CurrentUser, binding: string, importId: string) {
  const { imp, location } = await pendingImport(deps, user, binding, importId);
  await deps.db.transaction(async (tx) => {
    await q.finishImport(tx, imp.id, {
      status: 'discarded',
      importedCount: 0,
      refusedCount: 0,
      finishedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: ACTION,
      subjectType: 'waiting_list_import',
      subjectId: imp.id,
      details: { step: 'discarded', location: location.id },
    });
  });
  return location.id;
}

/** An import of the desk's municipality, whatever its state; else 404. */
export async function requireDeskImport(deps: AppDeps, user: CurrentUser, importId: string) {
  const imp = await q.getImport(deps.db, importId);
  if (!imp || imp.municipalityId !== deskMunicipalityOf(user)) throw new NotFoundError('import');
  return imp;
}

/** A finished import of the municipality: the record only (who, when, file, counts). */
export async function getImportRecord(deps: AppDeps, user: CurrentUser, importId: string) {
  const imp = await q.getImport(deps.db, importId);
  if (!imp || imp.municipalityId !== deskMunicipalityOf(user) || imp.status !== 'imported')
    throw new NotFoundError('import');
  const location = await locationOf(deps, user, imp.providerLocationId);
  const by = await q.getUserName(deps.db, imp.createdByUserId);
  return { imp, location, by };
}
export type RecordData = Awaited<ReturnType<typeof getImportRecord>>;
