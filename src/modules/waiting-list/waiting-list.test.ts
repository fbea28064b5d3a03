import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { correctYearlyAmounts } from '../priority-rules/priority-rules.test-support.ts';
import { mayContactFamilies } from './waiting-list.service.ts';

/** The names in the list body, in order (the child column links to the request page). */
function childNames(html: string): string[] {
  return [...html.matchAll(/data-qa="waiting-list-child">([^<]+)</g)].map((m) => m[1] as string);
}

function headers(html: string): string[] {
  return [...html.matchAll(/<th[^>]*data-qa="column-([^"]+)"/g)].map((m) => m[1] as string);
}

describe.each(BACKENDS)('the waiting list on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staff: TestClient;
  let list: string;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    list = `/provider/locations/${s.first.id}/waiting-list`;
  });
  afterEach(async () => t.close());

  /** Six requests naming the first location in various ways, and two that must never show. */
  async function sixRequests() {
    const m = s.municipality.id;
    const db = t.deps.db;
    await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id, s.second.id],
      childFirstName: 'Anna',
      childLastName: 'Aerts',
      desiredStart: '2027-01-10',
      birthDate: '2026-05-01',
      days: { wed: 'none', thu: 'none', fri: 'none' },
      family: { singleParent: true, yearlyIncome: 21_000 },
      submittedAt: '2026-10-01T10:00:00Z',
    });
    await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.second.id, s.first.id],
      childFirstName: 'Bram',
      childLastName: 'Bosmans',
      desiredStart: '2027-03-05',
      birthDate: '2026-04-01',
      kind: 'occasional',
      careNeeds: true,
      submittedAt: '2026-11-15T10:00:00Z',
    });
    await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      childFirstName: 'Cas',
      childLastName: 'Claes',
      desiredStart: '2027-03-20',
      birthDate: '2026-07-01',
      days: { mon: 'half', tue: 'none', thu: 'none', fri: 'none' },
      preferenceStatuses: ['no_place'],
      submittedAt: '2026-11-02T10:00:00Z',
    });
    await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      childFirstName: 'Dirk',
      childLastName: 'Dumon',
      birthDate: null,
      expectedBirthDate: '2027-01-05',
      desiredStart: '2027-05-01',
      preferenceStatuses: ['waiting_list'],
      submittedAt: '2026-11-03T10:00:00Z',
    });
    const emergency = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.second.id],
      childFirstName: 'Eva',
      childLastName: 'Engels',
      birthDate: '2026-03-01',
      desiredStart: '2026-12-01',
      submittedAt: '2026-11-04T10:00:00Z',
    });
    await db.insert(schema.preferences).values({
      requestId: emergency.request.id,
      providerLocationId: s.first.id,
      rank: null,
      status: 'offer_made',
      addedFromEmergencyList: true,
      statusChangedAt: new Date('2026-11-20T10:00:00Z'),
    });
    await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      childFirstName: 'Fien',
      childLastName: 'Fransen',
      desiredStart: '2027-02-01',
      birthDate: '2026-08-01',
      preferenceStatuses: ['seen'],
      submittedAt: '2026-11-20T10:00:00Z',
    });
    // Never on this list: another location only, and a request the parents withdrew.
    await aFamilyRequest(db, { municipalityId: m, locations: [s.second.id], childFirstName: 'Gust' });
    await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      childFirstName: 'Hanne',
      status: 'withdrawn',
    });
  }

  /** The first names shown; unless the query says otherwise, open requests by start date. */
  const names = async (query: string, options: { raw?: boolean } = {}) => {
    const defaults = [
      query.includes('status=') ? '' : 'status=open',
      query.includes('sort=') ? '' : 'sort=start',
    ];
    const full = options.raw ? query : [...defaults, query].filter(Boolean).join('&');
    const res = await staff.get(`${list}?${full}`);
    expect(res.statusCode, query).toBe(200);
    return childNames(res.body).map((n) => n.split(' ')[0]);
  };

  it('shows open requests by start date, and filters on every criterion in SQL', async () => {
    await sixRequests();
    // By default the open requests, grouped in the order of the lifecycle, each group by start;
    // the closed ones (Cas: no place) only on request, with the whole history.
    expect(await names('', { raw: true })).toEqual(['Anna', 'Bram', 'Fien', 'Dirk', 'Eva']);
    expect(await names('status=all&sort=status', { raw: true })).toEqual([
      'Anna',
      'Bram',
      'Fien',
      'Dirk',
      'Eva',
      'Cas',
    ]);
    expect(await names('')).toEqual(['Eva', 'Anna', 'Fien', 'Bram', 'Dirk']);
    expect(await names('status=all')).toEqual(['Eva', 'Anna', 'Fien', 'Bram', 'Cas', 'Dirk']);
    expect(await names('status=no_place')).toEqual(['Cas']);
    expect(await names('status=unanswered')).toEqual(['Anna', 'Fien', 'Bram']);
    expect(await names('status=all&startFrom=2027-03&startTo=2027-03')).toEqual(['Bram', 'Cas']);
    expect(await names('status=all&days=mon&days=tue')).toEqual(['Anna']);
    expect(await names('status=all&days=mon&days=tue&days=wed')).toEqual(['Anna', 'Cas']);
    expect(await names('status=all&minDays=5')).toEqual(['Eva', 'Fien', 'Bram', 'Dirk']);
    expect(await names('status=all&maxDays=2')).toEqual(['Anna', 'Cas']);
    expect(await names('priority=yes')).toEqual(['Anna']);
    expect(await names('priority=no')).toEqual(['Eva', 'Fien', 'Bram', 'Dirk']);
    expect(await names('rank=2')).toEqual(['Bram']);
    expect(await names('rank=none')).toEqual(['Eva']);
    expect(await names('occasional=yes')).toEqual(['Bram']);
    expect(await names('careNeeds=yes')).toEqual(['Bram']);
    expect(await names('careNeeds=no&occasional=no')).toEqual(['Eva', 'Anna', 'Fien', 'Dirk']);
    expect(await names('q=bosm')).toEqual(['Bram']);
    expect(await names('q=100%25')).toEqual([]);
  });

  it('sorts on every column, both ways, in SQL', async () => {
    await sixRequests();
    expect(await names('status=all&sort=child&dir=asc')).toEqual([
      'Anna',
      'Bram',
      'Cas',
      'Dirk',
      'Eva',
      'Fien',
    ]);
    expect(await names('status=all&sort=child&dir=desc')).toEqual([
      'Fien',
      'Eva',
      'Dirk',
      'Cas',
      'Bram',
      'Anna',
    ]);
    expect(await names('status=all&sort=rank')).toEqual(['Anna', 'Cas', 'Dirk', 'Fien', 'Bram', 'Eva']);
    expect(await names('status=all&sort=birth&dir=desc')).toEqual([
      'Dirk',
      'Fien',
      'Cas',
      'Anna',
      'Bram',
      'Eva',
    ]);
    expect(await names('status=all&sort=carePlan')).toEqual(['Cas', 'Anna', 'Dirk', 'Eva', 'Bram', 'Fien']);
    expect(await names('status=all&sort=start&dir=desc')).toEqual([
      'Dirk',
      'Cas',
      'Bram',
      'Fien',
      'Anna',
      'Eva',
    ]);
    expect((await names('status=all&sort=priorityGroup&dir=desc'))[0]).toBe('Anna');
    expect((await names('status=all&sort=received&dir=desc'))[0]).toBe('Fien');
    expect(await names('sort=waitingDays&dir=desc')).toEqual(['Anna', 'Bram', 'Fien', 'Dirk', 'Eva']);
    for (const column of ['fileNumber', 'fileStatus', 'status', 'end', 'kind', 'careNeeds', 'notes']) {
      for (const dir of ['asc', 'desc'])
        expect(await names(`status=all&sort=${column}&dir=${dir}`)).toHaveLength(6);
    }
    const page = await staff.get(`${list}?sort=start&dir=desc`);
    expect(page.body).toContain('aria-sort="descending"');
  });

  it('marks requests overdue for a first answer by the municipality’s days, with today from the clock', async () => {
    await sixRequests();
    // Today is 22 November 2026: Anna waits 52 days, Bram 7, Fien 2; the municipality allows 21.
    const res = await staff.get(`${list}?sort=waitingDays&dir=desc`);
    expect(res.body.match(/data-qa="overdue"/g)).toHaveLength(1);
    expect(await names('overdue=1')).toEqual(['Anna']);
    t.clock.advanceDays(15);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    expect(await names('overdue=1')).toEqual(['Anna', 'Bram']);
    await t.deps.db.update(schema.municipalities).set({ firstAnswerDays: 70 });
    expect(await names('overdue=1')).toEqual([]);
  });

  it('answers bad filter values with 400 and a message, still showing the list', async () => {
    await sixRequests();
    const res = await staff.get(`${list}?startFrom=maart&rank=9`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Vul een maand in, bijvoorbeeld 2027-03.');
    expect(res.body).toContain('Kies een van de mogelijkheden.');
    // The list of the default view, the wrong values left out: the five open requests.
    expect(childNames(res.body)).toHaveLength(5);
  });

  it('pages in SQL and keeps the filters in the page links', async () => {
    const m = s.municipality.id;
    const rows = Array.from({ length: 60 }, (_, i) => i);
    for (const i of rows) {
      await aFamilyRequest(t.deps.db, {
        municipalityId: m,
        locations: [s.first.id],
        childFirstName: `Kind${String(i).padStart(2, '0')}`,
        childLastName: 'Reeks',
        desiredStart: `2027-0${1 + (i % 9)}-01`,
      });
    }
    const first = await staff.get(`${list}?sort=child&size=25`);
    expect(childNames(first.body)).toHaveLength(25);
    expect(first.body).toContain('60 aanvragen – pagina 1 van 3');
    expect(first.body).toMatch(/href="[^"]*size=25[^"]*page=2"[^>]*rel="next"/);
    const third = await staff.get(`${list}?sort=child&size=25&page=3`);
    expect(childNames(third.body)).toEqual(rows.slice(50).map((i) => `Kind${i} Reeks`));
    const beyond = await staff.get(`${list}?sort=child&size=25&page=99`);
    expect(childNames(beyond.body)[0]).toBe('Kind50 Reeks');
    // A filter that reads the request counts in the page's own statement: the same pages, the same total.
    const filtered = await staff.get(`${list}?sort=child&size=25&startFrom=2027-02&page=2`);
    expect(filtered.body).toContain('53 aanvragen – pagina 2 van 3');
    expect(childNames(filtered.body)[0]).toBe('Kind29 Reeks');
    const filteredBeyond = await staff.get(`${list}?sort=child&size=25&startFrom=2027-02&page=99`);
    expect(filteredBeyond.body).toContain('53 aanvragen – pagina 3 van 3');
    expect(childNames(filteredBeyond.body)).toHaveLength(3);
    const audit = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'provider.waitingList.read'));
    expect(audit.length).toBe(5);
  });

  it('hides and reorders columns per user, and keeps the choice', async () => {
    await sixRequests();
    const before = headers((await staff.get(list)).body);
    expect(before.slice(0, 4)).toEqual(['child', 'fileNumber', 'fileStatus', 'status']);
    expect(before).not.toContain('kind');

    const visible = before.filter((c) => c !== 'birth');
    await staff.get(`${list}/columns`);
    const moved = await staff.post(`${list}/columns`, { visible, move: 'rank:up' });
    expect(moved.headers.location).toBe(`${list}/columns?done=saved`);
    const saved = await staff.post(`${list}/columns`, { visible: [...visible, 'kind'] });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(list);

    const after = headers((await staff.get(list)).body);
    expect(after).not.toContain('birth');
    expect(after).toContain('kind');
    expect(after.indexOf('rank')).toBe(after.indexOf('priorityGroup') - 1);
    expect(before.indexOf('rank')).toBe(before.indexOf('priorityGroup') + 1);

    // Another staff member of the same location keeps the standard columns.
    const colleague = await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: s.first.id });
    const other = new TestClient(t.app);
    await other.login(colleague.email, TEST_PASSWORD);
    expect(headers((await other.get(list)).body)).toEqual(before);

    // The child's name cannot be hidden: it opens the request.
    await staff.post(`${list}/columns`, { visible: ['fileNumber'] });
    expect(headers((await staff.get(list)).body)).toEqual(['child', 'fileNumber']);
    // …and stays first: nothing moves above it, it moves nowhere.
    await staff.post(`${list}/columns`, { visible: ['fileNumber'], move: 'fileNumber:up' });
    await staff.post(`${list}/columns`, { visible: ['fileNumber'], move: 'child:down' });
    expect(headers((await staff.get(list)).body)).toEqual(['child', 'fileNumber']);
  });

  it('saves the filters and sort as the user’s default view', async () => {
    await sixRequests();
    const shown = headers((await staff.get(list)).body);
    expect(shown).not.toContain('kind');
    const res = await staff.post(`${list}/default-view`, {
      status: 'all',
      rank: '1',
      sort: 'child',
      dir: 'desc',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('saved=1');
    expect(await names('', { raw: true })).toEqual(['Fien', 'Dirk', 'Cas', 'Anna']);
    expect(await names('status=open')).toEqual(['Eva', 'Anna', 'Fien', 'Bram', 'Dirk']);
    const [settings] = await t.deps.db.select().from(schema.waitingListSettings);
    expect(settings?.filters).toMatchObject({ status: 'all', rank: '1', sort: 'child', dir: 'desc' });
    // Exactly the columns that were shown, in their order: the first save does not reveal the
    // columns hidden by default.
    expect(headers((await staff.get(list)).body)).toEqual(shown);
  });

  it('keeps a user’s own choice of columns when saving the default view', async () => {
    await sixRequests();
    await staff.get(`${list}/columns`);
    await staff.post(`${list}/columns`, { visible: ['child', 'start', 'careNeeds'], move: 'careNeeds:up' });
    const shown = headers((await staff.get(list)).body);
    expect(shown).toEqual(['child', 'start', 'careNeeds']);
    await staff.post(`${list}/default-view`, { status: 'open', sort: 'start', dir: 'asc' });
    expect(headers((await staff.get(list)).body)).toEqual(shown);
    expect(headers((await staff.get(`${list}?status=all`)).body)).toEqual(shown);
  });

  it('adds own columns with a value per request, shows, sorts and deletes them', async () => {
    const a = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Anna',
    });
    const b = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Bram',
      desiredStart: '2027-04-01',
    });
    await staff.get(`${list}/columns`);
    expect((await staff.post(`${list}/custom-columns`, { name: 'Bezocht', kind: 'yes_no' })).statusCode).toBe(
      303,
    );
    expect(
      (await staff.post(`${list}/custom-columns`, { name: 'Broer start', kind: 'date' })).statusCode,
    ).toBe(303);
    const duplicate = await staff.post(`${list}/custom-columns`, { name: 'Bezocht', kind: 'text' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('Er is al een kolom met deze naam.');
    const columns = await t.deps.db.select().from(schema.customColumns);
    const visited = columns.find((c) => c.name === 'Bezocht');
    const sibling = columns.find((c) => c.name === 'Broer start');
    if (!visited || !sibling) throw new Error('columns missing');

    const page = (id: string) => `/provider/locations/${s.first.id}/requests/${id}`;
    await staff.get(page(b.request.id));
    const wrong = await staff.post(`${page(b.request.id)}/custom-values`, {
      [`col_${visited.id}`]: 'misschien',
      [`col_${sibling.id}`]: '2027-02-30',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Kies een van de mogelijkheden.');
    expect(wrong.body).toContain('Vul een bestaande datum in');
    const ok = await staff.post(`${page(b.request.id)}/custom-values`, {
      [`col_${visited.id}`]: 'yes',
      [`col_${sibling.id}`]: '2027-09-01',
    });
    expect(ok.headers.location).toBe(`${page(b.request.id)}?done=custom`);
    await staff.get(page(a.request.id));
    await staff.post(`${page(a.request.id)}/custom-values`, { [`col_${visited.id}`]: 'no' });

    const res = await staff.get(list);
    expect(headers(res.body)).toContain(`custom:${visited.id}`);
    expect(res.body).toMatch(/Bram[\s\S]*?<td class="utrecht-table__cell ko-wrap">Ja<\/td>/);
    // Sorted on the stored value ('no' < 'yes').
    expect(await names(`sort=custom:${visited.id}&dir=asc`)).toEqual(['Anna', 'Bram']);
    expect(await names(`sort=custom:${visited.id}&dir=desc`)).toEqual(['Bram', 'Anna']);

    // Clearing a value removes it; deleting the column removes its values.
    await staff.post(`${page(b.request.id)}/custom-values`, { [`col_${sibling.id}`]: '' });
    expect(await t.deps.db.$count(schema.customColumnValues)).toBe(2);
    await staff.post(`${list}/default-view`, { status: 'all', sort: `custom:${visited.id}`, dir: 'asc' });
    await staff.get(`${list}/columns`);
    const deleted = await staff.post(`${list}/custom-columns/${visited.id}/delete`, {});
    expect(deleted.headers.location).toBe(`${list}/columns?done=deleted`);
    expect(await t.deps.db.$count(schema.customColumnValues)).toBe(0);
    // The saved view sorted on the deleted column: the list still opens, in the default order.
    const afterDelete = await staff.get(list);
    expect(afterDelete.statusCode).toBe(200);
    expect(headers(afterDelete.body)).not.toContain(`custom:${visited.id}`);

    // Another location's staff can neither see nor delete them.
    const second = new TestClient(t.app);
    await second.login(s.secondStaff.email, TEST_PASSWORD);
    // A form of its own location gives the second member a token bound to their session.
    await second.get(`/provider/locations/${s.second.id}/waiting-list/columns`);
    const foreign = await second.post(
      `/provider/locations/${s.second.id}/waiting-list/custom-columns/${sibling.id}/delete`,
      {},
    );
    expect(foreign.statusCode).toBe(404);
    expect(await t.deps.db.$count(schema.customColumns)).toBe(1);
  });

  it('exports the current view to CSV and XLSX, as an audited read', async () => {
    await sixRequests();
    await t.deps.db
      .update(schema.children)
      .set({ firstName: '=HYPERLINK("x")' })
      .where(eq(schema.children.firstName, 'Bram'));
    const query = 'status=all&startFrom=2027-01&sort=start';

    const csv = await staff.get(`${list}/export.csv?${query}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="wachtlijst-kdv-de-eerste-stap-2026-11-22\.csv"$/,
    );
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]?.split(';').slice(0, 4)).toEqual(['Kind', 'Dossier', 'Dossierstatus', 'Status bij u']);
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('Anna Aerts');
    expect(lines[1]).toContain('2027-01-10');
    expect(csv.body).toContain(`"'=HYPERLINK(""x"") Bosmans"`);

    const xlsx = await staff.get(`${list}/export.xlsx?${query}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toContain('.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Wachtlijst');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.rowCount).toBe(6);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual([
      'Kind',
      'Dossier',
      'Dossierstatus',
      'Status bij u',
      'Geboortedatum',
      'Verwachte geboortedatum',
      'Start',
      'Einde',
    ]);
    const anna = sheet.getRow(2);
    expect(anna.getCell(1).value).toBe('Anna Aerts');
    expect(anna.getCell(7).value).toEqual(new Date('2027-01-10T00:00:00Z'));
    expect(anna.getCell(10).value).toBe('Voorrang');
    expect(sheet.getRow(4).getCell(1).value).toBe('=HYPERLINK("x") Bosmans');
    expect(sheet.getRow(4).getCell(1).formula).toBeUndefined();

    const audit = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'provider.waitingList.export'));
    expect(audit.map((a) => a.details)).toEqual([
      { rows: 5, format: 'csv', contacts: true, families: expect.any(Array) },
      { rows: 5, format: 'xlsx', contacts: true, families: expect.any(Array) },
    ]);
    // Whose data the export held: the five families of its rows.
    const listed = await t.deps.db.select({ id: schema.requests.familyId }).from(schema.requests);
    for (const a of audit) {
      const families = (a.details as { families: string[] }).families;
      expect(new Set(families).size).toBe(5);
      expect(families.every((f) => listed.some((r) => r.id === f))).toBe(true);
    }
  });

  it('follows the user’s columns in the export', async () => {
    await sixRequests();
    await staff.get(`${list}/columns`);
    await staff.post(`${list}/columns`, { visible: ['child', 'start', 'rank'] });
    // Anna's second parent can only be reached by phone.
    const [anna] = await t.deps.db
      .select()
      .from(schema.children)
      .where(eq(schema.children.firstName, 'Anna'));
    await t.deps.db.insert(schema.parents).values({
      familyId: anna?.familyId as string,
      firstName: 'Tweede',
      lastName: 'Aerts',
      phone: '0470 12 34 56',
      position: 2,
    });
    const csv = await staff.get(`${list}/export.csv?status=all&sort=child`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Kind;Start;Voorkeur;Ouder 1;E-mail ouder 1;Telefoon ouder 1;Ouder 2;E-mail ouder 2;Telefoon ouder 2',
    );
    expect(lines[1]).toMatch(
      /^Anna Aerts;2027-01-10;1;Ouder\d+ Aerts;ouder\d+@test\.example;;Tweede Aerts;;0470 12 34 56$/,
    );
  });

  it('exports one kind of value per column: birth and expected birth apart, dates in one format, readable widths', async () => {
    await sixRequests();
    const query = 'status=all&sort=child';
    const csv = await staff.get(`${list}/export.csv?${query}`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    const header = lines[0] ?? [];
    const column = (name: string) => lines.slice(1).map((l) => l[header.indexOf(name)] ?? '');
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    for (const name of ['Geboortedatum', 'Verwachte geboortedatum', 'Start', 'Einde', 'Ontvangen'])
      expect(
        column(name)
          .filter(Boolean)
          .every((v) => iso.test(v)),
        name,
      ).toBe(true);
    // Dirk is not born yet: his expected birth date is in its own column, his birth date empty.
    const names = column('Kind');
    const dirk = names.findIndex((n) => n.startsWith('Dirk'));
    expect(column('Geboortedatum')[dirk]).toBe('');
    expect(column('Verwachte geboortedatum')[dirk]).toBe('2027-01-05');
    expect(column('Verwachte geboortedatum').filter(Boolean)).toEqual(['2027-01-05']);
    expect(column('Geboortedatum').filter(Boolean)).toHaveLength(5);

    const xlsx = await staff.get(`${list}/export.xlsx?${query}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Wachtlijst');
    if (!sheet) throw new Error('no sheet');
    const titles = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(titles).toEqual(header);
    for (const name of ['Geboortedatum', 'Verwachte geboortedatum', 'Start', 'Einde', 'Ontvangen']) {
      const n = titles.indexOf(name) + 1;
      for (let r = 2; r <= sheet.rowCount; r++) {
        const cell = sheet.getRow(r).getCell(n);
        if (cell.value === null) continue;
        expect(cell.value, `${name} row ${r}`).toBeInstanceOf(Date);
        expect(cell.numFmt, `${name} row ${r}`).toBe('dd/mm/yyyy');
      }
    }
    // Every column is wide enough for its header and its values, none absurdly wide.
    titles.forEach((title, i) => {
      const width = sheet.getColumn(i + 1).width ?? 0;
      expect(width, title).toBeGreaterThanOrEqual(title.length);
      expect(width, title).toBeLessThanOrEqual(50);
      for (let r = 2; r <= sheet.rowCount; r++) {
        const value = sheet.getRow(r).getCell(i + 1).value;
        const text = value instanceof Date ? 'dd/mm/yyyy' : String(value ?? '');
        expect(width, `${title}: ${text}`).toBeGreaterThanOrEqual(Math.min(48, text.length));
      }
    });
    expect(sheet.getColumn(titles.indexOf('E-mail ouder 1') + 1).width).toBeGreaterThanOrEqual(
      'ouder1@test.example'.length,
    );
  });

  it('adds the parents’ contact details to the export only for staff who may see them', async () => {
    await sixRequests();
    const csvHeader = async (client: TestClient, location: string) => {
      const res = await client.get(`/provider/locations/${location}/waiting-list/export.csv?status=all`);
      expect(res.statusCode).toBe(200);
      return (
        res.body
          .replace(/^\uFEFF/, '')
          .split('\r\n')[0]
          ?.split(';') ?? []
      );
    };
    expect(await csvHeader(staff, s.first.id)).toContain('E-mail ouder 1');
    // Someone who may export this list but not open its requests (a grant that the catalogue may
    // narrow one day) gets the list without contact details; the rule is the request page's own.
    const grant = {
      regionId: null,
      municipalityId: null,
      intermediaryOrganisationId: null,
      providerLocationId: s.first.id,
    };
    const user = { id: 'x', email: 'x@test.example', displayName: 'X', language: 'nl' as const };
    expect(mayContactFamilies({ ...user, grants: [{ ...grant, role: 'provider_staff' }] }, s.first.id)).toBe(
      true,
    );
    expect(mayContactFamilies({ ...user, grants: [{ ...grant, role: 'provider_admin' }] }, s.first.id)).toBe(
      true,
    );
    expect(mayContactFamilies({ ...user, grants: [{ ...grant, role: 'provider_staff' }] }, s.second.id)).toBe(
      false,
    );
    expect(
      mayContactFamilies(
        { ...user, grants: [{ ...grant, role: 'desk', providerLocationId: null }] },
        s.first.id,
      ),
    ).toBe(false);
  });

  it('answers 404 for another location and 403 for a parent', async () => {
    const other = `/provider/locations/${s.second.id}/waiting-list`;
    expect((await staff.get(other)).statusCode).toBe(404);
    expect((await staff.get(`${other}/export.xlsx`)).statusCode).toBe(404);
    expect((await staff.get(`${other}/columns`)).statusCode).toBe(404);
    expect((await staff.get('/provider/locations/not-a-uuid/waiting-list')).statusCode).toBe(404);
    const parent = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app);
    await client.login(parent.email, TEST_PASSWORD);
    expect((await client.get(list)).statusCode).toBe(403);
  });

  it("ranks and flags by the priority rule set valid on the clock's day", async () => {
    const m = s.municipality.id;
    const db = t.deps.db;
    const family = async (name: string, n: number, facts: Partial<typeof schema.families.$inferInsert>) =>
      aFamilyRequest(db, {
        municipalityId: m,
        locations: [s.first.id],
        childFirstName: name,
        desiredStart: `2027-0${n}-01`,
        family: facts,
        submittedAt: `2024-01-0${n}T10:00:00Z`,
      });
    // Works full time, nothing else ticked: absolute priority only under the annulled 4/5 rule.
    const wout = await family('Wout', 1, {});
    await db
      .update(schema.parents)
      .set({ situation: 'working', daysPerWeek: '5' })
      .where(eq(schema.parents.familyId, wout.family.id));
    // Needs care for work: absolute priority under the rules before (and again after) April 2024.
    await family('Nora', 2, { needsCareForWork: true });
    // Single parent with a low income: vulnerable under both readings (the seeded sets carry no
    // income threshold, so the annulled one gets one here).
    await correctYearlyAmounts(db, 'april-2024', { '2024': { incomeThreshold: 30_000 } });
    await family('Lien', 3, { singleParent: true, yearlyIncome: 21_000 });
    // Handicap and no secondary diploma: vulnerable only when one of characteristics 3-5 must be there.
    await family('Mats', 4, { disabilityOrSocialReason: true, noSecondaryDiploma: true });

    t.clock.set('2024-06-01T09:00:00Z');
    expect(await names('sort=priorityGroup&dir=desc')).toEqual(['Wout', 'Lien', 'Nora', 'Mats']);
    expect(await names('priority=yes')).toEqual(['Wout', 'Lien']);
    expect(await names('priority=no')).toEqual(['Nora', 'Mats']);
    const page = await staff.get(`${list}?sort=start`);
    expect(page.body).toContain('Absolute voorrang');
    const request = `/provider/locations/${s.first.id}/requests/${wout.request.id}`;
    expect((await staff.get(request)).body).toContain('Absolute voorrang: werkt ≥ 4/5');
    expect((await staff.get(request)).body).toContain('Voorrangsregels van 1 april 2024 (vernietigd)');

    t.clock.set('2026-01-01T09:00:00Z');
    expect(await names('sort=priorityGroup&dir=desc')).toEqual(['Nora', 'Lien', 'Mats', 'Wout']);
    expect(await names('priority=yes')).toEqual(['Nora', 'Lien', 'Mats']);
    const csv = await staff.get(`${list}/export.csv?status=all&sort=child`);
    expect(csv.body).toMatch(/Nora[^\n]*Absolute voorrang/);
    const page2 = (await staff.get(request)).body;
    expect(page2).toContain('Geen voorrang');
    expect(page2).toContain('Voorrangsregels van vóór 1 april 2024');
    const lien = await staff.get(`${list}?sort=start&q=Lien`);
    expect(lien.body).toContain('Voorrang');
  });
  it('flags a family by its income under the valid threshold, and a corrected threshold changes the flag at once', async () => {
    const db = t.deps.db;
    t.clock.set('2026-11-22T09:00:00Z');
    const given = new Date('2026-10-03T08:00:00Z');
    // Only an income, nothing ticked: priority under the rules before April 2024 only if it is low.
    const eva = await aFamilyRequest(db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Eva',
      desiredStart: '2027-05-01',
      family: { yearlyIncome: 31_000, priorityFactsGivenAt: given },
      submittedAt: '2026-09-01T10:00:00Z',
    });
    const request = `/provider/locations/${s.first.id}/requests/${eva.request.id}`;
    // The seeded set has no threshold: income alone never gives priority.
    expect(await names('priority=yes&q=Eva')).toEqual([]);

    // A threshold for 2025 only: the latest year not after the day (2026) applies.
    await correctYearlyAmounts(db, 'before-2024', { '2025': { incomeThreshold: 32_000 } });
    expect(await names('priority=yes&q=Eva')).toEqual(['Eva']);
    const page = (await staff.get(request)).body;
    expect(page).toContain('Voorrang: laag inkomen');
    expect(page).toMatch(/Gegevens voor voorrang gegeven op[\s\S]*?3 oktober 2026/);

    // A correction of the threshold (a new version), same day: the flag changes at once.
    await correctYearlyAmounts(db, 'before-2024', {
      '2025': { incomeThreshold: 32_000 },
      '2026': { incomeThreshold: 30_500 },
    });
    expect(await names('priority=yes&q=Eva')).toEqual([]);
    expect(await names('priority=no&q=Eva')).toEqual(['Eva']);
    expect((await staff.get(request)).body).toContain('Geen voorrang');
    // An income equal to the threshold is not below it.
    await correctYearlyAmounts(db, 'before-2024', { '2026': { incomeThreshold: 31_000 } });
    expect(await names('priority=yes&q=Eva')).toEqual([]);
    await correctYearlyAmounts(db, 'before-2024', { '2026': { incomeThreshold: 31_001 } });
    expect(await names('priority=yes&q=Eva')).toEqual(['Eva']);
  });
});
