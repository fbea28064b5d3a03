import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestJobs } from '../src/modules/requests/index.ts';
import { schema } from '../src/platform/db/index.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { expectAccessible, launchBrowser, type RunningApp, startApp, Tab } from './browser.ts';

/**
 * Staff act for a family in a real browser (without JavaScript; axe and 390 px on every page): a
 * desk officer confirms a phoned request of a family without e-mail months later, when the clock
 * moved on; an intermediary confirms and changes the request of a family it follows.
 */

const SHOTS = process.env.SCREENSHOT_DIR;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('staff acting for a family in a browser', () => {
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let tab: Tab;

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
  }, 60_000);
  afterEach(async () => {
    await tab?.close();
    await t?.close();
  });

  async function shoot(name: string) {
    if (!SHOTS) return;
    for (const width of [390, 1366]) {
      await tab.page.setViewportSize({ width, height: 900 });
      await tab.page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
  }
  const status = async (id: string) =>
    (await t.deps.db.select().from(schema.requests).where(eq(schema.requests.id, id)))[0];

  it('a desk officer confirms a phoned request of a family without e-mail months later', async () => {
    const desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const { request } = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      parentEmail: null,
    });
    await t.deps.db
      .update(schema.requests)
      .set({ channel: 'desk' })
      .where(eq(schema.requests.id, request.id));
    const job = requestJobs(t.deps).find((j) => j.name === 'requests-confirmation');
    for (const day of ['2027-01-20', '2027-04-01', '2027-06-01']) {
      t.clock.set(`${day}T06:00:00Z`);
      await job?.handler();
    }
    expect((await status(request.id))?.status).toBe('active');

    tab = await Tab.open(browser, t, { javaScriptEnabled: false });
    await tab.logIn(desk.email, TEST_PASSWORD);
    await tab.page.goto(tab.url(`/desk/requests/${request.id}/confirm`));
    await expectAccessible(tab.page, 'desk confirm');
    await shoot('desk-confirm');
    await Promise.all([tab.page.waitForEvent('load'), tab.qa('confirm-request-confirm').click()]);
    expect(tab.path()).toMatch(/^\/desk\/families\//);
    const after = await status(request.id);
    expect(after?.lastConfirmedAt.toISOString()).toBe('2027-06-01T06:00:00.000Z');
    const tasks = await t.deps.db
      .select()
      .from(schema.followUpTasks)
      .where(eq(schema.followUpTasks.requestId, request.id));
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => task.doneAt !== null)).toBe(true);
    await tab.page.goto(tab.url(`/desk/requests/${request.id}/change`));
    await expectAccessible(tab.page, 'desk change');
    await shoot('desk-change');
  }, 180_000);

  it('an intermediary confirms and changes the request of a family it follows', async () => {
    const [org] = await t.deps.db
      .insert(schema.intermediaryOrganisations)
      .values({ municipalityId: s.municipality.id, name: 'OCMW Teststad', kind: 'ocmw' })
      .returning();
    const staff = await aUser(t.deps.db, { role: 'intermediary', intermediaryOrganisationId: org?.id });
    const { family, request } = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id, s.second.id],
      parentEmail: null,
      family: { intermediaryOrganisationId: org?.id },
    });
    tab = await Tab.open(browser, t, { javaScriptEnabled: false });
    await tab.logIn(staff.email, TEST_PASSWORD);
    await tab.page.goto(tab.url(`/intermediary/families/${family.id}`));
    await tab.follow(tab.qa('act-confirm'), /\/confirm$/);
    await shoot('intermediary-confirm');
    await tab.follow(tab.qa('confirm-request-confirm'), `/intermediary/families/${family.id}`);
    expect(await tab.page.content()).toContain('De aanvraag is bevestigd.');
    await tab.follow(tab.qa('act-change'), /\/change$/);
    await shoot('intermediary-change');
    await tab.page.fill('#field-desiredStart', '2027-05-03');
    await tab.follow(tab.qa('save-dates'), `/intermediary/families/${family.id}`);
    expect(await tab.page.content()).toContain('De data van de aanvraag zijn gewijzigd.');
    const after = await status(request.id);
    expect(after?.desiredStart).toBe('2027-05-03');
    const events = await t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.requestId, request.id));
    expect(events.filter((e) => e.actorRole === 'intermediary').map((e) => e.eventType)).toEqual(
      expect.arrayContaining(['request.confirmed', 'request.dates_changed']),
    );
    await tab.follow(tab.qa('act-birth').or(tab.qa('act-withdraw')).last(), /\/withdraw$/);
    await shoot('intermediary-withdraw');
  }, 180_000);
});
