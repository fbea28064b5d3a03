import { sql } from 'drizzle-orm';
import type { Role } from '../src/platform/auth/actions.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { sealTotpSecret } from '../src/platform/auth/totp.ts';
import { type Database, schema } from '../src/platform/db/index.ts';
import { dayInBrussels } from '../src/shared/dates.ts';

/**
 * Fixture builders with unique, valid defaults: a test states only what matters to it.
 * `aScenario` builds the common shape: a region with one municipality and some providers.
 */
let counter = 0;
const next = () => ++counter;

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

/**
 * The second factor of users built with `secondFactor: true` (ADR 0020): the log-in helpers
 * (`TestClient.login`, the browser's `logIn`) compute its code on the app's clock. Base32, 20 bytes.
 */
export const TEST_TOTP_SECRET = 'TESTTESTTESTTESTTESTTESTTESTTEST';
/** The session secret of the test apps (test/app.ts TEST_KEYS), which seals the secret. */
const TEST_SESSION_SECRET = 'test-session-secret-test-session-secret-0123456789';
let totpCipher: string | undefined;
const testTotpCipher = () => {
  totpCipher ??= sealTotpSecret(TEST_SESSION_SECRET, TEST_TOTP_SECRET);
  return totpCipher;
};

export async function aRegion(db: Database) {
  const n = next();
  const [row] = await db
    .insert(schema.regions)
    .values({ code: `region-${n}`, name: `Region ${n}` })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function aMunicipality(
  db: Database,
  overrides: Partial<typeof schema.municipalities.$inferInsert> & { regionId: string },
) {
  const n = next();
  const [row] = await db
    .insert(schema.municipalities)
    .values({
      nisCode: `9${String(n).padStart(4, '0')}`,
      slug: `municipality-${n}`,
      name: `Gemeente ${n}`,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function aProviderLocation(
  db: Database,
  overrides: Partial<typeof schema.providerLocations.$inferInsert> & { municipalityId: string },
) {
  const n = next();
  const [org] = await db
    .insert(schema.providerOrganisations)
    .values({ name: `Organisatie ${n}` })
    .returning();
  if (!org) throw new Error('insert failed');
  const [row] = await db
    .insert(schema.providerLocations)
    .values({
      organisationId: org.id,
      name: `Kinderdagverblijf Test ${n}`,
      careType: 'group',
      subsidyLevel: 2,
      street: 'Teststraat',
      houseNumber: String(n),
      postcode: '3000',
      city: 'Leuven',
      latitude: 50.88,
      longitude: 4.7,
      capacity: 28,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('insert failed');
  // Its places from the day it was registered, as the desk's registration records them; a fixture
  // without a registration date has had them for long (the test clock is earlier than the row's).
  await db.insert(schema.locationCapacities).values({
    locationId: row.id,
    validFrom: overrides.createdAt ? dayInBrussels(overrides.createdAt as Date) : '2000-01-01',
    capacity: row.capacity,
    active: row.active,
    recordedAt: row.createdAt,
  });
  return row;
}

export async function aUser(
  db: Database,
  options: {
    role: Role;
    email?: string;
    language?: 'nl' | 'fr' | 'en';
    providerLocationId?: string;
    municipalityId?: string;
    /** A policy grant for the whole region. */
    regionId?: string;
    intermediaryOrganisationId?: string;
    /**
     * Enrolled with TEST_TOTP_SECRET. Off by default: the tests run with STAFF_SECOND_FACTOR
     * optional (config.ts), so staff without a factor log in with the password alone.
     */
    secondFactor?: boolean;
  },
) {
  const n = next();
  const enrolled = options.secondFactor ?? false;
  const [user] = await db
    .insert(schema.users)
    .values({
      email: options.email ?? `user${n}@test.example`,
      passwordHash: await testPasswordHash(),
      displayName: `Test User ${n}`,
      language: options.language ?? 'nl',
      emailVerifiedAt: sql`now()`,
      ...(enrolled ? { totpSecretCipher: testTotpCipher(), totpEnrolledAt: sql`now()` } : {}),
    })
    .returning();
  if (!user) throw new Error('insert failed');
  await db.insert(schema.roleGrants).values({
    userId: user.id,
    role: options.role,
    providerLocationId: options.providerLocationId ?? null,
    municipalityId: options.municipalityId ?? null,
    regionId: options.regionId ?? null,
    intermediaryOrganisationId: options.intermediaryOrganisationId ?? null,
  });
  return user;
}

/** A region, one municipality with two sub-municipalities, and three provider locations. */
export async function aScenario(db: Database) {
  const region = await aRegion(db);
  const municipality = await aMunicipality(db, { regionId: region.id });
  const [sub] = await db
    .insert(schema.subMunicipalities)
    .values([
      { municipalityId: municipality.id, name: 'Centrum', postcode: '3000' },
      { municipalityId: municipality.id, name: 'Rand', postcode: '3001' },
    ])
    .returning();
  const first = await aProviderLocation(db, { municipalityId: municipality.id, name: 'KDV De Eerste Stap' });
  const second = await aProviderLocation(db, {
    municipalityId: municipality.id,
    name: 'KDV Het Tweede Nest',
  });
  const third = await aProviderLocation(db, {
    municipalityId: municipality.id,
    name: 'Onthaalouder Derde',
    careType: 'family',
    capacity: 8,
  });
  const firstStaff = await aUser(db, { role: 'provider_staff', providerLocationId: first.id });
  const secondStaff = await aUser(db, { role: 'provider_staff', providerLocationId: second.id });
  return { region, municipality, subMunicipality: sub, first, second, third, firstStaff, secondStaff };
}

type CarePlanDays = Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri', 'none' | 'half' | 'full'>;
const FULL_WEEK: CarePlanDays = { mon: 'full', tue: 'full', wed: 'full', thu: 'full', fri: 'full' };

/**
 * A family file with one parent (with e-mail) and one child, and a request naming the given
 * locations in order, inserted straight into the tables (no mails, no events): for provider-side
 * tests that need many requests in particular states. Dates are calendar days; `submittedAt` an instant.
 */
export async function aFamilyRequest(
  db: Database,
  options: {
    municipalityId: string;
    locations: string[];
    subMunicipalityId?: string;
    childFirstName?: string;
    childLastName?: string;
    birthDate?: string | null;
    expectedBirthDate?: string | null;
    nationalNumberCipher?: string;
    desiredStart?: string;
    desiredEnd?: string | null;
    days?: Partial<CarePlanDays>;
    kind?: 'regular' | 'occasional';
    careNeeds?: boolean;
    socialReason?: (typeof schema.socialReasonEnum.enumValues)[number] | null;
    status?: (typeof schema.requestStatusEnum.enumValues)[number];
    submittedAt?: string;
    family?: Partial<typeof schema.families.$inferInsert>;
    parentLanguage?: 'nl' | 'fr' | 'en';
    parentEmail?: string | null;
    preferenceStatuses?: (typeof schema.preferenceStatusEnum.enumValues)[number][];
  },
) {
  const n = next();
  const submittedAt = new Date(options.submittedAt ?? '2026-11-01T10:00:00Z');
  const [family] = await db
    .insert(schema.families)
    .values({
      fileNumber: sql`'KO-' || nextval('family_file_number_seq')`,
      municipalityId: options.municipalityId,
      subMunicipalityId: options.subMunicipalityId ?? null,
      street: 'Bondgenotenlaan',
      houseNumber: String(n),
      postcode: '3000',
      city: 'Leuven',
      consentAt: submittedAt,
      ...options.family,
    })
    .returning();
  if (!family) throw new Error('insert failed');
  const [parent] = await db
    .insert(schema.parents)
    .values({
      familyId: family.id,
      firstName: `Ouder${n}`,
      lastName: options.childLastName ?? `Familie${n}`,
      email: options.parentEmail === undefined ? `ouder${n}@test.example` : options.parentEmail,
      language: options.parentLanguage ?? 'nl',
    })
    .returning();
  const [child] = await db
    .insert(schema.children)
    .values({
      familyId: family.id,
      firstName: options.childFirstName ?? `Kind${n}`,
      lastName: options.childLastName ?? `Familie${n}`,
      birthDate: options.birthDate === undefined ? '2026-06-01' : options.birthDate,
      expectedBirthDate: options.expectedBirthDate ?? null,
      nationalNumberCipher: options.nationalNumberCipher ?? null,
    })
    .returning();
  if (!parent || !child) throw new Error('insert failed');
  const [request] = await db
    .insert(schema.requests)
    .values({
      childId: child.id,
      familyId: family.id,
      municipalityId: options.municipalityId,
      kind: options.kind ?? 'regular',
      desiredStart: options.desiredStart ?? '2027-03-01',
      desiredEnd: options.desiredEnd ?? null,
      carePlan: { days: { ...FULL_WEEK, ...options.days }, fixed: true, early: false, late: false },
      careNeeds: options.careNeeds ?? false,
      status: options.status ?? 'active',
      socialReason: options.socialReason ?? null,
      channel: 'parent',
      submittedAt,
      lastConfirmedAt: submittedAt,
      statusChangedAt: submittedAt,
    })
    .returning();
  if (!request) throw new Error('insert failed');
  const preferences = options.locations.length
    ? await db
        .insert(schema.preferences)
        .values(
          options.locations.map((providerLocationId, i) => ({
            requestId: request.id,
            providerLocationId,
            rank: i + 1,
            status: options.preferenceStatuses?.[i] ?? ('new' as const),
            statusChangedAt: submittedAt,
            createdAt: submittedAt,
          })),
        )
        .returning()
    : [];
  await db.insert(schema.statusEvents).values({
    requestId: request.id,
    eventType: 'request.submitted',
    toStatus: 'active',
    occurredAt: submittedAt,
    actorRole: 'parent',
  });
  return { family, parent, child, request, preferences };
}

const FIRST_NAMES = ['Anna', 'Bram', 'Lotte', 'Noah', 'Emma', 'Louis', 'Mila', 'Arthur', 'Olivia', 'Jules'];
const LAST_NAMES = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens'];
const PLANS: Partial<CarePlanDays>[] = [
  {},
  { wed: 'none' },
  { wed: 'half', fri: 'none' },
  { thu: 'none', fri: 'none' },
  { fri: 'half' },
];

/**
 * `count` families, each with one child and an open request naming `locationId` (first, or second
 * after `otherLocationId`), written in a few multi-row inserts: a waiting list of thousands in about
 * a second. Born and unborn children, start dates over a year and a half, several care plans,
 * priority facts and preference statuses; names and dates follow from the index (deterministic).
 */
export async function manyFamilyRequests(
  db: Database,
  options: { municipalityId: string; locationId: string; otherLocationId?: string; count: number },
) {
  const families: (typeof schema.families.$inferInsert)[] = [];
  const parents: (typeof schema.parents.$inferInsert)[] = [];
  const children: (typeof schema.children.$inferInsert)[] = [];
  const requests: (typeof schema.requests.$inferInsert)[] = [];
  const preferences: (typeof schema.preferences.$inferInsert)[] = [];
  const statuses = ['waiting_list', 'waiting_list', 'waiting_list', 'seen', 'new', 'waiting_list'] as const;
  const day = (base: string, days: number) =>
    new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < options.count; i++) {
    const n = next();
    const familyId = crypto.randomUUID();
    const requestId = crypto.randomUUID();
    const childId = crypto.randomUUID();
    const submittedAt = new Date(Date.parse('2026-11-20T09:00:00Z') - (i % 400) * 86_400_000);
    const last = LAST_NAMES[i % LAST_NAMES.length] as string;
    const unborn = i % 7 === 0;
    families.push({
      id: familyId,
      fileNumber: `KO-M${n}`,
      municipalityId: options.municipalityId,
      street: 'Bondgenotenlaan',
      houseNumber: String(n),
      postcode: '3000',
      city: 'Leuven',
      consentAt: submittedAt,
      singleParent: i % 5 === 0,
      // Whole euros a year; every seventh family gives none.
      yearlyIncome: i % 7 === 0 ? null : i % 5 === 0 || i % 11 === 0 ? 21_000 + i : 48_000 + i,
    });
    parents.push({
      familyId,
      firstName: `Ouder${n}`,
      lastName: last,
      email: `ouder${n}@test.example`,
      phone: i % 3 === 0 ? `0470 ${String(n).padStart(6, '0')}` : null,
    });
    children.push({
      id: childId,
      familyId,
      firstName: unborn && i % 2 === 0 ? null : (FIRST_NAMES[(i * 7) % FIRST_NAMES.length] as string),
      lastName: `${last}-${n}`,
      birthDate: unborn ? null : day('2026-11-01', -((i * 13) % 500)),
      expectedBirthDate: unborn ? day('2026-12-20', (i * 11) % 150) : null,
    });
    requests.push({
      id: requestId,
      childId,
      familyId,
      municipalityId: options.municipalityId,
      desiredStart: day('2027-01-01', (i * 17) % 540),
      desiredEnd: day('2029-06-01', (i * 17) % 540),
      carePlan: {
        days: { ...FULL_WEEK, ...PLANS[i % PLANS.length] },
        fixed: true,
        early: i % 9 === 0,
        late: false,
      },
      careNeeds: i % 25 === 0,
      submittedAt,
      lastConfirmedAt: submittedAt,
      statusChangedAt: submittedAt,
    });
    const second = options.otherLocationId && i % 3 === 0;
    if (second) {
      preferences.push({
        requestId,
        providerLocationId: options.otherLocationId as string,
        rank: 1,
        status: 'waiting_list',
        statusChangedAt: submittedAt,
        createdAt: submittedAt,
      });
    }
    preferences.push({
      requestId,
      providerLocationId: options.locationId,
      rank: second ? 2 : 1,
      status: statuses[i % statuses.length],
      statusChangedAt: submittedAt,
      createdAt: submittedAt,
    });
  }
  const insert = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
  };
  await insert(families, (c) => db.insert(schema.families).values(c));
  await insert(parents, (c) => db.insert(schema.parents).values(c));
  await insert(children, (c) => db.insert(schema.children).values(c));
  await insert(requests, (c) => db.insert(schema.requests).values(c));
  await insert(preferences, (c) => db.insert(schema.preferences).values(c));
  return { requests: requests.length, preferences: preferences.length };
}
