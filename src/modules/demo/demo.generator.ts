/**
 * Fills an empty database with a realistic, deterministic demo region: the same seed and the same
 * clock give the same rows (ids included), whatever the database. Everything is dated relative to
 * the clock's today. See DEMO_SCALES for the sizes; the large ones are written set-based.
 */

import { hashPassword } from '../../platform/auth/passwords.ts';
import { sealTotpSecret } from '../../platform/auth/totp.ts';
import type { Clock } from '../../platform/clock.ts';
import type { NationalNumberVault } from '../../platform/crypto/national-number-vault.ts';
import { type Database, schema } from '../../platform/db/index.ts';
import { dayInBrussels, type LocalDate } from '../../shared/dates.ts';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  type DemoLogin,
  demoAccounts,
} from './demo.accounts.ts';
import { writeDemoContent } from './demo.content.ts';
import {
  emptyFamilyStats,
  type FamilyContext,
  type IntermediaryRef,
  type MunicipalityContext,
} from './demo.context.ts';
import { writeDemoDeskWork } from './demo.desk.ts';
import { generateDemoFamilies, generateFamilies, generateWaitingFamilies } from './demo.families.ts';
import { municipalitySpecs, nearestNeighbours } from './demo.geography.ts';
import { writeDemoPhotos } from './demo.photos.ts';
import { loadRuleSetOn } from './demo.priority.ts';
import { apportion, generateProviders, type LocationRef, type PlacedMunicipality } from './demo.providers.ts';
import { Random } from './demo.random.ts';
import { emptyRows, type PreferenceRow, type RequestRow } from './demo.rows.ts';
import { type DemoScale, type DemoScaleParams, resolveScale } from './demo.scale.ts';
import { writeDemoFollowUpTasks } from './demo.tasks.ts';
import { DAY } from './demo.time.ts';
import { insertAll, writeRows } from './demo.writer.ts';

export { DEMO_LOGINS, DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoLogin } from './demo.accounts.ts';
export { DEMO_SCALES, type DemoScale, type DemoScaleName, type DemoScaleParams } from './demo.scale.ts';

export const DEFAULT_DEMO_SEED = 20_260_101;

type RequestStatus = NonNullable<RequestRow['status']>;
type PreferenceStatus = NonNullable<PreferenceRow['status']>;

export type DemoSummary = {
  seed: number;
  scale: DemoScaleParams;
  today: LocalDate;
  region: { code: string; name: string };
  municipalities: number;
  subMunicipalities: number;
  providerOrganisations: number;
  locations: number;
  groupLocations: number;
  familyLocations: number;
  intermediaryOrganisations: number;
  users: number;
  families: number;
  parents: number;
  children: number;
  unbornChildren: number;
  /** The priority rule set valid today, which judged the two counts below (null: none valid). */
  ruleSet: { code: string; version: number; name: string } | null;
  /** Families with priority under that set, as the priority-rules evaluator judges them. */
  priorityFamilies: number;
  /** Families the evaluator calls vulnerable under that set. */
  vulnerableFamilies: number;
  requests: number;
  requestsByStatus: Record<RequestStatus, number>;
  preferences: number;
  preferencesByStatus: Partial<Record<PreferenceStatus, number>>;
  offers: number;
  statusEvents: number;
  /** Active requests whose desired start is at most 30 days away (or already past): no place yet. */
  emergencyList: number;
  /** Of those, the ones with a social reason. */
  socialEmergencies: number;
  /** Phone tasks for intermediaries: pending offers of followed families without e-mail. */
  followUpTasks: number;
  /** Phone tasks for the Leuven desk: families registered by phone, without e-mail. */
  deskTasks: number;
  /** The second file of the demo's duplicate pair (for the desk's duplicates page). */
  duplicateFamilyId: string | undefined;
  logins: readonly DemoLogin[];
  password: string;
};

// The municipality settings' defaults (see the municipalities table).
const EMERGENCY_WINDOW_DAYS = 30;
const MAX_PREFERENCES = 5;
const OFFER_DEADLINE_DAYS = 7;

function regionName(municipalities: number): string {
  if (municipalities === 1) return 'Leuven (demo)';
  return municipalities <= 30 ? 'Regio Leuven (demo)' : 'Vlaanderen (demo)';
}

/**
 * From the region scale on, a few very large centres draw families from the nearest municipalities
 * too (De Speelvogel in Leuven and the largest centre of every 50th municipality), so that the
 * largest waiting lists reach ≈1,500 open preferences at the Flanders scale, as in the big cities.
 */
function regionalMagnets(
  specs: Parameters<typeof nearestNeighbours>[0],
  byMunicipality: readonly LocationRef[][],
  speelvogel: LocationRef,
): { location: LocationRef; share: number }[][] {
  const magnetsOf: { location: LocationRef; share: number }[][] = specs.map(() => []);
  if (specs.length < 19) return magnetsOf;
  const catchments = nearestNeighbours(specs, 30);
  const add = (index: number, location: LocationRef, reach: number, share: number) => {
    for (const j of [index, ...(catchments[index] ?? []).slice(0, reach)])
      magnetsOf[j]?.push({ location, share });
  };
  add(0, speelvogel, 30, 0.13);
  for (let index = 50; index < specs.length; index += 50) {
    const largest = (byMunicipality[index] ?? [])
      .filter((l) => l.careType === 'group')
      .sort((a, b) => b.capacity - a.capacity || a.name.localeCompare(b.name))[0];
    if (largest) add(index, largest, 30, 0.15);
  }
  return magnetsOf;
}

export async function generateDemoRegion(
  db: Database,
  deps: {
    clock: Clock;
    vault: NationalNumberVault;
    seed?: number;
    scale?: DemoScale;
    /** The app's session secret: demo staff get the demo second factor sealed with it (ADR 0020). */
    sessionSecret?: string;
  },
): Promise<DemoSummary> {
  const existing = await db.select({ id: schema.regions.id }).from(schema.regions).limit(1);
  if (existing.length > 0) throw new Error('The demo region can only be generated into an empty database');
  const seed = deps.seed ?? DEFAULT_DEMO_SEED;
  const scale = resolveScale(deps.scale);
  const r = new Random(seed);
  const now = deps.clock.now().getTime();
  const today = deps.clock.today();
  // Hashed once: argon2 takes ≈25 ms, and every demo and parent account shares the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    const region = {
      id: r.uuid(),
      code: 'demo',
      name: regionName(scale.municipalities),
      createdAt: new Date(now - 900 * DAY),
    };
    const specs = municipalitySpecs(scale.municipalities, r);
    const placed: PlacedMunicipality[] = specs.map((spec, index) => ({
      id: r.uuid(),
      index,
      spec,
      subs: spec.subs.map((s) => ({ id: r.uuid(), spec: s })),
    }));
    const providers = generateProviders(
      r,
      placed,
      Math.round(scale.municipalities * scale.locationsPerMunicipality),
      now,
    );

    const intermediaryRows: (typeof schema.intermediaryOrganisations.$inferInsert)[] = [];
    const intermediariesOf: IntermediaryRef[][] = placed.map(() => []);
    const addIntermediary = (
      m: PlacedMunicipality,
      name: string,
      kind: string,
      servesAlso: PlacedMunicipality[] = [],
    ) => {
      const id = r.uuid();
      intermediaryRows.push({ id, municipalityId: m.id, name, kind, createdAt: new Date(now - 800 * DAY) });
      for (const served of [m, ...servesAlso])
        intermediariesOf[served.index]?.push({ id, kind, userId: null });
      return id;
    };
    const leuven = placed[0] as PlacedMunicipality;
    const ocmwLeuvenId = addIntermediary(leuven, 'OCMW Leuven', 'ocmw');
    // The CAW works for the whole of east Flemish Brabant.
    addIntermediary(leuven, 'CAW Oost-Brabant', 'caw', placed.slice(1, 30));
    addIntermediary(leuven, 'Huis van het Kind Leuven', 'huis_van_het_kind');
    for (const m of placed.slice(1)) {
      addIntermediary(m, `OCMW ${m.spec.name}`, 'ocmw');
      if (m.index % 3 === 0) addIntermediary(m, `Huis van het Kind ${m.spec.name}`, 'huis_van_het_kind');
    }

    const { accounts, users, grants } = demoAccounts(
      r,
      passwordHash,
      now,
      {
        leuvenId: leuven.id,
        ocmwLeuvenId,
        speelvogelId: providers.speelvogel.id,
        childminderId: providers.childminder.id,
      },
      deps.sessionSecret ? sealTotpSecret(deps.sessionSecret, DEMO_TOTP_SECRET) : undefined,
    );
    for (const ref of intermediariesOf[0] ?? []) if (ref.id === ocmwLeuvenId) ref.userId = accounts.toeleider;

    await insertAll(tx, schema.regions, [region]);
    await insertAll(
      tx,
      schema.municipalities,
      placed.map((m) => ({
        id: m.id,
        regionId: region.id,
        nisCode: m.spec.nisCode,
        slug: m.spec.slug,
        name: m.spec.name,
        deskEmail: m.spec.desk.email,
        deskPhone: m.spec.desk.phone,
        deskAddress: m.spec.desk.address,
        deskOpeningHours: m.spec.desk.openingHours,
        createdAt: region.createdAt,
      })),
    );
    const children0to3Date = `${Number(today.slice(0, 4)) - 1}-01-01`;
    await insertAll(
      tx,
      schema.subMunicipalities,
      placed.flatMap((m) =>
        m.subs.map((s) => ({
          id: s.id,
          municipalityId: m.id,
          name: s.spec.name,
          postcode: s.spec.postcode,
          children0to3: s.spec.children0to3,
          children0to3Date,
        })),
      ),
    );
    await insertAll(tx, schema.providerOrganisations, providers.organisations);
    await insertAll(tx, schema.providerLocations, providers.locations);
    // Each location's places from the day it was registered (the figures read the places valid on a day).
    await insertAll(
      tx,
      schema.locationCapacities,
      providers.locations.map((l) => {
        const registered = l.createdAt ?? new Date(now);
        return {
          locationId: l.id as string,
          validFrom: dayInBrussels(registered),
          capacity: l.capacity,
          recordedAt: registered,
        };
      }),
    );
    await insertAll(tx, schema.intermediaryOrganisations, intermediaryRows);
    await insertAll(tx, schema.users, users);
    await insertAll(tx, schema.roleGrants, grants);
    // The public site's content (news, info pages, last-minute places…), from its own seeded source.
    await writeDemoContent(tx, {
      seed,
      now,
      today,
      regionId: region.id,
      municipalities: placed,
      locations: providers.locations,
    });
    await writeDemoPhotos(tx, { now, locations: providers.locations, municipalities: placed });

    const rows = emptyRows();
    const stats = emptyFamilyStats();
    // Priority is judged only by the priority-rules module, with the set valid on each day.
    const ruleSetOn = await loadRuleSetOn(tx);
    const ruleSet = ruleSetOn(today);
    const staff = new Map<string, () => string>([
      [providers.speelvogel.id, () => (r.chance(0.8) ? accounts.kdv : accounts.kdvAdmin)],
      [providers.childminder.id, () => accounts.onthaalouder],
    ]);
    const ctx: FamilyContext = {
      r,
      now,
      today,
      vault: deps.vault,
      usedNumbers: new Set(),
      usedEmails: new Set(DEMO_LOGINS.map((l) => l.email)),
      emailCounters: new Map(),
      years: scale.years,
      rows,
      passwordHash,
      emergencyWindowDays: EMERGENCY_WINDOW_DAYS,
      maxPreferences: MAX_PREFERENCES,
      stats,
      ruleSetOn,
      sim: {
        r,
        now,
        today,
        rows,
        offerDeadlineDays: OFFER_DEADLINE_DAYS,
        staffFor: (locationId) => staff.get(locationId)?.() ?? null,
        deskUserFor: (municipalityId) => (municipalityId === leuven.id ? accounts.loket : null),
      },
    };

    const byMunicipality: LocationRef[][] = placed.map(() => []);
    for (const ref of providers.refs) byMunicipality[ref.municipalityIndex]?.push(ref);
    const neighbours = nearestNeighbours(specs, 2);
    const magnetsOf = regionalMagnets(specs, byMunicipality, providers.speelvogel);
    const weights = specs.map((s) => s.subs.reduce((n, sub) => n + sub.children0to3, 0));
    const requestCounts = apportion(Math.round(scale.requestsPerYear * scale.years), weights, []);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const preferencesByStatus: Partial<Record<PreferenceStatus, number>> = {};
    let preferences = 0;
    let offers = 0;
    let statusEvents = 0;
    let extraUsers = 0;

    for (const m of placed) {
      const own = byMunicipality[m.index] ?? [];
      const mc: MunicipalityContext = {
        m,
        own,
        candidates: [...own, ...(neighbours[m.index] ?? []).flatMap((j) => byMunicipality[j] ?? [])],
        magnets: magnetsOf[m.index] ?? [],
        intermediaries: intermediariesOf[m.index] ?? [],
        deskUserId: m === leuven ? accounts.loket : null,
      };
      if (m === leuven) generateDemoFamilies(ctx, mc, accounts, providers);
      const share = (weights[m.index] ?? 0) / totalWeight;
      // About 5% of the requests of a year are social emergencies; those of the last month are still
      // open. Leuven gets a few more, so that even the smallest scale shows the flag.
      const social = Math.round(scale.requestsPerYear * share * 0.004) + (m === leuven ? 3 : 0);
      if (own.length > 0) generateFamilies(ctx, mc, requestCounts[m.index] ?? 0, social);
      if (m === leuven && scale.largestWaitingList) {
        generateWaitingFamilies(ctx, mc, providers.speelvogel, scale.largestWaitingList);
      }

      for (const p of rows.preferences) {
        const status = p.status ?? 'new';
        preferencesByStatus[status] = (preferencesByStatus[status] ?? 0) + 1;
      }
      preferences += rows.preferences.length;
      offers += rows.offers.length;
      statusEvents += rows.statusEvents.length;
      extraUsers += rows.users.length;
      await writeRows(tx, rows);
    }

    const followUpTasks = await writeDemoFollowUpTasks(tx);
    const desk = await writeDemoDeskWork(tx, {
      r,
      now,
      today,
      leuvenId: leuven.id,
      deskUserId: accounts.loket,
    });
    if (desk.duplicateFamilyId) {
      stats.families++;
      stats.parents++;
      stats.children++;
    }
    const requests = Object.values(stats.requestsByStatus).reduce((a, b) => a + b, 0);
    return {
      seed,
      scale,
      today,
      region: { code: region.code, name: region.name },
      municipalities: placed.length,
      subMunicipalities: placed.reduce((n, m) => n + m.subs.length, 0),
      providerOrganisations: providers.organisations.length,
      locations: providers.locations.length,
      groupLocations: providers.refs.filter((l) => l.careType === 'group').length,
      familyLocations: providers.refs.filter((l) => l.careType === 'family').length,
      intermediaryOrganisations: intermediaryRows.length,
      users: users.length + extraUsers,
      families: stats.families,
      parents: stats.parents,
      children: stats.children,
      unbornChildren: stats.unbornChildren,
      ruleSet: ruleSet ? { code: ruleSet.code, version: ruleSet.version, name: ruleSet.name.nl } : null,
      priorityFamilies: stats.priorityFamilies,
      vulnerableFamilies: stats.vulnerableFamilies,
      requests,
      requestsByStatus: stats.requestsByStatus,
      preferences,
      preferencesByStatus,
      offers,
      statusEvents,
      emergencyList: stats.emergencyList,
      socialEmergencies: stats.socialEmergencies,
      followUpTasks,
      deskTasks: desk.deskTasks,
      duplicateFamilyId: desk.duplicateFamilyId,
      logins: DEMO_LOGINS,
      password: DEMO_PASSWORD,
    };
  });
}
