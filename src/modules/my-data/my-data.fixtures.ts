import { sql } from 'drizzle-orm';
import type { aScenario } from '../../../test/builders.ts';
import { type Database, schema } from '../../platform/db/index.ts';
import type { CarePlan } from '../../platform/db/schema/requests.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { localDate } from '../../shared/dates.ts';
import { makeNationalNumber } from '../../shared/national-number.ts';

/**
 * For the tests of this module: a complete family file for a parent account, with something in
 * every table "my data" reads or erases — two parents with national numbers, a child, an open
 * request naming three providers (an offer, a waiting list, a "no place"), history, a mail, a
 * provider's read in the audit log, a provider note and column value, an intermediary task and a
 * wizard draft. `personal` lists every personal value stored, for the anonymisation checks.
 */
let serial = 100;

type Scenario = Awaited<ReturnType<typeof aScenario>>;

export async function aFamilyFile(
  deps: AppDeps,
  s: Scenario,
  user: { id: string; email: string },
  names: { parent: string; partner: string; child: string; family: string } = {
    parent: 'Amina',
    partner: 'Youssef',
    child: 'Lina',
    family: 'El Idrissi',
  },
) {
  const { db, vault } = deps;
  const now = deps.clock.now();
  const parentNumber = makeNationalNumber(localDate('1990-04-12'), serial++);
  const partnerNumber = makeNationalNumber(localDate('1988-11-30'), serial++);
  const childNumber = makeNationalNumber(localDate('2026-06-03'), serial++);
  const phone = `+32 470 ${serial} 22 33`;
  const partnerEmail = `${names.partner.toLowerCase()}.${serial}@example.be`;
  const careNeedsText = `${names.child} is allergisch voor noten`;
  const noPlaceText = `Volzet tot september, sorry ${names.parent}`;
  const offerMessage = `Welkom ${names.child}!`;
  const noteText = `Mama ${names.parent} belde op 3 november`;
  const street = `${names.family}straat`;

  const [family] = await db
    .insert(schema.families)
    .values({
      fileNumber: sql`'KO-' || nextval('family_file_number_seq')`,
      municipalityId: s.municipality.id,
      subMunicipalityId: s.subMunicipality?.id,
      street,
      houseNumber: '77',
      postcode: '3000',
      city: 'Leuven',
      singleParent: false,
      yearlyIncome: 24_500,
      priorityFactsGivenAt: now,
      homeLanguage: 'Arabisch',
      consentAt: now,
      createdByUserId: user.id,
    })
    .returning();
  if (!family) throw new Error('family insert failed');
  const protectedParent = vault.protect(parentNumber);
  const protectedPartner = vault.protect(partnerNumber);
  const protectedChild = vault.protect(childNumber);
  const parents = await db
    .insert(schema.parents)
    .values([
      {
        familyId: family.id,
        userId: user.id,
        firstName: names.parent,
        lastName: names.family,
        nationalNumberCipher: protectedParent.cipher,
        nationalNumberHash: protectedParent.hash,
        email: user.email,
        phone,
        language: 'nl',
        situation: 'working',
        daysPerWeek: '4.0',
        position: 1,
      },
      {
        familyId: family.id,
        firstName: names.partner,
        lastName: names.family,
        nationalNumberCipher: protectedPartner.cipher,
        nationalNumberHash: protectedPartner.hash,
        email: partnerEmail,
        language: 'fr',
        situation: 'job_seeking',
        position: 2,
      },
    ])
    .returning();
  const [child] = await db
    .insert(schema.children)
    .values({
      familyId: family.id,
      firstName: names.child,
      lastName: names.family,
      birthDate: '2026-06-03',
      nationalNumberCipher: protectedChild.cipher,
      nationalNumberHash: protectedChild.hash,
    })
    .returning();
  if (!child) throw new Error('child insert failed');
  const carePlan: CarePlan = {
    days: { mon: 'full', tue: 'full', wed: 'none', thu: 'full', fri: 'half' },
    fixed: true,
    early: false,
    late: false,
  };
  const [request] = await db
    .insert(schema.requests)
    .values({
      childId: child.id,
      familyId: family.id,
      municipalityId: s.municipality.id,
      desiredStart: '2027-01-04',
      carePlan,
      careNeeds: true,
      careNeedsText,
      submittedAt: now,
      lastConfirmedAt: now,
      statusChangedAt: now,
      createdByUserId: user.id,
    })
    .returning();
  if (!request) throw new Error('request insert failed');
  const [offered, waiting, refused] = await db
    .insert(schema.preferences)
    .values([
      {
        requestId: request.id,
        providerLocationId: s.first.id,
        rank: 1,
        status: 'offer_made',
        statusChangedAt: now,
      },
      {
        requestId: request.id,
        providerLocationId: s.second.id,
        rank: 2,
        status: 'waiting_list',
        statusChangedAt: now,
      },
      {
        requestId: request.id,
        providerLocationId: s.third.id,
        rank: 3,
        status: 'no_place',
        noPlaceReason: 'full_for_period',
        noPlaceText,
        statusChangedAt: now,
      },
    ])
    .returning();
  if (!offered || !waiting || !refused) throw new Error('preference insert failed');
  const [offer] = await db
    .insert(schema.offers)
    .values({
      preferenceId: offered.id,
      startDate: '2027-01-04',
      carePlan,
      answerDeadline: '2026-12-01',
      message: offerMessage,
      createdByUserId: s.firstStaff.id,
      createdAt: now,
    })
    .returning();
  if (!offer) throw new Error('offer insert failed');
  const parentActor = { actorUserId: user.id, actorRole: 'parent' as const, occurredAt: now };
  await db.insert(schema.statusEvents).values([
    { requestId: request.id, eventType: 'request.submitted', toStatus: 'active', ...parentActor },
    ...[offered, waiting, refused].map((p) => ({
      requestId: request.id,
      preferenceId: p.id,
      eventType: 'preference.added',
      toStatus: 'new',
      ...parentActor,
    })),
    {
      requestId: request.id,
      preferenceId: offered.id,
      offerId: offer.id,
      eventType: 'preference.offer_made',
      fromStatus: 'new',
      toStatus: 'offer_made',
      actorUserId: s.firstStaff.id,
      actorRole: 'provider_staff',
      occurredAt: now,
    },
  ]);
  await db.insert(schema.outbox).values({
    toAddress: user.email,
    language: 'nl',
    template: 'request.submitted',
    subject: `Uw aanvraag voor ${names.child} ${names.family} is ontvangen`,
    textBody: `Beste ${names.parent},\n\nWe ontvingen uw aanvraag voor ${names.child} ${names.family}.`,
    htmlBody: `<p>Beste ${names.parent},</p>`,
    familyId: family.id,
    createdAt: now,
    nextAttemptAt: now,
    sentAt: now,
  });
  await db.insert(schema.auditLog).values({
    occurredAt: now,
    actorUserId: s.firstStaff.id,
    actorRole: 'provider_staff',
    action: 'provider.request.read',
    subjectType: 'request',
    subjectId: request.id,
    familyId: family.id,
  });
  await db.insert(schema.providerNotes).values({
    providerLocationId: s.first.id,
    requestId: request.id,
    text: noteText,
    createdByUserId: s.firstStaff.id,
  });
  const [column] = await db
    .insert(schema.customColumns)
    .values({ providerLocationId: s.first.id, name: `Bezocht ${serial}` })
    .returning();
  if (column) {
    await db
      .insert(schema.customColumnValues)
      .values({ columnId: column.id, requestId: request.id, value: `${names.parent} kwam langs` });
  }
  const [organisation] = await db
    .insert(schema.intermediaryOrganisations)
    .values({ municipalityId: s.municipality.id, name: `OCMW ${serial}`, kind: 'ocmw' })
    .returning();
  if (organisation) {
    await db.insert(schema.followUpTasks).values({
      intermediaryOrganisationId: organisation.id,
      familyId: family.id,
      requestId: request.id,
      kind: 'offer.made',
      details: { child: `${names.child} ${names.family}`, phone },
      createdAt: now,
    });
  }
  await db.insert(schema.requestDrafts).values({
    userId: user.id,
    familyId: family.id,
    data: { childFirstName: names.child },
    step: 'child',
    updatedAt: now,
  });
  return {
    family,
    parents,
    child,
    request,
    preferences: { offered, waiting, refused },
    offer,
    numbers: { parent: parentNumber, partner: partnerNumber, child: childNumber },
    /** Every personal value stored above (the national numbers themselves only as cipher and hash). */
    personal: [
      names.parent,
      names.partner,
      names.child,
      names.family,
      user.email,
      partnerEmail,
      phone,
      street,
      careNeedsText,
      noPlaceText,
      offerMessage,
      noteText,
      protectedParent.cipher,
      protectedParent.hash,
      protectedChild.cipher,
      protectedChild.hash,
      protectedPartner.hash,
    ],
  };
}

/** Every row of the tables that can hold a family's personal data, as one string. */
export async function everyStoredRow(db: Database): Promise<string> {
  const tables = {
    users: schema.users,
    families: schema.families,
    parents: schema.parents,
    children: schema.children,
    requests: schema.requests,
    preferences: schema.preferences,
    offers: schema.offers,
    statusEvents: schema.statusEvents,
    outbox: schema.outbox,
    auditLog: schema.auditLog,
    userTokens: schema.userTokens,
    sessions: schema.sessions,
    providerNotes: schema.providerNotes,
    customColumnValues: schema.customColumnValues,
    followUpTasks: schema.followUpTasks,
    requestDrafts: schema.requestDrafts,
    deskNotes: schema.deskNotes,
  };
  const dump: Record<string, unknown[]> = {};
  for (const [name, table] of Object.entries(tables)) dump[name] = await db.select().from(table);
  return JSON.stringify(dump);
}
