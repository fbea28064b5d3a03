import { describe, expect, it } from 'vitest';
import { totpCode } from '../src/platform/auth/totp.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible, expectNoSidewaysScroll } from './browser.ts';

/**
 * A staff member's second factor in a real browser without JavaScript (ADR 0020): the first
 * log-in enrols (secret shown as text, a first code, the recovery codes), the next one asks for a
 * code; a recovery code works instead. Every page is checked with axe and at 390 px.
 */

const SHOTS = '/tmp/second-factor-shots';

describe('a staff member’s second factor in a browser', () => {
  const run = browserTests(
    SHOTS,
    async (t) => {
      const s = await aScenario(t.deps.db);
      const desk = await aUser(t.deps.db, {
        role: 'desk',
        municipalityId: s.municipality.id,
        secondFactor: false,
      });
      return { email: desk.email };
    },
    180_000,
    { STAFF_SECOND_FACTOR: 'required' },
  );

  it('enrols at the first log-in, then logs in with a code, and once with a recovery code', async () => {
    const tab = await run.open(false);
    const page = tab.page;
    const clock = run.app.clock;
    const submitLogin = async () => {
      await page.goto(tab.url('/login'));
      await page.locator('#field-email').fill(run.seed.email);
      await page.locator('#field-password').fill(TEST_PASSWORD);
    };

    await submitLogin();
    await tab.follow(tab.qa('login-submit'), '/login/enrol');
    await expectNoSidewaysScroll(page);
    await run.shoot(tab, 'enrol');
    const secret = ((await tab.qa('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await tab.qa('totp-uri').textContent()).toContain(`secret=${secret}`);
    const qr = await tab.qa('totp-qr').boundingBox();
    expect(qr?.width).toBeGreaterThanOrEqual(150);
    expect(
      await page
        .getByRole('img', { name: 'QR-code om uw account toe te voegen aan de authenticator-app' })
        .count(),
    ).toBe(1);

    // Half logged in: the desk's pages send back to the step.
    await page.goto(tab.url('/desk'));
    expect(tab.path()).toBe('/login/enrol');

    await page.locator('#field-code').fill('000000' === totpCode(secret, clock.now()) ? '111111' : '000000');
    await tab.follow(tab.qa('enrol-submit'), '/login/enrol', 400);
    await page.locator('#field-code').fill(totpCode(secret, clock.now()));
    await tab.follow(tab.qa('enrol-submit'), '/login/enrol');
    await run.shoot(tab, 'recovery-codes');
    const codes = await tab.qa('recovery-codes').locator('code').allTextContents();
    expect(codes).toHaveLength(10);
    await tab.follow(tab.qa('recovery-continue'), '/desk');
    await tab.follow(tab.qa('logout'), '/');

    clock.advanceMinutes(1);
    await submitLogin();
    await tab.follow(tab.qa('login-submit'), '/login/code');
    await expectNoSidewaysScroll(page);
    await run.shoot(tab, 'code');
    await page.locator('#field-code').fill(totpCode(secret, clock.now()));
    await tab.follow(tab.qa('second-factor-submit'), '/desk');
    await tab.follow(tab.qa('logout'), '/');

    await submitLogin();
    await tab.follow(tab.qa('login-submit'), '/login/code');
    await page.locator('#field-code').fill(codes[0] ?? '');
    await tab.follow(tab.qa('second-factor-submit'), '/desk');
    await expectAccessible(page, '/desk');
  }, 240_000);
});
