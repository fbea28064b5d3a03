import { sql } from 'drizzle-orm';
import type { Role } from '../src/platform/auth/actions.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { type Database, schema } from '../src/platform/db/index.ts';

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
    intermediaryOrganisationId?: string;
  },
) {
  const n = next();
  const [user] = await db
    .insert(schema.users)
    .values({
      email: options.email ?? `user${n}@test.example`,
      passwordHash: await testPasswordHash(),
      displayName: `Test User ${n}`,
      language: options.language ?? 'nl',
      emailVerifiedAt: sql`now()`,
    })
    .returning();
  if (!user) throw new Error('insert failed');
  await db.insert(schema.roleGrants).values({
    userId: user.id,
    role: options.role,
    providerLocationId: options.providerLocationId ?? null,
    municipalityId: options.municipalityId ?? null,
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
