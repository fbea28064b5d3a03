import { and, asc, eq, exists, inArray, isNull, lt, lte, sql } from 'drizzle-orm';

import { type Database, schema } from '../../platform/db/index.ts';
import type { LocalDate } from '../../shared/dates.ts';

const {
  children,
  requests,
  preferences,
  offers,
  providerLocations,
  families,
  municipalities,
  roleGrants,
  users,
} = schema;

/** Unborn children whose expected birth date has passed, not reminded yet, with an open request. */
export function getChildrenDueBirthReminder(db: Database, today: LocalDate) {
  return db
    .select({
      childId: children.id,
      familyId: children.familyId,
      firstName: children.firstName,
      lastName: children.lastName,
      expectedBirthDate: children.expectedBirthDate,
    })
    .from(children)
    .innerJoin(families, eq(families.id, children.familyId))
    .where(
      and(
        isNull(children.birthDate),
        lt(children.expectedBirthDate, today),
        isNull(children.birthDataRemindedAt),
        isNull(families.anonymisedAt),
        exists(
          db
            .select({ one: sql`1` })
            .from(requests)
            .where(and(eq(requests.childId, children.id), inArray(requests.status, ['active', 'answered']))),
        ),
      ),
    )
    .orderBy(asc(children.createdAt));
}

/** Marks the reminder sent, only if no other run did so first; true when this run may mail. */
export async function markBirthDataReminded(db: Database, childId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(children)
    .set({ birthDataRemindedAt: at })
    .where(and(eq(children.id, childId), isNull(children.birthDataRemindedAt)))
    .returning({ id: children.id });
  return rows.length === 1;
}

const pendingOffer = {
  offerId: offers.id,
  preferenceId: preferences.id,
  requestId: requests.id,
  familyId: requests.familyId,
  answerDeadline: offers.answerDeadline,
  startDate: offers.startDate,
  locationName: providerLocations.name,
  locationEmail: providerLocations.email,
  /** The language of the location's (first) staff member, else the first language it speaks, else Dutch. */
  locationLanguage: sql<'nl' | 'fr' | 'en'>`coalesce(
    (select ${users.language}::text from ${roleGrants} join ${users} on ${users.id} = ${roleGrants.userId}
      where ${roleGrants.providerLocationId} = ${providerLocations.id} and ${users.disabledAt} is null
      order by ${roleGrants.createdAt} limit 1),
    case when ${providerLocations.languages}[1] in ('nl', 'fr', 'en') then ${providerLocations.languages}[1] end,
    'nl')`,
  childFirstName: children.firstName,
  childLastName: children.lastName,
  fileNumber: families.fileNumber,
};

function pendingOffers(db: Database) {
  return db
    .select(pendingOffer)
    .from(offers)
    .innerJoin(preferences, eq(preferences.id, offers.preferenceId))
    .innerJoin(requests, eq(requests.id, preferences.requestId))
    .innerJoin(children, eq(children.id, requests.childId))
    .innerJoin(families, eq(families.id, requests.familyId))
    .innerJoin(providerLocations, eq(providerLocations.id, preferences.providerLocationId));
}

/** Pending offers whose deadline is today or within `until`, not reminded yet. */
export function getOffersDueReminder(db: Database, today: LocalDate, until: LocalDate) {
  return pendingOffers(db)
    .where(
      and(
        eq(offers.status, 'pending'),
        isNull(offers.reminderSentAt),
        sql`${offers.answerDeadline} between ${today} and ${until}`,
      ),
    )
    .orderBy(asc(offers.answerDeadline));
}

export async function markOfferReminded(db: Database, offerId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(offers)
    .set({ reminderSentAt: at })
    .where(and(eq(offers.id, offerId), isNull(offers.reminderSentAt), eq(offers.status, 'pending')))
    .returning({ id: offers.id });
  return rows.length === 1;
}

/** Pending offers whose answer deadline has passed. */
export function getOffersPastDeadline(db: Database, today: LocalDate) {
  return pendingOffers(db)
    .where(and(eq(offers.status, 'pending'), lt(offers.answerDeadline, today)))
    .orderBy(asc(offers.answerDeadline));
}

/**
 * Active requests that may need a confirmation reminder or expire: those whose due date
 * (last confirmation + the municipality's interval) is at most `daysAhead` days away.
 */
export function getRequestsNearConfirmation(db: Database, today: LocalDate, daysAhead: number) {
  return db
    .select({
      requestId: requests.id,
      familyId: requests.familyId,
      lastConfirmedAt: requests.lastConfirmedAt,
      confirmationRemindedAt: requests.confirmationRemindedAt,
      intervalMonths: municipalities.confirmationIntervalMonths,
      childFirstName: children.firstName,
      childLastName: children.lastName,
    })
    .from(requests)
    .innerJoin(municipalities, eq(municipalities.id, requests.municipalityId))
    .innerJoin(children, eq(children.id, requests.childId))
    .where(
      and(
        eq(requests.status, 'active'),
        lte(
          sql`((${requests.lastConfirmedAt} at time zone 'Europe/Brussels')::date
            + make_interval(months => ${municipalities.confirmationIntervalMonths}))::date`,
          sql`${today}::date + ${daysAhead}::int`,
        ),
      ),
    )
    .orderBy(asc(requests.lastConfirmedAt));
}
