import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { type Database, schema } from '../../platform/db/index.ts';
import type { NationalNumber } from '../../shared/national-number.ts';
import { countPossibleDuplicates, familyIdsOfFile } from './index.ts';

/**
 * Rows per kind that a file holds (directly or through its requests): children not merged away,
 * events other than those the merge itself writes.
 */
async function rowsOf(db: Database, familyId: string) {
  const result = await db.execute(sql`
    select
      (select count(*) from children where family_id = ${familyId}::uuid and merged_into_child_id is null)::int as children,
      (select count(*) from requests where family_id = ${familyId}::uuid)::int as requests,
      (select count(*) from preferences p join requests r on r.id = p.request_id where r.family_id = ${familyId}::uuid)::int as preferences,
      (select count(*) from offers o join preferences p on p.id = o.preference_id join requests r on r.id = p.request_id where r.family_id = ${familyId}::uuid)::int as offers,
      (select count(*) from status_events e join requests r on r.id = e.request_id where r.family_id = ${familyId}::uuid and e.event_type <> 'request.family_merged' and coalesce(e.details->>'reason', '') <> 'family_merge')::int as events,
      (select count(*) from desk_notes where family_id = ${familyId}::uuid)::int as notes,
      (select count(*) from follow_up_tasks where family_id = ${familyId}::uuid)::int as tasks,
      (select count(*) from request_drafts where family_id = ${familyId}::uuid)::int as drafts,
      (select count(*) from request_forwards f join requests r on r.id = f.request_id where r.family_id = ${familyId}::uuid)::int as forwards,
      (select count(*) from provider_notes n join requests r on r.id = n.request_id where r.family_id = ${familyId}::uuid)::int as "providerNotes"`);
  return (result as unknown as { rows: Record<string, number>[] }).rows[0] as Record<string, number>;
}

function sum(a: Record<string, number>, b: Record<string, number>) {
  return Object.fromEntries(Object.keys(a).map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]));
}

describe.each(BACKENDS)('duplicate family files on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let deskUser: { id: string; email: string };

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    deskUser = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    desk = new TestClient(t.app);
    await desk.login(deskUser.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  const base = () => ({ municipalityId: s.municipality.id, locations: [s.first.id, s.second.id] });

  /** Two files of the same family: same child name (written differently) and date, a shared phone. */
  async function twoFilesByName(options: { secondStatus?: 'active' | 'withdrawn' } = {}) {
    const db = t.deps.db;
    const a = await aFamilyRequest(db, {
      ...base(),
      childFirstName: 'Zoë',
      childLastName: 'Van den Broeck',
      birthDate: '2026-05-04',
    });
    const b = await aFamilyRequest(db, {
      ...base(),
      childFirstName: 'zoe',
      childLastName: 'VANDENBROECK',
      birthDate: null,
      expectedBirthDate: '2026-05-04',
      status: options.secondStatus ?? 'active',
      parentEmail: null,
    });
    await db.update(schema.parents).set({ phone: '0470 12 34 56' }).where(eq(schema.parents.id, a.parent.id));
    await db
      .update(schema.parents)
      .set({ phone: '+32 470/12.34.56' })
      .where(eq(schema.parents.id, b.parent.id));
    return { a, b };
  }

  const pairUrl = (x: string, y: string) => `/desk/duplicates/${x}/${y}`;

  it('finds a pair by child name and date with a shared phone, and says why', async () => {
    const { a, b } = await twoFilesByName();
    // Not a pair: the same name and date but no shared contact.
    await aFamilyRequest(t.deps.db, {
      ...base(),
      childFirstName: 'Zoe',
      childLastName: 'Van den Broeck',
      birthDate: '2026-05-04',
    });
    expect(await countPossibleDuplicates(t.deps.db, s.municipality.id)).toBe(1);
    const res = await desk.get('/desk/duplicates');
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/data-qa="duplicate-pair"/g)?.length).toBe(1);
    expect(res.body).toContain(a.family.fileNumber);
    expect(res.body).toContain(b.family.fileNumber);
    expect(res.body).toContain('Zelfde naam en (verwachte) geboortedatum van een kind');
  });

  it('finds a pair by a shared e-mail address written in another case', async () => {
    const db = t.deps.db;
    const a = await aFamilyRequest(db, {
      ...base(),
      childFirstName: 'Lou',
      childLastName: 'Maes',
      parentEmail: 'Mama.Maes@Test.example',
    });
    const b = await aFamilyRequest(db, {
      ...base(),
      childFirstName: 'Lou',
      childLastName: 'Maes',
      parentEmail: ' mama.maes@test.example',
    });
    expect(a.child.birthDate).toBe(b.child.birthDate);
    expect(await countPossibleDuplicates(db, s.municipality.id)).toBe(1);
  });

  it('finds a pair by the same national number of a parent, and not across municipalities', async () => {
    const db = t.deps.db;
    const hash = t.deps.vault.protect('85073003328' as NationalNumber);
    const a = await aFamilyRequest(db, base());
    const b = await aFamilyRequest(db, base());
    for (const id of [a.parent.id, b.parent.id])
      await db
        .update(schema.parents)
        .set({ nationalNumberHash: hash.hash, nationalNumberCipher: hash.cipher })
        .where(eq(schema.parents.id, id));
    const other = await aMunicipality(db, { regionId: s.region.id });
    const c = await aFamilyRequest(db, { municipalityId: other.id, locations: [] });
    await db
      .update(schema.parents)
      .set({ nationalNumberHash: hash.hash })
      .where(eq(schema.parents.id, c.parent.id));
    expect(await countPossibleDuplicates(db, s.municipality.id)).toBe(1);
    expect(await countPossibleDuplicates(db, other.id)).toBe(0);
    const res = await desk.get('/desk/duplicates');
    expect(res.body).toContain('Zelfde rijksregisternummer van een ouder');
  });

  it('leaves a dismissed pair off the list, whichever order the URL names it', async () => {
    const { a, b } = await twoFilesByName();
    const [first, second] = [a.family.id, b.family.id].sort().reverse() as [string, string];
    await desk.get(pairUrl(first, second));
    const res = await desk.post(`${pairUrl(first, second)}/dismiss`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/desk/duplicates?dismissed=1');
    const list = await desk.get('/desk/duplicates?dismissed=1');
    expect(list.body).toContain('data-qa="dismissed-notice"');
    expect(list.body).toContain('data-qa="no-duplicates"');
    expect(await countPossibleDuplicates(t.deps.db, s.municipality.id)).toBe(0);
    // Dismissing again changes nothing.
    await desk.get(pairUrl(first, second));
    expect((await desk.post(`${pairUrl(second, first)}/dismiss`, {})).statusCode).toBe(303);
    expect(await t.deps.db.select().from(schema.duplicateDismissals)).toHaveLength(1);
  });

  it('shows both files side by side', async () => {
    const { a, b } = await twoFilesByName();
    const res = await desk.get(pairUrl(a.family.id, b.family.id));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-qa="file-a"');
    expect(res.body).toContain('data-qa="file-b"');
    expect(res.body).toContain('Zoë Van den Broeck');
    expect(res.body).toContain('+32 470/12.34.56');
    // Both open requests of the one child: the merge asks which one stays.
    expect(res.body).toMatch(/name="keepRequest-[0-9a-f-]+"/);
    const audit = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'desk.duplicates.read'));
    expect(audit.map((r) => r.familyId).sort()).toEqual(
      expect.arrayContaining([a.family.id, b.family.id].sort()),
    );
  });

  it('merges everything onto the kept file, asks which open request stays, and loses nothing', async () => {
    const db = t.deps.db;
    const { a, b } = await twoFilesByName();
    // More on the merged file: a second child with a request, an offer, a note, a task, a draft.
    const sibling = await db
      .insert(schema.children)
      .values({
        familyId: b.family.id,
        firstName: 'Broer',
        lastName: 'Vandenbroeck',
        birthDate: '2025-01-01',
      })
      .returning();
    const siblingRequest = await db
      .insert(schema.requests)
      .values({
        childId: sibling[0]?.id as string,
        familyId: b.family.id,
        municipalityId: s.municipality.id,
        desiredStart: '2027-01-01',
        carePlan: b.request.carePlan,
        status: 'withdrawn',
        submittedAt: new Date(),
        lastConfirmedAt: new Date(),
        statusChangedAt: new Date(),
      })
      .returning();
    const pref = b.preferences[0];
    if (!pref) throw new Error('no preference');
    await db
      .update(schema.preferences)
      .set({ status: 'offer_made' })
      .where(eq(schema.preferences.id, pref.id));
    await db.insert(schema.offers).values({
      preferenceId: pref.id,
      startDate: '2027-03-01',
      carePlan: b.request.carePlan,
      answerDeadline: '2026-12-10',
      createdAt: new Date(),
    });
    await db
      .insert(schema.deskNotes)
      .values({ familyId: b.family.id, kind: 'note', body: 'Belde', createdAt: new Date() });
    await db.insert(schema.followUpTasks).values({
      familyId: b.family.id,
      municipalityId: s.municipality.id,
      requestId: b.request.id,
      kind: 'offer.made',
      createdAt: new Date(),
    });
    await db.insert(schema.requestDrafts).values({
      userId: deskUser.id,
      familyId: b.family.id,
      step: 'child',
      updatedAt: new Date(),
    });
    await db.insert(schema.requestForwards).values({
      requestId: b.request.id,
      providerLocationId: s.third.id,
      forwardedAt: new Date(),
    });
    expect(siblingRequest).toHaveLength(1);
    const before = sum(await rowsOf(db, a.family.id), await rowsOf(db, b.family.id));

    const url = pairUrl(a.family.id, b.family.id);
    const page = await desk.get(url);
    const field = /name="(keepRequest-[0-9a-f-]+)"/.exec(page.body)?.[1] as string;

    // Without the choice: the same page with a message, nothing changed.
    const missing = await desk.post(`${url}/merge`, { keep: a.family.id });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Kies een van de mogelijkheden.');
    expect(await db.select().from(schema.familyMerges)).toHaveLength(0);

    // Keep file A, and the request of file B (it has the offer).
    const res = await desk.post(`${url}/merge`, { keep: a.family.id, [field]: b.request.id });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/desk/families/${a.family.id}?merged=1`);

    const after = await rowsOf(db, a.family.id);
    // One child fewer: Zoë is one child now; every other row is on the kept file.
    expect(after).toEqual({ ...before, children: (before.children ?? 0) - 1 });
    expect(await rowsOf(db, b.family.id)).toEqual(Object.fromEntries(Object.keys(after).map((k) => [k, 0])));

    const [merged] = await db.select().from(schema.families).where(eq(schema.families.id, b.family.id));
    expect(merged?.mergedIntoFamilyId).toBe(a.family.id);
    const requests = await db.select().from(schema.requests).where(eq(schema.requests.familyId, a.family.id));
    const open = requests.filter((r) => r.status === 'active');
    expect(open.map((r) => r.id)).toEqual([b.request.id]);
    expect(open[0]?.childId).toBe(a.child.id);
    const [closed] = requests.filter((r) => r.id === a.request.id);
    expect(closed?.status).toBe('withdrawn');
    const closingEvents = await db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.requestId, a.request.id));
    expect(closingEvents.find((e) => e.eventType === 'request.withdrawn')?.details).toEqual({
      reason: 'family_merge',
      keptRequestId: b.request.id,
    });
    // The merge is recorded with what moved, and each moved request says so in its history.
    const [merge] = await db.select().from(schema.familyMerges);
    expect(merge?.keptFamilyId).toBe(a.family.id);
    expect(merge?.details).toMatchObject({
      moved: { requests: 2, deskNotes: 1, followUpTasks: 1, requestDrafts: 1, children: 1, offers: 1 },
    });
    const mergeEvents = await db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.eventType, 'request.family_merged'));
    expect(mergeEvents.map((e) => e.requestId).sort()).toEqual(
      [b.request.id, siblingRequest[0]?.id as string].sort(),
    );
    // The parent's phone was the same person? No: different e-mail (none) → both parents on file A.
    expect(
      await db.select().from(schema.parents).where(eq(schema.parents.familyId, a.family.id)),
    ).toHaveLength(2);
    // The kept file's page shows what moved: the merge itself, the merged file's note and task,
    // and the merge in each moved request's history.
    const file = await desk.get(`/desk/families/${a.family.id}`);
    expect(file.statusCode).toBe(200);
    const merges = /<ol[^>]*data-qa="merges"[^>]*>([\s\S]*?)<\/ol>/.exec(file.body)?.[1] ?? '';
    expect(merges).toContain(
      `Dossier ${b.family.fileNumber} samengevoegd met dossier ${a.family.fileNumber}`,
    );
    expect(merges).toContain('2 aanvragen');
    expect(merges).toContain('1 notitie,');
    expect(merges).toContain('1 opvolgtaak');
    expect(merges).toContain('1 voorstel');
    expect(merges).toContain('1 dubbele aanvraag ingetrokken');
    expect(file.body).toContain('Belde');
    expect(file.body).toContain('data-qa="file-tasks"');
    expect(file.body.split('Samengevoegd met een dubbel dossier')).toHaveLength(3);
    // History readers include the merged file; the list no longer shows the pair.
    expect((await familyIdsOfFile(db, a.family.id)).sort()).toEqual([a.family.id, b.family.id].sort());
    expect((await desk.get('/desk/duplicates')).body).toContain('data-qa="no-duplicates"');
    expect((await desk.get(url)).statusCode).toBe(404);
    const audit = await db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'desk.duplicates.merge'));
    expect(audit.map((r) => r.familyId).sort()).toEqual([a.family.id, b.family.id].sort());
  });

  it('keeps one parent when the same person is on both files, with the account on the kept file', async () => {
    const db = t.deps.db;
    const parentUser = await aUser(db, { role: 'parent' });
    const a = await aFamilyRequest(db, {
      ...base(),
      childFirstName: 'Noor',
      childLastName: 'Peeters',
      parentEmail: 'noor.mama@test.example',
    });
    const b = await aFamilyRequest(db, {
      ...base(),
      childFirstName: 'Noor',
      childLastName: 'Peeters',
      parentEmail: 'Noor.Mama@test.example',
      status: 'withdrawn',
    });
    await db.update(schema.parents).set({ userId: parentUser.id }).where(eq(schema.parents.id, b.parent.id));
    await desk.get(pairUrl(a.family.id, b.family.id));
    const res = await desk.post(`${pairUrl(a.family.id, b.family.id)}/merge`, { keep: a.family.id });
    expect(res.statusCode).toBe(303);
    const parents = await db.select().from(schema.parents).where(eq(schema.parents.familyId, a.family.id));
    expect(parents).toHaveLength(1);
    expect(parents[0]?.userId).toBe(parentUser.id);
    const requests = await db.select().from(schema.requests).where(eq(schema.requests.familyId, a.family.id));
    expect(requests).toHaveLength(2);
  });

  it('joins the same parent (same e-mail, no account) and keeps the phone the kept file lacked', async () => {
    const db = t.deps.db;
    const a = await aFamilyRequest(db, {
      ...base(),
      childFirstName: 'Mats',
      childLastName: 'Claes',
      parentEmail: 'claes@test.example',
    });
    const b = await aFamilyRequest(db, {
      ...base(),
      childFirstName: 'Mats',
      childLastName: 'Claes',
      parentEmail: 'CLAES@test.example',
      status: 'withdrawn',
    });
    await db.update(schema.parents).set({ phone: '016 12 34 56' }).where(eq(schema.parents.id, b.parent.id));
    await desk.get(pairUrl(a.family.id, b.family.id));
    const res = await desk.post(`${pairUrl(a.family.id, b.family.id)}/merge`, { keep: a.family.id });
    expect(res.statusCode).toBe(303);
    const parents = await db.select().from(schema.parents).where(eq(schema.parents.familyId, a.family.id));
    expect(parents.map((p) => [p.email, p.phone])).toEqual([['claes@test.example', '016 12 34 56']]);
  });

  it('ends two simultaneous merges of the same pair with one merge', async () => {
    const db = t.deps.db;
    const { a, b } = await twoFilesByName({ secondStatus: 'withdrawn' });
    const colleagueUser = await aUser(db, { role: 'desk', municipalityId: s.municipality.id });
    const colleague = new TestClient(t.app);
    await colleague.login(colleagueUser.email, TEST_PASSWORD);
    const url = pairUrl(a.family.id, b.family.id);
    await desk.get(url);
    await colleague.get(url);
    const results = await Promise.all([
      desk.post(`${url}/merge`, { keep: a.family.id }),
      colleague.post(`${url}/merge`, { keep: b.family.id }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([303, 409]);
    expect(await db.select().from(schema.familyMerges)).toHaveLength(1);
    const lost = results.find((r) => r.statusCode === 409);
    expect(lost?.body).toContain('Deze dossiers zijn al samengevoegd');
    const won = results.find((r) => r.statusCode === 303);
    const [merge] = await db.select().from(schema.familyMerges);
    expect(won?.headers.location).toBe(`/desk/families/${merge?.keptFamilyId}?merged=1`);
    // The second officer learns where everything went, and gets there in one click.
    const [kept, gone] = merge?.keptFamilyId === a.family.id ? [a, b] : [b, a];
    expect(lost?.body).toContain(
      `Dossier ${gone.family.fileNumber} werd intussen samengevoegd met dossier ${kept.family.fileNumber}`,
    );
    expect(lost?.body).toContain(`<a class="utrecht-link" href="/desk/families/${kept.family.id}">`);
    // Sent again later (a second tab, the back button): the same answer, still one merge.
    const again = await desk.post(`${url}/merge`, { keep: gone.family.id });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(`href="/desk/families/${kept.family.id}"`);
    expect(await db.select().from(schema.familyMerges)).toHaveLength(1);
  });

  it('answers 404 to the desk of another municipality on every route, and changes nothing', async () => {
    const { a, b } = await twoFilesByName();
    const other = await aMunicipality(t.deps.db, { regionId: s.region.id });
    const strangerUser = await aUser(t.deps.db, { role: 'desk', municipalityId: other.id });
    const stranger = new TestClient(t.app);
    await stranger.login(strangerUser.email, TEST_PASSWORD);
    const list = await stranger.get('/desk/duplicates');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(a.family.fileNumber);
    const url = pairUrl(a.family.id, b.family.id);
    expect((await stranger.get(url)).statusCode).toBe(404);
    expect((await stranger.post(`${url}/merge`, { keep: a.family.id })).statusCode).toBe(404);
    expect((await stranger.post(`${url}/dismiss`, {})).statusCode).toBe(404);
    expect(await t.deps.db.select().from(schema.familyMerges)).toHaveLength(0);
    expect(await t.deps.db.select().from(schema.duplicateDismissals)).toHaveLength(0);
  });

  it('answers bad ids with 404 or 400, never 500', async () => {
    const { a, b } = await twoFilesByName();
    await desk.get('/desk/duplicates');
    for (const url of [
      pairUrl('nope', a.family.id),
      pairUrl(a.family.id, a.family.id),
      pairUrl(a.family.id, randomUUID()),
      pairUrl(a.family.id.toUpperCase(), `${b.family.id}x`),
    ]) {
      expect((await desk.get(url)).statusCode).toBe(404);
      expect((await desk.post(`${url}/merge`, { keep: a.family.id })).statusCode).toBe(404);
      expect((await desk.post(`${url}/dismiss`, {})).statusCode).toBe(404);
    }
    const url = pairUrl(a.family.id, b.family.id);
    const wrongKeep = await desk.post(`${url}/merge`, { keep: randomUUID() });
    expect(wrongKeep.statusCode).toBe(400);
    const arrayKeep = await desk.post(`${url}/merge`, { keep: [a.family.id, b.family.id] });
    expect(arrayKeep.statusCode).toBe(400);
    expect(await t.deps.db.select().from(schema.familyMerges)).toHaveLength(0);
  });
});
