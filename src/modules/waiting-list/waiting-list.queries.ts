import { and, asc, count, eq, inArray, max, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Database, preparedStatement, schema } from '../../platform/db/index.ts';
import { addMonths, type LocalDate, localDate, WEEKDAYS } from '../../shared/dates.ts';
import { priorityLevelSql, type Rules } from '../priority-rules/index.ts';
import { customIdOf, type Filters, type Sort, type StandardColumn } from './waiting-list.view.ts';

/**
 * The waiting list of one location in SQL: filters, sort and pagination all happen in the
 * database, so a location with thousands of preferences sends only one page over the wire.
 */
const {
  families,
  parents,
  children,
  requests,
  preferences,
  providerLocations,
  municipalities,
  providerNotes,
  customColumns,
  customColumnValues,
  waitingListSettings,
} = schema;

/** Days of care per week from the JSON care plan: full = 1, half = 0.5. */
const daysPerWeekSql = sql<string>`(${sql.join(
  WEEKDAYS.map(
    (d) =>
      sql`(case ${requests.carePlan}->'days'->>${sql.raw(`'${d}'`)} when 'full' then 1 when 'half' then 0.5 else 0 end)`,
  ),
  sql` + `,
)})`;

/** Days a request has waited for this location's first answer (null once answered). */
const waitingDaysSql = (today: LocalDate) =>
  sql<number | null>`(case when ${preferences.status} in ('new', 'seen')
    then (${today}::date - (${requests.submittedAt} at time zone 'Europe/Brussels')::date) end)`;

const latestNoteSql = sql<string | null>`(select ${providerNotes.text} from ${providerNotes}
  where ${providerNotes.providerLocationId} = ${preferences.providerLocationId}
    and ${providerNotes.requestId} = ${preferences.requestId}
  order by ${providerNotes.createdAt} desc limit 1)`;

const OPEN = ['new', 'seen', 'waiting_list', 'offer_made'] as const;
const UNANSWERED = ['new', 'seen'] as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `rules`: the priority rule set valid today (undefined when none is): the list ranks by it. */
export type ListScope = {
  locationId: string;
  today: LocalDate;
  firstAnswerDays: number;
  rules: Rules | undefined;
};

/** The filters on the preference itself (its status and rank). */
function preferenceConditions(f: Filters): SQL[] {
  const where: SQL[] = [];
  if (f.status === 'open') where.push(inArray(preferences.status, [...OPEN]));
  else if (f.status === 'unanswered') where.push(inArray(preferences.status, [...UNANSWERED]));
  else if (f.status !== 'all') where.push(eq(preferences.status, f.status));
  if (f.rank === 'none') where.push(sql`${preferences.rank} is null`);
  else if (f.rank) where.push(eq(preferences.rank, Number(f.rank)));
  return where;
}

/** True when the status filter lets only open preferences through. */
function onlyOpenStatuses(f: Filters): boolean {
  return f.status === 'open' || f.status === 'unanswered' || (OPEN as readonly string[]).includes(f.status);
}

/**
 * True when no filter reads the request, the child or the family: the list then counts on its own,
 * from one index (countWaitingList); otherwise the page's statement counts (withTotal).
 */
export function onlyPreferenceFilters(f: Filters): boolean {
  return (
    !f.q &&
    !f.startFrom &&
    !f.startTo &&
    f.days.length === 0 &&
    f.minDays === undefined &&
    f.maxDays === undefined &&
    !f.priority &&
    !f.occasional &&
    !f.careNeeds &&
    !f.overdue
  );
}

function conditions(scope: ListScope, f: Filters): SQL[] {
  const where: SQL[] = [
    eq(preferences.providerLocationId, scope.locationId),
    // A request the parents withdrew is no longer anyone's business.
    ne(requests.status, 'withdrawn'),
  ];
  where.push(...preferenceConditions(f));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    where.push(
      sql`((coalesce(${children.firstName}, '') || ' ' || ${children.lastName}) ilike ${pattern}
        or ${families.fileNumber} ilike ${pattern})`,
    );
  }
  if (f.startFrom) where.push(sql`${requests.desiredStart} >= ${`${f.startFrom}-01`}::date`);
  if (f.startTo) {
    where.push(sql`${requests.desiredStart} < ${addMonths(localDate(`${f.startTo}-01`), 1)}::date`);
  }
  if (f.days.length > 0) {
    for (const d of WEEKDAYS.filter((w) => !f.days.includes(w))) {
      where.push(sql`coalesce(${requests.carePlan}->'days'->>${sql.raw(`'${d}'`)}, 'none') = 'none'`);
    }
  }
  if (f.minDays !== undefined) where.push(sql`${daysPerWeekSql} >= ${f.minDays}`);
  if (f.maxDays !== undefined) where.push(sql`${daysPerWeekSql} <= ${f.maxDays}`);
  if (f.priority)
    where.push(sql`${priorityLevelSql(scope.rules)} ${sql.raw(f.priority === 'yes' ? '>' : '=')} 0`);
  if (f.occasional) where.push(eq(requests.kind, f.occasional === 'yes' ? 'occasional' : 'regular'));
  if (f.careNeeds) where.push(eq(requests.careNeeds, f.careNeeds === 'yes'));
  if (f.overdue) where.push(sql`${waitingDaysSql(scope.today)} > ${scope.firstAnswerDays}`);
  return where;
}

function sortExpressions(column: StandardColumn, scope: ListScope): SQL[] {
  const { today } = scope;
  switch (column) {
    case 'fileNumber':
      return [sql`length(${families.fileNumber})`, sql`${families.fileNumber}`];
    case 'fileStatus':
      return [sql`${requests.status}`];
    case 'status':
      // The enum's order is the lifecycle: open ones first, closed ones last.
      return [sql`${preferences.status}`, sql`${requests.desiredStart}`];
    case 'child':
      return [sql`lower(${children.lastName})`, sql`lower(coalesce(${children.firstName}, ''))`];
    case 'birth':
      return [sql`coalesce(${children.birthDate}, ${children.expectedBirthDate})`];
    case 'start':
      return [sql`${requests.desiredStart}`];
    case 'end':
      return [sql`${requests.desiredEnd}`];
    case 'carePlan':
      return [daysPerWeekSql];
    case 'priorityGroup':
      return [priorityLevelSql(scope.rules)];
    case 'rank':
      return [sql`${preferences.rank}`];
    case 'received':
      return [sql`${requests.submittedAt}`];
    case 'waitingDays':
      return [waitingDaysSql(today)];
    case 'kind':
      return [sql`${requests.kind}`];
    case 'careNeeds':
      return [sql`${requests.careNeeds}`];
    case 'notes':
      return [sql`lower(${latestNoteSql})`];
  }
}

const sortValue = alias(customColumnValues, 'sort_value');

/** Whether the filters or the sort read the child (its name or birth). */
function needsChild(f: Filters, sort: Sort): boolean {
  return Boolean(f.q) || sort.column === 'child' || sort.column === 'birth';
}

/** Whether the filters or the sort read the family (file number, priority facts). */
function needsFamily(f: Filters, sort: Sort): boolean {
  return Boolean(f.q || f.priority) || sort.column === 'fileNumber' || sort.column === 'priorityGroup';
}

/**
 * One page of the list's preferences, in list order (`page_ord`): filtered and sorted over the
 * preference and its request only, joining the child and the family only when a filter or the sort
 * reads them. Everything a row shows (names, the priority group, the latest note) is then read for
 * this page's rows alone (getWaitingListPage), not for the thousands that the sort passes over. A
 * plain ORDER BY … LIMIT, so that the planner may stop early (the default sort reads the status in
 * index order and sorts only the first group by start). With `withTotal`, the number of matches
 * comes along as a window count over the same scan (`page_total`): a filter that reads the request
 * or the family must visit every match anyway, and a second statement would visit them all again.
 */
function pageIds(
  db: Database,
  scope: ListScope,
  view: { filters: Filters; sort: Sort },
  page: { limit: number; offset: number; withTotal: boolean },
) {
  const { filters, sort } = view;
  const customId = customIdOf(sort.column);
  const expressions = customId
    ? [sql`lower(${sortValue.value})`]
    : sortExpressions(sort.column as StandardColumn, scope);
  const direction = sort.dir === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  const order = [
    ...expressions.map((e) => sql`${e} ${direction}`),
    sql`${requests.submittedAt} asc`,
    sql`${preferences.id} asc`,
  ];
  let query = db
    .select({
      id: sql<string>`${preferences.id}`.as('page_id'),
      ord: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.as('page_ord'),
      total: (page.withTotal
        ? sql<number | null>`(count(*) over ())::int`
        : sql<number | null>`null::int`
      ).as('page_total'),
    })
    .from(preferences)
    .innerJoin(requests, eq(requests.id, preferences.requestId))
    .$dynamic();
  if (needsChild(filters, sort)) query = query.innerJoin(children, eq(children.id, requests.childId));
  if (needsFamily(filters, sort)) query = query.innerJoin(families, eq(families.id, requests.familyId));
  if (customId)
    query = query.leftJoin(
      sortValue,
      and(eq(sortValue.requestId, requests.id), eq(sortValue.columnId, customId)),
    );
  return query
    .where(and(...conditions(scope, filters)))
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)
    .as('page');
}

export type WaitingListRow = Awaited<ReturnType<typeof getWaitingListPage>>[number];

/**
 * One page of the list. Each row carries `total`, the number of matches, when `withTotal` asked for
 * it (null otherwise; no row at all on a page beyond the last one).
 */
export function getWaitingListPage(
  db: Database,
  scope: ListScope,
  view: { filters: Filters; sort: Sort },
  page: { limit: number; offset: number; withTotal?: boolean },
) {
  const ids = pageIds(db, scope, view, { ...page, withTotal: page.withTotal === true });
  return db
    .select({
      preferenceId: preferences.id,
      requestId: requests.id,
      familyId: families.id,
      fileNumber: families.fileNumber,
      requestStatus: requests.status,
      preferenceStatus: preferences.status,
      childFirstName: children.firstName,
      childLastName: children.lastName,
      birthDate: children.birthDate,
      expectedBirthDate: children.expectedBirthDate,
      desiredStart: requests.desiredStart,
      desiredEnd: requests.desiredEnd,
      carePlan: requests.carePlan,
      /** 2 absolute priority, 1 priority, 0 none, under the set valid today. */
      priorityLevel: sql<number>`${priorityLevelSql(scope.rules)}::int`,
      rank: preferences.rank,
      addedFromEmergencyList: preferences.addedFromEmergencyList,
      submittedAt: requests.submittedAt,
      waitingDays: waitingDaysSql(scope.today),
      kind: requests.kind,
      careNeeds: requests.careNeeds,
      latestNote: latestNoteSql,
      total: ids.total,
    })
    .from(ids)
    .innerJoin(preferences, eq(preferences.id, ids.id))
    .innerJoin(requests, eq(requests.id, preferences.requestId))
    .innerJoin(children, eq(children.id, requests.childId))
    .innerJoin(families, eq(families.id, requests.familyId))
    .orderBy(ids.ord);
}

export async function countWaitingList(db: Database, scope: ListScope, filters: Filters): Promise<number> {
  if (onlyPreferenceFilters(filters)) {
    // Withdrawing a request closes its open preferences in the same transaction (every path that
    // withdraws does: the parent, an account deletion, a merge), so an open preference never
    // belongs to a withdrawn request: counting open ones reads preferences_open_location_idx alone.
    // Closed ones may (a withdrawn request's preferences): rather than looking up each one's request
    // over 5 years, the few withdrawn requests are left out in one anti-join (requests_withdrawn_idx;
    // docs/performance.md).
    const withdrawnLeftOut = onlyOpenStatuses(filters)
      ? []
      : [
          sql`not exists (select 1 from ${requests} where ${requests.id} = ${preferences.requestId}
            and ${requests.status} = 'withdrawn')`,
        ];
    const [row] = await db
      .select({ n: count() })
      .from(preferences)
      .where(
        and(
          eq(preferences.providerLocationId, scope.locationId),
          ...withdrawnLeftOut,
          ...preferenceConditions(filters),
        ),
      );
    return row?.n ?? 0;
  }
  // Children and families only when a filter reads them: every request has both, and on a list of
  // thousands of preferences the two extra look-ups per row were most of the count's time.
  const needsFamily = Boolean(filters.q || filters.priority);
  let query = db
    .select({ n: count() })
    .from(preferences)
    .innerJoin(requests, eq(requests.id, preferences.requestId))
    .$dynamic();
  if (filters.q) query = query.innerJoin(children, eq(children.id, requests.childId));
  if (needsFamily) query = query.innerJoin(families, eq(families.id, requests.familyId));
  const [row] = await query.where(and(...conditions(scope, filters)));
  return row?.n ?? 0;
}

/** The own-column values of some requests (one page, or every request of an export). */
export async function getCustomValues(db: Database, columnIds: string[], requestIds: string[]) {
  if (columnIds.length === 0 || requestIds.length === 0) return [];
  const rows: { columnId: string; requestId: string; value: string }[] = [];
  // In slices, to stay far below the parameter limit of the protocol on a large export.
  for (let i = 0; i < requestIds.length; i += 1000) {
    rows.push(
      ...(await db
        .select({
          columnId: customColumnValues.columnId,
          requestId: customColumnValues.requestId,
          value: customColumnValues.value,
        })
        .from(customColumnValues)
        .where(
          and(
            inArray(customColumnValues.columnId, columnIds),
            inArray(customColumnValues.requestId, requestIds.slice(i, i + 1000)),
          ),
        )),
    );
  }
  return rows;
}

/** How to reach the parents of some families (an export for staff who may contact them). */
export async function getParentContacts(db: Database, familyIds: string[]) {
  const rows: {
    familyId: string;
    firstName: string;
    lastName: string;
    email: string | null;
    phone: string | null;
  }[] = [];
  const unique = [...new Set(familyIds)];
  // In slices, like the own-column values: an export may hold thousands of families.
  for (let i = 0; i < unique.length; i += 1000) {
    rows.push(
      ...(await db
        .select({
          familyId: parents.familyId,
          firstName: parents.firstName,
          lastName: parents.lastName,
          email: parents.email,
          phone: parents.phone,
        })
        .from(parents)
        .where(inArray(parents.familyId, unique.slice(i, i + 1000)))
        .orderBy(asc(parents.familyId), asc(parents.position), asc(parents.createdAt))),
    );
  }
  return rows;
}

// ——— Location, settings and own columns ———

export async function getLocationWithSettings(db: Database, locationId: string) {
  const rows = await locationWithSettings(db).execute({ locationId });
  return rows[0];
}

// The list's fixed statements, read on every view: prepared (see preparedStatement).
const locationWithSettings = preparedStatement((db) =>
  db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      municipalityId: providerLocations.municipalityId,
      careType: providerLocations.careType,
      firstAnswerDays: municipalities.firstAnswerDays,
    })
    .from(providerLocations)
    .innerJoin(municipalities, eq(municipalities.id, providerLocations.municipalityId))
    .where(eq(providerLocations.id, sql.placeholder('locationId')))
    .prepare('waiting_list_location'),
);

export async function getSettings(db: Database, userId: string, locationId: string) {
  const rows = await settingsOf(db).execute({ userId, locationId });
  return rows[0];
}

const settingsOf = preparedStatement((db) =>
  db
    .select({
      hiddenColumns: waitingListSettings.hiddenColumns,
      columnOrder: waitingListSettings.columnOrder,
      filters: waitingListSettings.filters,
    })
    .from(waitingListSettings)
    .where(
      and(
        eq(waitingListSettings.userId, sql.placeholder('userId')),
        eq(waitingListSettings.providerLocationId, sql.placeholder('locationId')),
      ),
    )
    .prepare('waiting_list_settings'),
);

export async function upsertSettings(
  db: Database,
  key: { userId: string; locationId: string },
  values: { hiddenColumns?: string[]; columnOrder?: string[]; filters?: Record<string, string> },
  at: Date,
) {
  await db
    .insert(waitingListSettings)
    .values({ userId: key.userId, providerLocationId: key.locationId, ...values, updatedAt: at })
    .onConflictDoUpdate({
      target: [waitingListSettings.userId, waitingListSettings.providerLocationId],
      set: { ...values, updatedAt: at },
    });
}

export function getCustomColumns(db: Database, locationId: string) {
  return customColumnsOf(db).execute({ locationId });
}

const customColumnsOf = preparedStatement((db) =>
  db
    .select({ id: customColumns.id, name: customColumns.name, kind: customColumns.kind })
    .from(customColumns)
    .where(eq(customColumns.providerLocationId, sql.placeholder('locationId')))
    .orderBy(asc(customColumns.sortOrder), asc(customColumns.createdAt))
    .prepare('waiting_list_custom_columns'),
);

/** Adds an own column at the end; undefined when the location already has one by that name. */
export async function insertCustomColumn(
  db: Database,
  values: { locationId: string; name: string; kind: string; at: Date },
) {
  const [last] = await db
    .select({ n: max(customColumns.sortOrder) })
    .from(customColumns)
    .where(eq(customColumns.providerLocationId, values.locationId));
  const [row] = await db
    .insert(customColumns)
    .values({
      providerLocationId: values.locationId,
      name: values.name,
      kind: values.kind,
      sortOrder: (last?.n ?? 0) + 1,
      createdAt: values.at,
    })
    .onConflictDoNothing({ target: [customColumns.providerLocationId, customColumns.name] })
    .returning({ id: customColumns.id });
  return row;
}

/** Deletes an own column of this location (its values go with it); false when there was none. */
export async function deleteCustomColumn(db: Database, locationId: string, columnId: string) {
  const rows = await db
    .delete(customColumns)
    .where(and(eq(customColumns.id, columnId), eq(customColumns.providerLocationId, locationId)))
    .returning({ id: customColumns.id });
  return rows.length > 0;
}
