import { dayInBrussels, type LocalDate } from '../shared/dates.ts';

/**
 * The one source of "now" and "today". Everything date-dependent (the emergency list, offer
 * deadlines, session idle time) asks the clock, so tests can set the day.
 */
export interface Clock {
  now(): Date;
  /** Today's calendar day in Belgium. */
  today(): LocalDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => dayInBrussels(new Date()),
};

/** A clock that stands still until moved; for tests and the demo generator. */
export class FixedClock implements Clock {
  #instant: Date;
  constructor(instant: Date | string) {
    this.#instant = new Date(instant);
  }
  now(): Date {
    return new Date(this.#instant);
  }
  today(): LocalDate {
    return dayInBrussels(this.#instant);
  }
  set(instant: Date | string): void {
    this.#instant = new Date(instant);
  }
  advanceDays(days: number): void {
    this.#instant = new Date(this.#instant.getTime() + days * 86_400_000);
  }
  advanceMinutes(minutes: number): void {
    this.#instant = new Date(this.#instant.getTime() + minutes * 60_000);
  }
}
