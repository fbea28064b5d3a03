import { describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { TestClient } from '../test/app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible, expectNoSidewaysScroll } from './browser.ts';

/**
 * The platform admin (region operator) in a real browser, without JavaScript: logs in and lands on
 * the admin home, finds in the audit log who opened a family's file by its file number, opens the
 * outbox and sends a failed mail again. Every page is checked with axe and at 390 px.
 */

const SHOTS = '/tmp/platform-admin-shots';

describe('a platform admin in a browser', () => {
  const run = browserTests(
    SHOTS,
    async (t) => {
      const s = await aScenario(t.deps.db);
      const admin = await aUser(t.deps.db, { role: 'platform_admin' });
      const desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
      const base = { municipalityId: s.municipality.id, locations: [s.first.id] };
      const file = await aFamilyRequest(t.deps.db, {
        ...base,
        childFirstName: 'Émilie',
        childLastName: 'Dubois',
      });
      await aFamilyRequest(t.deps.db, { ...base, childFirstName: 'Noor', childLastName: 'Van den Broeck' });
      // The desk officer opens the file (the row the admin will look for).
      const client = new TestClient(t.app);
      await client.login(desk.email, TEST_PASSWORD);
      expect((await client.get(`/desk/families/${file.family.id}`)).statusCode).toBe(200);
      await t.deps.db.insert(schema.outbox).values({
        toAddress: 'mama.dubois@example.be',
        language: 'nl',
        template: 'request.submitted',
        subject: 'Aanvraag ontvangen',
        textBody: 'Tekst',
        htmlBody: '<p>Tekst</p>',
        familyId: file.family.id,
        createdAt: t.clock.now(),
        nextAttemptAt: new Date(t.clock.now().getTime() + 3_600_000),
        attempts: 2,
        lastError: '450 Mailbox unavailable',
      });
      return { adminEmail: admin.email, deskName: desk.displayName, fileNumber: file.family.fileNumber };
    },
    120_000,
  );

  it('lands on the admin home, finds who opened a file in the audit log, and retries a failed mail', async () => {
    const { adminEmail, deskName, fileNumber } = run.seed;
    const tab = await run.open(false);
    const page = tab.page;
    await tab.logIn(adminEmail, TEST_PASSWORD);
    expect(tab.path()).toBe('/admin');
    await expectAccessible(page, '/admin');

    await tab.follow(tab.qa('home-audit'), '/admin/audit');
    await page.fill('#field-file', fileNumber);
    await page.selectOption('#field-action', 'desk.family.read');
    await tab.follow(tab.qa('apply-filters'), '/admin/audit');
    const rows = tab.qa('audit-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(deskName);
    expect(await tab.qa('audit-file').first().textContent()).toBe(fileNumber);
    await expectNoSidewaysScroll(page, '/admin/audit (390 px)');
    await run.shoot(tab, 'audit');

    await tab.follow(tab.qa('admin-nav-outbox'), '/admin/outbox');
    expect(await tab.qa('count-failed').textContent()).toBe('1');
    expect(await tab.qa('mail-error').first().textContent()).toContain('450 Mailbox unavailable');
    await run.shoot(tab, 'outbox');
    await tab.follow(tab.qa('retry').first(), '/admin/outbox');
    expect(await tab.qa('notice').textContent()).toContain('opnieuw in de wachtrij');
    expect(await tab.qa('count-failed').textContent()).toBe('0');

    await tab.follow(tab.qa('admin-nav-jobs'), '/admin/jobs');
    expect(await tab.qa('jobs-not-running').count()).toBe(1);
  }, 180_000);
});
