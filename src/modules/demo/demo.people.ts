/** Made-up people: parents with contact data and national numbers, and the household facts. */
import type { NationalNumberVault } from '../../platform/crypto/national-number-vault.ts';
import { addDays, type LocalDate } from '../../shared/dates.ts';
import { makeNationalNumber } from '../../shared/national-number.ts';
import { slugify } from '../../shared/slug.ts';
import { HOME_LANGUAGES, NAMES, type Origin } from './demo.names.ts';
import type { Random } from './demo.random.ts';
import type { ParentRow } from './demo.rows.ts';

export type Language = 'nl' | 'fr' | 'en';

export type PeopleContext = {
  r: Random;
  today: LocalDate;
  vault: NationalNumberVault;
  /** Birth date + serial (+ BIS) already handed out: national numbers must not repeat. */
  usedNumbers: Set<string>;
  usedEmails: Set<string>;
  /** Per e-mail stem, the next number to try: keeps uniqueEmail linear at the large scales. */
  emailCounters: Map<string, number>;
};

export type HouseholdFacts = {
  singleParent: boolean;
  lowIncome: boolean;
  fosterChild: boolean;
  disabilityOrSocialReason: boolean;
  noSecondaryDiploma: boolean;
  needsCareForWork: boolean;
  siblingsInCare: boolean;
};

/**
 * Which facts a household has. `hardship` makes two or three of the five characteristics of a
 * vulnerable family likely (making data, not judging it: whether the family has priority, or is
 * vulnerable, is the priority-rules evaluator's answer under the set valid that day).
 */
export function householdFacts(r: Random, hardship: boolean): HouseholdFacts {
  const facts: HouseholdFacts = {
    singleParent: false,
    lowIncome: false,
    fosterChild: r.chance(0.012),
    disabilityOrSocialReason: false,
    noSecondaryDiploma: false,
    needsCareForWork: false,
    siblingsInCare: r.chance(0.1),
  };
  const core = ['needsCareForWork', 'singleParent', 'lowIncome'] as const;
  const all = [...core, 'disabilityOrSocialReason', 'noSecondaryDiploma'] as const;
  if (hardship) {
    facts[r.pick(core)] = true;
    const more = r.chance(0.35) ? 2 : 1;
    for (const key of r.shuffle(all.filter((k) => !facts[k])).slice(0, more)) facts[key] = true;
  } else if (r.chance(0.12)) {
    facts[r.pick(all)] = true;
  }
  return facts;
}

export function pickOrigin(r: Random): Origin {
  return r.weighted({
    flemish: 0.7,
    francophone: 0.06,
    maghreb: 0.08,
    turkish: 0.03,
    eastern: 0.05,
    international: 0.08,
  });
}

export function contactLanguage(r: Random, origin: Origin): Language {
  switch (origin) {
    case 'flemish':
    case 'turkish':
      return 'nl';
    case 'francophone':
      return 'fr';
    case 'maghreb':
      return r.chance(0.65) ? 'nl' : 'fr';
    case 'eastern':
      return r.chance(0.5) ? 'nl' : 'en';
    case 'international':
      return r.chance(0.85) ? 'en' : 'fr';
  }
}

export function homeLanguage(r: Random, origin: Origin): string {
  return r.pick(HOME_LANGUAGES[origin]);
}

/** Encrypts a fresh, unique national number for this birth date, or null when none is left. */
export function protectedNumber(
  ctx: PeopleContext,
  birthDate: LocalDate,
  sex: 'male' | 'female',
  bis = false,
): { cipher: string; hash: string } | null {
  for (let attempt = 0; attempt < 40; attempt++) {
    const serial = sex === 'male' ? 2 * ctx.r.int(0, 498) + 1 : 2 * ctx.r.int(1, 499);
    const key = `${bis ? 'b' : ''}${birthDate}${serial}`;
    if (ctx.usedNumbers.has(key)) continue;
    ctx.usedNumbers.add(key);
    return ctx.vault.protect(makeNationalNumber(birthDate, serial, { bis }));
  }
  return null;
}

export function uniqueEmail(
  ctx: PeopleContext,
  first: string,
  last: string,
  domain = 'mail.example',
): string {
  const base = `${slugify(first)}.${slugify(last)}`.replace(/-/g, '');
  let next = ctx.emailCounters.get(base) ?? 1;
  let email = next === 1 ? `${base}@${domain}` : `${base}${next}@${domain}`;
  while (ctx.usedEmails.has(email)) email = `${base}${++next}@${domain}`;
  ctx.emailCounters.set(base, next + 1);
  ctx.usedEmails.add(email);
  return email;
}

export function mobile(r: Random): string {
  return `+32 4${r.int(60, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`;
}

export type Person = { first: string; last: string; sex: 'male' | 'female'; origin: Origin };

export function person(r: Random, origin: Origin, sex: 'male' | 'female', last?: string): Person {
  const pool = NAMES[origin];
  return {
    first: r.pick(sex === 'male' ? pool.male : pool.female),
    last: last ?? r.pick(pool.last),
    sex,
    origin,
  };
}

/** A parent row (without id, family and user, which the caller sets). */
export function parentFields(
  ctx: PeopleContext,
  p: Person,
  options: {
    language: Language;
    withEmail: boolean;
    situation: NonNullable<ParentRow['situation']>;
    position: number;
    /** Share of parents of this origin with a national number in the file. */
    numberChance: number;
  },
): Omit<ParentRow, 'familyId'> {
  const { r } = ctx;
  const birthDate = addDays(ctx.today, -r.int(24 * 365, 42 * 365));
  const international = p.origin === 'international' || p.origin === 'eastern';
  const number = r.chance(options.numberChance)
    ? protectedNumber(ctx, birthDate, p.sex, international && r.chance(0.5))
    : null;
  const days =
    options.situation === 'working'
      ? r.weighted({ '5.0': 0.55, '4.0': 0.3, '3.0': 0.1, '2.5': 0.05 })
      : options.situation === 'training'
        ? r.pick(['3.0', '4.0', '5.0'])
        : null;
  return {
    firstName: p.first,
    lastName: p.last,
    nationalNumberCipher: number?.cipher ?? null,
    nationalNumberHash: number?.hash ?? null,
    email: options.withEmail ? uniqueEmail(ctx, p.first, p.last) : null,
    phone: mobile(r),
    language: options.language,
    situation: options.situation,
    daysPerWeek: days,
    position: options.position,
  };
}

/** The numberChance for an origin: most Belgian residents give it, newcomers less often. */
export const NUMBER_CHANCE: Readonly<Record<Origin, number>> = {
  flemish: 0.9,
  francophone: 0.9,
  maghreb: 0.8,
  turkish: 0.8,
  eastern: 0.6,
  international: 0.45,
};
