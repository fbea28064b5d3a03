/**
 * The rules of a request that need today's date or the database, shared by the wizard, the legacy
 * one-page form and the change pages. Each returns message keys per field (see common.ts).
 */

import type { Database } from '../../platform/db/index.ts';
import type { CarePlan, DayPart } from '../../platform/db/schema/requests.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import {
  addMonths,
  compareDates,
  type LocalDate,
  localDate,
  parseLocalDate,
  WEEKDAYS,
} from '../../shared/dates.ts';
import { parseNationalNumber } from '../../shared/national-number.ts';
import { ageInMonths, findChildByNationalNumberHash } from '../families/index.ts';
import { getLocationSummaries, getOldestAcceptedAgeMonths } from './drafts.queries.ts';
import { OCCASIONAL_MAX_MONTHS } from './request-dates.ts';
import {
  type CarePlanInput,
  MAX_PREFERENCE_FIELDS,
  type NewChildInput,
  type WhenInput,
} from './requests.schemas.ts';

/** Without any location to ask, a child older than this (4 years) is no toddler any more. */
export const DEFAULT_OLDEST_AGE_MONTHS = 48;

/**
 * The oldest age, in months, that any choosable location accepts — of the family's region when
 * given (a parent asks only there) — or the default without any.
 */
export async function oldestAcceptedAgeMonths(db: Database, regionId?: string): Promise<number> {
  return (await getOldestAcceptedAgeMonths(db, regionId)) ?? DEFAULT_OLDEST_AGE_MONTHS;
}

export type NewChild = {
  firstName: string | null;
  lastName: string;
  birthDate: LocalDate | null;
  expectedBirthDate: LocalDate | null;
  nationalNumber?: { cipher: string; hash: string };
  /** The same child (by national number) already in this family. */
  existingChildId?: string;
  /** Its open request, when it has one: the parent is pointed there. */
  existingRequestId?: string;
};

/**
 * A new child, born or unborn. The national number is checked against the birth date and looked
 * up by its keyed hash: the same child never gets a second file or a second open request.
 */
export async function checkNewChild(
  deps: AppDeps,
  familyId: string | undefined,
  input: NewChildInput,
  errors: Errors,
  regionId?: string,
): Promise<NewChild> {
  const today = deps.clock.today();
  const born = input.childBorn === 'yes';
  const birthDate = born ? (parseLocalDate(input.birthDate) ?? null) : null;
  const expectedBirthDate = born ? null : (parseLocalDate(input.expectedBirthDate) ?? null);
  if (born && !input.birthDate) errors.birthDate = 'required';
  if (birthDate && compareDates(birthDate, today) > 0) errors.birthDate = 'birthDateInFuture';
  else if (birthDate) {
    // No location would ever take a child this old: a typing error, or out-of-school care.
    const oldest = await oldestAcceptedAgeMonths(deps.db, regionId);
    if (ageInMonths(birthDate, today) > oldest) errors.birthDate = 'childTooOld';
  }
  if (!born && !input.expectedBirthDate) errors.expectedBirthDate = 'required';
  if (expectedBirthDate && compareDates(expectedBirthDate, today) < 0)
    errors.expectedBirthDate = 'expectedDateInPast';
  // A pregnancy lasts at most ten months: anything later is a typing error.
  if (expectedBirthDate && compareDates(expectedBirthDate, addMonths(today, 10)) > 0)
    errors.expectedBirthDate = 'expectedDateTooFar';

  const child: NewChild = {
    firstName: input.childFirstName || null,
    lastName: input.childLastName,
    birthDate,
    expectedBirthDate,
  };
  if (born && input.nationalNumber) {
    const parsed = parseNationalNumber(input.nationalNumber, birthDate ? { birthDate } : {});
    if (!parsed.ok) {
      errors.nationalNumber =
        parsed.error === 'birthDateMismatch' ? 'nationalNumberBirthDate' : 'invalidNationalNumber';
      return child;
    }
    child.nationalNumber = deps.vault.protect(parsed.value);
    const known = await findChildByNationalNumberHash(deps.db, child.nationalNumber.hash);
    if (known && known.familyId !== familyId) errors.nationalNumber = 'childKnownElsewhere';
    else if (known?.openRequestId) {
      errors.nationalNumber = 'childHasOpenRequest';
      child.existingRequestId = known.openRequestId;
    } else if (known) child.existingChildId = known.childId;
  }
  return child;
}

export type WhenValues = {
  kind: 'regular' | 'occasional';
  occasionalReason: string | null;
  desiredStart: LocalDate;
  desiredEnd: LocalDate | null;
};

/**
 * Type and dates: the start not in the past nor before the (expected) birth, and not so far ahead
 * that the child would be older than any location accepts (`oldestAgeMonths`, see
 * oldestAcceptedAgeMonths); the end after the start; an occasional request has a reason and ends
 * within OCCASIONAL_MAX_MONTHS. A start beyond the municipality's `maxMonthsAhead` is only a
 * warning (isFarAhead): that is the municipality's advice on when to file, not an impossibility.
 */
export function checkWhen(
  input: WhenInput,
  child: { birthDate: string | null; expectedBirthDate: string | null },
  today: LocalDate,
  errors: Errors,
  oldestAgeMonths: number,
): WhenValues | undefined {
  const start = localDate(input.desiredStart);
  const end = parseLocalDate(input.desiredEnd) ?? null;
  const birth = parseLocalDate(child.birthDate ?? child.expectedBirthDate ?? undefined);
  if (compareDates(start, today) < 0) errors.desiredStart = 'startInPast';
  else if (birth && compareDates(start, birth) < 0) errors.desiredStart = 'startBeforeBirth';
  else if (birth && compareDates(start, addMonths(birth, oldestAgeMonths)) > 0)
    errors.desiredStart = 'startTooFarAhead';
  if (end && compareDates(end, start) <= 0) errors.desiredEnd = 'endBeforeStart';
  if (input.kind === 'occasional') {
    if (!input.occasionalReason) errors.occasionalReason = 'required';
    if (!end) errors.desiredEnd = 'required';
    else if (compareDates(end, addMonths(start, OCCASIONAL_MAX_MONTHS)) > 0)
      errors.desiredEnd = 'occasionalTooLong';
  }
  if (Object.keys(errors).length > 0) return undefined;
  return {
    kind: input.kind,
    occasionalReason: input.kind === 'occasional' ? (input.occasionalReason ?? null) : null,
    desiredStart: start,
    desiredEnd: end,
  };
}

export type CarePlanValues = { carePlan: CarePlan; careNeeds: boolean; careNeedsText: string | null };

export function checkCarePlan(input: CarePlanInput, errors: Errors): CarePlanValues | undefined {
  const days = Object.fromEntries(WEEKDAYS.map((d) => [d, input[`day_${d}`]])) as Record<
    (typeof WEEKDAYS)[number],
    DayPart
  >;
  if (WEEKDAYS.every((d) => days[d] === 'none')) errors.carePlan = 'noCareDays';
  const careNeeds = input.careNeeds === 'yes';
  if (careNeeds && !input.careNeedsText) errors.careNeedsText = 'required';
  if (Object.keys(errors).length > 0) return undefined;
  return {
    carePlan: {
      days,
      fixed: input.fixed === 'fixed',
      early: input.hours.includes('early'),
      late: input.hours.includes('late'),
    },
    careNeeds,
    careNeedsText: careNeeds ? (input.careNeedsText ?? null) : null,
  };
}

/**
 * Ordered preferences: at least one, at most the municipality's maximum, no duplicates, each an
 * active location of the family's region (or of any region when `regionId` is undefined).
 */
export async function checkPreferences(
  db: Database,
  ids: string[],
  max: number,
  regionId: string | undefined,
  errors: Errors,
  field = 'preferences',
): Promise<string[] | undefined> {
  if (ids.length === 0) errors[field] = 'noPreferences';
  else if (new Set(ids).size !== ids.length) errors[field] = 'duplicatePreference';
  else if (ids.length > max) errors[field] = { key: 'tooManyPreferences', max };
  else {
    const found = await getLocationSummaries(db, ids);
    const valid = new Set(
      found.filter((l) => l.active && (regionId === undefined || l.regionId === regionId)).map((l) => l.id),
    );
    if (ids.some((id) => !valid.has(id))) errors[field] = 'invalidChoice';
  }
  return errors[field] ? undefined : ids;
}

/** The numbered preference fields of a one-page form (`preference1` … `preference5`), in order. */
export type PreferenceFields = {
  preference1?: string | undefined;
  preference2?: string | undefined;
  preference3?: string | undefined;
  preference4?: string | undefined;
  preference5?: string | undefined;
};

/** A one-page form's preferences, checked as `checkPreferences` does; errors go on `preference1`. */
export function checkPreferenceFields(
  db: Database,
  input: PreferenceFields,
  max: number | undefined,
  errors: Errors,
): Promise<string[] | undefined> {
  const chosen = [
    input.preference1,
    input.preference2,
    input.preference3,
    input.preference4,
    input.preference5,
  ]
    .slice(0, MAX_PREFERENCE_FIELDS)
    .filter((id): id is string => Boolean(id));
  return checkPreferences(db, chosen, max ?? MAX_PREFERENCE_FIELDS, undefined, errors, 'preference1');
}
