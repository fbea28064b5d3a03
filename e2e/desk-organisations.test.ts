import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible } from './browser.ts';

/**
 * A desk officer (without JavaScript) adds an intermediary organisation to her municipality and
 * invites a social worker; the social worker follows the link in the mail, chooses a password,
 * accepts, logs in and lands on the intermediary's home; the desk sees her among the staff, removes
 * her after the confirmation page, and her session ends at once.
 * Every page is checked with axe and at 390 px (Tab.follow); screenshots go to SHOTS.
 */

const SHOTS = '/tmp/desk-organisations-shots';

describe('the desk’s intermediary organisations in a browser', () => {
  const run = browserTests(SHOTS, async (t) => {
    const s = await aScenario(t.deps.db);
    return { officer: await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id }) };
  });
  const { open } = run;

  it('adds an organisation and invites a staff member, who accepts and lands on the intermediary home', async () => {
    const {
      app: t,
      seed: { officer },
    } = run;
    const desk = await open(false);
    await desk.logIn(officer.email, TEST_PASSWORD);
    await desk.page.goto(desk.url('/desk'));
    await desk.follow(desk.qa('desk-nav-organisations'), '/desk/organisations');
    await expect(desk.qa('no-organisations').textContent()).resolves.toContain('nog geen');

    // Nothing filled in: refused, with the messages, and nothing added.
    await desk.follow(desk.qa('create-organisation'), '/desk/organisations', 400);
    await expect(desk.page.locator('.ko-error-summary').textContent()).resolves.toContain('Vul');

    await desk.page.fill('#field-name', 'OCMW Teststad');
    await desk.page.selectOption('#field-kind', 'ocmw');
    await desk.follow(desk.qa('create-organisation'), /^\/desk\/organisations\/[0-9a-f-]{36}$/);
    await expect(desk.qa('notice').textContent()).resolves.toContain('De organisatie is toegevoegd.');
    const organisationPath = desk.path();

    await desk.page.fill('#field-email', 'sofie@ocmw-teststad.example');
    await desk.page.fill('#field-displayName', 'Sofie Maatschappelijk');
    await desk.follow(desk.qa('invite'), organisationPath);
    await expect(desk.qa('notice').textContent()).resolves.toContain(
      'De uitnodiging is verstuurd naar sofie@ocmw-teststad.example.',
    );
    await expect(desk.qa('invitation').textContent()).resolves.toContain('Sofie Maatschappelijk');
    await desk.page.screenshot({ path: `${SHOTS}/organisation-1366.png`, fullPage: true });

    // The mailed link.
    const [mail] = await t.deps.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.toAddress, 'sofie@ocmw-teststad.example'));
    const link = /https?:\/\/[^\s/]+(\/invitation\?token=[A-Za-z0-9_%-]+)/.exec(mail?.textBody ?? '')?.[1];
    expect(link).toBeDefined();

    const invited = await open(false);
    await invited.page.goto(invited.url(link as string));
    expect(invited.lastDocument?.status()).toBe(200);
    await expectAccessible(invited.page, 'the invitation (without JavaScript)');
    await expect(invited.qa('invitation-lead').textContent()).resolves.toContain('OCMW Teststad');
    await invited.page.fill('#field-password', 'een-goed-wachtwoord');
    await invited.page.fill('#field-passwordRepeat', 'een-goed-wachtwoord');
    await invited.follow(invited.qa('accept'), '/invitation/done');
    await invited.logIn('sofie@ocmw-teststad.example', 'een-goed-wachtwoord');
    expect(invited.path()).toBe('/intermediary');
    expect(invited.lastDocument?.status()).toBe(200);
    await expectAccessible(invited.page, 'the intermediary home after accepting');
    await expect(invited.page.content()).resolves.toContain('OCMW Teststad');

    await desk.page.goto(desk.url(organisationPath));
    await expect(desk.qa('staff-member').textContent()).resolves.toContain('Sofie Maatschappelijk');
    await expect(desk.qa('no-invitations').count()).resolves.toBe(1);
    await expectAccessible(desk.page, 'the organisation with its staff member');
    // Removing her asks first; once confirmed, her open session ends at once.
    await desk.follow(desk.qa('remove-staff'), /\/staff\/[0-9a-f-]{36}\/remove$/);
    await desk.follow(desk.qa('confirm-remove-staff-confirm'), organisationPath);
    await expect(desk.qa('notice').textContent()).resolves.toContain('is afgemeld');
    await invited.page.goto(invited.url('/intermediary'));
    expect(invited.path()).toBe('/login');

    await desk.page.goto(desk.url('/desk/organisations'));
    await expect(desk.qa('organisation-staff').textContent()).resolves.toBe('0');
    await expectAccessible(desk.page, 'the organisations list');
    await desk.page.setViewportSize({ width: 390, height: 844 });
    await desk.page.screenshot({ path: `${SHOTS}/organisations-390.png`, fullPage: true });
  }, 180_000);
});
