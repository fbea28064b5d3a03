import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

/** The figure in one cell of the page (`<table key>-<row key>`). */
function cell(html: string, qa: string): string | undefined {
  return new RegExp(`data-qa="${qa}">([^<]*)<`).exec(html)?.[1];
}

describe.each(BACKENDS)('a location’s reports on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staff: TestClient;
  let reports: string;
  const period = 'from=2026-01-01&to=2026-10-31';

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    reports = `/provider/locations/${s.first.id}/reports`;
  });
  afterEach(async () => t.close());

  type Fixture = Awaited<ReturnType<typeof aFamilyRequest>>;
  const prefAt = (f: Fixture, locationId: string) => {
    const p = f.preferences.find((x) => x.providerLocationId === locationId);
    if (!p) throw new Error('no preference');
    return p;
  };
  const event = (
    f: Fixture,
    preferenceId: string,
    type: string,
    at: string,
    details: Record<string, unknown> | null = null,
  ) =>
    t.deps.db.insert(schema.statusEvents).values({
      requestId: f.request.id,
      preferenceId,
      eventType: `preference.${type}`,
      toStatus: type,
      occurredAt: new Date(at),
      actorRole: 'provider_staff',
      details,
    });
  const offer = (
    f: Fixture,
    preferenceId: string,
    status: 'accepted' | 'declined' | 'withdrawn',
    at: string,
  ) =>
    t.deps.db.insert(schema.offers).values({
      preferenceId,
      startDate: '2027-01-10',
      carePlan: f.request.carePlan,
      answerDeadline: '2027-01-01',
      status,
      createdAt: new Date(at),
    });
  const channel = (f: Fixture, value: 'intermediary' | 'desk') =>
    t.deps.db.update(schema.requests).set({ channel: value }).where(eq(schema.requests.id, f.request.id));

  /**
   * Seven requests for the first location: six received from 1 January to 31 October 2026
   * (Belgian days), one the evening before. The expected figures are worked out beside each.
   */
  async function fixtures() {
    const db = t.deps.db;
    const m = s.municipality.id;
    // A: 1st choice, parent; waiting list after 5 days, an offer later withdrawn (not an answer).
    const a = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id, s.second.id],
      desiredStart: '2027-01-10',
      birthDate: '2026-05-01',
      submittedAt: '2026-03-10T10:00:00Z',
      preferenceStatuses: ['waiting_list', 'no_place'],
    });
    const aPref = prefAt(a, s.first.id).id;
    await event(a, aPref, 'waiting_list', '2026-03-15T09:00:00Z');
    await event(a, aPref, 'offer_made', '2026-03-20T09:00:00Z');
    await offer(a, aPref, 'withdrawn', '2026-03-20T09:00:00Z');
    await event(a, aPref, 'waiting_list', '2026-03-25T09:00:00Z', { offerWithdrawn: true });
    // Another location's answer never counts here.
    await event(a, prefAt(a, s.second.id).id, 'no_place', '2026-03-16T09:00:00Z', {
      reason: 'age_group_full',
    });
    // B: 2nd choice, through an intermediary; no place after 29 days.
    const b = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.second.id, s.first.id],
      submittedAt: '2026-04-01T10:00:00Z',
      preferenceStatuses: ['new', 'no_place'],
    });
    await channel(b, 'intermediary');
    await event(b, prefAt(b, s.first.id).id, 'no_place', '2026-04-30T09:00:00Z', {
      reason: 'full_for_period',
    });
    // C: 1st choice, through the desk; an offer after 2 days, declined; a new offer, accepted.
    const c = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      status: 'answered',
      submittedAt: '2026-05-01T10:00:00Z',
      preferenceStatuses: ['offer_accepted'],
    });
    await channel(c, 'desk');
    const cPref = prefAt(c, s.first.id).id;
    await event(c, cPref, 'offer_made', '2026-05-03T09:00:00Z');
    await offer(c, cPref, 'declined', '2026-05-03T09:00:00Z');
    await event(c, cPref, 'offer_made', '2026-06-01T09:00:00Z');
    await offer(c, cPref, 'accepted', '2026-06-01T09:00:00Z');
    // D: 1st choice, unborn, no answer yet.
    await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      birthDate: null,
      expectedBirthDate: '2026-12-20',
      desiredStart: '2027-03-01',
      submittedAt: '2026-10-20T10:00:00Z',
    });
    // E: from the emergency list (no rank), offered the same day, accepted.
    const e = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.second.id],
      status: 'answered',
      submittedAt: '2026-06-01T10:00:00Z',
    });
    const [ePref] = await db
      .insert(schema.preferences)
      .values({
        requestId: e.request.id,
        providerLocationId: s.first.id,
        rank: null,
        status: 'offer_accepted',
        addedFromEmergencyList: true,
        statusChangedAt: new Date('2026-07-01T08:00:00Z'),
        createdAt: new Date('2026-07-01T08:00:00Z'),
      })
      .returning();
    if (!ePref) throw new Error('insert failed');
    await event(e, ePref.id, 'offer_made', '2026-07-01T08:00:00Z');
    await offer(e, ePref.id, 'accepted', '2026-07-01T08:00:00Z');
    // F: 31 December 23:30 in Belgium: before the period; open, on today's list.
    await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      submittedAt: '2025-12-31T22:30:00Z',
    });
    // H: 1 January 00:30 in Belgium: in the period; 3rd choice, seen, no answer yet.
    await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.second.id, s.third.id, s.first.id],
      desiredStart: '2027-01-10',
      birthDate: '2025-12-01',
      submittedAt: '2025-12-31T23:30:00Z',
      preferenceStatuses: ['new', 'new', 'seen'],
    });
  }

  const expected: Record<string, string> = {
    'byRank-rank1': '3',
    'byRank-rank2': '1',
    'byRank-rank3': '1',
    'byRank-rank4': '0',
    'byRank-rankNone': '1',
    'byRank-total': '6',
    'byChannel-parent': '4',
    'byChannel-intermediary': '1',
    'byChannel-desk': '1',
    'answers-waiting_list': '1',
    'answers-offer_made': '4',
    'answers-no_place': '1',
    'answers-total': '6',
    'noPlaceReasons-full_for_period': '1',
    'noPlaceReasons-age_group_full': '0',
    'offers-made': '4',
    'offers-accepted': '2',
    'offers-declined': '1',
    'offers-expired': '0',
    'offers-withdrawn': '1',
    'offers-pending': '0',
    'responseTimes-received': '6',
    'responseTimes-answered': '4',
    'responseTimes-unanswered': '2',
    // First answers after 0, 2, 5 and 29 days.
    'responseTimes-median': '3,5 d',
    'responseTimes-within': '3',
    'responseTimes-withinShare': '75%',
    // Today's list: A and H start in January, D and F in March.
    'waitingByMonth-2027-01': '2',
    'waitingByMonth-2027-03': '2',
    'waitingByMonth-total': '4',
    // At the desired start: D 2 months (unborn, expected date), A 8 and F 9 months, H 13 months.
    'waitingByAge-m0': '1',
    'waitingByAge-m6': '2',
    'waitingByAge-m12': '1',
    'waitingByAge-m24': '0',
    'emergency-offers': '1',
    'emergency-placed': '1',
  };

  it('shows every figure of the period in captioned tables, computed from events and offers', async () => {
    await fixtures();
    const res = await staff.get(`${reports}?${period}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Rapporten – KDV De Eerste Stap');
    expect(res.body).toContain('Van 1 januari 2026 tot en met 31 oktober 2026');
    expect(res.body).toContain('<caption class="utrecht-table__caption">Antwoordtijd');
    expect(res.body).toContain('Beantwoord binnen 21 dagen');
    const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, cell(res.body, k)]));
    expect(actual).toEqual(expected);
    expect(res.body).toContain('aria-current="page"');
  });

  it('downloads the same figures as XLSX and CSV, in the user’s language', async () => {
    await fixtures();
    const xlsx = await staff.get(`${reports}/export.xlsx?${period}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="rapport-kdv-de-eerste-stap-2026-01-01-2026-10-31.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const rows: [string, unknown, number][] = [];
    sheet.eachRow((row) => {
      rows.push([String(row.getCell(1).value ?? ''), row.getCell(2).value, row.number]);
    });
    const valueAfter = (caption: string, label: string) => {
      const start = rows.findIndex(([l]) => l.startsWith(caption));
      return rows.slice(start).find(([l]) => l === label)?.[1];
    };
    expect(rows[0]?.[0]).toBe('Rapporten – KDV De Eerste Stap');
    expect(valueAfter('Ontvangen aanvragen volgens de voorkeur', '1e keuze')).toBe(3);
    expect(valueAfter('Ontvangen aanvragen volgens wie', 'Via het loket')).toBe(1);
    expect(valueAfter('Redenen bij', 'Volzet voor die periode')).toBe(1);
    expect(valueAfter('Antwoordtijd', 'Mediaan: dagen tot het eerste antwoord')).toBe(3.5);
    expect(valueAfter('Antwoordtijd', 'Aandeel beantwoord binnen 21 dagen')).toBe(0.75);
    expect(valueAfter('Wachtlijst vandaag, volgens gewenste startmaand', '2027-03')).toBe(2);
    expect(valueAfter('Kinderen geplaatst vanuit de noodlijst', 'Aanvaard: kinderen geplaatst')).toBe(1);
    const share = rows.find(([l]) => l === 'Aandeel beantwoord binnen 21 dagen')?.[2] ?? 0;
    expect(sheet.getRow(share).getCell(2).numFmt).toBe('0.0%');

    // In French (the language cookie wins over the account's language).
    staff.cookies.set('ko_lang', 'fr');
    const csv = await staff.get(`${reports}/export.csv?${period}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain(
      'rapport-kdv-de-eerste-stap-2026-01-01-2026-10-31.csv',
    );
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.split('\r\n');
    expect(lines).toContain(
      'Délai de réponse\u00a0: jours jusqu’à la première réponse;Médiane\u00a0: jours jusqu’à la première réponse;3,5',
    );
    expect(lines).toContain(
      'Délai de réponse\u00a0: jours jusqu’à la première réponse;Part répondue dans les 21 jours;75%',
    );
    expect(lines).toContain(
      'Demandes reçues selon la préférence donnée par les parents à votre lieu;1er choix;3',
    );
    expect(lines).toContain('Enfants placés depuis la liste d’urgence;Acceptées\u00a0: enfants placés;1');
  });

  it('defaults to the last twelve months, refuses a wrong period with 400, and is the location’s own', async () => {
    await fixtures();
    const res = await staff.get(reports);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="2025-11-23"');
    expect(res.body).toContain('value="2026-11-22"');
    // F (31 December) is now inside the period too.
    expect(cell(res.body, 'byRank-total')).toBe('7');

    const bad = await staff.get(`${reports}?from=2026-02-30&to=2026-01-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vul een bestaande datum in');
    expect(bad.body).toContain('value="2026-02-30"');
    expect(bad.body).not.toContain('data-qa="report-byRank"');
    const backwards = await staff.get(`${reports}?from=2026-05-01&to=2026-01-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('De einddatum moet na de startdatum liggen.');
    const badExport = await staff.get(`${reports}/export.xlsx?from=nope`);
    expect(badExport.statusCode).toBe(303);

    const other = new TestClient(t.app);
    await other.login(s.secondStaff.email, TEST_PASSWORD);
    expect((await other.get(reports)).statusCode).toBe(404);
    expect((await other.get(`${reports}/export.csv`)).statusCode).toBe(404);
    const own = await other.get(`/provider/locations/${s.second.id}/reports?${period}`);
    expect(own.statusCode).toBe(200);
    // The second location received A, B and H (as 1st, 1st and 1st choice), E too.
    expect(cell(own.body, 'byRank-rank1')).toBe('3');
  });
});
