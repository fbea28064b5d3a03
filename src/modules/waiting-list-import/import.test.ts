import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { postMultipart } from '../provider-profile/provider-profile.test-support.ts';
import {
  BAD_LINES,
  DUPLICATED_LINE,
  LIST_HEADER,
  listRow,
  toCsv,
  toXlsx,
  waitingListRows,
} from './import.test-support.ts';

/** Our field → the column of the test list (the request date the officer chooses). */
const MAPPING: Record<string, string> = {
  requestDate: '0',
  childFirstName: '1',
  childLastName: '2',
  birthDate: '3',
  parentFirstName: '4',
  parentLastName: '5',
  email: '6',
  phone: '7',
  street: '8',
  postcode: '9',
  city: '10',
  desiredStart: '11',
  carePlan: '12',
  notes: '13',
};

describe.each(BACKENDS)('importing a waiting list on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let officer: Awaited<ReturnType<typeof aUser>>;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    desk = new TestClient(t.app);
    await desk.login(officer.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  const db = () => t.deps.db;
  const uploadPage = () => `/desk/providers/locations/${s.first.id}/import`;
  const count = async (table: typeof schema.requests | typeof schema.families | typeof schema.children) =>
    (await db().select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  const importedRequests = () =>
    db()
      .select({
        id: schema.requests.id,
        channel: schema.requests.channel,
        submittedAt: schema.requests.submittedAt,
        status: schema.preferences.status,
        rank: schema.preferences.rank,
        lastName: schema.children.lastName,
      })
      .from(schema.requests)
      .innerJoin(schema.preferences, eq(schema.preferences.requestId, schema.requests.id))
      .innerJoin(schema.children, eq(schema.children.id, schema.requests.childId))
      .where(eq(schema.preferences.providerLocationId, s.first.id))
      .orderBy(asc(schema.requests.submittedAt));

  /** Uploads a file as the browser does (the upload page first, for its form token). */
  const upload = async (bytes: Buffer, filename = 'wachtlijst.csv', client = desk, page = uploadPage()) => {
    await client.get(page);
    return postMultipart(
      t.app,
      client,
      page,
      {},
      {
        file: { filename, contentType: 'text/csv', bytes },
      },
    );
  };
  const uploaded = async (bytes: Buffer, filename?: string) => {
    const res = await upload(bytes, filename);
    expect(res.statusCode).toBe(303);
    const id = /^\/desk\/imports\/([0-9a-f-]{36})\/mapping$/.exec(res.headers.location ?? '')?.[1];
    if (!id) throw new Error(`unexpected redirect ${res.headers.location}`);
    return id;
  };
  const mapped = async (bytes: Buffer, filename?: string) => {
    const id = await uploaded(bytes, filename);
    const res = await desk.post(`/desk/imports/${id}/mapping`, MAPPING, {
      formPage: `/desk/imports/${id}/mapping`,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/desk/imports/${id}/preview`);
    return id;
  };
  const confirm = (id: string, expected: number) =>
    desk.post(`/desk/imports/${id}/confirm`, { confirmed: 'yes', expected: String(expected) });

  it('imports 200 rows: 3 refused with their reason, 197 on the waiting list in the order of their request dates', async () => {
    // The location's page links to the import.
    expect((await desk.get(`/desk/providers/locations/${s.first.id}`)).body).toContain(
      `href="${uploadPage()}"`,
    );
    const page = await desk.get(uploadPage());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');

    const id = await uploaded(toCsv(waitingListRows(200)));
    const mapping = await desk.get(`/desk/imports/${id}/mapping`);
    expect(mapping.statusCode).toBe(200);
    expect(mapping.body).toContain('wachtlijst.csv: 200 rijen');
    // Guessed from the column names: the child's last name is column 3 ("Naam kind").
    expect(mapping.body).toMatch(/<select[^>]*name="childLastName"[\s\S]*?<option value="2" selected/);
    // The request date's column has a name nobody could guess: without it, refused.
    const { requestDate: _, ...withoutRequestDate } = MAPPING;
    const refused = await desk.post(`/desk/imports/${id}/mapping`, withoutRequestDate);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Kies de kolom met de oorspronkelijke aanvraagdatum');
    // The message belongs to its select, for a screen reader too.
    expect(refused.body).toMatch(
      /<select[^>]*id="field-requestDate"[^>]*aria-invalid="true"[^>]*aria-describedby="error-requestDate"/,
    );
    expect(refused.body).toMatch(/<p[^>]*id="error-requestDate"[^>]*>Kies de kolom met de oorspronkelijke/);
    expect(await count(schema.requests)).toBe(0);

    const saved = await desk.post(`/desk/imports/${id}/mapping`, MAPPING);
    expect(saved.headers.location).toBe(`/desk/imports/${id}/preview`);
    const preview = await desk.get(`/desk/imports/${id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain(
      'Op de wachtlijst van KDV De Eerste Stap: 197 aanvragen te importeren, 3 rijen geweigerd.',
    );
    expect(preview.body).toContain('de geboortedatum is geen datum');
    expect(preview.body).toContain('geen e-mailadres en geen telefoonnummer van de ouder');
    expect(preview.body).toContain(`hetzelfde kind als op rij ${DUPLICATED_LINE} van het bestand`);
    expect(preview.body.match(/data-qa="import-refused-row"/g)).toHaveLength(3);
    for (const line of Object.values(BAD_LINES))
      expect(preview.body).toContain(`<td class="utrecht-table__cell">${line}</td>`);
    expect(await count(schema.requests)).toBe(0);

    const done = await confirm(id, 197);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/desk/imports/${id}`);
    const record = await desk.get(`/desk/imports/${id}`);
    expect(record.body).toContain('Op de wachtlijst van KDV De Eerste Stap: 197 aanvragen geïmporteerd.');

    const rows = await importedRequests();
    expect(rows).toHaveLength(197);
    expect(rows.every((r) => r.channel === 'desk' && r.status === 'waiting_list' && r.rank === 1)).toBe(true);
    // Each request records where its family lived, for the figures by residence.
    const residences = await db()
      .select({ municipality: schema.requests.residenceMunicipalityId })
      .from(schema.requests)
      .where(
        inArray(
          schema.requests.id,
          rows.map((r) => r.id),
        ),
      );
    expect(residences.every((r) => r.municipality === s.municipality.id)).toBe(true);
    // The file lists the newest request first; the waiting list's order is by the original date.
    expect(rows[0]?.lastName).toBe(listRow(200)[2]);
    expect(rows.at(-1)?.lastName).toBe(listRow(1)[2]);
    // Filed at the start of its day in Belgium (plus the file's order in milliseconds).
    expect(rows[0]?.submittedAt.toISOString().slice(0, 19)).toBe('2025-05-31T22:00:00');

    const [imp] = await db()
      .select()
      .from(schema.waitingListImports)
      .where(eq(schema.waitingListImports.id, id));
    expect(imp).toMatchObject({
      status: 'imported',
      rowCount: 200,
      importedCount: 197,
      refusedCount: 3,
      rows: null,
    });
    expect(imp?.fileName).toBe('wachtlijst.csv');
    const audits = await db()
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.subjectId, id), eq(schema.auditLog.action, 'desk.waitingListImport.manage')),
      );
    const importedAudit = audits.find((a) => (a.details as { step?: string }).step === 'imported');
    expect((importedAudit?.details as { families?: string[] } | undefined)?.families).toHaveLength(197);
    // No mail to the imported families; the list's notes are the location's own notes.
    expect(await db().select().from(schema.outbox)).toHaveLength(0);
    const notes = await db().select().from(schema.providerNotes);
    expect(notes.length).toBeGreaterThan(20);
    expect(notes.every((n) => n.providerLocationId === s.first.id)).toBe(true);

    // The provider's waiting list shows them, oldest request first.
    const staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    const list = await staff.get(`/provider/locations/${s.first.id}/waiting-list?sort=received`);
    expect(list.statusCode).toBe(200);
    expect(list.body.indexOf(listRow(200)[2] ?? '')).toBeLessThan(list.body.indexOf(listRow(198)[2] ?? ''));

    // A second confirmation (a double click) imports nothing more.
    expect((await confirm(id, 197)).headers.location).toBe(`/desk/imports/${id}`);
    expect(await importedRequests()).toHaveLength(197);
    // The upload page lists the import.
    expect((await desk.get(uploadPage())).body).toContain('wachtlijst.csv');
  }, 120_000);

  it('writes nothing when the import fails halfway, and all of it when tried again', async () => {
    const id = await mapped(toCsv(waitingListRows(200)));
    await desk.get(`/desk/imports/${id}/preview`);
    const before = { families: await count(schema.families), children: await count(schema.children) };
    // A database that refuses the 150th child, after the families and parents were written.
    await db().execute(
      sql.raw(`create function refuse_child() returns trigger language plpgsql as $$
      begin if new.last_name = '${listRow(150)[2]}' then raise exception 'disk full'; end if; return new; end $$`),
    );
    await db().execute(
      sql.raw(
        'create trigger refuse_child before insert on children for each row execute function refuse_child()',
      ),
    );
    const failed = await confirm(id, 197);
    expect(failed.statusCode).toBe(500);
    expect(failed.body).toContain('De import is mislukt. Er werd niets bewaard');
    expect(await count(schema.families)).toBe(before.families);
    expect(await count(schema.children)).toBe(before.children);
    expect(await importedRequests()).toHaveLength(0);
    const [imp] = await db()
      .select()
      .from(schema.waitingListImports)
      .where(eq(schema.waitingListImports.id, id));
    expect(imp?.status).toBe('pending');

    await db().execute(sql.raw('drop trigger refuse_child on children'));
    expect((await confirm(id, 197)).headers.location).toBe(`/desk/imports/${id}`);
    expect(await importedRequests()).toHaveLength(197);
  }, 120_000);

  it('refuses a child that already has an open request, here or at another location, naming its file', async () => {
    const here = await aFamilyRequest(db(), {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: listRow(1)[1],
      childLastName: listRow(1)[2],
      birthDate: '2025-12-02',
    });
    const elsewhere = await aFamilyRequest(db(), {
      municipalityId: s.municipality.id,
      locations: [s.second.id],
      childFirstName: listRow(2)[1],
      childLastName: listRow(2)[2]?.toUpperCase(),
      birthDate: '2025-12-03',
    });
    const rows = waitingListRows(4);
    const late = rows[3];
    if (late) late[11] = '01/11/2025'; // a start before the birth on 2025-12-04
    const id = await mapped(toCsv(rows));
    const preview = await desk.get(`/desk/imports/${id}/preview`);
    expect(preview.body).toContain(
      `dit kind heeft al een open aanvraag voor deze locatie (dossier ${here.family.fileNumber})`,
    );
    expect(preview.body).toContain(
      `dit kind heeft al een open aanvraag (dossier ${elsewhere.family.fileNumber}): voeg deze locatie daar toe als voorkeur`,
    );
    expect(preview.body).toContain('de gewenste startdatum ligt vóór de geboorte');
    expect(preview.body).toContain('1 aanvraag te importeren, 3 rijen geweigerd');
    // The preview named two existing files: audited.
    const audits = await db().select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, id));
    const previewAudit = audits.find((a) => (a.details as { step?: string }).step === 'preview');
    expect(
      [...((previewAudit?.details as { families?: string[] } | undefined)?.families ?? [])].sort(),
    ).toEqual([here.family.id, elsewhere.family.id].sort());
  });

  it('imports nothing when a row changed since the preview, and shows the new preview', async () => {
    const id = await mapped(toCsv(waitingListRows(5)));
    await desk.get(`/desk/imports/${id}/preview`);
    // Meanwhile another officer files a request for the child of the first row.
    await aFamilyRequest(db(), {
      municipalityId: s.municipality.id,
      locations: [s.second.id],
      childFirstName: listRow(1)[1],
      childLastName: listRow(1)[2],
      birthDate: '2025-12-02',
    });
    const requests = await count(schema.requests);
    const res = await confirm(id, 5);
    expect(res.headers.location).toBe(`/desk/imports/${id}/preview?problem=changed`);
    expect(await count(schema.requests)).toBe(requests);
    const again = await desk.get(res.headers.location ?? '');
    expect(again.body).toContain('Sinds het overzicht is er iets veranderd');
    expect(again.body).toContain('4 aanvragen te importeren');
    expect((await confirm(id, 4)).headers.location).toBe(`/desk/imports/${id}`);
    expect(await importedRequests()).toHaveLength(4);
  });

  it('reads the same list from an XLSX workbook with real date cells', async () => {
    const id = await mapped(await toXlsx(waitingListRows(200)), 'wachtlijst.xlsx');
    const preview = await desk.get(`/desk/imports/${id}/preview`);
    expect(preview.body).toContain('197 aanvragen te importeren');
    expect(preview.body).toContain('de geboortedatum is geen datum');
  }, 60_000);

  it('refuses what is no waiting list with a clear message, keeping nothing', async () => {
    const binary = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), 'foto.png');
    expect(binary.statusCode).toBe(400);
    expect(binary.body).toContain('Dit is geen CSV- of XLSX-bestand.');
    const empty = await upload(Buffer.from(`${LIST_HEADER.join(';')}\r\n`));
    expect(empty.body).toContain('Het bestand heeft geen rijen onder de kolomnamen.');
    const big = await upload(Buffer.alloc(3 * 1024 * 1024, 'a'));
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('Het bestand is groter dan 2 MB.');
    const none = await upload(Buffer.alloc(0));
    expect(none.body).toContain('Kies een bestand.');
    expect(await db().select().from(schema.waitingListImports)).toHaveLength(0);
  });

  it('keeps an upload to the session that made it and to the desk’s own locations', async () => {
    const id = await uploaded(toCsv(waitingListRows(3)));
    // The same officer in another session: 404, as another officer.
    const otherSession = new TestClient(t.app);
    await otherSession.login(officer.email, TEST_PASSWORD);
    expect((await otherSession.get(`/desk/imports/${id}/mapping`)).statusCode).toBe(404);
    const colleague = await aUser(db(), { role: 'desk', municipalityId: s.municipality.id });
    const other = new TestClient(t.app);
    await other.login(colleague.email, TEST_PASSWORD);
    expect((await other.get(`/desk/imports/${id}/preview`)).statusCode).toBe(404);
    // Another municipality's desk cannot reach the location.
    const elsewhere = await aMunicipality(db(), { regionId: s.region.id });
    const foreignOfficer = await aUser(db(), { role: 'desk', municipalityId: elsewhere.id });
    const foreign = new TestClient(t.app);
    await foreign.login(foreignOfficer.email, TEST_PASSWORD);
    expect((await foreign.get(uploadPage())).statusCode).toBe(404);
    // Discarding erases the rows.
    await desk.get(`/desk/imports/${id}/mapping`);
    const discarded = await desk.post(`/desk/imports/${id}/discard`, {});
    expect(discarded.headers.location).toBe(`${uploadPage()}?done=discarded`);
    const [imp] = await db()
      .select()
      .from(schema.waitingListImports)
      .where(eq(schema.waitingListImports.id, id));
    expect(imp).toMatchObject({ status: 'discarded', rows: null });
    expect((await desk.get(`/desk/imports/${id}/mapping`)).statusCode).toBe(404);
  });
});
