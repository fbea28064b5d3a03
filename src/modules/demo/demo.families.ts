/**
 * Families of one municipality: parents, children and one request per child, whose history is
 * played out by simulateRequest. Also the two hand-made families behind the parent demo accounts.
 */
import type { CarePlan } from '../../platform/db/schema/index.ts';
import { addDays, addMonths, type LocalDate } from '../../shared/dates.ts';
import type { DemoAccounts } from './demo.accounts.ts';
import { CHILD_NAMES, type Origin } from './demo.names.ts';
import {
  contactLanguage,
  type HouseholdFacts,
  homeLanguage,
  householdFacts,
  inPriorityGroup,
  NUMBER_CHANCE,
  type PeopleContext,
  type Person,
  parentFields,
  person,
  pickOrigin,
  protectedNumber,
} from './demo.people.ts';
import type { LocationRef, PlacedMunicipality } from './demo.providers.ts';
import { type Actor, type ActiveTarget, type RequestPlan, type SimulationContext, simulateRequest } from './demo.requests.ts';
import type { FamilyRow, ParentRow, Rows } from './demo.rows.ts';
import { at, DAY, dayOf, HOUR, MINUTE, startOf } from './demo.time.ts';

type RequestStatus = RequestPlan['status'];
type Channel = 'parent' | 'intermediary' | 'desk';

export type FamilyStats = {
  families: number;
  parents: number;
  children: number;
  unbornChildren: number;
  parentAccounts: number;
  priorityGroupFamilies: number;
  requestsByStatus: Record<RequestStatus, number>;
  emergencyList: number;
  socialEmergencies: number;
};

export function emptyFamilyStats(): FamilyStats {
  return {
    families: 0,
    parents: 0,
    children: 0,
    unbornChildren: 0,
    parentAccounts: 0,
    priorityGroupFamilies: 0,
    requestsByStatus: { active: 0, answered: 0, expired: 0, withdrawn: 0, closed: 0 },
    emergencyList: 0,
    socialEmergencies: 0,
  };
}

export type FamilyContext = PeopleContext & {
  now: number;
  years: number;
  rows: Rows;
  sim: SimulationContext;
  passwordHash: string;
  emergencyWindowDays: number;
  maxPreferences: number;
  stats: FamilyStats;
};

export type IntermediaryRef = { id: string; kind: string; userId: string | null };

export type MunicipalityContext = {
  m: PlacedMunicipality;
  own: readonly LocationRef[];
  /** Own locations and those of the neighbouring municipalities. */
  candidates: readonly LocationRef[];
  intermediaries: readonly IntermediaryRef[];
  deskUserId: string | null;
};

type Timeline = { birth: LocalDate; desiredStart: LocalDate; submittedAt: number; occasional: boolean };

const CARE_NEEDS = [
  'Ons kind heeft een ernstige notenallergie.',
  'Onze zoon heeft een lichte motorische beperking en volgt kinesitherapie.',
  'Onze dochter is te vroeg geboren en heeft extra zorg nodig bij het eten.',
  'Ons kind heeft het syndroom van Down.',
  'Our daughter has epilepsy and takes medication twice a day.',
];

const OCCASIONAL_REASONS = [
  'Opleiding bij VDAB (4 maanden)',
  'Tijdelijke opdracht als interimkracht',
  'Cursus Nederlands (inburgering)',
  'Sollicitaties en proefperiode in een nieuwe job',
];

function firstOfNextMonth(date: LocalDate): LocalDate {
  return date.endsWith('-01') ? date : addMonths(`${date.slice(0, 8)}01` as LocalDate, 1);
}

function carePlan(r: FamilyContext['r']): CarePlan {
  const shape = r.weighted({ full: 0.45, four: 0.25, three: 0.12, mixed: 0.08, twoHalf: 0.1 });
  const days: CarePlan['days'] = {
    full: { mon: 'full', tue: 'full', wed: 'full', thu: 'full', fri: 'full' },
    four: { mon: 'full', tue: 'full', wed: 'none', thu: 'full', fri: 'full' },
    three: { mon: 'full', tue: 'full', wed: 'none', thu: 'full', fri: 'none' },
    mixed: { mon: 'full', tue: 'full', wed: 'half', thu: 'full', fri: 'half' },
    twoHalf: { mon: 'full', tue: 'full', wed: 'half', thu: 'none', fri: 'none' },
  }[shape] as CarePlan['days'];
  return { days, fixed: r.chance(0.85), early: r.chance(0.15), late: r.chance(0.15) };
}

/** Birth, desired start and submission of a request filed within the last `years` years. */
function sampleTimeline(ctx: FamilyContext, occasional: boolean, bornAfter?: LocalDate): Timeline | null {
  const { r, today, now } = ctx;
  const oldest = now - ctx.years * 365 * DAY;
  for (let attempt = 0; attempt < 60; attempt++) {
    const birth = bornAfter
      ? addDays(bornAfter, r.int(450, 900))
      : addDays(today, r.int(-Math.round(ctx.years * 365 + 100), 180));
    // Unborn children are expected at least a month from now (brief: 1–6 months).
    if (birth > today && (birth < addDays(today, 30) || birth > addDays(today, 180))) continue;
    const months = occasional ? r.int(4, 24) : Number(r.weighted({ 3: 0.1, 4: 0.2, 5: 0.2, 6: 0.15, 7: 0.1, 9: 0.1, 12: 0.1, 18: 0.05 }));
    const start = addMonths(birth, months);
    const desiredStart = r.chance(0.6) ? firstOfNextMonth(start) : start;
    const lead = occasional
      ? r.int(14, 90)
      : Number(r.weighted({ 120: 0.1, 240: 0.3, 330: 0.35, 420: 0.25 })) + r.int(-30, 30);
    const submittedAt = Math.max(
      startOf(desiredStart) - lead * DAY,
      startOf(birth) - r.int(150, 210) * DAY,
    ) + r.int(7 * 60, 22 * 60) * MINUTE;
    if (submittedAt >= now - HOUR || submittedAt < oldest) {
      if (bornAfter) return null;
      continue;
    }
    // More requests lately (more parents use the desk each year): the oldest are half as frequent.
    if (!bornAfter && !r.chance(1 - 0.5 * Math.min(1, (now - submittedAt) / (730 * DAY)))) continue;
    return { birth, desiredStart, submittedAt, occasional };
  }
  return null;
}

function choosePlan(ctx: FamilyContext, t: Timeline, prefCount: number, hasEmergencyOption: boolean): RequestPlan {
  const { r, now, today } = ctx;
  const S = t.submittedAt;
  const start = startOf(t.desiredStart);
  const past = t.desiredStart <= today;
  const recentPast = past && t.desiredStart >= addDays(today, -60);
  const status: RequestStatus = !past
    ? r.weighted({ active: 0.86, answered: 0.09, withdrawn: 0.05 })
    : recentPast
      ? r.weighted({ answered: 0.64, active: 0.1, withdrawn: 0.14, expired: 0.06, closed: 0.06 })
      : r.weighted({ answered: 0.62, expired: 0.13, withdrawn: 0.13, closed: 0.12 });
  const between = (lo: number, hi: number) => (hi - lo > HOUR ? r.float(lo, hi) : null);

  if (status === 'answered') {
    const lo = S + 10 * DAY;
    const hi = Math.min(now - HOUR, start + 14 * DAY);
    if (hi - lo > DAY) {
      const guess = start - r.float(5, 110) * DAY;
      const A = guess >= lo && guess <= hi ? guess : r.float(lo, hi);
      const weights = [0.45, 0.25, 0.15, 0.1, 0.05].slice(0, prefCount);
      const rank = 1 + (r.sampleWeighted(weights.map((_, i) => i), 1, (i) => weights[i] ?? 0)[0] ?? 0);
      const viaEmergencyList = hasEmergencyOption && A >= start - 30 * DAY && r.chance(0.12);
      return { status, at: A, acceptedRank: viaEmergencyList ? null : rank };
    }
  } else if (status !== 'active') {
    const window =
      status === 'withdrawn'
        ? [S + DAY, Math.min(now - HOUR, start + 30 * DAY)]
        : status === 'expired'
          ? [S + 104 * DAY, Math.min(now - HOUR, S + 304 * DAY)]
          : [S + 7 * DAY, now - HOUR];
    const when = between(window[0] as number, window[1] as number);
    if (when !== null) return { status, at: when };
  }
  if (past && !recentPast) {
    return { status: 'withdrawn', at: S + (now - HOUR - S) * r.float(0.2, 0.9) };
  }
  const young = now - S < 2 * DAY;
  const targets: ActiveTarget[] = Array.from({ length: prefCount }, () =>
    young
      ? r.chance(0.7)
        ? 'new'
        : 'seen'
      : r.weighted({ new: 0.06, seen: 0.14, waiting_list: 0.52, no_place: 0.18, offer_declined: 0.05, offer_expired: 0.05 }),
  );
  if (!young && start - now < 150 * DAY && r.chance(0.14)) targets[r.int(0, prefCount - 1)] = 'offer_made';
  return { status: 'active', targets };
}

function choosePreferences(
  ctx: FamilyContext,
  mc: MunicipalityContext,
  subId: string,
  options: { careNeeds: boolean; occasional: boolean; onlyOwn?: boolean; count?: number },
): LocationRef[] {
  const { r } = ctx;
  const count = options.count ?? Number(r.weighted({ 1: 0.1, 2: 0.15, 3: 0.3, 4: 0.2, 5: 0.25 }));
  const want = r.weighted({ group: 0.55, family: 0.15, any: 0.3 });
  const pool = options.onlyOwn ? mc.own : mc.candidates;
  const weight = (loc: LocationRef, strict: boolean) => {
    if (strict && want !== 'any' && loc.careType !== want) return 0;
    const near = loc.subId === subId ? 3 : loc.municipalityIndex === mc.m.index ? 1.5 : 0.35;
    return loc.popularity * near * (options.careNeeds && loc.inclusiveCare ? 3 : 1) * (options.occasional && loc.occasionalCare ? 3 : 1);
  };
  const n = Math.min(count, ctx.maxPreferences);
  const chosen = r.sampleWeighted(pool, n, (loc) => weight(loc, true));
  return chosen.length > 0 ? chosen : r.sampleWeighted(pool, n, (loc) => weight(loc, false));
}

function situation(r: FamilyContext['r'], facts: HouseholdFacts): NonNullable<ParentRow['situation']> {
  if (facts.needsCareForWork) return r.chance(0.6) ? 'job_seeking' : 'training';
  return r.weighted({ working: 0.85, job_seeking: 0.05, training: 0.04, other: 0.06 });
}

type FamilyShape = {
  origin: Origin;
  sub: PlacedMunicipality['subs'][number];
  facts: HouseholdFacts;
  channel: Channel;
  intermediary: IntermediaryRef | null;
  createdAt: number;
  /** `account`: an existing demo account (otherwise the first parent of an online family gets one). */
  parents: { person: Person; language: 'nl' | 'fr' | 'en'; account?: string }[];
};

/** Writes the family and its parents; returns the family id and who acts for the family. */
function writeFamily(ctx: FamilyContext, mc: MunicipalityContext, shape: FamilyShape): { familyId: string; self: Actor; filer: Actor } {
  const { r, rows, stats } = ctx;
  const familyId = r.uuid();
  const created = new Date(shape.createdAt);
  let parentUserId: string | null = null;
  shape.parents.forEach((p, i) => {
    const fields = parentFields(ctx, p.person, {
      language: p.language,
      withEmail: i === 0 ? shape.channel !== 'intermediary' || r.chance(0.5) : r.chance(0.6),
      situation: situation(r, shape.facts),
      position: i + 1,
      numberChance: NUMBER_CHANCE[shape.origin],
    });
    let userId: string | null = p.account ?? null;
    if (!userId && i === 0 && shape.channel === 'parent' && fields.email) {
      userId = r.uuid();
      rows.users.push({
        id: userId,
        email: fields.email,
        passwordHash: ctx.passwordHash,
        displayName: `${p.person.first} ${p.person.last}`,
        language: p.language,
        emailVerifiedAt: new Date(shape.createdAt - 5 * MINUTE),
        createdAt: new Date(shape.createdAt - 10 * MINUTE),
      });
      rows.roleGrants.push({ id: r.uuid(), userId, role: 'parent', createdAt: new Date(shape.createdAt - 10 * MINUTE) });
      stats.parentAccounts++;
    }
    if (i === 0) parentUserId = userId;
    rows.parents.push({ id: r.uuid(), familyId, userId, ...fields, createdAt: created });
    stats.parents++;
  });
  const intermediaryActor: Actor = { role: 'intermediary', userId: shape.intermediary?.userId ?? null };
  const deskActor: Actor = { role: 'desk', userId: mc.deskUserId };
  const parentActor: Actor = { role: 'parent', userId: parentUserId };
  const filer = shape.channel === 'parent' ? parentActor : shape.channel === 'intermediary' ? intermediaryActor : deskActor;
  const family: FamilyRow = {
    id: familyId,
    fileNumber: '', // filled in from family_file_number_seq just before writing
    municipalityId: mc.m.id,
    subMunicipalityId: shape.sub.id,
    street: r.pick(shape.sub.spec.streets),
    houseNumber: String(r.int(1, 220)),
    postcode: shape.sub.spec.postcode,
    city: shape.sub.spec.name,
    ...shape.facts,
    homeLanguage: homeLanguage(r, shape.origin),
    consentAt: created,
    intermediaryOrganisationId: shape.intermediary?.id ?? null,
    createdByUserId: filer.userId,
    createdAt: created,
  };
  rows.families.push(family);
  stats.families++;
  if (inPriorityGroup(shape.facts)) stats.priorityGroupFamilies++;
  return { familyId, self: shape.channel === 'parent' ? parentActor : filer, filer };
}

/** One household with one or two children, each with a request. Returns the number of requests. */
function household(ctx: FamilyContext, mc: MunicipalityContext, social: boolean): number {
  const { r, now, today } = ctx;
  const origin: Origin = social ? r.weighted({ flemish: 0.6, maghreb: 0.2, eastern: 0.1, international: 0.1 }) : pickOrigin(r);
  const sub = r.sampleWeighted(mc.m.subs, 1, (s) => s.spec.children0to3)[0] ?? (mc.m.subs[0] as FamilyShape['sub']);
  const vulnerable = social || r.chance(0.23);
  const facts = householdFacts(r, vulnerable);
  const channel: Channel = social
    ? r.chance(0.8)
      ? 'intermediary'
      : 'desk'
    : vulnerable
      ? r.weighted({ parent: 0.6, intermediary: 0.28, desk: 0.12 })
      : r.weighted({ parent: 0.93, intermediary: 0.02, desk: 0.05 });
  const intermediary =
    channel === 'intermediary' && mc.intermediaries.length > 0
      ? (r.sampleWeighted(mc.intermediaries, 1, (o) => (o.kind === 'ocmw' ? 2 : 1))[0] ?? null)
      : null;
  const socialReason = social
    ? r.weighted({ child_protection: 0.3, foster_placement: 0.2, family_crisis: 0.3, medical: 0.1, other: 0.1 })
    : null;
  if (socialReason === 'foster_placement') facts.fosterChild = true;

  const timelines: Timeline[] = [];
  if (social) {
    timelines.push({
      birth: addDays(today, -r.int(60, 600)),
      desiredStart: addDays(today, r.int(3, 28)),
      submittedAt: now - r.float(1, 20) * DAY,
      occasional: false,
    });
  } else {
    const first = sampleTimeline(ctx, r.chance(0.04));
    if (!first) return 0;
    timelines.push(first);
    const second = r.chance(0.08) ? sampleTimeline(ctx, false, first.birth) : null;
    if (second) timelines.push(second);
  }
  const firstSubmission = timelines[0]?.submittedAt ?? now;

  const two = !facts.singleParent && r.chance(0.95);
  const language = contactLanguage(r, origin);
  const mother = person(r, origin, 'female');
  const partnerOrigin = r.chance(0.85) ? origin : pickOrigin(r);
  const partner = two ? person(r, partnerOrigin, r.chance(0.02) ? 'female' : 'male') : null;
  const { familyId, self, filer } = writeFamily(ctx, mc, {
    origin,
    sub,
    facts,
    channel,
    intermediary,
    createdAt: firstSubmission - r.float(0.05, 2) * HOUR,
    parents: partner
      ? [
          { person: mother, language },
          { person: partner, language: r.chance(0.9) ? language : contactLanguage(r, partnerOrigin) },
        ]
      : [{ person: mother, language }],
  });
  const lastName = partner?.sex === 'male' ? partner.last : mother.last;

  let made = 0;
  for (const t of timelines) {
    const careNeedsText = r.chance(0.04) ? r.pick(CARE_NEEDS) : null;
    const prefs = choosePreferences(ctx, mc, sub.id, {
      careNeeds: careNeedsText !== null,
      occasional: t.occasional,
      onlyOwn: social,
      count: social ? r.int(1, 3) : undefined,
    });
    if (prefs.length === 0) continue;
    const childId = writeChild(ctx, familyId, origin, lastName, t.birth);
    const emergencyOptions = mc.own.filter((loc) => !prefs.includes(loc));
    let plan: RequestPlan = social
      ? { status: 'active', targets: prefs.map(() => r.weighted({ new: 0.2, seen: 0.3, waiting_list: 0.2, no_place: 0.3 })) }
      : choosePlan(ctx, t, prefs.length, emergencyOptions.length > 0);
    if (plan.status === 'answered' && plan.acceptedRank === null) {
      const emergencyLocation = r.sampleWeighted(emergencyOptions, 1, (loc) => loc.popularity)[0];
      plan = emergencyLocation ? { ...plan, emergencyLocation } : { ...plan, acceptedRank: 1 };
    }
    const desiredEnd = t.occasional
      ? addMonths(t.desiredStart, r.int(2, 6))
      : addMonths(`${t.birth.slice(0, 8)}01` as LocalDate, r.chance(0.7) ? 30 : 36);
    simulateRequest(ctx.sim, {
      id: r.uuid(),
      childId,
      familyId,
      municipalityId: mc.m.id,
      submittedAt: t.submittedAt,
      desiredStart: t.desiredStart,
      desiredEnd: desiredEnd > t.desiredStart ? desiredEnd : addMonths(t.desiredStart, 6),
      kind: t.occasional ? 'occasional' : 'regular',
      occasionalReason: t.occasional ? r.pick(OCCASIONAL_REASONS) : null,
      carePlan: carePlan(r),
      careNeedsText,
      channel,
      socialReason,
      createdBy: filer,
      familyActor: self,
      preferences: prefs,
      plan,
    });
    countRequest(ctx, plan.status, t.desiredStart, socialReason !== null);
    made++;
  }
  return made;
}

function writeChild(ctx: FamilyContext, familyId: string, origin: Origin, lastName: string, birth: LocalDate): string {
  const { r, rows, stats, today } = ctx;
  const id = r.uuid();
  const unborn = birth > today;
  const sex = r.chance(0.5) ? 'male' : 'female';
  const number = !unborn && r.chance(0.85) ? protectedNumber(ctx, birth, sex) : null;
  rows.children.push({
    id,
    familyId,
    firstName: unborn && r.chance(0.6) ? null : r.pick(CHILD_NAMES[origin]),
    lastName,
    birthDate: unborn ? null : birth,
    expectedBirthDate: unborn ? birth : null,
    nationalNumberCipher: number?.cipher ?? null,
    nationalNumberHash: number?.hash ?? null,
    createdAt: new Date(Math.min(ctx.now, startOf(unborn ? today : birth) + 12 * HOUR)),
  });
  stats.children++;
  if (unborn) stats.unbornChildren++;
  return id;
}

function countRequest(ctx: FamilyContext, status: RequestStatus, desiredStart: LocalDate, social: boolean): void {
  const { stats } = ctx;
  stats.requestsByStatus[status]++;
  if (status === 'active' && desiredStart <= addDays(ctx.today, ctx.emergencyWindowDays)) {
    stats.emergencyList++;
    if (social) stats.socialEmergencies++;
  }
}

/** Fills one municipality with households until it has `requests` requests. */
export function generateFamilies(ctx: FamilyContext, mc: MunicipalityContext, requests: number, socialEmergencies: number): void {
  let made = 0;
  for (let i = 0; i < socialEmergencies; i++) made += household(ctx, mc, true);
  while (made < requests) made += household(ctx, mc, false);
}

/** The families behind ouder@demo.example (no request yet) and parent.en@demo.example. */
export function generateDemoFamilies(
  ctx: FamilyContext,
  leuven: MunicipalityContext,
  accounts: DemoAccounts,
  fixed: { speelvogel: LocationRef; childminder: LocationRef },
): void {
  const { r, now, today } = ctx;
  const sub = (name: string) => leuven.m.subs.find((s) => s.spec.name === name) ?? (leuven.m.subs[0] as FamilyShape['sub']);
  const noFacts: HouseholdFacts = {
    singleParent: false,
    lowIncome: false,
    fosterChild: false,
    disabilityOrSocialReason: false,
    noSecondaryDiploma: false,
    needsCareForWork: false,
    siblingsInCare: false,
  };
  writeFamily(ctx, leuven, {
    origin: 'flemish',
    sub: sub('Heverlee'),
    facts: noFacts,
    channel: 'parent',
    intermediary: null,
    createdAt: now - 2 * DAY,
    parents: [
      { person: { first: 'Lotte', last: 'Vermeulen', sex: 'female', origin: 'flemish' }, language: 'nl', account: accounts.ouder },
      { person: { first: 'Pieter', last: 'Claes', sex: 'male', origin: 'flemish' }, language: 'nl' },
    ],
  });

  const submittedAt = at(addDays(today, -140), 20, 15);
  const { familyId, self } = writeFamily(ctx, leuven, {
    origin: 'international',
    sub: sub('Kessel-Lo'),
    facts: noFacts,
    channel: 'parent',
    intermediary: null,
    createdAt: submittedAt - 20 * MINUTE,
    parents: [
      { person: { first: 'Emily', last: 'Carter', sex: 'female', origin: 'international' }, language: 'en', account: accounts.parentEn },
      { person: { first: 'Rahul', last: 'Mehta', sex: 'male', origin: 'international' }, language: 'en' },
    ],
  });
  const childId = writeChild(ctx, familyId, 'international', 'Mehta', addDays(today, -100));
  const second = [...leuven.own]
    .filter((loc) => loc.careType === 'group' && loc !== fixed.speelvogel)
    .sort((a, b) => b.popularity - a.popularity || a.name.localeCompare(b.name))[0];
  const desiredStart = firstOfNextMonth(addDays(today, 70));
  const prefs = second ? [fixed.speelvogel, second, fixed.childminder] : [fixed.speelvogel, fixed.childminder];
  const targets: ActiveTarget[] = second ? ['waiting_list', 'offer_made', 'seen'] : ['offer_made', 'seen'];
  simulateRequest(ctx.sim, {
    id: r.uuid(),
    childId,
    familyId,
    municipalityId: leuven.m.id,
    submittedAt,
    desiredStart,
    desiredEnd: addMonths(`${dayOf(startOf(addDays(today, -100))).slice(0, 8)}01` as LocalDate, 30),
    kind: 'regular',
    occasionalReason: null,
    carePlan: { days: { mon: 'full', tue: 'full', wed: 'full', thu: 'full', fri: 'half' }, fixed: true, early: false, late: true },
    careNeedsText: null,
    channel: 'parent',
    socialReason: null,
    createdBy: self,
    familyActor: self,
    preferences: prefs,
    plan: { status: 'active', targets },
  });
  countRequest(ctx, 'active', desiredStart, false);
}
