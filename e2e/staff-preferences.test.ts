import { and, asc, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { expectAccessible, launchBrowser, type RunningApp, startApp, Tab } from './browser.ts';

/**
 * Staff change a family's preferences with the parent's own editor (the route is shared by the
 * desk and intermediaries): add a location, move it up, take one off, save. Every page is checked
 * with axe and at 390 px; the desk's run is without JavaScript. The change shows on the staff's
 * page of the family, and the history records who acted (the desk or the intermediary) for which
 * family.
 */

const SHOTS = process.env.SCREENSHOT_DIR;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('staff changing a family’s preferences in a browser', () => {
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let tab: Tab | undefined;

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
  }, 60_000);
  afterEach(async () => {
    await tab?.close();
    tab = undefined;
    await t?.close();
  });

  async function shoot(name: string) {
    if (!SHOTS || !tab) return;
    for (const width of [390, 1366]) {
      await tab.page.setViewportSize({ width, height: 900 });
      await tab.page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
  }

  /** Adds "Onthaalouder Derde", moves it above the second choice, takes the second off, saves. */
  async function editPreferences(tab: Tab, editor: string, back: string) {
    const { page } = tab;
    await page.locator('#field-name').fill('derde');
    await tab.follow(tab.qa('search-locations'), editor);
    await tab.follow(tab.qa('add-location'), editor);
    expect(await tab.qa('chosen-preference').locator('strong').allInnerTexts()).toEqual([
      'KDV De Eerste Stap',
      'KDV Het Tweede Nest',
      'Onthaalouder Derde',
    ]);
    await tab.follow(page.getByRole('button', { name: /^Hoger\s*: Onthaalouder Derde$/ }), editor);
    await tab.follow(page.getByRole('button', { name: /^Verwijderen\s*: KDV Het Tweede Nest$/ }), editor);
    expect(await tab.qa('unsaved').count()).toBe(1);
    await shoot(`${editor.split('/')[1]}-preferences`);
    await tab.follow(tab.qa('save-preferences'), back);
  }

  /** The events of the change, each naming its actor, on the family's request. */
  async function changeEvents(requestId: string) {
    const events = await t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.requestId, requestId))
      .orderBy(asc(schema.statusEvents.id));
    return events
      .filter((e) => e.eventType.startsWith('preference.'))
      .map((e) => `${e.eventType} ${e.actorRole} ${e.actorUserId}`);
  }

  it('a desk officer adds, reorders and removes preferences without JavaScript', {
    timeout: 180_000,
  }, async () => {
    const desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const { family, request } = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id, s.second.id],
    });
    const file = `/desk/families/${family.id}`;
    const editor = `/desk/requests/${request.id}/preferences`;

    tab = await Tab.open(browser, t, { javaScriptEnabled: false });
    await tab.logIn(desk.email, TEST_PASSWORD);
    await tab.page.goto(tab.url(file));
    await tab.follow(tab.page.getByRole('link', { name: 'Voorkeuren wijzigen' }), editor);
    await editPreferences(tab, editor, file);

    // The file says what happened and shows the new list: the removed choice stays, withdrawn.
    expect(await tab.qa('notice').innerText()).toBe('De voorkeuren van de aanvraag zijn gewijzigd.');
    const rows = tab.qa('desk-request').locator('[data-qa="preference-row"]');
    const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).slice(0, 3);
    expect(await rows.count()).toBe(3);
    expect(await cells(0)).toEqual(['1', 'KDV De Eerste Stap', 'Nieuw – nog niet bekeken']);
    expect(await cells(1)).toEqual(['2', 'Onthaalouder Derde', 'Nieuw – nog niet bekeken']);
    expect((await cells(2)).slice(1)).toEqual(['KDV Het Tweede Nest', 'Ingetrokken']);
    const history = await tab.qa('desk-request').locator('[data-qa="timeline"] li').allInnerTexts();
    // The save writes both events at the same moment; their order on the page is not the point.
    expect(history.map((line) => line.split(' — ')[1]).sort()).toEqual([
      'Aanvraag ingediend, door het gezin',
      'Ingetrokken (KDV Het Tweede Nest), door het loket',
      'Voorkeur toegevoegd (Onthaalouder Derde), door het loket',
    ]);
    await shoot('desk-file-after-preferences');

    // Recorded as done by this desk officer, acting for this family.
    const events = await changeEvents(request.id);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.endsWith(`desk ${desk.id}`))).toBe(true);
    const audit = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'desk.request.act'), eq(schema.auditLog.actorUserId, desk.id)));
    expect(audit.some((a) => a.familyId === family.id && a.actorRole === 'desk')).toBe(true);
    const preferences = await t.deps.db
      .select()
      .from(schema.preferences)
      .where(eq(schema.preferences.requestId, request.id));
    expect(preferences.filter((p) => p.status === 'new').map((p) => [p.providerLocationId, p.rank])).toEqual(
      expect.arrayContaining([
        [s.first.id, 1],
        [s.third.id, 2],
      ]),
    );
  });

  it('an intermediary changes the preferences of a family it follows, with JavaScript', {
    timeout: 180_000,
  }, async () => {
    const [org] = await t.deps.db
      .insert(schema.intermediaryOrganisations)
      .values({ municipalityId: s.municipality.id, name: 'OCMW Teststad', kind: 'ocmw' })
      .returning();
    const staff = await aUser(t.deps.db, { role: 'intermediary', intermediaryOrganisationId: org?.id });
    const { family, request } = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id, s.second.id],
      family: { intermediaryOrganisationId: org?.id ?? null },
    });
    const base = `/intermediary/families/${family.id}`;
    const editor = `${base}/requests/${request.id}/preferences`;

    tab = await Tab.open(browser, t, { javaScriptEnabled: true });
    await tab.logIn(staff.email, TEST_PASSWORD);
    await tab.page.goto(tab.url(editor));
    expect(tab.lastDocument?.status()).toBe(200);
    await editPreferences(tab, editor, base);
    // The intermediary's page of the request shows the new list.
    await tab.page.goto(tab.url(`${base}/requests/${request.id}`));
    expect(tab.lastDocument?.status()).toBe(200);
    await expectAccessible(tab.page, 'intermediary request page after the change');
    const rows = tab.qa('preference-row');
    const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).slice(0, 3);
    expect(await rows.count()).toBe(3);
    expect(await cells(0)).toEqual(['1', 'KDV De Eerste Stap', 'Nieuw – nog niet bekeken']);
    expect(await cells(1)).toEqual(['2', 'Onthaalouder Derde', 'Nieuw – nog niet bekeken']);
    expect((await cells(2)).slice(1)).toEqual(['KDV Het Tweede Nest', 'Ingetrokken']);

    const events = await changeEvents(request.id);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.endsWith(`intermediary ${staff.id}`))).toBe(true);
    const preferences = await t.deps.db
      .select()
      .from(schema.preferences)
      .where(eq(schema.preferences.requestId, request.id));
    const byLocation = (id: string) => preferences.find((p) => p.providerLocationId === id);
    expect([byLocation(s.first.id), byLocation(s.third.id)].map((p) => `${p?.rank} ${p?.status}`)).toEqual([
      '1 new',
      '2 new',
    ]);
    expect(byLocation(s.second.id)?.status).toBe('withdrawn');
  });
});
