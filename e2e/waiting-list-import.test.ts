import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listRow, toCsv, waitingListRows } from '../src/modules/waiting-list-import/import.test-support.ts';
import { schema } from '../src/platform/db/index.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests } from './browser.ts';

/**
 * A desk officer (without JavaScript) imports a provider location's existing waiting list of 200
 * rows: from the location's page to the upload form, a file refused first, then the CSV; the
 * column of the request date chosen by hand (refused until chosen); the preview with the 3 bad
 * rows and their reasons. The first confirmation fails halfway (the database refuses a row):
 * nothing is saved and the page says so. The second imports the 197 good rows at once. Every page
 * is checked with axe and at 390 px (Tab.follow); screenshots go to SHOTS.
 */

const SHOTS = '/tmp/waiting-list-import-shots';

describe('importing a waiting list in a browser', () => {
  const run = browserTests(SHOTS, async (t) => {
    const s = await aScenario(t.deps.db);
    return { s, officer: await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id }) };
  });
  const { open, shoot } = run;

  it('imports 200 rows: 3 refused with their reason, a failure leaves nothing, then 197 at once', async () => {
    const {
      app: t,
      seed: { s, officer },
    } = run;
    const requestsAt = async () =>
      (
        await t.deps.db
          .select({ n: sql<number>`count(*)::int` })
          .from(schema.preferences)
          .where(eq(schema.preferences.providerLocationId, s.first.id))
      )[0]?.n;
    const families = async () =>
      (await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(schema.families))[0]?.n;

    const desk = await open(false);
    await desk.logIn(officer.email, TEST_PASSWORD);
    await desk.page.goto(desk.url('/desk/providers'));
    const locationPath = `/desk/providers/locations/${s.first.id}`;
    await desk.follow(desk.page.locator(`a[href="${locationPath}"]`), locationPath);
    await desk.follow(desk.qa('import-waiting-list'), `${locationPath}/import`);
    await shoot(desk, 'upload');

    // No file chosen: refused, saying so.
    await desk.follow(desk.qa('import-upload'), `${locationPath}/import`, 400);
    await expect(desk.page.locator('.ko-error-summary').textContent()).resolves.toContain(
      'Kies een bestand.',
    );

    await desk.page.setInputFiles('#field-file', {
      name: 'wachtlijst-eerste-stap.csv',
      mimeType: 'text/csv',
      buffer: toCsv(waitingListRows(200)),
    });
    await desk.follow(desk.qa('import-upload'), /^\/desk\/imports\/[0-9a-f-]{36}\/mapping$/);
    const importPath = desk.path().replace(/\/mapping$/, '');
    await expect(desk.page.locator('main').textContent()).resolves.toContain('200 rijen');
    // Guessed from the column names; the request date's column is not.
    await expect(desk.page.locator('#field-childLastName').inputValue()).resolves.toBe('2');
    await expect(desk.page.locator('#field-requestDate').inputValue()).resolves.toBe('');
    await desk.follow(desk.qa('import-mapping-save'), `${importPath}/mapping`, 400);
    await expect(desk.page.locator('.ko-error-summary').textContent()).resolves.toContain(
      'oorspronkelijke aanvraagdatum',
    );
    await desk.page.selectOption('#field-requestDate', '0');
    await shoot(desk, 'mapping');
    await desk.follow(desk.qa('import-mapping-save'), `${importPath}/preview`);

    await expect(desk.qa('import-lead').textContent()).resolves.toBe(
      'Op de wachtlijst van KDV De Eerste Stap: 197 aanvragen te importeren, 3 rijen geweigerd.',
    );
    const refused = await desk.qa('import-refused-row').allTextContents();
    expect(refused).toHaveLength(3);
    expect(refused[0]).toContain('de geboortedatum is geen datum');
    expect(refused[1]).toContain('geen e-mailadres en geen telefoonnummer van de ouder');
    expect(refused[2]).toContain('hetzelfde kind als op rij 11 van het bestand');
    await expect(desk.qa('import-good-row').count()).resolves.toBe(10);
    await shoot(desk, 'preview');
    expect(await requestsAt()).toBe(0);

    // The database refuses the 150th child halfway through the import: nothing is kept.
    const before = await families();
    await t.deps.db.execute(
      sql.raw(`create function refuse_child() returns trigger language plpgsql as $$
        begin if new.last_name = '${listRow(150)[2]}' then raise exception 'disk full'; end if; return new; end $$`),
    );
    await t.deps.db.execute(
      sql.raw(
        'create trigger refuse_child before insert on children for each row execute function refuse_child()',
      ),
    );
    await desk.follow(desk.qa('import-confirm'), `${importPath}/confirm`, 500);
    await expect(desk.qa('import-problem').textContent()).resolves.toContain(
      'De import is mislukt. Er werd niets bewaard',
    );
    expect(await requestsAt()).toBe(0);
    expect(await families()).toBe(before);
    await t.deps.db.execute(sql.raw('drop trigger refuse_child on children'));

    // Confirmed again: all 197 at once.
    await desk.follow(desk.qa('import-confirm'), importPath);
    await expect(desk.qa('import-record-lead').textContent()).resolves.toBe(
      'Op de wachtlijst van KDV De Eerste Stap: 197 aanvragen geïmporteerd.',
    );
    await expect(desk.qa('import-record-refused').textContent()).resolves.toBe('3');
    await shoot(desk, 'record');
    expect(await requestsAt()).toBe(197);
    expect(await families()).toBe((before ?? 0) + 197);

    // The location's import page lists it.
    await desk.follow(desk.qa('back'), `${locationPath}/import`);
    await expect(desk.qa('earlier-imports').textContent()).resolves.toContain('wachtlijst-eerste-stap.csv');
  }, 240_000);
});
