/**
 * Families of one municipality: parents, children and one request per child, whose history is
 * played out by simulateRequest. Also the two hand-made families behind the parent demo accounts.
 */
import { addDays, addMonths, type LocalDate } from '../../shared/dates.ts';
import type { DemoAccounts } from './demo.accounts.ts';
import type { FamilyContext, IntermediaryRef, MunicipalityContext } from './demo.context.ts';
import { CHILD_NAMES, type Origin } from './demo.names.ts';
import {
  contactLanguage,
  type HouseholdFacts,
  homeLanguage,
  householdFacts,
  NUMBER_CHANCE,
  type Person,
  parentFields,
  person,
  pickOrigin,
  protectedNumber,
} from './demo.people.ts';
import {
  CARE_NEEDS,
  carePlan,
  choosePlan,
  choosePreferences,
  firstOfNextMonth,
  OCCASIONAL_REASONS,
  sampleTimeline,
  type Timeline,
} from './demo.plans.ts';
import { type PriorityOn, priorityOf } from './demo.priority.ts';
import type { LocationRef, PlacedMunicipality } from './demo.providers.ts';
import { type ActiveTarget, type Actor, type RequestPlan, simulateRequest } from './demo.requests.ts';
import type { FamilyRow, ParentRow, PreferenceRow } from './demo.rows.ts';
import { at, DAY, HOUR, MINUTE, startOf } from './demo.time.ts';
import { OPEN_STATUSES, placeAmong, waitingPlan, waitingTimeline } from './demo.waiting.ts';

type RequestStatus = RequestPlan['status'];
type Channel = 'parent' | 'intermediary' | 'desk';

/**
 * A made-up yearly income in whole euros: a low-income household (the generator's notion) earns
 * well below €30,000, which is not a rule, only the demo's; about one other household in eight
 * gives no income.
 */
function demoYearlyIncome(r: FamilyContext['r'], lowIncome: boolean): number | null {
  if (lowIncome) return r.int(14, 28) * 1000 + r.int(0, 9) * 100;
  if (r.chance(0.12)) return null;
  return r.int(36, 140) * 1000 + r.int(0, 9) * 100;
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
  parents: {
    person: Person;
    language: 'nl' | 'fr' | 'en';
    account?: { id: string; email: string };
    /** Fixed for the hand-made demo families; otherwise drawn. */
    withEmail?: boolean;
  }[];
};

/**
 * Writes the family and its parents; returns the family id, who acts for the family, and its
 * priority on any day as the evaluator judges it.
 */
function writeFamily(
  ctx: FamilyContext,
  mc: MunicipalityContext,
  shape: FamilyShape,
): { familyId: string; self: Actor; filer: Actor; priorityOn: PriorityOn } {
  const { r, rows, stats } = ctx;
  const familyId = r.uuid();
  const created = new Date(shape.createdAt);
  let parentUserId: string | null = null;
  const work: { situation: ParentRow['situation']; daysPerWeek: ParentRow['daysPerWeek'] }[] = [];
  shape.parents.forEach((p, i) => {
    const fields = parentFields(ctx, p.person, {
      language: p.language,
      withEmail: p.withEmail ?? (i === 0 ? shape.channel !== 'intermediary' || r.chance(0.5) : r.chance(0.6)),
      situation: situation(r, shape.facts),
      position: i + 1,
      numberChance: NUMBER_CHANCE[shape.origin],
    });
    if (p.account) fields.email = p.account.email;
    let userId: string | null = p.account?.id ?? null;
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
      rows.roleGrants.push({
        id: r.uuid(),
        userId,
        role: 'parent',
        createdAt: new Date(shape.createdAt - 10 * MINUTE),
      });
      stats.parentAccounts++;
    }
    if (i === 0) parentUserId = userId;
    rows.parents.push({ id: r.uuid(), familyId, userId, ...fields, createdAt: created });
    work.push({ situation: fields.situation, daysPerWeek: fields.daysPerWeek });
    stats.parents++;
  });
  const intermediaryActor: Actor = { role: 'intermediary', userId: shape.intermediary?.userId ?? null };
  const deskActor: Actor = { role: 'desk', userId: mc.deskUserId };
  const parentActor: Actor = { role: 'parent', userId: parentUserId };
  const filer =
    shape.channel === 'parent'
      ? parentActor
      : shape.channel === 'intermediary'
        ? intermediaryActor
        : deskActor;
  // The generator's own notion of a low-income household becomes an amount: the file holds the
  // income, and the valid rule set's threshold judges it.
  const { lowIncome, ...ticks } = shape.facts;
  const family: FamilyRow = {
    id: familyId,
    fileNumber: '', // filled in from family_file_number_seq just before writing
    municipalityId: mc.m.id,
    subMunicipalityId: shape.sub.id,
    street: r.pick(shape.sub.spec.streets),
    houseNumber: String(r.int(1, 220)),
    postcode: shape.sub.spec.postcode,
    city: shape.sub.spec.name,
    ...ticks,
    yearlyIncome: demoYearlyIncome(r, lowIncome),
    priorityFactsGivenAt: created,
    homeLanguage: homeLanguage(r, shape.origin),
    consentAt: created,
    intermediaryOrganisationId: shape.intermediary?.id ?? null,
    createdByUserId: filer.userId,
    createdAt: created,
  };
  rows.families.push(family);
  stats.families++;
  const priorityOn = priorityOf(ctx.ruleSetOn, {
    ...ticks,
    yearlyIncome: family.yearlyIncome ?? null,
    parents: work.map((w) => ({ situation: w.situation ?? null, daysPerWeek: w.daysPerWeek ?? null })),
  });
  const { verdict } = priorityOn(ctx.today);
  if (verdict.level > 0) stats.priorityFamilies++;
  if (verdict.vulnerable) stats.vulnerableFamilies++;
  return { familyId, self: shape.channel === 'parent' ? parentActor : filer, filer, priorityOn };
}

/**
 * One household with one or two children, each with a request. Returns the number of requests.
 * `waitingFor`: a family still waiting for a place at that location (see generateWaitingFamilies).
 */
function household(
  ctx: FamilyContext,
  mc: MunicipalityContext,
  social: boolean,
  waitingFor?: LocationRef,
): number {
  const { r, now, today } = ctx;
  const origin: Origin = social
    ? r.weighted({ flemish: 0.6, maghreb: 0.2, eastern: 0.1, international: 0.1 })
    : pickOrigin(r);
  const sub =
    r.sampleWeighted(mc.m.subs, 1, (s) => s.spec.children0to3)[0] ?? (mc.m.subs[0] as FamilyShape['sub']);
  const hardship = social || r.chance(0.23);
  const facts = householdFacts(r, hardship);
  const channel: Channel = social
    ? r.chance(0.8)
      ? 'intermediary'
      : 'desk'
    : hardship
      ? r.weighted({ parent: 0.6, intermediary: 0.28, desk: 0.12 })
      : r.weighted({ parent: 0.93, intermediary: 0.02, desk: 0.05 });
  const intermediary =
    channel === 'intermediary' && mc.intermediaries.length > 0
      ? (r.sampleWeighted(mc.intermediaries, 1, (o) => (o.kind === 'ocmw' ? 2 : 1))[0] ?? null)
      : null;
  const socialReason = social
    ? r.weighted({
        child_protection: 0.3,
        foster_placement: 0.2,
        family_crisis: 0.3,
        medical: 0.1,
        other: 0.1,
      })
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
  } else if (waitingFor) {
    timelines.push(waitingTimeline(ctx));
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
  const { familyId, self, filer, priorityOn } = writeFamily(ctx, mc, {
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
    if (waitingFor) placeAmong(ctx, prefs, waitingFor);
    if (prefs.length === 0) continue;
    const childId = writeChild(ctx, familyId, origin, lastName, t.birth);
    const emergencyOptions = mc.own.filter((loc) => !prefs.includes(loc));
    let plan: RequestPlan = social
      ? {
          status: 'active',
          targets: prefs.map(() => r.weighted({ new: 0.2, seen: 0.3, waiting_list: 0.2, no_place: 0.3 })),
        }
      : waitingFor
        ? waitingPlan(ctx, t, prefs, waitingFor)
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
      priorityOn,
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

function writeChild(
  ctx: FamilyContext,
  familyId: string,
  origin: Origin,
  lastName: string,
  birth: LocalDate,
): string {
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

function countRequest(
  ctx: FamilyContext,
  status: RequestStatus,
  desiredStart: LocalDate,
  social: boolean,
): void {
  const { stats } = ctx;
  stats.requestsByStatus[status]++;
  if (status === 'active' && desiredStart <= addDays(ctx.today, ctx.emergencyWindowDays)) {
    stats.emergencyList++;
    if (social) stats.socialEmergencies++;
  }
}

/** Fills one municipality with households until it has `requests` requests. */
export function generateFamilies(
  ctx: FamilyContext,
  mc: MunicipalityContext,
  requests: number,
  socialEmergencies: number,
): void {
  let made = 0;
  for (let i = 0; i < socialEmergencies; i++) made += household(ctx, mc, true);
  while (made < requests) made += household(ctx, mc, false);
}

/**
 * Families who all still wait for a place at `location` (among their other preferences), until its
 * waiting list holds `open` open preferences (new, seen, on the waiting list, offer made): the list
 * of a large centre in a city, ≈1,500 in Leuven, for the demo's director account.
 */
export function generateWaitingFamilies(
  ctx: FamilyContext,
  mc: MunicipalityContext,
  location: LocationRef,
  open: number,
): void {
  const isOpen = (p: PreferenceRow) =>
    p.providerLocationId === location.id && OPEN_STATUSES.has(p.status ?? 'new');
  let count = ctx.rows.preferences.filter(isOpen).length;
  while (count < open) {
    const from = ctx.rows.preferences.length;
    household(ctx, mc, false, location);
    count += ctx.rows.preferences.slice(from).filter(isOpen).length;
  }
}

/** The families behind ouder@demo.example (no request yet) and parent.en@demo.example. */
export function generateDemoFamilies(
  ctx: FamilyContext,
  leuven: MunicipalityContext,
  accounts: DemoAccounts,
  fixed: { speelvogel: LocationRef; childminder: LocationRef },
): void {
  const { r, now, today } = ctx;
  const sub = (name: string) =>
    leuven.m.subs.find((s) => s.spec.name === name) ?? (leuven.m.subs[0] as FamilyShape['sub']);
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
      {
        person: { first: 'Lotte', last: 'Vermeulen', sex: 'female', origin: 'flemish' },
        language: 'nl',
        account: { id: accounts.ouder, email: 'ouder@demo.example' },
      },
      { person: { first: 'Pieter', last: 'Claes', sex: 'male', origin: 'flemish' }, language: 'nl' },
    ],
  });

  const submittedAt = at(addDays(today, -140), 20, 15);
  const { familyId, self, priorityOn } = writeFamily(ctx, leuven, {
    origin: 'international',
    sub: sub('Kessel-Lo'),
    facts: noFacts,
    channel: 'parent',
    intermediary: null,
    createdAt: submittedAt - 20 * MINUTE,
    parents: [
      {
        person: { first: 'Emily', last: 'Carter', sex: 'female', origin: 'international' },
        language: 'en',
        account: { id: accounts.parentEn, email: 'parent.en@demo.example' },
      },
      { person: { first: 'Rahul', last: 'Mehta', sex: 'male', origin: 'international' }, language: 'en' },
    ],
  });
  const childId = writeChild(ctx, familyId, 'international', 'Mehta', addDays(today, -100));
  const second = [...leuven.own]
    .filter((loc) => loc.careType === 'group' && loc !== fixed.speelvogel)
    .sort((a, b) => b.popularity - a.popularity || a.name.localeCompare(b.name))[0];
  const desiredStart = firstOfNextMonth(addDays(today, 70));
  const prefs = second
    ? [fixed.speelvogel, second, fixed.childminder]
    : [fixed.speelvogel, fixed.childminder];
  const targets: ActiveTarget[] = second ? ['waiting_list', 'offer_made', 'seen'] : ['offer_made', 'seen'];
  simulateRequest(ctx.sim, {
    id: r.uuid(),
    childId,
    familyId,
    priorityOn,
    municipalityId: leuven.m.id,
    submittedAt,
    desiredStart,
    desiredEnd: addMonths(`${addDays(today, -100).slice(0, 8)}01` as LocalDate, 30),
    kind: 'regular',
    occasionalReason: null,
    carePlan: {
      days: { mon: 'full', tue: 'full', wed: 'full', thu: 'full', fri: 'half' },
      fixed: true,
      early: false,
      late: true,
    },
    careNeedsText: null,
    channel: 'parent',
    socialReason: null,
    createdBy: self,
    familyActor: self,
    preferences: prefs,
    plan: { status: 'active', targets },
  });
  countRequest(ctx, 'active', desiredStart, false);

  // A family OCMW Leuven follows, reachable by phone only, with an offer to answer: the offer
  // becomes a phone task for toeleider@demo.example (see writeDemoFollowUpTasks).
  const ocmw = leuven.intermediaries.find((o) => o.kind === 'ocmw');
  if (!ocmw) return;
  const filedAt = at(addDays(today, -60), 10, 30);
  const followed = writeFamily(ctx, leuven, {
    origin: 'international',
    sub: sub('Kessel-Lo'),
    facts: { ...noFacts, singleParent: true, lowIncome: true },
    channel: 'intermediary',
    intermediary: ocmw,
    createdAt: filedAt - 30 * MINUTE,
    parents: [
      {
        person: { first: 'Fatima', last: 'El Idrissi', sex: 'female', origin: 'international' },
        language: 'fr',
        withEmail: false,
      },
    ],
  });
  const followedChild = writeChild(
    ctx,
    followed.familyId,
    'international',
    'El Idrissi',
    addDays(today, -150),
  );
  const followedStart = firstOfNextMonth(addDays(today, 40));
  simulateRequest(ctx.sim, {
    id: r.uuid(),
    childId: followedChild,
    familyId: followed.familyId,
    priorityOn: followed.priorityOn,
    municipalityId: leuven.m.id,
    submittedAt: filedAt,
    desiredStart: followedStart,
    desiredEnd: addMonths(`${addDays(today, -150).slice(0, 8)}01` as LocalDate, 30),
    kind: 'regular',
    occasionalReason: null,
    carePlan: {
      days: { mon: 'full', tue: 'full', wed: 'none', thu: 'full', fri: 'none' },
      fixed: true,
      early: false,
      late: false,
    },
    careNeedsText: null,
    channel: 'intermediary',
    socialReason: null,
    createdBy: followed.filer,
    familyActor: followed.filer,
    preferences: [fixed.childminder, fixed.speelvogel],
    plan: { status: 'active', targets: ['offer_made', 'waiting_list'] },
  });
  countRequest(ctx, 'active', followedStart, false);
}
