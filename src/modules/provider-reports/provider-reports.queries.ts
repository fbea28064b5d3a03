import { type AnyColumn, and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { LocalDate } from '../../shared/dates.ts';

/**
 * The figures of one location's reports, each one GROUP BY statement: the database counts, the
 * application only names the groups. The period is a range of calendar days in Belgium; an
 * instant counts on the day it happened there. The sources are the preference rows (received),
 * the status events (answers and their reasons, the first answer) and the offers.
 */
const { preferences, requests, children, offers, statusEvents } = schema;

export type Period = { from: LocalDate; to: LocalDate };
export type ReportScope = { locationId: string; period: Period };

const dayOf = (instant: SQL | AnyColumn) => sql`((${instant}) at time zone 'Europe/Brussels')::date`;
const inPeriod = (instant: SQL | AnyColumn, p: Period) =>
  sql`${dayOf(instant)} between ${p.from}::date and ${p.to}::date`;

/** The status events that answer a request for a location (an offer taken back is not an answer). */
export const ANSWER_EVENTS = ['preference.waiting_list', 'preference.offer_made', 'preference.no_place'];
const isAnswer = sql`${statusEvents.eventType} in ('preference.waiting_list', 'preference.offer_made', 'preference.no_place')
  and coalesce(${statusEvents.details}->>'offerWithdrawn', 'false') <> 'true'`;

/** Preferences still waiting for this location: the same statuses the waiting list calls open. */
const OPEN_PREFERENCE = ['new', 'seen', 'waiting_list', 'offer_made'] as const;
const OPEN_REQUEST = ['active', 'answered'] as const;

/** Requests received in the period (a preference for this location created then), by rank and channel. */
export function receivedByRankAndChannel(db: Database, s: ReportScope) {
  return db
    .select({ rank: preferences.rank, channel: requests.channel, n: sql<number>`count(*)::int` })
    .from(preferences)
    .innerJoin(requests, eq(requests.id, preferences.requestId))
    .where(and(eq(preferences.providerLocationId, s.locationId), inPeriod(preferences.createdAt, s.period)))
    .groupBy(preferences.rank, requests.channel);
}

/**
 * Answers given in the period, by kind and no-place reason code. Joined on the request as well as
 * the preference, so the status events' request index finds them.
 */
export function answersByKind(db: Database, s: ReportScope) {
  const reason = sql<string | null>`${statusEvents.details}->>'reason'`;
  return db
    .select({ eventType: statusEvents.eventType, reason, n: sql<number>`count(*)::int` })
    .from(statusEvents)
    .innerJoin(
      preferences,
      and(eq(preferences.requestId, statusEvents.requestId), eq(preferences.id, statusEvents.preferenceId)),
    )
    .where(
      and(
        eq(preferences.providerLocationId, s.locationId),
        inPeriod(statusEvents.occurredAt, s.period),
        isAnswer,
      ),
    )
    .groupBy(statusEvents.eventType, reason);
}

/** Offers made in the period by their status now, and how many of them came from the emergency list. */
export function offersByStatus(db: Database, s: ReportScope) {
  return db
    .select({
      status: offers.status,
      n: sql<number>`count(*)::int`,
      fromEmergencyList: sql<number>`(count(*) filter (where ${preferences.addedFromEmergencyList}))::int`,
    })
    .from(offers)
    .innerJoin(preferences, eq(preferences.id, offers.preferenceId))
    .where(and(eq(preferences.providerLocationId, s.locationId), inPeriod(offers.createdAt, s.period)))
    .groupBy(offers.status);
}

/**
 * For the requests received in the period: how many got a first answer, the median number of
 * calendar days from receipt to that answer, and how many were answered within `days`.
 */
export async function responseTimes(db: Database, s: ReportScope, days: number) {
  const firstAnswer = db
    .select({
      preferenceId: statusEvents.preferenceId,
      at: sql<Date>`min(${statusEvents.occurredAt})`.as('first_at'),
    })
    .from(statusEvents)
    .innerJoin(
      preferences,
      and(eq(preferences.requestId, statusEvents.requestId), eq(preferences.id, statusEvents.preferenceId)),
    )
    .where(and(eq(preferences.providerLocationId, s.locationId), isAnswer))
    .groupBy(statusEvents.preferenceId)
    .as('first_answer');
  const waited = sql`(${dayOf(sql`${firstAnswer.at}`)} - ${dayOf(preferences.createdAt)})`;
  const [row] = await db
    .select({
      received: sql<number>`count(*)::int`,
      answered: sql<number>`count(${firstAnswer.at})::int`,
      median: sql<string | null>`percentile_cont(0.5) within group (order by ${waited})`,
      within: sql<number>`(count(*) filter (where ${waited} <= ${days}))::int`,
    })
    .from(preferences)
    .leftJoin(firstAnswer, eq(firstAnswer.preferenceId, preferences.id))
    .where(and(eq(preferences.providerLocationId, s.locationId), inPeriod(preferences.createdAt, s.period)));
  return {
    received: row?.received ?? 0,
    answered: row?.answered ?? 0,
    median: row?.median === null || row?.median === undefined ? null : Number(row.median),
    within: row?.within ?? 0,
  };
}

const openWaiting = (locationId: string) =>
  and(
    eq(preferences.providerLocationId, locationId),
    inArray(preferences.status, [...OPEN_PREFERENCE]),
    inArray(requests.status, [...OPEN_REQUEST]),
  );

/** Today's open preferences by desired start month ('YYYY-MM'). */
export function waitingByStartMonth(db: Database, locationId: string) {
  const month = sql<string>`to_char(${requests.desiredStart}, 'YYYY-MM')`;
  return db
    .select({ month, n: sql<number>`count(*)::int` })
    .from(preferences)
    .innerJoin(requests, eq(requests.id, preferences.requestId))
    .where(openWaiting(locationId))
    .groupBy(month)
    .orderBy(month);
}

export const AGE_GROUPS = ['m0', 'm6', 'm12', 'm18', 'm24', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Today's open preferences by the child's age in whole months at the desired start. */
export function waitingByAgeGroup(db: Database, locationId: string) {
  const born = sql`coalesce(${children.birthDate}, ${children.expectedBirthDate})`;
  const months = sql`(extract(year from age(${requests.desiredStart}, ${born})) * 12
    + extract(month from age(${requests.desiredStart}, ${born})))`;
  const group = sql<AgeGroup>`case when ${born} is null then 'unknown'
    when ${months} < 6 then 'm0' when ${months} < 12 then 'm6' when ${months} < 18 then 'm12'
    when ${months} < 24 then 'm18' else 'm24' end`;
  return db
    .select({ group, n: sql<number>`count(*)::int` })
    .from(preferences)
    .innerJoin(requests, eq(requests.id, preferences.requestId))
    .innerJoin(children, eq(children.id, requests.childId))
    .where(openWaiting(locationId))
    .groupBy(group);
}

/** The location's name and kind of care, and its municipality's first-answer setting (days). */
export async function getLocation(db: Database, locationId: string) {
  const { providerLocations, municipalities } = schema;
  const [row] = await db
    .select({
      id: providerLocations.id,
      name: providerLocations.name,
      careType: providerLocations.careType,
      firstAnswerDays: municipalities.firstAnswerDays,
    })
    .from(providerLocations)
    .innerJoin(municipalities, eq(municipalities.id, providerLocations.municipalityId))
    .where(eq(providerLocations.id, locationId));
  return row;
}

// ——— The weekly overdue digest ———

const STAFF_ROLES = ['provider_staff', 'provider_admin'] as const;

/** Active locations that have at least one enabled staff account, with their first-answer setting. */
export function getLocationsWithStaff(db: Database) {
  const { providerLocations, municipalities, roleGrants, users } = schema;
  return db
    .selectDistinct({
      id: providerLocations.id,
      name: providerLocations.name,
      firstAnswerDays: municipalities.firstAnswerDays,
    })
    .from(providerLocations)
    .innerJoin(municipalities, eq(municipalities.id, providerLocations.municipalityId))
    .innerJoin(roleGrants, eq(roleGrants.providerLocationId, providerLocations.id))
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(providerLocations.active, true),
        inArray(roleGrants.role, [...STAFF_ROLES]),
        sql`${users.disabledAt} is null`,
      ),
    )
    .orderBy(providerLocations.name, providerLocations.id);
}

/** The enabled staff accounts of a location, each with the language they chose. */
export function getStaffOfLocation(db: Database, locationId: string) {
  const { roleGrants, users } = schema;
  return db
    .selectDistinct({ id: users.id, email: users.email, name: users.displayName, language: users.language })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.providerLocationId, locationId),
        inArray(roleGrants.role, [...STAFF_ROLES]),
        sql`${users.disabledAt} is null`,
      ),
    )
    .orderBy(users.email);
}

/** Locks a location's row, so two digest runs for it are serialised. */
export async function lockLocation(db: Database, locationId: string) {
  const { providerLocations } = schema;
  await db
    .select({ id: providerLocations.id })
    .from(providerLocations)
    .where(eq(providerLocations.id, locationId))
    .for('update');
}

export const DIGEST_ACTION = 'provider.overdueDigest.mail';

/** Whether this week's digest of the location went out already (its audit row is the record). */
export async function digestSent(db: Database, locationId: string, week: LocalDate): Promise<boolean> {
  const { auditLog } = schema;
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        // The job is the actor (none): the actor index narrows the search to this week's rows.
        sql`${auditLog.actorUserId} is null`,
        sql`${auditLog.occurredAt} >= (${week}::date)::timestamp at time zone 'Europe/Brussels'`,
        eq(auditLog.action, DIGEST_ACTION),
        eq(auditLog.subjectType, 'waiting_list'),
        eq(auditLog.subjectId, locationId),
        sql`${auditLog.details}->>'week' = ${week}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}
