import { and, count, eq, type SQL, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import { addDays, type LocalDate } from '../../shared/dates.ts';
import { priorityGroupSql } from '../requests/index.ts';

/**
 * The emergency list in SQL: active requests of one municipality without a place whose desired
 * start is within the municipality's window from today (already passed ones included), social
 * emergencies first. It moves by itself because "today" is a parameter.
 */
const { families, children, requests, preferences, providerLocations, municipalities, subMunicipalities } =
  schema;

export type EmergencyScope = {
  municipalityId: string;
  today: LocalDate;
  windowDays: number;
  /** The location looking: marks requests it is already among the preferences of (and how). */
  locationId: string;
};

function onList(scope: EmergencyScope): SQL[] {
  const placed = preferences;
  return [
    eq(requests.municipalityId, scope.municipalityId),
    eq(requests.status, 'active'),
    sql`${requests.desiredStart} <= ${addDays(scope.today, scope.windowDays)}::date`,
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

function selectRows(db: Database, scope: EmergencyScope) {
  return db
    .select({
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
      priorityGroup: priorityGroupSql,
      ownStatus: ownStatusSql(scope.locationId),
      pendingOffers: pendingOffersSql,
    })
    .from(requests)
    .innerJoin(children, eq(children.id, requests.childId))
    .innerJoin(families, eq(families.id, requests.familyId))
    .leftJoin(subMunicipalities, eq(subMunicipalities.id, families.subMunicipalityId));
}

export type EmergencyRow = Awaited<ReturnType<typeof getEmergencyList>>[number];

export function getEmergencyList(
  db: Database,
  scope: EmergencyScope,
  page: { limit: number; offset: number },
) {
  return selectRows(db, scope)
    .where(and(...onList(scope)))
    .orderBy(
      sql`(${requests.socialReason} is not null) desc`,
      sql`${requests.desiredStart} asc`,
      sql`${requests.submittedAt} asc`,
      sql`${requests.id} asc`,
    )
    .limit(page.limit)
    .offset(page.offset);
}

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
  const rows = await db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      municipalityId: providerLocations.municipalityId,
      active: providerLocations.active,
      municipalityName: municipalities.name,
      emergencyWindowDays: municipalities.emergencyWindowDays,
      offerDeadlineDays: municipalities.offerDeadlineDays,
    })
    .from(providerLocations)
    .innerJoin(municipalities, eq(municipalities.id, providerLocations.municipalityId))
    .where(eq(providerLocations.id, locationId));
  return rows[0];
}
