import { addDays, addMonths, compareDates, dayInBrussels, type LocalDate } from '../../shared/dates.ts';

/** An occasional request (e.g. for the length of a training course) ends within this many months. */
export const OCCASIONAL_MAX_MONTHS = 12;

/** Confirmation reminders go out this many days before the due date (first, then last). */
export const CONFIRMATION_REMINDER_DAYS = [14, 3] as const;

/** Days the parent still has after a late reminder before an unconfirmed request expires. */
export const CONFIRMATION_GRACE_DAYS = 3;

/** An offer's reminder goes out this many days before its answer deadline. */
export const OFFER_REMINDER_DAYS = 2;

/**
 * The usual end of childcare: school entry, taken as the 1st of the month after the child turns
 * two and a half (Flemish toddlers may start school from 2.5 years on set entry days).
 */
export function schoolEntryDate(birthOrExpected: LocalDate): LocalDate {
  const halfThird = addMonths(birthOrExpected, 30);
  return addMonths(`${halfThird.slice(0, 8)}01` as LocalDate, 1);
}

/** Whether the start lies further ahead than the municipality asks requests to be filed. */
export function isFarAhead(start: LocalDate, today: LocalDate, maxMonthsAhead: number): boolean {
  return compareDates(start, addMonths(today, maxMonthsAhead)) > 0;
}

/** The last day on which the parent can confirm that the request is still current. */
export function confirmationDueDate(lastConfirmedAt: Date, intervalMonths: number): LocalDate {
  return addMonths(dayInBrussels(lastConfirmedAt), intervalMonths);
}

export type ConfirmationState = {
  due: LocalDate;
  /** When the request expires if not confirmed: the due date, or later after a late reminder. */
  deadline: LocalDate;
  /** 'remind' when a reminder is due today; 'expire' when the deadline has passed. */
  action: 'none' | 'remind' | 'expire';
};

/**
 * Where a request stands in the confirmation cycle. A reminder goes out 14 days and 3 days before
 * the due date; a request expires only after a reminder was sent (if the jobs did not run for a
 * while, the parent still gets a reminder and a few days to answer).
 */
export function confirmationState(
  r: { lastConfirmedAt: Date; confirmationRemindedAt: Date | null },
  intervalMonths: number,
  today: LocalDate,
): ConfirmationState {
  const due = confirmationDueDate(r.lastConfirmedAt, intervalMonths);
  const remindedSinceConfirmation =
    r.confirmationRemindedAt !== null && r.confirmationRemindedAt >= r.lastConfirmedAt
      ? dayInBrussels(r.confirmationRemindedAt)
      : undefined;
  const graceEnd = remindedSinceConfirmation
    ? addDays(remindedSinceConfirmation, CONFIRMATION_GRACE_DAYS)
    : due;
  const deadline = compareDates(graceEnd, due) > 0 ? graceEnd : due;
  if (remindedSinceConfirmation && compareDates(today, deadline) > 0)
    return { due, deadline, action: 'expire' };
  const [first, last] = CONFIRMATION_REMINDER_DAYS;
  const lastStage = addDays(due, -last);
  const firstStage = addDays(due, -first);
  const remind =
    (remindedSinceConfirmation === undefined && compareDates(today, firstStage) >= 0) ||
    (remindedSinceConfirmation !== undefined &&
      compareDates(remindedSinceConfirmation, lastStage) < 0 &&
      compareDates(today, lastStage) >= 0);
  if (!remind) return { due, deadline, action: 'none' };
  // A reminder sent today moves the deadline to at least today + the grace days.
  const after = addDays(today, CONFIRMATION_GRACE_DAYS);
  return { due, deadline: compareDates(after, due) > 0 ? after : due, action: 'remind' };
}
