import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../shared/dates.ts';
import { parseCsv } from './import-file.ts';
import { checkRow, FULL_WEEK_PLAN, guessMapping, parseCarePlan, parseDay } from './import-rows.ts';

describe('reading the cells of a waiting list', () => {
  it('reads days as lists write them, day first, and refuses days that do not exist', () => {
    expect(parseDay('2025-03-01')).toBe('2025-03-01');
    expect(parseDay('1/3/2025')).toBe('2025-03-01');
    expect(parseDay('01-03-2025')).toBe('2025-03-01');
    expect(parseDay('1.3.2025')).toBe('2025-03-01');
    expect(parseDay('45717')).toBe('2025-03-01');
    expect(parseDay('31/02/2025')).toBeUndefined();
    expect(parseDay('maart 2025')).toBeUndefined();
    expect(parseDay('3/1')).toBeUndefined();
  });

  it('reads care days in Dutch, French and English, with half days', () => {
    expect(parseCarePlan('ma di do')?.days).toEqual({
      mon: 'full',
      tue: 'full',
      wed: 'none',
      thu: 'full',
      fri: 'none',
    });
    // "ma" is Tuesday in a French list.
    expect(parseCarePlan('lu, ma, je')?.days).toEqual({
      mon: 'full',
      tue: 'full',
      wed: 'none',
      thu: 'full',
      fri: 'none',
    });
    expect(parseCarePlan('Mon Wed ½ Fri')?.days).toEqual({
      mon: 'full',
      tue: 'none',
      wed: 'half',
      thu: 'none',
      fri: 'full',
    });
    expect(parseCarePlan('ma wo (halve dag) vr')?.days.wed).toBe('half');
    expect(parseCarePlan('voltijds')).toEqual(FULL_WEEK_PLAN);
    expect(parseCarePlan('3 dagen')).toBeUndefined();
    expect(parseCarePlan('zaterdag')).toBeUndefined();
  });

  it('splits CSV records with quoted separators and line breaks, by the separator the header uses', () => {
    expect(parseCsv('a;b\r\n"x;y";"say ""hi""\nthere"\r\n')).toEqual([
      ['a', 'b'],
      ['x;y', 'say "hi"\nthere'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('guesses the columns from their names, each column once', () => {
    expect(guessMapping(['Naam kind', 'Voornaam kind', 'Geboortedatum', 'E-mail', 'GSM', 'Dagen'])).toEqual({
      childLastName: 0,
      childFirstName: 1,
      birthDate: 2,
      email: 3,
      phone: 4,
      carePlan: 5,
    });
  });

  it('gives every reason a row is refused for, and takes a future birth date as the expected one', () => {
    const ctx = { today: '2026-11-22' as LocalDate, oldestAgeMonths: 36, normalisePhone: () => undefined };
    const mapping = {
      childLastName: 0,
      birthDate: 1,
      parentFirstName: 2,
      email: 3,
      desiredStart: 4,
      requestDate: 5,
    };
    const bad = checkRow(
      { line: 7, cells: ['', 'gisteren', '', 'geen-adres', '2020-01-01', '2027-01-01'] },
      mapping,
      ctx,
    );
    expect(bad.row).toBeUndefined();
    expect(bad.refusals.map((r) => r.key)).toEqual([
      'childNameMissing',
      'birthNotDate',
      'parentNameMissing',
      'emailInvalid',
      'startInPast',
      'requestDateInFuture',
    ]);
    const unborn = checkRow(
      { line: 8, cells: ['Peeters', '2027-03-01', 'An', 'an@voorbeeld.be', '2027-02-01', '2026-10-01'] },
      mapping,
      ctx,
    );
    expect(unborn.refusals).toEqual([{ key: 'startBeforeBirth' }]);
    const good = checkRow(
      { line: 9, cells: ['Peeters', '2027-03-01', 'An', 'an@voorbeeld.be', '2027-09-01', '2026-10-01'] },
      mapping,
      ctx,
    );
    expect(good.row?.child).toEqual({
      firstName: null,
      lastName: 'Peeters',
      birthDate: null,
      expectedBirthDate: '2027-03-01',
    });
    expect(good.row?.parent.lastName).toBe('Peeters');
  });
});
