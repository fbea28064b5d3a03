import type { CarePlan, DayPart } from '../../platform/db/schema/requests.ts';
import {
  addMonths,
  compareDates,
  type LocalDate,
  parseLocalDate,
  WEEKDAYS,
  type Weekday,
} from '../../shared/dates.ts';
import type { FileRow } from './import-file.ts';

/**
 * The fields of our file that a column of the uploaded waiting list can fill, and the checks of
 * one row. Pure: the database's part (a child already known with an open request) is looked up by
 * the service and handed in.
 */
export const FIELDS = [
  'childFirstName',
  'childLastName',
  'birthDate',
  'expectedBirthDate',
  'parentFirstName',
  'parentLastName',
  'email',
  'phone',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'desiredStart',
  'carePlan',
  'requestDate',
  'notes',
] as const;
export type Field = (typeof FIELDS)[number];
export type Mapping = Partial<Record<Field, number>>;

/** Fields a mapping must give a column for (a birth date or an expected one; an e-mail or a phone). */
export type MappingError =
  | 'mapChildLastName'
  | 'mapBirth'
  | 'mapParentFirstName'
  | 'mapContact'
  | 'mapDesiredStart'
  | 'mapRequestDate';

export function checkMapping(mapping: Mapping): MappingError[] {
  const has = (f: Field) => mapping[f] !== undefined;
  const errors: MappingError[] = [];
  if (!has('childLastName')) errors.push('mapChildLastName');
  if (!has('birthDate') && !has('expectedBirthDate')) errors.push('mapBirth');
  if (!has('parentFirstName')) errors.push('mapParentFirstName');
  if (!has('email') && !has('phone')) errors.push('mapContact');
  if (!has('desiredStart')) errors.push('mapDesiredStart');
  if (!has('requestDate')) errors.push('mapRequestDate');
  return errors;
}

/** Lower case without accents, spaces, dots or dashes: how column names and child names compare. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Column names as providers' lists and spreadsheet exports name them, in Dutch, French and English. */
const NAMES: Record<Field, string[]> = {
  childFirstName: [
    'voornaam kind',
    'kind voornaam',
    'prenom enfant',
    'prenom de l enfant',
    'child first name',
    'first name child',
    'child s first name',
    'voornaam',
  ],
  childLastName: [
    'naam kind',
    'achternaam kind',
    'familienaam kind',
    'kind naam',
    'nom enfant',
    'nom de l enfant',
    'child last name',
    'child name',
    'child s last name',
    'last name child',
    'achternaam',
    'familienaam',
  ],
  birthDate: [
    'geboortedatum',
    'geboortedatum kind',
    'date de naissance',
    'naissance',
    'birth date',
    'date of birth',
    'birthdate',
    'dob',
  ],
  expectedBirthDate: [
    'verwachte geboortedatum',
    'vermoedelijke bevallingsdatum',
    'uitgerekende datum',
    'date de naissance prevue',
    'date prevue',
    'expected birth date',
    'due date',
  ],
  parentFirstName: [
    'voornaam ouder',
    'ouder voornaam',
    'prenom parent',
    'prenom du parent',
    'parent first name',
    'parent s first name',
  ],
  parentLastName: [
    'naam ouder',
    'achternaam ouder',
    'familienaam ouder',
    'nom parent',
    'nom du parent',
    'parent last name',
    'parent s last name',
    'parent name',
  ],
  email: [
    'e mail',
    'email',
    'mail',
    'e mailadres',
    'emailadres',
    'adresse e mail',
    'courriel',
    'email address',
    'e mail ouder',
  ],
  phone: [
    'telefoon',
    'telefoonnummer',
    'gsm',
    'tel',
    'telephone',
    'phone',
    'phone number',
    'mobile',
    'gsm ouder',
  ],
  street: ['straat', 'adres', 'rue', 'adresse', 'street', 'address'],
  houseNumber: ['huisnummer', 'nummer', 'nr', 'numero', 'house number', 'number'],
  postcode: ['postcode', 'code postal', 'postal code', 'zip', 'cp'],
  city: ['gemeente', 'woonplaats', 'plaats', 'stad', 'commune', 'localite', 'ville', 'city', 'town'],
  desiredStart: [
    'gewenste startdatum',
    'startdatum',
    'start',
    'begindatum',
    'gewenste start',
    'date de debut',
    'date de debut souhaitee',
    'debut',
    'desired start',
    'start date',
    'desired start date',
  ],
  carePlan: ['opvangplan', 'dagen', 'opvangdagen', 'plan d accueil', 'jours', 'care plan', 'days'],
  requestDate: [
    'aanvraagdatum',
    'datum aanvraag',
    'inschrijvingsdatum',
    'datum inschrijving',
    'ingeschreven op',
    'date de demande',
    'date d inscription',
    'request date',
    'date of request',
    'registration date',
  ],
  notes: [
    'opmerkingen',
    'opmerking',
    'notities',
    'notitie',
    'remarques',
    'remarque',
    'notes',
    'note',
    'comments',
  ],
};

/** A first mapping from the column names; each column fills at most one field. */
export function guessMapping(header: string[]): Mapping {
  const folded = header.map(fold);
  const mapping: Mapping = {};
  const used = new Set<number>();
  for (const field of FIELDS) {
    const i = folded.findIndex((h, index) => !used.has(index) && NAMES[field].includes(h));
    if (i >= 0) {
      mapping[field] = i;
      used.add(i);
    }
  }
  return mapping;
}

/** A day as lists write it: 2025-03-01, 1/3/2025, 01-03-2025, 1.3.2025 (day first), or an Excel serial. */
export function parseDay(value: string): LocalDate | undefined {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: .*)?$/.exec(v);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : undefined;
  if (parts) {
    const [y, m, d] = parts.map((p) => String(p).padStart(2, '0'));
    return parseLocalDate(`${y}-${m}-${d}`);
  }
  // A date cell a spreadsheet wrote as its serial number (days since 30 December 1899).
  if (/^\d{5}$/.test(v)) {
    const serial = Number(v);
    if (serial < 20000 || serial > 80000) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10) as LocalDate;
  }
  return undefined;
}

const DAY_WORDS: Record<string, Weekday> = {
  maandag: 'mon',
  mo: 'mon',
  mon: 'mon',
  monday: 'mon',
  lu: 'mon',
  lun: 'mon',
  lundi: 'mon',
  di: 'tue',
  dinsdag: 'tue',
  tu: 'tue',
  tue: 'tue',
  tuesday: 'tue',
  mardi: 'tue',
  wo: 'wed',
  woensdag: 'wed',
  we: 'wed',
  wed: 'wed',
  wednesday: 'wed',
  me: 'wed',
  mer: 'wed',
  mercredi: 'wed',
  do: 'thu',
  donderdag: 'thu',
  th: 'thu',
  thu: 'thu',
  thursday: 'thu',
  je: 'thu',
  jeu: 'thu',
  jeudi: 'thu',
  vr: 'fri',
  vrijdag: 'fri',
  fr: 'fri',
  fri: 'fri',
  friday: 'fri',
  ve: 'fri',
  ven: 'fri',
  vendredi: 'fri',
};
const FRENCH_ONLY = new Set([
  'lu',
  'lun',
  'lundi',
  'me',
  'mer',
  'mercredi',
  'je',
  'jeu',
  'jeudi',
  've',
  'ven',
  'vendredi',
  'mardi',
]);
const HALF_WORDS = new Set(['half', 'halve', 'halftime', 'demi', 'vm', 'nm', 'am', 'pm']);
const FULL_WEEK = new Set([
  'voltijds',
  'voltijd',
  'fulltime',
  'full time',
  'temps plein',
  'full week',
  'hele week',
  'ma vr',
  'lu ve',
  'mon fri',
]);

/** Every weekday a full day: what a request gets when the list says nothing about days. */
export const FULL_WEEK_PLAN: CarePlan = {
  days: { mon: 'full', tue: 'full', wed: 'full', thu: 'full', fri: 'full' },
  fixed: true,
  early: false,
  late: false,
};

/**
 * The days of a care plan as lists write them: "ma di do", "lu, ma, je", "Mon Tue Wed ½",
 * "ma, wo (halve dag)", "voltijds". A day followed by a half-day word is a half day. Undefined when
 * nothing in it names a day.
 */
export function parseCarePlan(value: string): CarePlan | undefined {
  const text = fold(value.replace(/½|1\/2/g, ' half '));
  if (FULL_WEEK.has(text)) return FULL_WEEK_PLAN;
  const tokens = text.split(' ').filter(Boolean);
  const french = tokens.some((w) => FRENCH_ONLY.has(w));
  const days: Record<Weekday, DayPart> = { mon: 'none', tue: 'none', wed: 'none', thu: 'none', fri: 'none' };
  let last: Weekday | undefined;
  for (const word of tokens) {
    const day = word === 'ma' ? (french ? 'tue' : 'mon') : DAY_WORDS[word];
    if (day) {
      days[day] = 'full';
      last = day;
    } else if (HALF_WORDS.has(word) && last) days[last] = 'half';
    else if (
      !['dag', 'dagen', 'day', 'days', 'jour', 'jours', 'en', 'et', 'and', 'de', 'du', 'la'].includes(word)
    )
      return undefined;
  }
  if (WEEKDAYS.every((d) => days[d] === 'none')) return undefined;
  return { days, fixed: true, early: false, late: false };
}

export type Refusal =
  | { key: 'childNameMissing' }
  | { key: 'birthMissing' }
  | { key: 'birthNotDate' }
  | { key: 'expectedNotDate' }
  | { key: 'childTooOld' }
  | { key: 'expectedTooFar' }
  | { key: 'expectedInPast' }
  | { key: 'parentNameMissing' }
  | { key: 'contactMissing' }
  | { key: 'emailInvalid' }
  | { key: 'phoneInvalid' }
  | { key: 'startMissing' }
  | { key: 'startNotDate' }
  | { key: 'startInPast' }
  | { key: 'startBeforeBirth' }
  | { key: 'startTooLate' }
  | { key: 'carePlanUnknown' }
  | { key: 'requestDateMissing' }
  | { key: 'requestDateNotDate' }
  | { key: 'requestDateInFuture' }
  | { key: 'duplicateInFile'; line: number }
  | { key: 'openRequestHere'; fileNumber: string }
  | { key: 'openRequestElsewhere'; fileNumber: string };

export type ImportRow = {
  line: number;
  child: {
    firstName: string | null;
    lastName: string;
    birthDate: LocalDate | null;
    expectedBirthDate: LocalDate | null;
  };
  parent: { firstName: string; lastName: string; email: string | null; phone: string | null };
  address: {
    street: string | null;
    houseNumber: string | null;
    postcode: string | null;
    city: string | null;
  };
  desiredStart: LocalDate;
  carePlan: CarePlan;
  /** False when the file said nothing of the days: the full week was assumed. */
  carePlanGiven: boolean;
  requestDate: LocalDate;
  notes: string | null;
};

export type CheckedRow = { line: number; row?: ImportRow; refusals: Refusal[] };

/** What the row checks need from outside: today, the oldest age a location accepts, the phone rule. */
export type RowContext = {
  today: LocalDate;
  oldestAgeMonths: number;
  normalisePhone: (typed: string) => string | undefined;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The key that finds the same child twice: folded names and the (expected) birth date. */
export function childKey(child: ImportRow['child']): string {
  return `${fold(`${child.firstName ?? ''} ${child.lastName}`)}|${child.birthDate ?? child.expectedBirthDate}`;
}

/** One row's values by the mapping, checked; every reason it is refused for, not just the first. */
export function checkRow(file: FileRow, mapping: Mapping, ctx: RowContext): CheckedRow {
  const cell = (f: Field) => {
    const i = mapping[f];
    return i === undefined ? '' : (file.cells[i] ?? '').trim();
  };
  const refusals: Refusal[] = [];
  const lastName = cell('childLastName');
  if (!lastName) refusals.push({ key: 'childNameMissing' });

  const birthText = cell('birthDate');
  const expectedText = cell('expectedBirthDate');
  let birthDate = birthText ? parseDay(birthText) : undefined;
  let expectedBirthDate = expectedText ? parseDay(expectedText) : undefined;
  if (birthText && !birthDate) refusals.push({ key: 'birthNotDate' });
  if (expectedText && !expectedBirthDate) refusals.push({ key: 'expectedNotDate' });
  // One column for both (as many lists keep it): a day after today is the expected birth.
  if (birthDate && compareDates(birthDate, ctx.today) > 0 && !expectedBirthDate) {
    expectedBirthDate = birthDate;
    birthDate = undefined;
  } else if (birthDate) expectedBirthDate = undefined;
  if (!birthText && !expectedText) refusals.push({ key: 'birthMissing' });
  if (birthDate && compareDates(addMonths(birthDate, ctx.oldestAgeMonths), ctx.today) < 0)
    refusals.push({ key: 'childTooOld' });
  if (expectedBirthDate && !birthDate) {
    if (compareDates(expectedBirthDate, ctx.today) < 0) refusals.push({ key: 'expectedInPast' });
    else if (compareDates(expectedBirthDate, addMonths(ctx.today, 10)) > 0)
      refusals.push({ key: 'expectedTooFar' });
  }

  const parentFirstName = cell('parentFirstName');
  if (!parentFirstName) refusals.push({ key: 'parentNameMissing' });
  const email = cell('email').toLowerCase();
  const phoneText = cell('phone');
  if (!email && !phoneText) refusals.push({ key: 'contactMissing' });
  if (email && !EMAIL.test(email)) refusals.push({ key: 'emailInvalid' });
  const phone = phoneText ? ctx.normalisePhone(phoneText) : undefined;
  if (phoneText && !phone) refusals.push({ key: 'phoneInvalid' });

  const startText = cell('desiredStart');
  const desiredStart = startText ? parseDay(startText) : undefined;
  const birth = birthDate ?? expectedBirthDate;
  if (!startText) refusals.push({ key: 'startMissing' });
  else if (!desiredStart) refusals.push({ key: 'startNotDate' });
  else if (birth && compareDates(desiredStart, birth) < 0) refusals.push({ key: 'startBeforeBirth' });
  else if (compareDates(desiredStart, ctx.today) < 0) refusals.push({ key: 'startInPast' });
  else if (birth && compareDates(desiredStart, addMonths(birth, ctx.oldestAgeMonths)) > 0)
    refusals.push({ key: 'startTooLate' });

  const planText = cell('carePlan');
  const carePlan = planText ? parseCarePlan(planText) : FULL_WEEK_PLAN;
  if (!carePlan) refusals.push({ key: 'carePlanUnknown' });

  const requestText = cell('requestDate');
  const requestDate = requestText ? parseDay(requestText) : undefined;
  if (!requestText) refusals.push({ key: 'requestDateMissing' });
  else if (!requestDate) refusals.push({ key: 'requestDateNotDate' });
  else if (compareDates(requestDate, ctx.today) > 0) refusals.push({ key: 'requestDateInFuture' });

  if (refusals.length > 0 || !desiredStart || !carePlan || !requestDate) return { line: file.line, refusals };
  const or = (v: string) => v || null;
  return {
    line: file.line,
    refusals,
    row: {
      line: file.line,
      child: {
        firstName: or(cell('childFirstName')),
        lastName,
        birthDate: birthDate ?? null,
        expectedBirthDate: birthDate ? null : (expectedBirthDate ?? null),
      },
      parent: {
        firstName: parentFirstName,
        lastName: cell('parentLastName') || lastName,
        email: or(email),
        phone: phone ?? null,
      },
      address: {
        street: or(cell('street')),
        houseNumber: or(cell('houseNumber')),
        postcode: or(cell('postcode')),
        city: or(cell('city')),
      },
      desiredStart,
      carePlan,
      carePlanGiven: Boolean(planText),
      requestDate,
      notes: or(cell('notes').slice(0, 2000)),
    },
  };
}

/** Every row checked, and the second and later rows of the same child refused, naming the first. */
export function checkRows(rows: FileRow[], mapping: Mapping, ctx: RowContext): CheckedRow[] {
  const seen = new Map<string, number>();
  return rows.map((file) => {
    const checked = checkRow(file, mapping, ctx);
    if (!checked.row) return checked;
    const key = childKey(checked.row.child);
    const first = seen.get(key);
    if (first !== undefined)
      return { line: checked.line, refusals: [{ key: 'duplicateInFile', line: first }] };
    seen.set(key, checked.line);
    return checked;
  });
}
