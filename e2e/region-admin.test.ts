import { describe, expect, it } from 'vitest';
import { totpCode } from '../src/platform/auth/totp.ts';
import { createMailTransport, deliverOutbox } from '../src/platform/mail/sender.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { startSmtp } from '../test/smtp.ts';
import { browserTests, expectAccessible, expectNoSidewaysScroll, PHONE_VIEWPORT } from './browser.ts';

/**
 * The platform admin (without JavaScript) creates a municipality and appoints its desk officer; the
 * invitation mail goes out through SMTP (an in-process server) and the officer follows its link,
 * chooses a password, accepts, logs in with a new second factor and lands on the new
 * municipality's desk, where she opens a family's file; the admin then finds in the audit log who
 * opened that file. Every page is checked with axe and at 390 px (Tab.follow); screenshots to SHOTS.
 */

const SHOTS = '/tmp/region-admin-shots';

describe('the platform admin sets up a municipality in a browser', () => {
  const run = browserTests(
    SHOTS,
    async (t) => {
      const s = await aScenario(t.deps.db);
      const admin = await aUser(t.deps.db, { role: 'platform_admin', secondFactor: true });
      const regionPolicy = await aUser(t.deps.db, { role: 'policy', regionId: s.region.id });
      return {
        adminEmail: admin.email,
        regionName: s.region.name,
        regionId: s.region.id,
        regionPolicyId: regionPolicy.id,
      };
    },
    180_000,
    { STAFF_SECOND_FACTOR: 'required' },
  );

  it('creates a municipality, appoints its desk officer, who logs in, and finds who opened a file', async () => {
    const { app: t, seed } = run;
    const admin = await run.open(false);
    const page = admin.page;
    await admin.logIn(seed.adminEmail, TEST_PASSWORD);
    expect(admin.path()).toBe('/admin');
    await admin.follow(admin.qa('home-municipalities'), '/admin/municipalities');
    await admin.follow(admin.qa('new-municipality'), '/admin/municipalities/new');

    // Nothing filled in: refused with the messages, and nothing added.
    await admin.follow(admin.qa('create-municipality'), '/admin/municipalities', 400);
    await expect(page.locator('.ko-error-summary').textContent()).resolves.toContain('Vul de NIS-code in');
    await page.fill('#field-name', 'Bertem');
    await page.fill('#field-nisCode', '24009');
    await page.selectOption('#field-regionId', { label: seed.regionName });
    await page.fill('#field-subMunicipalities', '3060 Bertem\n3060 Korbeek-Dijle\n3061 Leefdaal');
    await admin.follow(admin.qa('create-municipality'), /^\/admin\/municipalities\/[0-9a-f-]{36}$/);
    await expect(admin.qa('notice').textContent()).resolves.toContain('De gemeente is toegevoegd.');
    const municipalityPath = admin.path();
    const municipalityId = municipalityPath.split('/').at(-1) as string;

    await page.fill('#field-email', 'an@bertem.example');
    await page.fill('#field-displayName', 'An Loketmedewerker');
    await page.selectOption('#field-role', 'desk');
    await admin.follow(admin.qa('invite'), municipalityPath);
    await expect(admin.qa('notice').textContent()).resolves.toContain(
      'De uitnodiging is verstuurd naar an@bertem.example.',
    );
    await expect(admin.qa('invitation').textContent()).resolves.toContain('An Loketmedewerker');
    await run.shoot(admin, 'municipality');

    // The mail, as the SMTP server received it.
    const smtp = await startSmtp();
    let link: string | undefined;
    try {
      const transport = createMailTransport({ smtpUrl: smtp.url });
      if (!transport) throw new Error('no transport');
      await deliverOutbox(t.deps.db, transport, t.clock, { from: 'platform@test.example' });
      const mail = smtp.received.find((m) => m.to && JSON.stringify(m.to).includes('an@bertem.example'));
      expect(mail?.subject).toContain('Bertem');
      link = /https?:\/\/[^\s/]+(\/invitation\?token=[A-Za-z0-9_%-]+)/.exec(mail?.text ?? '')?.[1];
    } finally {
      await smtp.close();
    }
    expect(link).toBeDefined();

    const officer = await run.open(false);
    await officer.page.goto(officer.url(link as string));
    expect(officer.lastDocument?.status()).toBe(200);
    await expectAccessible(officer.page, 'the invitation (without JavaScript)');
    await expect(officer.qa('invitation-lead').textContent()).resolves.toContain('Bertem');
    await officer.page.fill('#field-password', 'een-goed-wachtwoord');
    await officer.page.fill('#field-passwordRepeat', 'een-goed-wachtwoord');
    await officer.follow(officer.qa('accept'), '/invitation/done');

    // First log-in: staff enrol a second factor, then land on the desk of the new municipality.
    await officer.logIn('an@bertem.example', 'een-goed-wachtwoord');
    expect(officer.path()).toBe('/login/enrol');
    await expectAccessible(officer.page, '/login/enrol');
    const secret = ((await officer.qa('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await officer.page.locator('#field-code').fill(totpCode(secret, t.clock.now()));
    await officer.follow(officer.qa('enrol-submit'), '/login/enrol');
    await officer.follow(officer.qa('recovery-continue'), '/desk');
    await expectNoSidewaysScroll(officer.page, '/desk (390 px)');
    await officer.follow(officer.qa('desk-nav-settings'), '/desk/settings');
    await expect(officer.page.content()).resolves.toContain('Korbeek-Dijle');

    // She opens a family's file of her municipality.
    const file = await aFamilyRequest(t.deps.db, {
      municipalityId,
      locations: [],
      childFirstName: 'Lotte',
      childLastName: 'Peeters',
    });
    await officer.page.goto(officer.url(`/desk/families/${file.family.id}`));
    expect(officer.lastDocument?.status()).toBe(200);
    await expectAccessible(officer.page, 'the family file');

    // The admin sees her among the staff, and finds in the audit log that she opened the file.
    await page.goto(admin.url(municipalityPath));
    await expect(admin.qa('staff-member').textContent()).resolves.toContain('An Loketmedewerker');
    await expectAccessible(page, 'the municipality with its desk officer');
    await admin.follow(admin.qa('admin-nav-audit'), '/admin/audit');
    await page.fill('#field-file', file.family.fileNumber);
    await page.selectOption('#field-action', 'desk.family.read');
    await admin.follow(admin.qa('apply-filters'), '/admin/audit');
    const rows = admin.qa('audit-row');
    expect(await rows.count()).toBe(1);
    expect(await admin.qa('audit-who').first().textContent()).toContain('An Loketmedewerker');
    expect(await admin.qa('audit-file').first().textContent()).toBe(file.family.fileNumber);

    await page.setViewportSize(PHONE_VIEWPORT);
    await page.goto(admin.url('/admin/municipalities'));
    await expectNoSidewaysScroll(page, '/admin/municipalities (390 px)');
    await page.goto(admin.url(`${municipalityPath}/region`));
    await expect(admin.qa('no-other-region').count()).resolves.toBe(1);
    await expectAccessible(page, 'joining another region');
    await expectNoSidewaysScroll(page, 'joining another region (390 px)');
  }, 300_000);

  it('appoints a policy officer for the whole region and removes another, each page accessible at 390 px', async () => {
    const { seed } = run;
    const admin = await run.open(false);
    const page = admin.page;
    await admin.logIn(seed.adminEmail, TEST_PASSWORD);
    const regionPath = `/admin/regions/${seed.regionId}`;
    await page.goto(admin.url('/admin/municipalities'));
    await admin.follow(admin.qa('region-link').first(), regionPath);
    await expectAccessible(page, 'the region');
    await expect(admin.qa('staff-member').textContent()).resolves.toContain('Test User');

    await page.fill('#field-email', 'sara@regio.example');
    await page.fill('#field-displayName', 'Sara Regio');
    await admin.follow(admin.qa('invite'), regionPath);
    await expect(admin.qa('notice').textContent()).resolves.toContain(
      'De uitnodiging is verstuurd naar sara@regio.example.',
    );
    await expect(admin.qa('invitation').textContent()).resolves.toContain('Sara Regio');
    await expectAccessible(page, 'the region with an open invitation');
    await run.shoot(admin, 'region');

    await page.setViewportSize(PHONE_VIEWPORT);
    await page.goto(admin.url(regionPath));
    await expectNoSidewaysScroll(page, 'the region (390 px)');
    await admin.follow(admin.qa('remove-staff').first(), `${regionPath}/staff/${seed.regionPolicyId}/remove`);
    await expectAccessible(page, 'removing a region policy officer');
    await expectNoSidewaysScroll(page, 'removing a region policy officer (390 px)');
    await run.shoot(admin, 'region-remove');
    await admin.follow(admin.qa('confirm-remove-staff-confirm'), regionPath);
    await expect(admin.qa('notice').textContent()).resolves.toContain(
      'ziet de cijfers van deze regio niet meer',
    );
    await expect(admin.qa('no-staff').count()).resolves.toBe(1);
  }, 180_000);
});
