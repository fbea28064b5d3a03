import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aProviderLocation, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible } from './browser.ts';

/**
 * A desk officer (without JavaScript) registers a provider organisation with a location and
 * invites a staff member; the staff member follows the link in the mail, chooses a password,
 * accepts, logs in and sees the location's waiting list. Then the desk switches a module on and
 * deactivates the location after the confirmation page. Every page is checked with axe and at
 * 390 px (Tab.follow); screenshots at 1366 and 390 px go to SHOTS.
 */

const SHOTS = '/tmp/desk-providers-shots';

describe('the desk’s childcare providers in a browser', () => {
  const run = browserTests(SHOTS, async (t) => {
    const s = await aScenario(t.deps.db);
    // Enough locations to see the list as the desk of a large municipality does.
    for (let i = 1; i <= 20; i++)
      await aProviderLocation(t.deps.db, { municipalityId: s.municipality.id, name: `KDV Straat ${i}` });
    return { officer: await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id }) };
  });
  const { open, shoot } = run;

  it('onboards a provider with a location; the invited staff member accepts and sees the waiting list', async () => {
    const {
      app: t,
      seed: { officer },
    } = run;
    const desk = await open(false);
    await desk.logIn(officer.email, TEST_PASSWORD);
    await desk.page.goto(desk.url('/desk'));
    await desk.follow(desk.qa('desk-nav-providers'), '/desk/providers');
    await expect(desk.qa('provider-row').count()).resolves.toBe(23);
    await shoot(desk, 'list');

    await desk.follow(desk.qa('new-organisation'), '/desk/providers/new');
    // Nothing filled in: refused, with the messages.
    await desk.follow(desk.qa('create-organisation'), '/desk/providers', 400);
    await expect(desk.page.locator('.ko-error-summary').textContent()).resolves.toContain('Vul');
    await desk.page.fill('#field-name', 'Vzw Zonnekind');
    await desk.page.selectOption('#field-kind', 'non_profit');
    await desk.page.fill('#field-enterpriseNumber', '0123.456.749');
    await desk.page.fill('#field-contactName', 'Ria Claes');
    await desk.follow(desk.qa('create-organisation'), /^\/desk\/providers\/[0-9a-f-]{36}$/);
    await expect(desk.qa('notice').textContent()).resolves.toContain('De organisator is toegevoegd.');
    const organisationPath = desk.path();

    await desk.follow(desk.qa('add-location'), `${organisationPath}/locations/new`);
    await desk.page.fill('#field-name', 'KDV Zonnekind');
    await desk.page.fill('#field-street', 'Tiensestraat');
    await desk.page.fill('#field-houseNumber', '5');
    await desk.page.fill('#field-postcode', '3000');
    await desk.page.fill('#field-city', 'Leuven');
    await desk.page.selectOption('#field-subsidyLevel', '3');
    await desk.page.fill('#field-capacity', '18');
    await desk.page.fill('#field-opens_mon', '07:00');
    await desk.page.fill('#field-closes_mon', '18:00');
    await shoot(desk, 'new-location');
    await desk.follow(desk.qa('create-location'), /^\/desk\/providers\/locations\/[0-9a-f-]{36}$/);
    await expect(desk.qa('notice').textContent()).resolves.toContain('De opvanglocatie is toegevoegd.');
    const locationPath = desk.path();

    // The optional modules, shown on the location's page.
    await desk.page.getByLabel('Planning', { exact: true }).check();
    await desk.follow(desk.qa('save-modules'), locationPath);
    await expect(desk.qa('location-modules').textContent()).resolves.toContain('Planning: aan');
    await shoot(desk, 'location');

    await desk.page.goto(desk.url(organisationPath));
    await desk.page.fill('#field-email', 'jonas@zonnekind.example');
    await desk.page.fill('#field-displayName', 'Jonas Wouters');
    await desk.page.check('#field-role-provider_staff');
    await desk.follow(desk.qa('invite'), organisationPath);
    await expect(desk.qa('notice').textContent()).resolves.toContain(
      'De uitnodiging is verstuurd naar jonas@zonnekind.example.',
    );
    await shoot(desk, 'organisation');

    // The mailed link.
    const [mail] = await t.deps.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.toAddress, 'jonas@zonnekind.example'));
    const link = /https?:\/\/[^\s/]+(\/invitation\?token=[A-Za-z0-9_%-]+)/.exec(mail?.textBody ?? '')?.[1];
    expect(link).toBeDefined();

    const invited = await open(false);
    await invited.page.goto(invited.url(link as string));
    expect(invited.lastDocument?.status()).toBe(200);
    await expectAccessible(invited.page, 'the invitation (without JavaScript)');
    await expect(invited.qa('invitation-lead').textContent()).resolves.toContain('Vzw Zonnekind');
    await invited.page.fill('#field-password', 'een-goed-wachtwoord');
    await invited.page.fill('#field-passwordRepeat', 'een-goed-wachtwoord');
    await invited.follow(invited.qa('accept'), '/invitation/done');
    await invited.logIn('jonas@zonnekind.example', 'een-goed-wachtwoord');
    // One location: the provider home opens its waiting list.
    expect(invited.path()).toMatch(/^\/provider\/locations\/[0-9a-f-]{36}\/waiting-list$/);
    expect(invited.lastDocument?.status()).toBe(200);
    expect(invited.path()).toBe(`/provider/locations/${locationPath.split('/').at(-1)}/waiting-list`);
    await expect(invited.page.locator('h1').textContent()).resolves.toContain('KDV Zonnekind');
    await expectAccessible(invited.page, 'the waiting list of the new location');

    // The desk sees the staff member, then deactivates the location after the confirmation page.
    await desk.page.goto(desk.url(organisationPath));
    await expect(desk.qa('staff-member').textContent()).resolves.toContain('Jonas Wouters');
    await desk.page.goto(desk.url(locationPath));
    await desk.follow(desk.qa('deactivate'), `${locationPath}/deactivate`);
    await shoot(desk, 'deactivate');
    await desk.follow(desk.qa('confirm-deactivate-confirm'), locationPath);
    await expect(desk.qa('location-state').textContent()).resolves.toBe('Gedeactiveerd');
    const visitor = await open(false);
    await visitor.page.goto(visitor.url('/search'));
    await expect(visitor.page.content()).resolves.not.toContain('KDV Zonnekind');
  }, 240_000);
});
