import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible, expectNoSidewaysScroll, Tab } from './browser.ts';

/**
 * A desk officer finds two files of one family on the duplicates list, compares them and merges
 * them, without JavaScript, on a laptop and on a phone, then finds everything of both files on the
 * kept file's page: both requests with their history, the merge saying what moved, the merged
 * file's note and task. Two officers who merge the same pair at once (with JavaScript, one in
 * Dutch, one in French) end with one merge; the second one is told where the files went.
 * Screenshots go to /tmp/duplicates-shots/ for a person to look at.
 */
const SHOTS = '/tmp/duplicates-shots';

describe('merging duplicate family files in a browser', () => {
  const run = browserTests(
    SHOTS,
    async (t) => {
      const s = await aScenario(t.deps.db);
      const desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
      const base = { municipalityId: s.municipality.id, locations: [s.first.id, s.second.id] };
      const a = await aFamilyRequest(t.deps.db, {
        ...base,
        childFirstName: 'Amélie',
        childLastName: 'De Smet-Vandenberghe',
        birthDate: '2026-04-12',
        parentEmail: 'familie.desmet@test.example',
      });
      const b = await aFamilyRequest(t.deps.db, {
        ...base,
        childFirstName: 'Amelie',
        childLastName: 'de smet vandenberghe',
        birthDate: '2026-04-12',
        parentEmail: 'Familie.DeSmet@test.example',
      });
      // The second file's e-mail differs by one letter case only, then shares its phone too.
      await t.deps.db
        .update(schema.parents)
        .set({ phone: '0470 99 88 77' })
        .where(eq(schema.parents.id, a.parent.id));
      await t.deps.db
        .update(schema.parents)
        .set({ phone: '+32470998877' })
        .where(eq(schema.parents.id, b.parent.id));
      // The second file's own history: a confirmation, a desk note and an open phone task.
      await t.deps.db.insert(schema.statusEvents).values({
        requestId: b.request.id,
        eventType: 'request.confirmed',
        occurredAt: new Date('2026-11-20T09:00:00Z'),
        actorRole: 'parent',
      });
      await t.deps.db.insert(schema.deskNotes).values({
        familyId: b.family.id,
        kind: 'note',
        body: 'Mama belde: verhuist in januari naar Kessel-Lo.',
        createdAt: new Date('2026-11-21T10:00:00Z'),
      });
      await t.deps.db.insert(schema.followUpTasks).values({
        familyId: b.family.id,
        municipalityId: s.municipality.id,
        requestId: b.request.id,
        kind: 'request.confirmation_reminder',
        createdAt: new Date('2026-11-22T10:00:00Z'),
      });
      return { s, desk, files: { a, b } };
    },
    120_000,
  );

  /** A request section of the file page: its heading and the lines of its history. */
  async function requestSections(tab: Tab) {
    const sections = tab.qa('desk-request');
    const found: { heading: string; history: string[] }[] = [];
    for (let i = 0; i < (await sections.count()); i++) {
      const section = sections.nth(i);
      found.push({
        heading: (await section.locator('h3').innerText()).trim(),
        history: await section.locator('[data-qa="timeline"] li').allInnerTexts(),
      });
    }
    return found;
  }

  /**
   * What the desk officer sees on the kept file after keeping file A and file B's request: both
   * requests (A's withdrawn by the merge, B's open) with their own history, B's request saying it
   * came through the merge, the merge itself with what moved, and B's note and task.
   */
  async function expectEverythingOnKeptFile(tab: Tab) {
    const {
      app: t,
      seed: { desk, files },
    } = run;
    const { a, b } = files;
    expect(await tab.qa('notice').innerText()).toContain('Dit dossier werd samengevoegd.');
    const sections = await requestSections(tab);
    expect(sections.map((r) => r.heading).sort()).toEqual([
      'Amélie De Smet-Vandenberghe – Ingetrokken',
      'Amélie De Smet-Vandenberghe – Lopend',
    ]);
    const open = sections.find((r) => r.heading.endsWith('Lopend'));
    const closed = sections.find((r) => r.heading.endsWith('Ingetrokken'));
    const labels = (lines: string[] | undefined) => (lines ?? []).map((l) => l.split(' — ')[1]);
    expect(labels(open?.history)).toEqual([
      'Aanvraag ingediend, door het gezin',
      'Bevestigd: nog op zoek naar opvang, door het gezin',
      'Samengevoegd met een dubbel dossier, door het loket',
    ]);
    expect(labels(closed?.history)).toContain('Aanvraag ingediend, door het gezin');
    expect(labels(closed?.history)).toContain('Ingetrokken, door het loket');
    // The merge, in words: which file went into which, by whom, and what moved.
    const [officer] = await t.deps.db.select().from(schema.users).where(eq(schema.users.email, desk.email));
    const merges = await tab.qa('merge').allInnerTexts();
    expect(merges).toHaveLength(1);
    expect(merges[0]).toContain(
      `Dossier ${b.family.fileNumber} samengevoegd met dossier ${a.family.fileNumber} door ${officer?.displayName}.`,
    );
    for (const moved of [
      '1 aanvraag',
      '2 voorkeuren',
      '2 gebeurtenissen in de geschiedenis',
      '1 notitie,',
      '1 opvolgtaak',
      '1 kind samengevoegd met hetzelfde kind in het behouden dossier',
      '1 ouder samengevoegd met dezelfde ouder in het behouden dossier',
      '1 dubbele aanvraag ingetrokken',
    ])
      expect(merges[0]).toContain(moved);
    expect(await tab.qa('notes').innerText()).toContain('Mama belde: verhuist in januari naar Kessel-Lo.');
    expect(await tab.qa('file-tasks').innerText()).toContain('Vragen de aanvraag te bevestigen');
    // One child and one parent: the same people on both files were joined.
    expect(await tab.qa('children').locator('tbody tr').count()).toBe(1);
    expect(await tab.qa('parents').locator('tbody tr').count()).toBe(1);
  }

  for (const width of [1366, 390]) {
    it(`lets a desk officer compare and merge two files at ${width} px`, { timeout: 120_000 }, async () => {
      const {
        app: t,
        browser,
        seed: { desk, files },
      } = run;
      const tab = await Tab.open(browser, t, {
        javaScriptEnabled: false,
        viewport: { width, height: width === 390 ? 844 : 900 },
      });
      try {
        await tab.logIn(desk.email, TEST_PASSWORD);
        await tab.page.goto(tab.url('/desk/duplicates'));
        expect(tab.lastDocument?.status()).toBe(200);
        await expectAccessible(tab.page, `/desk/duplicates (${width} px)`);
        await expectNoSidewaysScroll(tab.page, '/desk/duplicates');
        await tab.page.screenshot({ path: `${SHOTS}/list-${width}.png`, fullPage: true });
        expect(await tab.qa('duplicate-pair').count()).toBe(1);

        const [first, second] = [files.a.family.id, files.b.family.id].sort() as [string, string];
        await tab.follow(tab.qa('duplicate-compare'), `/desk/duplicates/${first}/${second}`);
        await expectNoSidewaysScroll(tab.page, 'comparison');
        await tab.page.screenshot({ path: `${SHOTS}/compare-${width}.png`, fullPage: true });
        expect(await tab.page.locator('main').innerText()).toContain('Amélie De Smet-Vandenberghe');

        // Both files have an open request for Amélie: merging without choosing asks which stays.
        await tab.page.locator(`input[name="keep"][value="${files.a.family.id}"]`).check();
        await tab.follow(tab.qa('merge-submit'), `/desk/duplicates/${first}/${second}/merge`, 400);
        await tab.page.screenshot({ path: `${SHOTS}/compare-error-${width}.png`, fullPage: true });
        await tab.page.locator(`input[name="keep"][value="${files.a.family.id}"]`).check();
        await tab.page.locator(`input[type="radio"][value="${files.b.request.id}"]`).check();
        // The kept file's page: the address says which file was kept; axe checks it full.
        await tab.follow(tab.qa('merge-submit'), `/desk/families/${files.a.family.id}`);
        await tab.page.screenshot({ path: `${SHOTS}/kept-file-${width}.png`, fullPage: true });
        await expectEverythingOnKeptFile(tab);

        const [merged] = await t.deps.db
          .select()
          .from(schema.families)
          .where(eq(schema.families.id, files.b.family.id));
        expect(merged?.mergedIntoFamilyId).toBe(files.a.family.id);
        const requests = await t.deps.db
          .select()
          .from(schema.requests)
          .where(eq(schema.requests.familyId, files.a.family.id));
        expect(requests.map((r) => `${r.id}:${r.status}`).sort()).toEqual(
          [`${files.a.request.id}:withdrawn`, `${files.b.request.id}:active`].sort(),
        );
        expect(await t.deps.db.select().from(schema.familyMerges)).toHaveLength(1);

        await tab.page.goto(tab.url('/desk/duplicates'));
        expect(await tab.qa('no-duplicates').count()).toBe(1);
        await expectAccessible(tab.page, `/desk/duplicates after the merge (${width} px)`);
      } finally {
        await tab.close();
      }
    });
  }

  it('ends two officers merging the same pair at once with one merge', { timeout: 120_000 }, async () => {
    const {
      app: t,
      browser,
      seed: { s, desk, files },
    } = run;
    const colleague = await aUser(t.deps.db, {
      role: 'desk',
      municipalityId: s.municipality.id,
      language: 'fr',
    });
    const [first, second] = [files.a.family.id, files.b.family.id].sort() as [string, string];
    const compare = `/desk/duplicates/${first}/${second}`;
    // Each officer opens the comparison and chooses: one keeps file A, the other file B.
    const choices = [
      { email: desk.email, keep: files.a, keepRequest: files.b.request.id },
      { email: colleague.email, keep: files.b, keepRequest: files.a.request.id },
    ];
    const tabs = await Promise.all(choices.map(() => Tab.open(browser, t, { javaScriptEnabled: true })));
    try {
      for (const [i, tab] of tabs.entries()) {
        const choice = choices[i] as (typeof choices)[number];
        await tab.logIn(choice.email, TEST_PASSWORD);
        await tab.page.goto(tab.url(compare));
        expect(tab.lastDocument?.status()).toBe(200);
        await tab.page.locator(`input[name="keep"][value="${choice.keep.family.id}"]`).check();
        await tab.page.locator(`input[type="radio"][value="${choice.keepRequest}"]`).check();
      }
      // Both submit together.
      await Promise.all(
        tabs.map((tab) => Promise.all([tab.page.waitForEvent('load'), tab.qa('merge-submit').click()])),
      );

      const merges = await t.deps.db.select().from(schema.familyMerges);
      expect(merges).toHaveLength(1);
      const [merge] = merges;
      const kept = merge?.keptFamilyId === files.a.family.id ? files.a : files.b;
      const gone = kept === files.a ? files.b : files.a;
      expect(merge?.mergedFamilyId).toBe(gone.family.id);
      const mergeEvents = await t.deps.db
        .select()
        .from(schema.statusEvents)
        .where(eq(schema.statusEvents.eventType, 'request.family_merged'));
      expect(mergeEvents).toHaveLength(1);
      const [keptRow] = await t.deps.db
        .select()
        .from(schema.families)
        .where(eq(schema.families.id, kept.family.id));
      expect(keptRow?.mergedIntoFamilyId).toBeNull();

      // The winner is on the kept file; the other officer is told, in French, where the files went.
      const winner = tabs.find((tab) => tab.lastDocument?.status() === 200);
      const loser = tabs.find((tab) => tab.lastDocument?.status() === 409);
      if (!winner || !loser) throw new Error('expected one merge page and one "already merged" page');
      expect(winner.path()).toBe(`/desk/families/${kept.family.id}`);
      await expectAccessible(winner.page, 'kept file after the merge (winner)');
      expect(loser.path()).toBe(`${compare}/merge`);
      await expectAccessible(loser.page, '"already merged" page (loser)');
      await loser.page.screenshot({ path: `${SHOTS}/already-merged.png`, fullPage: true });
      const lang = choices[tabs.indexOf(loser)]?.email === colleague.email ? 'fr' : 'nl';
      const main = await loser.page.locator('main').innerText();
      if (lang === 'fr') {
        expect(await loser.page.locator('h1').innerText()).toBe('Ces dossiers ont déjà été fusionnés');
        expect(main).toContain(
          `Le dossier ${gone.family.fileNumber} a été fusionné entre-temps avec le dossier ${kept.family.fileNumber}`,
        );
        expect(main).toContain('Votre fusion n’a pas été effectuée');
      } else {
        expect(await loser.page.locator('h1').innerText()).toBe('Deze dossiers zijn al samengevoegd');
        expect(main).toContain(
          `Dossier ${gone.family.fileNumber} werd intussen samengevoegd met dossier ${kept.family.fileNumber}`,
        );
        expect(main).toContain('Uw samenvoeging is niet uitgevoerd');
      }
      // Its link leads to the kept file, with everything on it.
      const link = loser.page.locator(`main a[href="/desk/families/${kept.family.id}"]`);
      await loser.follow(link, `/desk/families/${kept.family.id}`);
      expect(await loser.qa('desk-request').count()).toBe(2);
      expect(await loser.qa('merge').count()).toBe(1);
    } finally {
      await Promise.all(tabs.map((tab) => tab.close()));
    }
  });
});
