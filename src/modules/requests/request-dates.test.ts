import { describe, expect, it } from 'vitest';

import { localDate } from '../../shared/dates.ts';
import { confirmationState, isFarAhead, schoolEntryDate } from './request-dates.ts';

describe('dates of a request', () => {
  it('ends by default on the 1st of the month after the child turns 2.5', () => {
    expect(schoolEntryDate(localDate('2026-08-01'))).toBe('2029-03-01');
    expect(schoolEntryDate(localDate('2026-08-31'))).toBe('2029-03-01');
    expect(schoolEntryDate(localDate('2027-01-15'))).toBe('2029-08-01');
  });

  it('warns when the start is further ahead than the municipality allows', () => {
    expect(isFarAhead(localDate('2028-11-22'), localDate('2026-11-22'), 24)).toBe(false);
    expect(isFarAhead(localDate('2028-11-23'), localDate('2026-11-22'), 24)).toBe(true);
  });

  it('reminds 14 and 3 days before the due date, and expires only after a reminder', () => {
    const confirmed = new Date('2026-11-22T09:00:00Z');
    const state = (today: string, remindedAt: string | null) =>
      confirmationState(
        { lastConfirmedAt: confirmed, confirmationRemindedAt: remindedAt ? new Date(remindedAt) : null },
        3,
        localDate(today),
      ).action;
    expect(state('2027-02-07', null)).toBe('none');
    expect(state('2027-02-08', null)).toBe('remind');
    expect(state('2027-02-09', '2027-02-08T05:00:00Z')).toBe('none');
    expect(state('2027-02-19', '2027-02-08T05:00:00Z')).toBe('remind');
    expect(state('2027-02-22', '2027-02-19T05:00:00Z')).toBe('none');
    expect(state('2027-02-23', '2027-02-19T05:00:00Z')).toBe('expire');
    // Jobs that did not run: a late reminder first, then three more days.
    expect(state('2027-03-10', null)).toBe('remind');
    expect(state('2027-03-13', '2027-03-10T05:00:00Z')).toBe('none');
    expect(state('2027-03-14', '2027-03-10T05:00:00Z')).toBe('expire');
  });
});
