import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import { addDays, type LocalDate } from '../../shared/dates.ts';
import type { Section } from './desk.messages.ts';

const {
  families,
  parents,
  children,
  requests,
  preferences,
  offers,
  municipalities,
  followUpTasks,
  deskNotes,
  outbox,
  users,
  providerLocations,
  intermediaryOrganisations,
} = schema;

/** A request counts as "new" on the Today page when it was filed this many days ago at most. */
export const NEW_EMERGENCY_DAYS = 7;
/**
 * A request shows as "about to expire" from the first confirmation reminder on (the requests
 * module reminds 14 days before the due date), until it expires.
 */
export const EXPIRY_HORIZON_DAYS = 14;

export type DeskScope = { municipalityId: string; today: LocalDate };

export async function getMunicipalitySettings(db: Database, municipalityId: string) {
  const [row] = await db
    .select({
      name: municipalities.name,
      emergencyWindowDays: municipalities.emergencyWindowDays,
      firstAnswerDays: municipalities.firstAnswerDays,
      confirmationIntervalMonths: municipalities.confirmationIntervalMonths,
    })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row;
}

type Settings = NonNullable<Awaited<ReturnType<typeof getMunicipalitySettings>>>;

/** One line of the Today page: which file, which child, a date and one more fact. */
export type TodayRow = {
  key: string;
  familyId: string;
  fileNumber: string;
  childFirstName: string | null;
  childLastName: string | null;
  date: string | null;
  detail: string | null;
  /** For a task: the parent to phone. */
  parentName: string | null;
  parentPhone: string | null;
};

const submittedDay = sql`(${requests.submittedAt} at time zone 'Europe/Brussels')::date`;
const placedSql = sql`exists (select 1 from ${preferences} where ${preferences.requestId} = ${requests.id}
  and ${preferences.status} in ('offer_accepted', 'enrolled'))`;
const offeredSql = sql`exists (select 1 from ${preferences} where ${preferences.requestId} = ${requests.id}
  and ${preferences.status} in ('offer_made', 'offer_accepted', 'enrolled'))`;
const dueDateSql = (s: Settings) =>
  sql`((${requests.lastConfirmedAt} at time zone 'Europe/Brussels')::date
    + make_interval(months => ${s.confirmationIntervalMonths}::int))::date`;
const overdueCountSql = sql<number>`(select count(*)::int from ${preferences}
  where ${preferences.requestId} = ${requests.id} and ${preferences.status} in ('new', 'seen'))`;

type RequestSection = Exclude<Section, 'tasks'>;

/** The condition of each request section (the family's municipality is added by the caller). */
function requestConditions(section: RequestSection, scope: DeskScope, s: Settings): SQL[] {
  const active = eq(requests.status, 'active');
  switch (section) {
    // The emergency list's own rule (emergency-list module): active, no place, start within the
    // window (or past); "new" = filed in the last NEW_EMERGENCY_DAYS days.
    case 'emergency':
      return [
        active,
        sql`${requests.desiredStart} <= ${addDays(scope.today, s.emergencyWindowDays)}::date`,
        sql`not ${placedSql}`,
        sql`${submittedDay} >= ${addDays(scope.today, -NEW_EMERGENCY_DAYS)}::date`,
      ];
    case 'social':
      return [active, sql`${requests.socialReason} is not null`, sql`not ${offeredSql}`];
    // The waiting list's "overdue" rule: a preference still new or seen after the municipality's
    // days to a first answer, counted from the filing day.
    case 'overdue':
      return [
        active,
        sql`(${scope.today}::date - ${submittedDay}) > ${s.firstAnswerDays}::int`,
        sql`${overdueCountSql} > 0`,
      ];
    case 'unborn':
      return [
        inArray(requests.status, ['active', 'answered']),
        isNull(children.birthDate),
        sql`${children.expectedBirthDate} < ${scope.today}::date`,
      ];
    case 'expiring':
      return [active, sql`${dueDateSql(s)} <= ${addDays(scope.today, EXPIRY_HORIZON_DAYS)}::date`];
  }
}

function requestColumns(section: RequestSection, s: Settings) {
  const date: Record<RequestSection, SQL<string | null>> = {
    emergency: sql`${requests.desiredStart}::text`,
    social: sql`coalesce(${requests.socialEmergencyAt}, ${requests.submittedAt})::text`,
    overdue: sql`${submittedDay}::text`,
    unborn: sql`${children.expectedBirthDate}::text`,
    expiring: sql`${dueDateSql(s)}::text`,
  };
  const detail: Record<RequestSection, SQL<string | null>> = {
    emergency: sql`${submittedDay}::text`,
    social: sql`${requests.socialReason}::text`,
    overdue: sql`${overdueCountSql}::text`,
    unborn: sql`${requests.status}::text`,
    expiring: sql`(${requests.lastConfirmedAt} at time zone 'Europe/Brussels')::date::text`,
  };
  return { date: date[section], detail: detail[section] };
}

function requestOrder(section: RequestSection, s: Settings): SQL[] {
  switch (section) {
    case 'emergency':
      return [sql`${requests.desiredStart} asc`];
    case 'social':
      return [sql`coalesce(${requests.socialEmergencyAt}, ${requests.submittedAt}) asc`];
    case 'overdue':
      return [sql`${requests.submittedAt} asc`];
    case 'unborn':
      return [sql`${children.expectedBirthDate} asc`];
    case 'expiring':
      return [sql`${dueDateSql(s)} asc`];
  }
}

function requestWhere(section: RequestSection, scope: DeskScope, s: Settings) {
  return and(
    eq(families.municipalityId, scope.municipalityId),
    isNull(families.mergedIntoFamilyId),
    ...requestConditions(section, scope, s),
  );
}

export async function countRequestSection(
  db: Database,
  section: RequestSection,
  scope: DeskScope,
  s: Settings,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(requests)
    .innerJoin(families, eq(families.id, requests.familyId))
    .innerJoin(children, eq(children.id, requests.childId))
    .where(requestWhere(section, scope, s));
  return row?.n ?? 0;
}

export async function getRequestSection(
  db: Database,
  section: RequestSection,
  scope: DeskScope,
  s: Settings,
  page: { limit: number; offset: number },
): Promise<TodayRow[]> {
  const { date, detail } = requestColumns(section, s);
  const rows = await db
    .select({
      key: requests.id,
      familyId: families.id,
      fileNumber: families.fileNumber,
      childFirstName: children.firstName,
      childLastName: children.lastName,
      date,
      detail,
    })
    .from(requests)
    .innerJoin(families, eq(families.id, requests.familyId))
    .innerJoin(children, eq(children.id, requests.childId))
    .where(requestWhere(section, scope, s))
    .orderBy(...requestOrder(section, s), asc(requests.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((r) => ({ ...r, parentName: null, parentPhone: null }));
}

const openDeskTask = (municipalityId: string) =>
  and(eq(followUpTasks.municipalityId, municipalityId), isNull(followUpTasks.doneAt));

export async function countDeskTasks(db: Database, scope: DeskScope): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(followUpTasks)
    .where(openDeskTask(scope.municipalityId));
  return row?.n ?? 0;
}

const firstParent = (column: SQL) => sql<string | null>`(select ${column} from ${parents}
  where ${parents.familyId} = ${followUpTasks.familyId} order by ${parents.position} asc limit 1)`;

export async function getDeskTasks(
  db: Database,
  scope: DeskScope,
  page: { limit: number; offset: number },
): Promise<TodayRow[]> {
  return db
    .select({
      key: followUpTasks.id,
      familyId: families.id,
      fileNumber: families.fileNumber,
      childFirstName: children.firstName,
      childLastName: children.lastName,
      date: sql<string | null>`${followUpTasks.createdAt}::text`,
      detail: followUpTasks.kind,
      parentName: firstParent(sql`concat_ws(' ', ${parents.firstName}, ${parents.lastName})`),
      parentPhone: firstParent(sql`${parents.phone}`),
    })
    .from(followUpTasks)
    .innerJoin(families, eq(families.id, followUpTasks.familyId))
    .leftJoin(requests, eq(requests.id, followUpTasks.requestId))
    .leftJoin(children, eq(children.id, requests.childId))
    .where(openDeskTask(scope.municipalityId))
    .orderBy(asc(followUpTasks.createdAt), asc(followUpTasks.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** Marks a desk task of this municipality done; the family's id, or undefined when there is none open. */
export async function markDeskTaskDone(
  db: Database,
  municipalityId: string,
  taskId: string,
  userId: string,
  at: Date,
): Promise<string | undefined> {
  const [row] = await db
    .update(followUpTasks)
    .set({ doneAt: at, doneByUserId: userId })
    .where(and(eq(followUpTasks.id, taskId), openDeskTask(municipalityId)))
    .returning({ familyId: followUpTasks.familyId });
  return row?.familyId;
}

// ---- Search ----

/** The same folding in SQL (translate) and here: `unaccent` is not available on PGlite. */
const ACCENTED = 'àáâäãåèéêëìíîïòóôöõùúûüýÿçñÀÁÂÄÃÅÈÉÊËÌÍÎÏÒÓÔÖÕÙÚÛÜÝÇÑ';
const PLAIN = 'aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYCN';
const FOLD = new Map([...ACCENTED].map((c, i) => [c, PLAIN[i] as string]));

export function fold(text: string): string {
  return [...text]
    .map((c) => FOLD.get(c) ?? c)
    .join('')
    .toLowerCase();
}
const folded = (column: SQL) => sql`lower(translate(${column}, ${ACCENTED}, ${PLAIN}))`;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type SearchCriteria = {
  words: string[];
  birthDate?: LocalDate | undefined;
  fileNumber?: string | undefined;
  email?: string | undefined;
  phoneDigits?: string | undefined;
  /** Keyed hash of a national number (never the number). */
  nationalNumberHash?: string | undefined;
};

const childOf = (condition: SQL) =>
  sql`exists (select 1 from ${children} where ${children.familyId} = ${families.id} and ${condition})`;
const parentOf = (condition: SQL) =>
  sql`exists (select 1 from ${parents} where ${parents.familyId} = ${families.id} and ${condition})`;

/** The ids of the municipality's (not merged) files matching every given criterion. */
export async function searchFamilies(
  db: Database,
  municipalityId: string,
  c: SearchCriteria,
  limit: number,
): Promise<{ id: string; fileNumber: string }[]> {
  const where: SQL[] = [];
  const childName = folded(sql`coalesce(${children.firstName}, '') || ' ' || ${children.lastName}`);
  const parentName = folded(sql`${parents.firstName} || ' ' || ${parents.lastName}`);
  for (const word of c.words) {
    const pattern = likePattern(fold(word));
    where.push(
      sql`(${childOf(sql`${childName} like ${pattern}`)} or ${parentOf(sql`${parentName} like ${pattern}`)})`,
    );
  }
  if (c.birthDate) where.push(childOf(sql`${children.birthDate} = ${c.birthDate}::date`));
  if (c.fileNumber)
    where.push(sql`upper(${families.fileNumber}) like ${likePattern(c.fileNumber.toUpperCase())}`);
  if (c.email) where.push(parentOf(sql`lower(${parents.email}) like ${likePattern(c.email.toLowerCase())}`));
  if (c.phoneDigits)
    where.push(
      parentOf(sql`regexp_replace(${parents.phone}, '[^0-9]', '', 'g') like ${likePattern(c.phoneDigits)}`),
    );
  if (c.nationalNumberHash) {
    where.push(
      sql`(${childOf(sql`${children.nationalNumberHash} = ${c.nationalNumberHash}`)}
        or ${parentOf(sql`${parents.nationalNumberHash} = ${c.nationalNumberHash}`)})`,
    );
  }
  if (where.length === 0) return [];
  return db
    .select({ id: families.id, fileNumber: families.fileNumber })
    .from(families)
    .where(and(eq(families.municipalityId, municipalityId), isNull(families.mergedIntoFamilyId), ...where))
    .orderBy(sql`length(${families.fileNumber})`, asc(families.fileNumber))
    .limit(limit);
}

export function getChildrenOf(db: Database, familyIds: string[]) {
  if (familyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(children)
    .where(and(inArray(children.familyId, familyIds), isNull(children.mergedIntoChildId)))
    .orderBy(asc(children.createdAt), asc(children.id));
}

export function getParentsOf(db: Database, familyIds: string[]) {
  if (familyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(parents)
    .where(inArray(parents.familyId, familyIds))
    .orderBy(asc(parents.position), asc(parents.id));
}

// ---- The file ----

/** A family of the municipality, merged or not (a merged one redirects to the kept file). */
export async function getFamilyInMunicipality(db: Database, municipalityId: string, familyId: string) {
  const [row] = await db
    .select({ family: families, intermediary: intermediaryOrganisations.name })
    .from(families)
    .leftJoin(
      intermediaryOrganisations,
      eq(intermediaryOrganisations.id, families.intermediaryOrganisationId),
    )
    .where(and(eq(families.id, familyId), eq(families.municipalityId, municipalityId)));
  return row;
}

export function getRequestsOfFamily(db: Database, familyId: string) {
  return db
    .select({ request: requests, child: children })
    .from(requests)
    .innerJoin(children, eq(children.id, requests.childId))
    .where(eq(requests.familyId, familyId))
    .orderBy(desc(requests.submittedAt), asc(requests.id));
}

export function getOffersOfFamily(db: Database, familyId: string) {
  return db
    .select({
      id: offers.id,
      requestId: preferences.requestId,
      locationName: providerLocations.name,
      startDate: offers.startDate,
      answerDeadline: offers.answerDeadline,
      status: offers.status,
      createdAt: offers.createdAt,
    })
    .from(offers)
    .innerJoin(preferences, eq(preferences.id, offers.preferenceId))
    .innerJoin(requests, eq(requests.id, preferences.requestId))
    .innerJoin(providerLocations, eq(providerLocations.id, preferences.providerLocationId))
    .where(eq(requests.familyId, familyId))
    .orderBy(asc(offers.createdAt), asc(offers.id));
}

/** Mails about this family: those that name it, and those sent to its parents' addresses. */
export function getMailsOfFamily(db: Database, familyId: string, addresses: string[]) {
  const conditions = [eq(outbox.familyId, familyId)];
  if (addresses.length > 0) conditions.push(inArray(sql`lower(${outbox.toAddress})`, addresses));
  return db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(or(...conditions))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(100);
}

export function getNotesOfFamily(db: Database, familyId: string) {
  return db
    .select({
      id: deskNotes.id,
      kind: deskNotes.kind,
      body: deskNotes.body,
      createdAt: deskNotes.createdAt,
      author: users.displayName,
    })
    .from(deskNotes)
    .leftJoin(users, eq(users.id, deskNotes.authorUserId))
    .where(eq(deskNotes.familyId, familyId))
    .orderBy(desc(deskNotes.createdAt), desc(deskNotes.id));
}

export async function insertNote(
  db: Database,
  values: { familyId: string; body: string; authorUserId: string; createdAt: Date },
) {
  await db.insert(deskNotes).values({ ...values, kind: 'note' });
}

export function getOpenTasksOfFamily(db: Database, familyId: string) {
  return db
    .select({
      id: followUpTasks.id,
      kind: followUpTasks.kind,
      municipalityId: followUpTasks.municipalityId,
      createdAt: followUpTasks.createdAt,
      details: followUpTasks.details,
    })
    .from(followUpTasks)
    .where(and(eq(followUpTasks.familyId, familyId), isNull(followUpTasks.doneAt)))
    .orderBy(asc(followUpTasks.createdAt));
}
