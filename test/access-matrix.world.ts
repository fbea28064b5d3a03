import { eq } from 'drizzle-orm';
import { createSession } from '../src/platform/auth/sessions.ts';
import { type Database, schema } from '../src/platform/db/index.ts';
import { sessionCookieName } from '../src/platform/http/setup.ts';
import { styleSheetName } from '../src/platform/views/styles.ts';
import type { TestApp } from './app.ts';
import { TestClient } from './app.ts';
import { aFamilyRequest, aMunicipality, aProviderLocation, aRegion, aUser } from './builders.ts';

/**
 * The data the access matrix (docs/access-matrix.md) is exercised on: two sides, `own` and
 * `foreign`, each with its municipality, provider organisation and location, intermediary
 * organisation and family (with its parent account, request, offer, unborn child, tasks and a
 * possible duplicate), plus a `shared` family: a file of the foreign side whose request names the
 * own location too. The user of each role works on the own side.
 */
export type Side = {
  municipalityId: string;
  organisationId: string;
  locationId: string;
  intermediaryOrganisationId: string;
  parentUserId: string;
  familyId: string;
  requestId: string;
  offerId: string;
  childId: string;
  /** A second file of the same municipality that looks like the first (same parent national number). */
  duplicateFamilyId: string;
  emergencyRequestId: string;
  intermediaryTaskId: string;
  deskTaskId: string;
  photoId: string;
  lastMinuteId: string;
  columnId: string;
  staffUserId: string;
  invitationId: string;
  /** A staff member of the intermediary organisation and an open invitation to it (the desk's pages). */
  intermediaryStaffUserId: string;
  intermediaryInvitationId: string;
  /** A news item of the side's municipality (desk-content). */
  newsItemId: string;
  /** A finished waiting-list import for the side's location (its record; pending ones are session-bound). */
  importId: string;
  infoPageId: string;
  sickServiceId: string;
};
export type World = {
  own: Side;
  foreign: Side;
  shared: { familyId: string; requestId: string; offerId: string; childId: string };
  newsId: string;
  infoSlug: string;
  /** An outbox row's number (the development mailbox shows mails by number). */
  mailNumber: string;
  /** The one region both sides are in (the platform admin's region page). */
  regionId: string;
};

export type Scope = 'own' | 'foreign' | 'shared';

const CLOSING = { from: '2026-12-24', until: '2026-12-31' };

/**
 * The form a POST is tried with: empty (so that nothing valid is done by accident), except where a
 * route answers an invalid form with 404 (a button that names a thing): then the thing, so that
 * own data is reached and foreign data is refused for its scope, not for the form.
 */
export function formFor(route: string): Record<string, string> {
  if (route.endsWith('/closing-periods/remove')) return { period: `${CLOSING.from}/${CLOSING.until}` };
  if (route.endsWith('/photos/:itemId/move')) return { direction: 'up' };
  return {};
}

let sideCounter = 0;

async function aSide(db: Database, regionId: string): Promise<Side> {
  const n = ++sideCounter;
  const created = new Date('2026-11-01T10:00:00Z');
  const municipality = await aMunicipality(db, { regionId });
  const location = await aProviderLocation(db, {
    municipalityId: municipality.id,
    closingPeriods: [{ from: CLOSING.from, until: CLOSING.until }],
  });
  const [io] = await db
    .insert(schema.intermediaryOrganisations)
    .values({ municipalityId: municipality.id, name: `OCMW ${n}`, kind: 'ocmw' })
    .returning();
  if (!io) throw new Error('insert failed');
  const parentUser = await aUser(db, { role: 'parent' });
  const file = await aFamilyRequest(db, {
    municipalityId: municipality.id,
    locations: [location.id],
    preferenceStatuses: ['offer_made'],
    birthDate: null,
    expectedBirthDate: '2027-01-15',
    family: { intermediaryOrganisationId: io.id },
  });
  await db
    .update(schema.parents)
    .set({ userId: parentUser.id, nationalNumberHash: `matrix-duplicate-${n}` })
    .where(eq(schema.parents.id, file.parent.id));
  const [offer] = await db
    .insert(schema.offers)
    .values({
      preferenceId: (file.preferences[0] as { id: string }).id,
      startDate: '2027-03-01',
      carePlan: file.request.carePlan,
      answerDeadline: '2026-12-01',
      createdAt: created,
    })
    .returning();
  const duplicate = await aFamilyRequest(db, { municipalityId: municipality.id, locations: [] });
  await db
    .update(schema.parents)
    .set({ nationalNumberHash: `matrix-duplicate-${n}` })
    .where(eq(schema.parents.id, duplicate.parent.id));
  const emergency = await aFamilyRequest(db, {
    municipalityId: municipality.id,
    locations: [],
    desiredStart: '2026-12-01',
  });
  const tasks = await db
    .insert(schema.followUpTasks)
    .values([
      { intermediaryOrganisationId: io.id, familyId: file.family.id, kind: 'offer.made', createdAt: created },
      {
        municipalityId: municipality.id,
        familyId: duplicate.family.id,
        kind: 'offer.made',
        createdAt: created,
      },
    ])
    .returning();
  const [photo] = await db
    .insert(schema.providerPhotos)
    .values({
      providerLocationId: location.id,
      contentType: 'image/png',
      bytes: Buffer.from('89504e470d0a1a0a', 'hex'),
      alt: { nl: 'Foto', fr: 'Photo', en: 'Photo' },
    })
    .returning();
  const [lastMinute] = await db
    .insert(schema.lastMinutePlaces)
    .values({
      providerLocationId: location.id,
      availableFrom: '2026-11-23',
      availableUntil: '2026-12-31',
      days: ['mon', 'tue'],
    })
    .returning();
  const [column] = await db
    .insert(schema.customColumns)
    .values({ providerLocationId: location.id, name: `Kolom ${n}` })
    .returning();
  const staff = await aUser(db, { role: 'provider_staff', providerLocationId: location.id });
  const invited = await aUser(db, { role: 'parent' });
  const [invitation] = await db
    .insert(schema.staffInvitations)
    .values({
      tokenHash: `matrix-invitation-${n}`,
      userId: invited.id,
      organisationId: location.organisationId,
      role: 'provider_staff',
      locationIds: [location.id],
      createdAt: created,
      expiresAt: new Date('2027-01-01T00:00:00Z'),
    })
    .returning();
  const intermediaryStaff = await aUser(db, { role: 'intermediary', intermediaryOrganisationId: io.id });
  const [intermediaryInvitation] = await db
    .insert(schema.staffInvitations)
    .values({
      tokenHash: `matrix-intermediary-invitation-${n}`,
      userId: invited.id,
      intermediaryOrganisationId: io.id,
      role: 'intermediary',
      locationIds: [],
      createdAt: created,
      expiresAt: new Date('2027-01-01T00:00:00Z'),
    })
    .returning();
  const [intermediaryTask, deskTask] = tasks;
  const [newsItem] = await db
    .insert(schema.newsItems)
    .values({
      regionId,
      municipalityId: municipality.id,
      publishedAt: created,
      title: { nl: `Nieuws ${n}` },
      body: { nl: 'Tekst' },
    })
    .returning();
  const [listImport] = await db
    .insert(schema.waitingListImports)
    .values({
      municipalityId: municipality.id,
      providerLocationId: location.id,
      createdByUserId: staff.id,
      sessionBinding: `matrix-${n}`,
      fileName: 'wachtlijst.csv',
      status: 'imported',
      header: ['Naam kind'],
      rowCount: 1,
      importedCount: 0,
      refusedCount: 1,
      createdAt: created,
      finishedAt: created,
    })
    .returning();
  const [infoPage] = await db
    .insert(schema.infoPages)
    .values({
      regionId,
      municipalityId: municipality.id,
      slug: `matrix-own-${n}`,
      title: { nl: `Info ${n}` },
      body: { nl: 'Tekst' },
    })
    .returning();
  const [sickService] = await db
    .insert(schema.sickChildServices)
    .values({
      regionId,
      municipalityId: municipality.id,
      name: `Ziekenoppas ${n}`,
      phone: '016 00 00 00',
      description: { nl: 'Tekst' },
    })
    .returning();
  if (
    !listImport ||
    !infoPage ||
    !sickService ||
    !offer ||
    !photo ||
    !lastMinute ||
    !column ||
    !invitation ||
    !intermediaryInvitation ||
    !intermediaryTask ||
    !deskTask ||
    !newsItem
  )
    throw new Error('insert failed');
  return {
    municipalityId: municipality.id,
    organisationId: location.organisationId,
    locationId: location.id,
    intermediaryOrganisationId: io.id,
    parentUserId: parentUser.id,
    familyId: file.family.id,
    requestId: file.request.id,
    offerId: offer.id,
    childId: file.child.id,
    duplicateFamilyId: duplicate.family.id,
    emergencyRequestId: emergency.request.id,
    intermediaryTaskId: intermediaryTask.id,
    deskTaskId: deskTask.id,
    photoId: photo.id,
    lastMinuteId: lastMinute.id,
    columnId: column.id,
    staffUserId: staff.id,
    invitationId: invitation.id,
    intermediaryStaffUserId: intermediaryStaff.id,
    intermediaryInvitationId: intermediaryInvitation.id,
    newsItemId: newsItem.id,
    importId: listImport.id,
    infoPageId: infoPage.id,
    sickServiceId: sickService.id,
  };
}

/** Both sides and the shared file, in one region. */
export async function aWorld(db: Database): Promise<World> {
  const region = await aRegion(db);
  const own = await aSide(db, region.id);
  const foreign = await aSide(db, region.id);
  const sharedFile = await aFamilyRequest(db, {
    municipalityId: foreign.municipalityId,
    locations: [foreign.locationId, own.locationId],
    preferenceStatuses: ['waiting_list', 'offer_made'],
    // Within the emergency window: on the emergency list of the foreign municipality only.
    desiredStart: '2026-12-01',
    birthDate: null,
    expectedBirthDate: '2027-02-01',
    family: { intermediaryOrganisationId: foreign.intermediaryOrganisationId },
  });
  const [sharedOffer] = await db
    .insert(schema.offers)
    .values({
      preferenceId: (sharedFile.preferences[1] as { id: string }).id,
      startDate: '2027-03-01',
      carePlan: sharedFile.request.carePlan,
      answerDeadline: '2026-12-01',
      createdAt: new Date('2026-11-01T10:00:00Z'),
    })
    .returning();
  const [news] = await db
    .insert(schema.newsItems)
    .values({
      regionId: region.id,
      publishedAt: new Date('2026-11-01T10:00:00Z'),
      title: { nl: 'Nieuws', fr: 'Nouvelles', en: 'News' },
      body: { nl: 'Tekst', fr: 'Texte', en: 'Text' },
    })
    .returning();
  const infoSlug = `matrix-${sideCounter}`;
  await db.insert(schema.infoPages).values({
    regionId: region.id,
    slug: infoSlug,
    title: { nl: 'Info', fr: 'Info', en: 'Info' },
    body: { nl: 'Tekst', fr: 'Texte', en: 'Text' },
  });
  const [mail] = await db
    .insert(schema.outbox)
    .values({
      toAddress: 'matrix@test.example',
      language: 'nl',
      template: 'test',
      subject: 'Test',
      textBody: 'Test',
      htmlBody: '<p>Test</p>',
      createdAt: new Date('2026-11-01T10:00:00Z'),
      nextAttemptAt: new Date('2026-11-01T10:00:00Z'),
    })
    .returning();
  if (!sharedOffer || !news || !mail) throw new Error('insert failed');
  return {
    own,
    foreign,
    shared: {
      familyId: sharedFile.family.id,
      requestId: sharedFile.request.id,
      offerId: sharedOffer.id,
      childId: sharedFile.child.id,
    },
    newsId: news.id,
    infoSlug,
    mailNumber: String(mail.id),
    regionId: region.id,
  };
}

/**
 * The id a path parameter takes for a scope. Parameters that name something of one side differ
 * per scope; the others (a language, a wizard step, a news item) are the same in every scope.
 * `shared` differs from `own` only in the family, request, offer and child.
 */
export function paramValue(route: string, name: string, world: World, scope: Scope): string {
  const side = scope === 'foreign' ? world.foreign : world.own;
  const shared = scope === 'shared' ? world.shared : undefined;
  // The desk's pages for intermediary organisations name one, its staff and its invitations.
  const intermediary = route.startsWith('/desk/organisations/');
  switch (name) {
    case 'locationId':
      return side.locationId;
    case 'organisationId':
      return intermediary ? side.intermediaryOrganisationId : side.organisationId;
    case 'requestId':
      if (shared) return shared.requestId;
      return route.includes('/emergency-list/') ? side.emergencyRequestId : side.requestId;
    case 'offerId':
      return shared?.offerId ?? side.offerId;
    case 'childId':
      return shared?.childId ?? side.childId;
    case 'familyId':
      return shared?.familyId ?? side.familyId;
    case 'familyA':
      return shared?.familyId ?? side.familyId;
    case 'familyB':
      return side.duplicateFamilyId;
    case 'taskId':
      return route.startsWith('/desk/') ? side.deskTaskId : side.intermediaryTaskId;
    case 'photoId':
      return side.photoId;
    case 'itemId':
      return route.includes('/photos/') ? side.photoId : side.lastMinuteId;
    case 'columnId':
      return side.columnId;
    case 'name':
      // The one style sheet's current name (platform/views/styles.ts).
      return styleSheetName();
    case 'userId':
      return intermediary ? side.intermediaryStaffUserId : side.staffUserId;
    case 'invitationId':
      return intermediary ? side.intermediaryInvitationId : side.invitationId;
    case 'newsId':
      return world.newsId;
    case 'newsItemId':
      return side.newsItemId;
    case 'importId':
      return side.importId;
    case 'infoPageId':
      return side.infoPageId;
    case 'serviceId':
      return side.sickServiceId;
    case 'slug':
      return world.infoSlug;
    case 'lang':
      return 'en';
    case 'step':
      return 'child';
    case 'event':
      return 'offer.made';
    case 'language':
      return 'fr';
    case 'number':
      return world.mailNumber;
    case 'ruleSetCode':
      return 'before-2024';
    // The platform admin's municipality pages (region-admin): any municipality is the admin's.
    case 'municipalityId':
      return side.municipalityId;
    case 'regionId':
      return world.regionId;
    default:
      throw new Error(
        `${route}: no value for the path parameter :${name}; add one to paramValue() in test/access-matrix.world.ts`,
      );
  }
}

/** Parameters whose value differs between own and foreign (the others name nothing of a side). */
export const SCOPED_PARAMS = new Set([
  'locationId',
  'organisationId',
  'requestId',
  'offerId',
  'childId',
  'familyId',
  'familyA',
  'familyB',
  'taskId',
  'photoId',
  'itemId',
  'columnId',
  'userId',
  'invitationId',
  'newsItemId',
  'importId',
  'infoPageId',
  'serviceId',
]);
/** Parameters whose value differs between own and shared. */
export const SHARED_PARAMS = new Set(['requestId', 'offerId', 'childId', 'familyId', 'familyA']);

/** A client logged in as a user with the role, granted on the own side (or anonymous). */
export async function clientFor(t: TestApp, side: Side, role: string): Promise<TestClient> {
  const client = new TestClient(t.app);
  if (role === 'anonymous') {
    await client.get('/login');
    return client;
  }
  const userId =
    role === 'parent'
      ? side.parentUserId
      : (
          await aUser(t.deps.db, {
            role: role as Parameters<typeof aUser>[1]['role'],
            providerLocationId: role.startsWith('provider_') ? side.locationId : undefined,
            municipalityId: role === 'desk' || role === 'policy' ? side.municipalityId : undefined,
            intermediaryOrganisationId: role === 'intermediary' ? side.intermediaryOrganisationId : undefined,
          })
        ).id;
  const token = await createSession(t.deps.db, t.clock, userId);
  client.cookies.set(sessionCookieName(false), t.app.signCookie(token));
  await client.get('/account');
  return client;
}
