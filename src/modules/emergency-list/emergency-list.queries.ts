import { and, count, eq, type SQL, sql } from 'drizzle-orm';
import { type Database, preparedStatement, schema } from '../../platform/db/index.ts';
import { addDays, type LocalDate } from '../../shared/dates.ts';
import { priorityLevelSql, type Rules } from '../priority-rules/index.ts';

/**
 * The emergency list in SQL: active requests of one municipality without a place whose desired
 * start is within the municipality's window from today (already passed ones included), plus those
 * the desk put forward to the looking location; forwarded ones first, then social emergencies. It
 * moves by itself because "today" is a parameter.
 *
 * The window (DOMAIN.md: the exception to free choice is a start within 30 days) is kept for
 * every location, social emergencies included: the flag marks urgency with a social reason among
 * the requests on the list, it does not widen the list for all providers. Only a forward does,
 * and only for the locations the desk chose: the desk asked them by mail to look at this request,
 * so it stays on their list, on top, whatever its start date, until it is placed or no longer active.
 */
const {
  families,
  children,
  requests,
  preferences,
  providerLocations,
  municipalities,
  subMunicipalities,
  requestForwards,
} = schema;

export type EmergencyScope = {
  municipalityId: string;
  today: LocalDate;
  windowDays: number;
  /** The location looking: marks requests it is already among the preferences of (and how). */
  locationId: string;
  /** The priority rule set valid today (undefined when none is). */
  rules: Rules | undefined;
};

/** The day (in Belgium) the desk put the request forward to the looking location, or null. */
const forwardedAtSql = (locationId: string) =>
  sql<
    string | null
  >`(select (${requestForwards.forwardedAt} at time zone 'Europe/Brussels')::date::text from ${requestForwards} where ${requestForwards.requestId} = ${requests.id} and ${requestForwards.providerLocationId} = ${locationId})`;

function onList(scope: EmergencyScope): SQL[] {
  const placed = preferences;
  return [
    eq(requests.municipalityId, scope.municipalityId),
    eq(requests.status, 'active'),
    // Both arms are index conditions (the municipality's active requests by start; the forwarded
    // ones by id), so the database reads the requests on the list and not every active one.
    sql`(${requests.desiredStart} <= ${addDays(scope.today, scope.windowDays)}::date
      or ${requests.id} = any(array(select ${requestForwards.requestId} from ${requestForwards}
        where ${requestForwards.providerLocationId} = ${scope.locationId})))`,
    sql`not exists (select 1 from ${placed} where ${placed.requestId} = ${requests.id}
      and ${placed.status} in ('offer_accepted', 'enrolled'))`,
  ];
}

/** The looking location's own preference status on the request, or null when it is not among them. */
const ownStatusSql = (locationId: string) =>
  sql<
    string | null
  >`(select ${preferences.status}::text from ${preferences} where ${preferences.requestId} = ${requests.id} and ${preferences.providerLocationId} = ${locationId})`;
const pendingOffersSql = sql<number>`(select count(*)::int from ${preferences} where ${preferences.requestId} = ${requests.id} and ${preferences.status} = 'offer_made')`;

function selectRows<Extra extends Record<string, SQL.Aliased>>(
  db: Database,
  scope: EmergencyScope,
  extra?: Extra,
) {
  return db
    .select({
      ...(extra as Extra),
      requestId: requests.id,
      familyId: requests.familyId,
      desiredStart: requests.desiredStart,
      desiredEnd: requests.desiredEnd,
      carePlan: requests.carePlan,
      kind: requests.kind,
      careNeeds: requests.careNeeds,
      socialReason: requests.socialReason,
      submittedAt: requests.submittedAt,
      birthDate: children.birthDate,
      expectedBirthDate: children.expectedBirthDate,
      subMunicipality: subMunicipalities.name,
      priorityLevel: sql<number>`${priorityLevelSql(scope.rules)}::int`,
      ownStatus: ownStatusSql(scope.locationId),
      pendingOffers: pendingOffersSql,
      forwardedOn: forwardedAtSql(scope.locationId),
    })
    .from(requests)
    .innerJoin(children, eq(children.id, requests.childId))
    .innerJoin(families, eq(families.id, requests.familyId))
    .leftJoin(subMunicipalities, eq(subMunicipalities.id, families.subMunicipalityId));
}

/** The list's order: forwarded to the looking location first, then social emergencies, then by start. */
function listOrder(scope: EmergencyScope): SQL[] {
  return [
    sql`(${forwardedAtSql(scope.locationId)} is not null) desc`,
    sql`(${requests.socialReason} is not null) desc`,
    sql`${requests.desiredStart} asc`,
    sql`${requests.submittedAt} asc`,
    sql`${requests.id} asc`,
  ];
}

export type EmergencyRow = Awaited<ReturnType<typeof getEmergencyList>>['rows'][number];

/**
 * One page of the list and the number of requests on it, in one statement: the page is chosen on the
 * request rows alone (with the total as a window count over the same scan), and the child, the family
 * and the rest are read for that page's rows only. `total` is undefined when the page lies beyond the
 * last one (no row to carry the count).
 */
export async function getEmergencyList(
  db: Database,
  scope: EmergencyScope,
  page: { limit: number; offset: number },
) {
  const order = listOrder(scope);
  const ids = db
    .select({
      id: sql<string>`${requests.id}`.as('page_id'),
      total: sql<number>`(count(*) over ())::int`.as('page_total'),
      ord: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.as('page_ord'),
    })
    .from(requests)
    .where(and(...onList(scope)))
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)
    .as('page');
  const rows = await selectRows(db, scope, { total: ids.total })
    .innerJoin(ids, eq(ids.id, requests.id))
    .orderBy(ids.ord);
  return { rows: rows.map(({ total: _, ...row }) => row), total: rows[0]?.total };
}

/** Only needed when a page lies beyond the last one (the window count then has no row to sit on). */
export async function countEmergencyList(db: Database, scope: EmergencyScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(requests)
    .where(and(...onList(scope)));
  return row?.n ?? 0;
}

/** One request, only while it is on the list. */
export async function getEmergencyRequest(db: Database, scope: EmergencyScope, requestId: string) {
  const rows = await selectRows(db, scope).where(and(eq(requests.id, requestId), ...onList(scope)));
  return rows[0];
}

/** Locks a request row: the offer and a parent's answer on one request are serialised. */
export async function lockRequest(db: Database, requestId: string) {
  await db.select({ id: requests.id }).from(requests).where(eq(requests.id, requestId)).for('update');
}

export async function getLocationWithSettings(db: Database, locationId: string) {
  const rows = await locationWithSettings(db).execute({ locationId });
  return rows[0];
}

/** Read on every view of the list: prepared (see preparedStatement). */
const locationWithSettings = preparedStatement((db) =>
  db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      municipalityId: providerLocations.municipalityId,
      active: providerLocations.active,
      careType: providerLocations.careType,
      municipalityName: municipalities.name,
      emergencyWindowDays: municipalities.emergencyWindowDays,
      offerDeadlineDays: municipalities.offerDeadlineDays,
    })
    .from(providerLocations)
    .innerJoin(municipalities, eq(municipalities.id, providerLocations.municipalityId))
    .where(eq(providerLocations.id, sql.placeholder('locationId')))
    .prepare('emergency_list_location'),
);
