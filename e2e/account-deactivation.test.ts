import { describe, expect, it } from 'vitest';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectNoSidewaysScroll } from './browser.ts';

/**
 * The platform admin (without JavaScript) finds a desk officer's account, deactivates it behind the
 * confirmation page while the officer is logged in elsewhere: the officer's next page asks for a
 * log-in, and the log-in names the deactivation; the admin reactivates it. Every page is checked
 * with axe (Tab.follow) and at 390 px; screenshots to SHOTS.
 */

const SHOTS = '/tmp/account-deactivation-shots';

describe('the platform admin deactivates a staff account in a browser', () => {
  const run = browserTests(
    SHOTS,
    async (t) => {
      const s = await aScenario(t.deps.db);
      const admin = await aUser(t.deps.db, { role: 'platform_admin', secondFactor: true });
      const officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
      return { adminEmail: admin.email, officerEmail: officer.email, officerName: officer.displayName };
    },
    180_000,
    { STAFF_SECOND_FACTOR: 'optional' },
  );

  it('deactivates an officer who is logged in: her session ends, log-in says why; then reactivates', async () => {
    const { seed } = run;
    const officer = await run.open(false);
    await officer.logIn(seed.officerEmail, TEST_PASSWORD);
    await officer.page.goto(officer.url('/desk'));
    expect(officer.path()).toBe('/desk');

    const admin = await run.open(false);
    const page = admin.page;
    await admin.logIn(seed.adminEmail, TEST_PASSWORD);
    expect(admin.path()).toBe('/admin');
    await admin.follow(admin.qa('home-accounts'), '/admin/accounts');
    await expectNoSidewaysScroll(page, '/admin/accounts (390 px)');
    await admin.follow(admin.qa('account-search-submit'), '/admin/accounts', 400);
    await page.fill('#field-email', seed.officerEmail);
    await admin.follow(admin.qa('account-search-submit'), /^\/admin\/accounts\/[0-9a-f-]{36}$/);
    const accountPath = admin.path();
    await expect(admin.qa('account-status').textContent()).resolves.toBe('Actief');
    await expectNoSidewaysScroll(page, 'the account (390 px)');
    await run.shoot(admin, 'account');

    await admin.follow(admin.qa('deactivate'), `${accountPath}/deactivate`);
    await expect(admin.qa('confirm-happens').textContent()).resolves.toContain('meteen afgemeld');
    await expectNoSidewaysScroll(page, 'the confirmation (390 px)');
    await run.shoot(admin, 'confirm-deactivate');
    await admin.follow(admin.qa('confirm-deactivate-confirm'), accountPath);
    await expect(admin.qa('notice').textContent()).resolves.toContain('is gedeactiveerd');
    await expect(admin.qa('account-status').textContent()).resolves.toContain('Gedeactiveerd op');
    await run.shoot(admin, 'deactivated');

    // The officer's open tab: the next page asks for a log-in, and the log-in says why it fails.
    await officer.page.goto(officer.url('/desk'));
    expect(officer.path()).toBe('/login');
    await officer.page.locator('#field-email').fill(seed.officerEmail);
    await officer.page.locator('#field-password').fill(TEST_PASSWORD);
    await officer.follow(officer.qa('login-submit'), '/login', 400);
    await expect(officer.page.locator('.ko-error-summary').textContent()).resolves.toContain(
      'Dit account is gedeactiveerd',
    );
    await expectNoSidewaysScroll(officer.page, 'the refused log-in (390 px)');
    await run.shoot(officer, 'login-refused');

    await admin.follow(admin.qa('reactivate'), `${accountPath}/reactivate`);
    await admin.follow(admin.qa('confirm-reactivate-confirm'), accountPath);
    await expect(admin.qa('account-status').textContent()).resolves.toBe('Actief');
    await officer.logIn(seed.officerEmail, TEST_PASSWORD);
    await officer.page.goto(officer.url('/desk'));
    expect(officer.path()).toBe('/desk');
  });
});
