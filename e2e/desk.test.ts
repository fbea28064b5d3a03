import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { localDate } from '../src/shared/dates.ts';
import { formatNationalNumber, makeNationalNumber } from '../src/shared/national-number.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible, type Tab } from './browser.ts';

/**
 * The desk officer in a real browser: logs in and lands on Today, finds a family by a partial
 * name typed without accents and by a national number, opens the file and shows the number with
 * a reason. Once with JavaScript, once without. Every page is checked with axe and at 390 px.
 */

const SHOTS = '/tmp/desk-shots';
const CHILD_NUMBER = makeNationalNumber(localDate('2026-05-04'), 211);

describe('a desk officer in a browser', () => {
  const run = browserTests(
    SHOTS,
    async (t) => {
      const s = await aScenario(t.deps.db);
      const desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
      const base = { municipalityId: s.municipality.id, locations: [s.first.id, s.second.id, s.third.id] };
      const emilie = await aFamilyRequest(t.deps.db, {
        ...base,
        childFirstName: 'Émilie',
        childLastName: 'Dubois-Lefèvre',
        birthDate: '2026-05-04',
        desiredStart: '2026-12-10',
        submittedAt: '2026-11-20T10:00:00Z',
        parentEmail: 'mama.dubois@example.be',
      });
      const vaulted = t.deps.vault.protect(CHILD_NUMBER);
      await t.deps.db
        .update(schema.children)
        .set({ nationalNumberCipher: vaulted.cipher, nationalNumberHash: vaulted.hash })
        .where(eq(schema.children.id, emilie.child.id));
      // More work of the day: a social emergency, an overdue first answer, an unborn child past
      // its date, a request to confirm, and a phone task.
      await aFamilyRequest(t.deps.db, {
        ...base,
        childFirstName: 'Noor',
        childLastName: 'Van den Broeck-Vercammen',
        desiredStart: '2027-05-01',
        socialReason: 'child_protection',
        submittedAt: '2026-11-18T10:00:00Z',
      });
      const late = await aFamilyRequest(t.deps.db, {
        ...base,
        childFirstName: 'Lucas',
        childLastName: 'Peeters',
        desiredStart: '2027-06-01',
        submittedAt: '2026-10-15T10:00:00Z',
      });
      await aFamilyRequest(t.deps.db, {
        ...base,
        childFirstName: 'Baby',
        childLastName: 'Janssens',
        birthDate: null,
        expectedBirthDate: '2026-11-10',
        desiredStart: '2027-04-01',
        submittedAt: '2026-11-01T10:00:00Z',
      });
      await aFamilyRequest(t.deps.db, {
        ...base,
        childFirstName: 'Mila',
        childLastName: 'Claes',
        desiredStart: '2027-08-01',
        submittedAt: '2026-08-30T10:00:00Z',
      });
      await t.deps.db.insert(schema.followUpTasks).values({
        municipalityId: s.municipality.id,
        familyId: late.family.id,
        requestId: late.request.id,
        kind: 'offer.made',
        createdAt: t.clock.now(),
      });
      return { deskEmail: desk.email, familyId: emilie.family.id, childId: emilie.child.id };
    },
    120_000,
  );
  let tab: Tab;
  let page: Page;

  async function open(javaScriptEnabled: boolean) {
    tab = await run.open(javaScriptEnabled);
    page = tab.page;
  }

  function shoot(name: string) {
    return run.shoot(tab, name);
  }

  async function landOnToday() {
    await tab.logIn(run.seed.deskEmail, TEST_PASSWORD);
    expect(tab.path()).toBe('/desk');
    await expectAccessible(page, '/desk');
    for (const section of ['emergency', 'social', 'overdue', 'unborn', 'expiring', 'tasks']) {
      expect(await tab.qa(`row-${section}`).count(), section).toBeGreaterThanOrEqual(1);
    }
    expect(await tab.qa('section-emergency').textContent()).toContain('Émilie Dubois-Lefèvre');
  }

  async function findByName() {
    await tab.follow(tab.qa('desk-nav-search'), '/desk/search');
    await page.fill('#field-name', 'emilie lefevre');
    await tab.follow(tab.qa('search'), '/desk/search');
    expect(await tab.qa('result-row').count()).toBe(1);
    expect(await tab.qa('search-results').textContent()).toContain('Émilie Dubois-Lefèvre');
  }

  async function findByNationalNumber() {
    await page.fill('#field-nationalNumber', formatNationalNumber(CHILD_NUMBER));
    await tab.follow(tab.qa('nn-search'), '/desk/search');
    expect(page.url()).not.toContain(CHILD_NUMBER.slice(6));
    expect(await tab.qa('result-row').count()).toBe(1);
    expect(await page.inputValue('#field-nationalNumber')).toBe('');
  }

  it('lands on Today, finds a family by name and by national number, opens the file (JavaScript on)', async () => {
    const {
      app: t,
      seed: { familyId, childId },
    } = run;
    await open(true);
    await landOnToday();
    await shoot('today');
    await findByName();
    await shoot('search');
    await findByNationalNumber();
    await tab.follow(tab.qa('result-link').first(), `/desk/families/${familyId}`);
    expect(await tab.qa('file-title').textContent()).toContain('KO-');
    expect(await tab.qa('masked-number').first().textContent()).toBe('26.05.04-***.**');
    await shoot('file');
    await page.selectOption('#field-person', `child:${childId}`);
    await page.selectOption('#field-reason', 'identify');
    await tab.follow(tab.qa('reveal'), `/desk/families/${familyId}/national-number`);
    expect(await tab.qa('revealed').textContent()).toContain(formatNationalNumber(CHILD_NUMBER));
    const [audit] = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'desk.nationalNumber.reveal'));
    expect(audit?.details).toMatchObject({ reason: 'identify' });
  }, 180_000);

  it('does the same without JavaScript, and adds a note to the file', async () => {
    const { familyId } = run.seed;
    await open(false);
    await landOnToday();
    await findByName();
    await findByNationalNumber();
    await tab.follow(tab.qa('result-link').first(), `/desk/families/${familyId}`);
    await page.fill('#field-body', 'Moeder belde: zoekt opvang vanaf december.');
    await tab.follow(tab.qa('add-note'), `/desk/families/${familyId}`);
    expect(await tab.qa('notice').textContent()).toContain('De notitie is toegevoegd.');
    expect(await tab.qa('notes').textContent()).toContain('Moeder belde');
    // The phone task of Today: done with one button.
    await tab.follow(tab.qa('desk-nav-today'), '/desk');
    await tab.follow(tab.qa('task-done').first(), '/desk');
    expect(await tab.qa('notice').textContent()).toContain('De taak is als gedaan gemarkeerd.');
  }, 180_000);
});
