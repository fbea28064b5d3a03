import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { type LocalDate, parseLocalDate } from '../../shared/dates.ts';
import {
  formatNationalNumber,
  type NationalNumber,
  parseNationalNumber,
} from '../../shared/national-number.ts';
import { countPossibleDuplicates, getMergeHistory } from '../duplicates/index.ts';
import { deskActor, deskMunicipalityOf, priorityFactColumns, updateFamilyFile } from '../families/index.ts';
import { getEventsOfRequest, getPreferencesOfRequest } from '../requests/index.ts';
import { SECTIONS, type Section } from './desk.messages.ts';
import * as q from './desk.queries.ts';
import type { PriorityFactsInput, RevealInput, SearchInput } from './desk.schemas.ts';

/** Rows of a section on the Today page; all rows of one section are paged by this many. */
export const TODAY_ROWS = 10;
export const SECTION_PAGE_ROWS = 25;
export const SEARCH_LIMIT = 50;

export type TodaySection = {
  section: Section;
  count: number;
  rows: q.TodayRow[];
  page: number;
  pages: number;
};

async function settingsOf(deps: AppDeps, municipalityId: string) {
  const settings = await q.getMunicipalitySettings(deps.db, municipalityId);
  if (!settings) throw new NotFoundError('municipality');
  return settings;
}

/**
 * The Today page: each section's count and its first rows; with `only`, one section paged.
 * Audited with every family shown.
 */
export async function getToday(deps: AppDeps, user: CurrentUser, only?: { section: Section; page: number }) {
  const municipalityId = deskMunicipalityOf(user);
  const settings = await settingsOf(deps, municipalityId);
  const scope = { municipalityId, today: deps.clock.today() };
  const wanted = only ? [only.section] : SECTIONS;
  const limit = only ? SECTION_PAGE_ROWS : TODAY_ROWS;
  const sections: TodaySection[] = [];
  for (const section of wanted) {
    const count =
      section === 'tasks'
        ? await q.countDeskTasks(deps.db, scope)
        : await q.countRequestSection(deps.db, section, scope, settings);
    const pages = Math.max(1, Math.ceil(count / limit));
    const page = Math.min(Math.max(1, only?.page ?? 1), pages);
    const window = { limit, offset: (page - 1) * limit };
    const rows =
      section === 'tasks'
        ? await q.getDeskTasks(deps.db, scope, window)
        : await q.getRequestSection(deps.db, section, scope, settings, window);
    sections.push({ section, count, rows, page, pages });
  }
  const families = [...new Set(sections.flatMap((s) => s.rows.map((r) => r.familyId)))];
  await recordAudit(deps.db, deps.clock, {
    ...deskActor(user),
    action: 'desk.today',
    subjectType: 'family',
    details: { municipality: municipalityId, families },
  });
  // The duplicates page lists and audits the pairs; here only how many there are.
  const possibleDuplicates = only ? undefined : await countPossibleDuplicates(deps.db, municipalityId);
  return { municipality: settings.name, sections, possibleDuplicates };
}

/** Marks one of the desk's phone tasks done; 404 for another municipality's or a done task. */
export async function completeDeskTask(deps: AppDeps, user: CurrentUser, taskId: string): Promise<string> {
  const municipalityId = deskMunicipalityOf(user);
  return deps.db.transaction(async (tx) => {
    const familyId = await q.markDeskTaskDone(tx, municipalityId, taskId, user.id, deps.clock.now());
    if (!familyId) throw new NotFoundError('task');
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.tasks.done',
      subjectType: 'family',
      subjectId: familyId,
      familyId,
      details: { task: taskId },
    });
    return familyId;
  });
}

export type SearchResult = {
  id: string;
  fileNumber: string;
  children: { name: string; birthDate: string | null; expectedBirthDate: string | null }[];
  parents: { name: string; email: string | null; phone: string | null }[];
};

/** The criteria of the form, cleaned; undefined when no field was filled in. */
export function criteriaOf(input: SearchInput): q.SearchCriteria | undefined {
  const words = (input.name ?? '').split(/\s+/).filter((w) => w.length > 0);
  const phoneDigits = (input.phone ?? '')
    .trim()
    .replace(/^(\+|00)32/, '0')
    .replace(/\D/g, '');
  const criteria: q.SearchCriteria = {
    words,
    birthDate: input.birthDate ? (parseLocalDate(input.birthDate) as LocalDate) : undefined,
    fileNumber: input.fileNumber || undefined,
    email: input.email || undefined,
    phoneDigits: phoneDigits || undefined,
  };
  const given =
    words.length > 0 || criteria.birthDate || criteria.fileNumber || criteria.email || criteria.phoneDigits;
  return given ? criteria : undefined;
}

async function describe(deps: AppDeps, found: { id: string; fileNumber: string }[]): Promise<SearchResult[]> {
  const ids = found.map((f) => f.id);
  const [childRows, parentRows] = await Promise.all([
    q.getChildrenOf(deps.db, ids),
    q.getParentsOf(deps.db, ids),
  ]);
  return found.map((f) => ({
    id: f.id,
    fileNumber: f.fileNumber,
    children: childRows
      .filter((c) => c.familyId === f.id)
      .map((c) => ({
        name: [c.firstName, c.lastName].filter(Boolean).join(' '),
        birthDate: c.birthDate,
        expectedBirthDate: c.expectedBirthDate,
      })),
    parents: parentRows
      .filter((p) => p.familyId === f.id)
      .map((p) => ({ name: `${p.firstName} ${p.lastName}`, email: p.email, phone: p.phone })),
  }));
}

/** Finds the municipality's files; audited with the families found (never the search text). */
export async function searchFiles(deps: AppDeps, user: CurrentUser, criteria: q.SearchCriteria) {
  const municipalityId = deskMunicipalityOf(user);
  const found = await q.searchFamilies(deps.db, municipalityId, criteria, SEARCH_LIMIT + 1);
  const results = await describe(deps, found.slice(0, SEARCH_LIMIT));
  await recordAudit(deps.db, deps.clock, {
    ...deskActor(user),
    action: 'desk.search',
    subjectType: 'family',
    details: {
      municipality: municipalityId,
      byNationalNumber: Boolean(criteria.nationalNumberHash),
      families: results.map((r) => r.id),
    },
  });
  return { results, more: found.length > SEARCH_LIMIT };
}

/** The search page before a search: audited too (no family shown), as every page of the action. */
export async function recordEmptySearch(deps: AppDeps, user: CurrentUser): Promise<void> {
  await recordAudit(deps.db, deps.clock, {
    ...deskActor(user),
    action: 'desk.search',
    subjectType: 'family',
    details: { municipality: deskMunicipalityOf(user), families: [] },
  });
}

/** The national number search: the number is checked, hashed with the vault's key, and dropped. */
export async function searchByNationalNumber(
  deps: AppDeps,
  user: CurrentUser,
  typed: string,
): Promise<{ ok: true; value: Awaited<ReturnType<typeof searchFiles>> } | { ok: false; errors: Errors }> {
  const parsed = parseNationalNumber(typed);
  if (!parsed.ok) return { ok: false, errors: { nationalNumber: 'invalidNationalNumber' } };
  const value = await searchFiles(deps, user, {
    words: [],
    nationalNumberHash: deps.vault.hashOf(parsed.value),
  });
  return { ok: true, value };
}

export type FileOutcome = { redirectTo: string } | { file: Awaited<ReturnType<typeof loadFile>> };

async function loadFile(
  deps: AppDeps,
  family: NonNullable<Awaited<ReturnType<typeof q.getFamilyInMunicipality>>>,
) {
  const familyId = family.family.id;
  const [parents, children, requests, offers, notes, tasks, merges] = await Promise.all([
    q.getParentsOf(deps.db, [familyId]),
    q.getChildrenOf(deps.db, [familyId]),
    q.getRequestsOfFamily(deps.db, familyId),
    q.getOffersOfFamily(deps.db, familyId),
    q.getNotesOfFamily(deps.db, familyId),
    q.getOpenTasksOfFamily(deps.db, familyId),
    getMergeHistory(deps.db, familyId),
  ]);
  const addresses = parents.flatMap((p) => (p.email ? [p.email.toLowerCase()] : []));
  const mails = await q.getMailsOfFamily(deps.db, familyId, addresses);
  const perRequest = await Promise.all(
    requests.map(async (r) => ({
      ...r,
      preferences: await getPreferencesOfRequest(deps.db, r.request.id),
      events: await getEventsOfRequest(deps.db, r.request.id),
      offers: offers.filter((o) => o.requestId === r.request.id),
    })),
  );
  return { ...family, parents, children, requests: perRequest, notes, tasks, mails, merges };
}

/**
 * The file of a family of the desk officer's municipality (404 for another's). A merged file
 * answers with the kept file's address instead.
 */
export async function getFile(deps: AppDeps, user: CurrentUser, familyId: string): Promise<FileOutcome> {
  const municipalityId = deskMunicipalityOf(user);
  const family = await q.getFamilyInMunicipality(deps.db, municipalityId, familyId);
  if (!family) throw new NotFoundError('family');
  if (family.family.mergedIntoFamilyId) {
    return { redirectTo: `/desk/families/${family.family.mergedIntoFamilyId}?merged=1` };
  }
  const file = await loadFile(deps, family);
  await recordAudit(deps.db, deps.clock, {
    ...deskActor(user),
    action: 'desk.family.read',
    subjectType: 'family',
    subjectId: familyId,
    familyId,
  });
  return { file };
}

/** A file that is not merged, or 404 (the pages that change something act on the kept file only). */
async function requireOpenFile(deps: AppDeps, user: CurrentUser, familyId: string) {
  const family = await q.getFamilyInMunicipality(deps.db, deskMunicipalityOf(user), familyId);
  if (!family || family.family.mergedIntoFamilyId) throw new NotFoundError('family');
  return family;
}

/**
 * Decrypts one national number of the file for the page that answers this POST, and records
 * who saw whose number and why. The number itself goes nowhere else.
 */
export async function revealNationalNumber(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  input: RevealInput,
) {
  await requireOpenFile(deps, user, familyId);
  const [kind, personId] = input.person.split(':') as ['parent' | 'child', string];
  const people =
    kind === 'parent'
      ? await q.getParentsOf(deps.db, [familyId])
      : await q.getChildrenOf(deps.db, [familyId]);
  const person = people.find((p) => p.id === personId.toLowerCase());
  if (!person?.nationalNumberCipher) throw new NotFoundError('person');
  const number = deps.vault.reveal(person.nationalNumberCipher) as NationalNumber;
  await recordAudit(deps.db, deps.clock, {
    ...deskActor(user),
    action: 'desk.nationalNumber.reveal',
    subjectType: 'family',
    subjectId: familyId,
    familyId,
    details: { person: kind, personId: person.id, reason: input.reason },
  });
  return {
    personId: person.id,
    name: [person.firstName, person.lastName].filter(Boolean).join(' '),
    number: formatNationalNumber(number),
  };
}

export async function addNote(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  body: string,
): Promise<void> {
  await requireOpenFile(deps, user, familyId);
  await deps.db.transaction(async (tx) => {
    await q.insertNote(tx, { familyId, body, authorUserId: user.id, createdAt: deps.clock.now() });
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.family.note',
      subjectType: 'family',
      subjectId: familyId,
      familyId,
    });
  });
}

/** The file's priority facts for the desk's form (a read of the family's data: audited). */
export async function getPriorityFacts(deps: AppDeps, user: CurrentUser, familyId: string) {
  const { family } = await requireOpenFile(deps, user, familyId);
  await recordAudit(deps.db, deps.clock, {
    ...deskActor(user),
    action: 'desk.family.facts',
    subjectType: 'family',
    subjectId: familyId,
    familyId,
  });
  return family;
}

/**
 * The desk records the priority facts a family gives (by phone, at the desk): the ticks and the
 * yearly income, dated now, as the parent's own form does. The waiting lists judge them at once.
 */
export async function savePriorityFacts(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  input: PriorityFactsInput,
): Promise<void> {
  await requireOpenFile(deps, user, familyId);
  await deps.db.transaction(async (tx) => {
    await updateFamilyFile(tx, familyId, priorityFactColumns(input, deps.clock.now()));
    await recordAudit(tx, deps.clock, {
      ...deskActor(user),
      action: 'desk.family.facts.update',
      subjectType: 'family',
      subjectId: familyId,
      familyId,
    });
  });
}
