import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, type LocalDate, localDate } from './dates.ts';
import {
  formatNationalNumber,
  makeNationalNumber,
  maskNationalNumber,
  type NationalNumber,
  parseNationalNumber,
} from './national-number.ts';

// Known numbers, checked by hand (check = 97 − (x mod 97), x = the first nine digits, prefixed
// with "2" for people born in or after 2000):
//
// 85.07.30-033.28  x = 850730033  = 97 × 8770412 + 69   → 97 − 69 = 28  (1985, male)
// 90.02.01-002.29  x = 900201002  = 97 × 9280422 + 68   → 97 − 68 = 29  (1990, female)
// 01.02.03-001.70  x = 2010203001 = 97 × 20723742 + 27  → 97 − 27 = 70  (2001, male)
// 01.02.03-001.41  x = 10203001   = 97 × 105185 + 56    → 97 − 56 = 41  (1901, male)
// 00.02.29-002.44  x = 2000229002 = 97 × 20620917 + 53  → 97 − 53 = 44  (2000 is a leap year)
// 00.02.29-002.15  x = 229002     = 97 × 2360 + 82      → 97 − 82 = 15  (1900 is not: no such day)
// 79.07.30-033.28  x = 2790730033 = 97 × 28770412 + 69  → 97 − 69 = 28  (2079)
// 79.07.30-033.96  x = 790730033  = 97 × 8151856 + 1    → 97 − 1 = 96   (1979)
// 85.00.00-001.38  x = 850000001  = 97 × 8762886 + 59   → 97 − 59 = 38  (1985, month and day unknown)
// 85.27.30-033.71  x = 852730033  = 97 × 8791031 + 26   → 97 − 26 = 71  (BIS +20: sex unknown)
// 85.47.30-034.16  x = 854730034  = 97 × 8811649 + 81   → 97 − 81 = 16  (BIS +40: female)
// 25.06.15-997.22  x = 2250615997 = 97 × 23202226 + 75  → 97 − 75 = 22  (2025, male)
// 87.07.30-033.70  x = 870730033  = 97 × 8976598 + 27   → 97 − 27 = 70  (1987)
// 81.07.30-033.70  x = 2810730033 = 97 × 28976598 + 27  → 97 − 27 = 70  (2081: one digit away from 1987's)
const nn = (digits: string) => digits as NationalNumber;
const date = localDate;

function parsed(input: string, birthDate?: LocalDate) {
  const result = parseNationalNumber(input, birthDate ? { birthDate } : {});
  if (!result.ok) throw new Error(`expected ${input} to be valid, got ${result.error}`);
  return result;
}

describe('parseNationalNumber', () => {
  it('accepts a number of someone born in the 1900s', () => {
    expect(parseNationalNumber('85073003328')).toEqual({
      ok: true,
      value: '85073003328',
      birthDate: '1985-07-30',
      century: 1900,
      sex: 'male',
      bis: false,
    });
    expect(parsed('90020100229')).toMatchObject({ birthDate: '1990-02-01', century: 1900, sex: 'female' });
  });

  it('accepts a number of someone born in the 2000s (check over "2" + nine digits)', () => {
    expect(parsed('01020300170')).toMatchObject({ birthDate: '2001-02-03', century: 2000, sex: 'male' });
    expect(parsed('25061599722')).toMatchObject({ birthDate: '2025-06-15', century: 2000, sex: 'male' });
    // The same nine digits with the 1900s check belong to someone born in 1901.
    expect(parsed('01020300141')).toMatchObject({ birthDate: '1901-02-03', century: 1900 });
  });

  it('knows that 29 February exists in 2000 but not in 1900', () => {
    expect(parsed('00022900244')).toMatchObject({ birthDate: '2000-02-29', century: 2000, sex: 'female' });
    expect(parseNationalNumber('00022900215')).toEqual({ ok: false, error: 'format' });
  });

  it('lets the check digits decide the century', () => {
    expect(parsed('79073003328')).toMatchObject({ birthDate: '2079-07-30', century: 2000 });
    expect(parsed('79073003396')).toMatchObject({ birthDate: '1979-07-30', century: 1900 });
  });

  it('accepts separators and surrounding spaces', () => {
    for (const input of [
      '85.07.30-033.28',
      '850730-033-28',
      '85 07 30 033 28',
      ' 85073003328 ',
      '85.07.30 - 033.28',
    ]) {
      expect(parsed(input).value).toBe('85073003328');
    }
  });

  it('reads BIS numbers (month + 20: sex unknown, month + 40: sex known)', () => {
    expect(parsed('85273003371')).toMatchObject({ birthDate: '1985-07-30', bis: true, sex: undefined });
    expect(parsed('85473003416')).toMatchObject({ birthDate: '1985-07-30', bis: true, sex: 'female' });
  });

  it('gives no birth date when month or day are unknown, and compares only the known parts', () => {
    expect(parsed('85000000138')).toMatchObject({ birthDate: undefined, century: 1900, sex: 'male' });
    expect(parsed('85000000138', date('1985-03-04')).value).toBe('85000000138');
    expect(parseNationalNumber('85000000138', { birthDate: date('1986-03-04') })).toEqual({
      ok: false,
      error: 'birthDateMismatch',
    });
  });

  it('checks the stated birth date, including its century', () => {
    expect(parsed('85073003328', date('1985-07-30')).century).toBe(1900);
    for (const birthDate of ['2085-07-30', '1985-07-31', '1985-08-30', '1984-07-30']) {
      expect(parseNationalNumber('85073003328', { birthDate: date(birthDate) })).toEqual({
        ok: false,
        error: 'birthDateMismatch',
      });
    }
    // Same YYMMDD and serial in both centuries: the birth date picks the one whose check matches.
    expect(parsed('79073003328', date('2079-07-30')).century).toBe(2000);
    expect(parsed('79073003396', date('1979-07-30')).century).toBe(1900);
    expect(parseNationalNumber('79073003328', { birthDate: date('1979-07-30') })).toEqual({
      ok: false,
      error: 'birthDateMismatch',
    });
  });

  it('rejects a wrong check', () => {
    for (const input of ['85073003329', '85073003300', '85073003397', '01020300171']) {
      expect(parseNationalNumber(input)).toEqual({ ok: false, error: 'checksum' });
    }
    // A wrong check is reported as such, even with a birth date.
    expect(parseNationalNumber('85073003329', { birthDate: date('1985-07-30') })).toEqual({
      ok: false,
      error: 'checksum',
    });
  });

  it('rejects anything that is not 11 digits or not a possible date', () => {
    for (const input of [
      '',
      '8507300332',
      '850730033288',
      '85/07/30-033.28',
      '85.07.30_033.28',
      '８５０７３００３３２８',
      'abcdefghijk',
      '85133003328', // month 13
      '85333003328', // BIS month 13
      '85173003328', // month 17 is neither a month nor a BIS month
      '85073203328', // day 32
      '85023003328', // 30 February
      '85043103328', // 31 April
      '85073000028', // serial 000
      '85073099928', // serial 999
    ]) {
      expect(parseNationalNumber(input)).toEqual({ ok: false, error: 'format' });
    }
  });
});

describe('formatNationalNumber and maskNationalNumber', () => {
  it('formats as on the identity card', () => {
    expect(formatNationalNumber(nn('85073003328'))).toBe('85.07.30-033.28');
  });

  it('masks everything after the birth date', () => {
    expect(maskNationalNumber(nn('85073003328'))).toBe('85.07.30-***.**');
  });
});

describe('makeNationalNumber', () => {
  it('builds the numbers computed by hand', () => {
    expect(makeNationalNumber(date('1985-07-30'), 33)).toBe('85073003328');
    expect(makeNationalNumber(date('1990-02-01'), 2)).toBe('90020100229');
    expect(makeNationalNumber(date('2001-02-03'), 1)).toBe('01020300170');
    expect(makeNationalNumber(date('2000-02-29'), 2)).toBe('00022900244');
    expect(makeNationalNumber(date('1985-07-30'), 34, { bis: true })).toBe('85473003416');
  });

  it('refuses serials outside 1..998 and dates outside 1900–2099', () => {
    for (const serial of [0, 999, 1.5, -1, Number.NaN]) {
      expect(() => makeNationalNumber(date('1985-07-30'), serial)).toThrow(RangeError);
    }
    expect(() => makeNationalNumber(date('1899-12-31'), 1)).toThrow(RangeError);
    expect(() => makeNationalNumber(date('2100-01-01'), 1)).toThrow(RangeError);
  });
});

const FIRST_DAY = date('1900-01-01');
const anyBirthDate = fc
  .integer({ min: 0, max: daysBetween(FIRST_DAY, date('2099-12-31')) })
  .map((n) => addDays(FIRST_DAY, n));
const anySerial = fc.integer({ min: 1, max: 998 });
const anyNumber = fc.record({ birthDate: anyBirthDate, serial: anySerial, bis: fc.boolean() });

describe('properties', () => {
  it('makeNationalNumber round-trips through parseNationalNumber', () => {
    fc.assert(
      fc.property(anyNumber, ({ birthDate, serial, bis }) => {
        const n = makeNationalNumber(birthDate, serial, { bis });
        const expected = {
          ok: true,
          value: n,
          birthDate,
          century: birthDate < '2000' ? 1900 : 2000,
          sex: serial % 2 === 1 ? 'male' : 'female',
          bis,
        };
        expect(parseNationalNumber(n, { birthDate })).toEqual(expected);
        expect(parseNationalNumber(n)).toEqual(expected);
        expect(parseNationalNumber(formatNationalNumber(n))).toEqual(expected);
      }),
    );
  });

  it('never makes the same number for the same day and serial a century apart', () => {
    fc.assert(
      fc.property(anyBirthDate, anySerial, (birthDate, serial) => {
        const year = Number(birthDate.slice(0, 4));
        const other = `${year < 2000 ? year + 100 : year - 100}${birthDate.slice(4)}`;
        fc.pre(other !== '1900-02-29'); // 2000-02-29 has no 1900 twin
        const a = makeNationalNumber(birthDate, serial);
        const b = makeNationalNumber(date(other), serial);
        expect(a.slice(0, 9)).toBe(b.slice(0, 9));
        expect(a.slice(9)).not.toBe(b.slice(9));
      }),
    );
  });

  // x + check ≡ 0 (mod 97) for the right century; changing one digit changes the 11-digit number
  // by d·10^k with 0 < |d| ≤ 9, and 97 is a prime that divides neither d nor 10, so the number is
  // no longer valid in its own century. It *can* become valid in the other century: the two
  // checks differ by 68 (mod 97) and 6·10⁷ ≡ 68, e.g. 87073003370 → 81073003370 (2081-07-30).
  it('detects every single-digit change within the century (it may move the number to the other)', () => {
    fc.assert(
      fc.property(
        anyNumber,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        ({ birthDate, serial, bis }, position, shift) => {
          const n = makeNationalNumber(birthDate, serial, { bis });
          const digit = (Number(n[position]) + shift) % 10;
          const changed = `${n.slice(0, position)}${digit}${n.slice(position + 1)}`;
          const original = parsed(n);
          const result = parseNationalNumber(changed);
          if (result.ok) {
            expect(result.century).not.toBe(original.century);
            expect(result.birthDate).not.toBe(original.birthDate);
          }
          // With the birth date stated, a single wrong digit is always caught.
          expect(parseNationalNumber(changed, { birthDate }).ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly one single-digit variant of 87073003370: the 2081 one', () => {
    const accepted: string[] = [];
    const n = '87073003370';
    for (let position = 0; position < n.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === n[position]) continue;
        const changed = `${n.slice(0, position)}${digit}${n.slice(position + 1)}`;
        if (parseNationalNumber(changed).ok) accepted.push(changed);
      }
    }
    expect(accepted).toEqual(['81073003370']);
    expect(parsed('81073003370')).toMatchObject({ birthDate: '2081-07-30', century: 2000 });
  });

  it('masks the serial and the check digits', () => {
    fc.assert(
      fc.property(anyNumber, ({ birthDate, serial, bis }) => {
        const n = makeNationalNumber(birthDate, serial, { bis });
        const masked = maskNationalNumber(n);
        expect(masked).toBe(`${formatNationalNumber(n).slice(0, 8)}-***.**`);
        expect(masked.replace(/\D/g, '')).toBe(n.slice(0, 6));
        expect(masked).not.toContain(n.slice(6, 9));
        expect(masked).not.toContain(n.slice(6));
      }),
    );
  });
});
