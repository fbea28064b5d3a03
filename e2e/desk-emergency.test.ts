import { describe, expect, it } from 'vitest';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible } from './browser.ts';

/**
 * A desk officer (without JavaScript) marks a request as a social emergency with a confidential
 * note and puts it forward to two providers; a provider logs in and finds it on top of its
 * emergency list, with the flag and category and without the note. Every page is checked with axe
 * and at 390 px; screenshots at 390 and 1366 px go to SHOTS for a look at the layout.
 */

const SHOTS = '/tmp/desk-emergency-shots';
const NOTE = 'Vader opgenomen in het ziekenhuis; moeder alleen met drie kinderen';

describe('the desk’s emergency follow-up in a browser', () => {
  const run = browserTests(SHOTS, async (t) => {
    const s = await aScenario(t.deps.db);
    const officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: s.third.id, language: 'fr' });
    // Another flagged request that starts sooner: without the forward it would be first.
    await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      desiredStart: '2026-12-01',
      socialReason: 'medical',
    });
    const made = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Nora',
      desiredStart: '2026-12-15',
    });
    return { s, officer, requestId: made.request.id };
  });
  const { open, shoot } = run;

  it('flags and forwards a request; the provider sees the flag on top, never the note', async () => {
    const {
      app: t,
      seed: { s, officer, requestId },
    } = run;
    const desk = await open(false);
    await desk.logIn(officer.email, TEST_PASSWORD);
    const path = `/desk/requests/${requestId}/emergency`;
    await desk.page.goto(desk.url(path));
    expect(desk.lastDocument?.status()).toBe(200);
    await expectAccessible(desk.page, `${path} (without JavaScript)`);

    // A note is required when marking: the error summary, then the page again.
    await desk.page.selectOption('#field-category', 'family_crisis');
    await desk.follow(desk.qa('flag-submit'), path, 400);
    await expect(desk.page.locator('.ko-error-summary').textContent()).resolves.toContain('Vul dit veld in.');
    await desk.page.selectOption('#field-category', 'family_crisis');
    await desk.page.fill('#field-note', NOTE);
    await desk.follow(desk.qa('flag-submit'), path);
    await expect(desk.qa('notice').textContent()).resolves.toContain('gemarkeerd als sociale noodsituatie');
    await expect(desk.qa('social-emergency').textContent()).resolves.toContain('Crisis in het gezin');

    await desk.page.check(`input[name="locations"][value="${s.second.id}"]`);
    await desk.page.check(`input[name="locations"][value="${s.third.id}"]`);
    await desk.follow(desk.qa('forward-submit'), path);
    await expect(desk.qa('notice').textContent()).resolves.toContain('doorgestuurd naar 2 opvanglocaties');
    await expect(desk.qa('forward-row').count()).resolves.toBe(2);
    await desk.page.selectOption('#field-channel', 'phone');
    await desk.page.fill('#field-contactText', 'Moeder gebeld: twee opvanglocaties gevraagd');
    await desk.follow(desk.qa('contact-submit'), path);
    await shoot(desk, 'desk-emergency');

    const lift = await open(false);
    await lift.logIn(officer.email, TEST_PASSWORD);
    await lift.page.goto(lift.url(path));
    await lift.follow(lift.qa('lift-link'), `${path}/lift`);
    await shoot(lift, 'desk-emergency-lift');

    const mails = await t.deps.db.query.outbox.findMany();
    expect(mails.filter((m) => m.template === 'desk.request_forwarded')).toHaveLength(2);

    // The provider of the second location: the request on top, flag and category, no note.
    const provider = await open(true);
    await provider.logIn(s.secondStaff.email, TEST_PASSWORD);
    const list = `/provider/locations/${s.second.id}/emergency-list`;
    await provider.page.goto(provider.url(list));
    expect(provider.lastDocument?.status()).toBe(200);
    await expectAccessible(provider.page, `${list} (with JavaScript)`);
    const first = provider.page.locator('[data-qa="emergency-row"]').first();
    await expect(first.locator('[data-qa="forwarded-flag"]').textContent()).resolves.toContain(
      'Door het loket doorgestuurd op 22/11/2026',
    );
    await expect(first.locator('[data-qa="social-flag"]').textContent()).resolves.toContain(
      'Sociale reden: Crisis in het gezin',
    );
    const html = await provider.page.content();
    expect(html).not.toContain(NOTE);
    expect(html).not.toContain('ziekenhuis');
    expect(html).not.toContain('twee opvanglocaties gevraagd');
    expect(html).not.toContain('Nora');
    await shoot(provider, 'emergency-list');
  }, 180_000);
});
