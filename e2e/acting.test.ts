import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestJobs } from '../src/modules/requests/index.ts';
import { schema } from '../src/platform/db/index.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { expectAccessible, launchBrowser, type RunningApp, startApp, Tab } from './browser.ts';

/**
 * Staff act for a family in a real browser (axe and 390 px on every page): a desk officer files a
 * request for a family without e-mail through the parent's own wizard (without JavaScript), and
 * confirms a phoned request of such a family months later, when the clock moved on; an
 * intermediary files a request for a family it follows through the wizard (with JavaScript), and
 * confirms and changes the request of a family it follows (without JavaScript).
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
  /**
   * Files a request through the wizard from the family's page (`link`): a new child, the dates, two
   * days of care and one location found with the search; every page checked by `follow`.
   */
  async function fileThroughWizard(link: string, base: string) {
    const form = () => tab.qa('wizard-form');
    const at = (step: string) => new RegExp(`^${base}/${step}$`);
    await tab.follow(tab.qa(link), at('child'));
    expect(await tab.page.locator('h1').textContent()).toBe('Het kind');
    await shoot(`wizard-child-${link}`);
    // A family with a child free to choose is asked which child: here, another one.
    const another = form().locator('input[type="radio"][name="childId"][value="new"]');
    if ((await another.count()) > 0) await another.check();
    await form().locator('#field-childFirstName').fill('Yasmine');
    await form().locator('#field-childLastName').fill('Benali');
    await form().locator('input[name="childBorn"][value="yes"]').check();
    await form().locator('#field-birthDate').fill('2026-08-01');
    await tab.follow(tab.qa('wizard-next'), at('when'));
    // A date that is not a date: the same page, 400, the message in the officer's language.
    await form().locator('#field-desiredStart').fill('2027-02-30');
    await tab.follow(tab.qa('wizard-next'), at('when'), 400);
    expect(await tab.page.locator('.ko-error-summary').count()).toBe(1);
    await form().locator('#field-desiredStart').fill('2027-03-01');
    await tab.follow(tab.qa('wizard-next'), at('plan'));
    for (const day of ['mon', 'tue']) await form().locator(`#field-day_${day}`).selectOption('full');
    await tab.follow(tab.qa('wizard-next'), at('preferences'));
    await tab.follow(tab.qa('search-locations'), at('preferences'));
    await tab.follow(
      tab.qa('location-result').filter({ hasText: 'KDV De Eerste Stap' }).locator('[data-qa="add-location"]'),
      at('preferences'),
    );
    expect(await tab.qa('chosen-preference').count()).toBe(1);
    await tab.follow(tab.qa('wizard-next'), at('summary'));
    await shoot(`wizard-summary-${link}`);
    expect(await tab.qa('summary').textContent()).toContain('Yasmine Benali');
  }

  const status = async (id: string) =>
    (await t.deps.db.select().from(schema.requests).where(eq(schema.requests.id, id)))[0];

  it('a desk officer files a request for a family without e-mail through the wizard, without JavaScript', async () => {
    const desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const { family } = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [],
      parentEmail: null,
      status: 'withdrawn',
    });
    tab = await Tab.open(browser, t, { javaScriptEnabled: false });
    await tab.logIn(desk.email, TEST_PASSWORD);
    await tab.page.goto(tab.url(`/desk/families/${family.id}`));
    const base = `/desk/families/${family.id}/requests/new`;
    await fileThroughWizard('file-request', base);
    await tab.follow(tab.qa('submit-request'), `/desk/families/${family.id}`);
    expect(await tab.page.content()).toContain(
      'Het gezin heeft geen e-mailadres en krijgt dus geen e-mail: laat het telefonisch weten.',
    );
    const requests = await t.deps.db
      .select()
      .from(schema.requests)
      .where(eq(schema.requests.channel, 'desk'));
    expect(requests).toHaveLength(1);
    const events = await t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.requestId, requests[0]?.id as string));
    expect(events.every((e) => e.actorRole === 'desk' && e.actorUserId === desk.id)).toBe(true);
    expect(await t.deps.db.$count(schema.outbox)).toBe(0);
  }, 180_000);

  it('an intermediary files a request for a family it follows through the wizard, with JavaScript', async () => {
    const [org] = await t.deps.db
      .insert(schema.intermediaryOrganisations)
      .values({ municipalityId: s.municipality.id, name: 'OCMW Teststad', kind: 'ocmw' })
      .returning();
    const staff = await aUser(t.deps.db, { role: 'intermediary', intermediaryOrganisationId: org?.id });
    const { family } = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.second.id],
      family: { intermediaryOrganisationId: org?.id },
    });
    tab = await Tab.open(browser, t, { javaScriptEnabled: true });
    await tab.logIn(staff.email, TEST_PASSWORD);
    await tab.page.goto(tab.url(`/intermediary/families/${family.id}`));
    await fileThroughWizard('new-request', `/intermediary/families/${family.id}/requests/new`);
    await tab.follow(tab.qa('submit-request'), `/intermediary/families/${family.id}`);
    // This family has an e-mail address: the parents get the mail.
    expect(await tab.qa('notice').textContent()).toContain('De ouders krijgen er een e-mail over.');
    const [request] = await t.deps.db
      .select()
      .from(schema.requests)
      .where(eq(schema.requests.channel, 'intermediary'));
    expect(request?.createdByUserId).toBe(staff.id);
    expect((await t.deps.db.select().from(schema.outbox)).map((m) => m.template)).toEqual([
      'request.submitted',
    ]);
  }, 180_000);

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
