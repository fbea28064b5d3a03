/**
 * The Belgian national register number (rijksregisternummer / INSZ): 11 digits
 *
 *   YYMMDD SSS CC
 *
 * - YYMMDD: the birth date; month and/or day are 00 when unknown. BIS numbers (people who are not
 *   in the national register) add 20 to the month when the sex was unknown at registration, and 40
 *   when it was known.
 * - SSS: a serial for that birth date, odd for men (001–997), even for women (002–998).
 * - CC: 97 − (YYMMDDSSS mod 97); for people born in or after 2000 the nine digits are prefixed
 *   with "2" first, i.e. 97 − ((2 000 000 000 + YYMMDDSSS) mod 97).
 *
 * The century is therefore only visible through the check digits. Both checks can never match the
 * same nine digits: they differ by 2·10⁹ mod 97 = 68, which is not 0. Note that a single changed
 * digit can turn a valid 1900s number into a valid 2000s number (a change of ±6 in the second year
 * digit is ±6·10⁷ ≡ ∓68 mod 97), so the check digit only protects a number within its century.
 *
 * The number is personal data whose use is restricted by law: store it only through the
 * national-number vault and show it masked.
 */
import { type LocalDate, localDate } from './dates.ts';
import type { Brand } from './ids.ts';

/** The 11 digits, without separators, with a valid check for 1900 or 2000. */
export type NationalNumber = Brand<string, 'NationalNumber'>;

export type NationalNumberError = 'format' | 'checksum' | 'birthDateMismatch';

export type ParsedNationalNumber = {
  ok: true;
  value: NationalNumber;
  /** Undefined when the month or the day is unknown (00) in the number. */
  birthDate: LocalDate | undefined;
  century: 1900 | 2000;
  /** Undefined for BIS numbers registered with an unknown sex (month + 20). */
  sex: 'male' | 'female' | undefined;
  bis: boolean;
};

export type NationalNumberParseResult = ParsedNationalNumber | { ok: false; error: NationalNumberError };

const SEPARATORS = /[.\-\s]/g;
const ELEVEN_DIGITS = /^\d{11}$/;
const TWO_THOUSAND_PREFIX = 2_000_000_000;

function checkDigits(first9: number, century: 1900 | 2000): number {
  return 97 - ((century === 2000 ? TWO_THOUSAND_PREFIX + first9 : first9) % 97);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Parses a national number written as 11 digits, optionally with `.`, `-` and spaces
 * (`85.07.30-033.28`, `850730 033 28`).
 *
 * With `birthDate`, the number must belong to that person: the year, and the month and day when
 * the number knows them, must be equal.
 */
export function parseNationalNumber(
  input: string,
  options: { birthDate?: LocalDate } = {},
): NationalNumberParseResult {
  const digits = input.replace(SEPARATORS, '');
  if (!ELEVEN_DIGITS.test(digits)) return { ok: false, error: 'format' };

  const yy = Number(digits.slice(0, 2));
  const encodedMonth = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const serial = Number(digits.slice(6, 9));
  const check = Number(digits.slice(9, 11));

  let month: number;
  let bis = false;
  let sexKnown = true;
  if (encodedMonth <= 12) {
    month = encodedMonth;
  } else if (encodedMonth >= 20 && encodedMonth <= 32) {
    month = encodedMonth - 20;
    bis = true;
    sexKnown = false;
  } else if (encodedMonth >= 40 && encodedMonth <= 52) {
    month = encodedMonth - 40;
    bis = true;
  } else {
    return { ok: false, error: 'format' };
  }
  // The century is not known yet, so allow 29 February here and check leap years below.
  if (day > 31 || (month !== 0 && day !== 0 && day > daysInMonth(2000, month))) {
    return { ok: false, error: 'format' };
  }
  if (serial === 0 || serial === 999) return { ok: false, error: 'format' };

  const first9 = Number(digits.slice(0, 9));
  // At most one of the two can match (see the comment at the top of this file).
  const century: 1900 | 2000 | undefined =
    checkDigits(first9, 1900) === check ? 1900 : checkDigits(first9, 2000) === check ? 2000 : undefined;
  if (century === undefined) return { ok: false, error: 'checksum' };

  const year = century + yy;
  if (month === 2 && day === 29 && !isLeapYear(year)) return { ok: false, error: 'format' };

  const { birthDate: stated } = options;
  if (stated !== undefined) {
    const [statedYear, statedMonth, statedDay] = stated.split('-').map(Number);
    // Only compare what the number knows: 00 is an unknown month or day.
    if (statedYear !== year || (month !== 0 && statedMonth !== month) || (day !== 0 && statedDay !== day)) {
      return { ok: false, error: 'birthDateMismatch' };
    }
  }

  return {
    ok: true,
    value: digits as NationalNumber,
    birthDate: month !== 0 && day !== 0 ? localDate(`${year}-${pad(month, 2)}-${pad(day, 2)}`) : undefined,
    century,
    sex: sexKnown ? (serial % 2 === 1 ? 'male' : 'female') : undefined,
    bis,
  };
}

/** `YY.MM.DD-SSS.CC`, the way the number is printed on the identity card. */
export function formatNationalNumber(n: NationalNumber): string {
  return `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}-${n.slice(6, 9)}.${n.slice(9, 11)}`;
}

/** Shows only the birth-date part: `85.07.30-***.**`. */
export function maskNationalNumber(n: NationalNumber): string {
  return `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}-***.**`;
}

/**
 * Builds a valid number for a birth date in 1900–2099 and a serial 1..998 (odd = male,
 * even = female); for demo data and tests. `bis` makes a BIS number with known sex (month + 40).
 */
export function makeNationalNumber(
  birthDate: LocalDate,
  serial: number,
  options: { bis?: boolean } = {},
): NationalNumber {
  const [year, month, day] = birthDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined || year < 1900 || year > 2099) {
    throw new RangeError(`Birth date must lie in 1900–2099: ${birthDate}`);
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > 998) {
    throw new RangeError(`Serial must be an integer from 1 to 998: ${serial}`);
  }
  const first9 = `${pad(year % 100, 2)}${pad(month + (options.bis ? 40 : 0), 2)}${pad(day, 2)}${pad(serial, 3)}`;
  const check = checkDigits(Number(first9), year >= 2000 ? 2000 : 1900);
  return `${first9}${pad(check, 2)}` as NationalNumber;
}
