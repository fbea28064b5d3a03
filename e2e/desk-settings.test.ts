import { describe, expect, it } from 'vitest';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible, expectNoSidewaysScroll, type Tab } from './browser.ts';

/**
 * A desk officer (without JavaScript) widens the emergency window on the settings page and sees
 * the emergency list follow at once, on her Today page and on a provider's emergency list; then
 * tries a brand colour too light for the white header text, and the page refuses it saying the
 * contrast it measured and the one needed. Every page is checked with axe and at 390 px;
 * screenshots at 390 and 1366 px go to SHOTS for a look at the layout.
 */

const SHOTS = '/tmp/desk-settings-shots';

describe('the desk’s settings in a browser', () => {
  const run = browserTests(SHOTS, async (t) => {
    // Today is 22 November 2026; the window is 30 days. This request starts in 38 days.
    const s = await aScenario(t.deps.db);
    const officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Lena',
      desiredStart: '2026-12-30',
      submittedAt: '2026-11-20T10:00:00Z',
    });
    return { s, officer };
  });
  const { open } = run;

  async function shoot(tab: Tab, name: string) {
    await expectNoSidewaysScroll(tab.page, `${name} at 1366 px`, 1366);
    await run.shoot(tab, name);
  }

  it('widens the emergency window and the lists follow; refuses a colour white text cannot be read on', async () => {
    const { s, officer } = run.seed;
    const desk = await open(false);
    await desk.logIn(officer.email, TEST_PASSWORD);
    await desk.page.goto(desk.url('/desk?section=emergency'));
    expect(await desk.page.content()).not.toContain('Lena');

    await desk.page.goto(desk.url('/desk'));
    await desk.follow(desk.qa('desk-nav-settings'), '/desk/settings');
    await shoot(desk, 'desk-settings');

    await desk.page.fill('#field-emergencyWindowDays', '40');
    await desk.follow(desk.qa('settings-save'), '/desk/settings');
    await expect(desk.qa('notice').textContent()).resolves.toContain('De instellingen zijn opgeslagen.');
    await expect(desk.page.inputValue('#field-emergencyWindowDays')).resolves.toBe('40');

    await desk.page.goto(desk.url('/desk?section=emergency'));
    expect(desk.lastDocument?.status()).toBe(200);
    await expect(desk.qa('row-emergency').first().textContent()).resolves.toContain('Lena');

    const provider = await open(true);
    await provider.logIn(s.secondStaff.email, TEST_PASSWORD);
    const list = `/provider/locations/${s.second.id}/emergency-list`;
    await provider.page.goto(provider.url(list));
    const starts = await provider.qa('emergency-start').allTextContents();
    expect(starts).toHaveLength(1);
    expect(starts[0]).toContain('30/12/2026');

    // A colour too light for white text: refused, with the measured and the required contrast.
    await desk.page.goto(desk.url('/desk/settings'));
    await desk.page.fill('#field-brandColour', '#777777');
    await desk.follow(desk.qa('settings-save'), '/desk/settings', 400);
    const summary = await desk.page.locator('.ko-error-summary').textContent();
    expect(summary).toContain('contrast van 4,47:1; nodig is minstens 4,5:1');
    await expect(desk.page.locator('#error-brandColour').textContent()).resolves.toContain('4,47:1');
    await expect(desk.page.inputValue('#field-brandColour')).resolves.toBe('#777777');
    await expect(desk.page.title()).resolves.toMatch(/^Fout: /);
    await shoot(desk, 'desk-settings-refused');
    // The error summary's link leads to the field.
    await desk.page.locator('.ko-error-summary a[href="#field-brandColour"]').click();
    expect(desk.page.url()).toContain('#field-brandColour');
    await expectAccessible(desk.page, 'the refused settings (without JavaScript)');

    // A dark enough colour is saved.
    await desk.page.fill('#field-brandColour', '#af162a');
    await desk.follow(desk.qa('settings-save'), '/desk/settings');
    await expect(desk.qa('current-contrast').textContent()).resolves.toContain('7,06:1');
  }, 180_000);
});
