import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

const PAGE = '/desk/settings';

/** The start dates on a provider's emergency list, in order. */
function startsOn(html: string): string[] {
  return [...html.matchAll(/data-qa="emergency-start">(\d{2}\/\d{2}\/\d{4})/g)].map((m) => m[1] as string);
}

describe.each(BACKENDS)('the desk’s settings on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let subs: (typeof schema.subMunicipalities.$inferSelect)[];

  beforeEach(async () => {
    // Today is 22 November 2026.
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    desk = new TestClient(t.app);
    await desk.login(officer.email, TEST_PASSWORD);
    subs = await db()
      .select()
      .from(schema.subMunicipalities)
      .where(eq(schema.subMunicipalities.municipalityId, s.municipality.id));
  });
  afterEach(async () => t.close());

  const db = () => t.deps.db;
  const municipality = async (id = s.municipality.id) =>
    (await db().select().from(schema.municipalities).where(eq(schema.municipalities.id, id)))[0];
  const audits = () =>
    db().select().from(schema.auditLog).where(eq(schema.auditLog.action, 'desk.settings.edit'));

  /** The whole form as the page sends it, with the stored defaults, changed by `over`. */
  function form(over: Record<string, string> = {}): Record<string, string> {
    return {
      emergencyWindowDays: '30',
      maxPreferences: '5',
      offerDeadlineDays: '7',
      firstAnswerDays: '21',
      confirmationIntervalMonths: '3',
      maxMonthsAhead: '24',
      unansweredGraceDays: '30',
      deskEmail: '',
      deskPhone: '',
      deskAddress: '',
      openingHours_nl: '',
      openingHours_fr: '',
      openingHours_en: '',
      logoUrl: '',
      brandColour: '',
      ...Object.fromEntries(
        subs.flatMap((sub) => [
          [`children_${sub.id}`, ''],
          [`childrenDate_${sub.id}`, ''],
        ]),
      ),
      ...over,
    };
  }

  it('shows the municipality’s settings, linked from the desk’s navigation', async () => {
    const today = await desk.get('/desk');
    expect(today.body).toContain('href="/desk/settings"');
    const page = await desk.get(PAGE);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Instellingen van het loket');
    expect(page.body).toContain(s.municipality.name);
    expect(page.body).toMatch(/name="emergencyWindowDays"[^>]*value="30"/);
    expect(page.body).toMatch(/name="maxPreferences"[^>]*value="5"/);
    expect(page.body).toContain('Centrum');
    expect(page.body).toContain('Rand');
    expect(page.body).not.toContain('data-qa="notice"');
  });

  it('saves changed settings in one go, audits old and new values, and says so', async () => {
    const res = await desk.post(
      PAGE,
      form({
        emergencyWindowDays: '45',
        firstAnswerDays: '14',
        deskEmail: 'kinderopvang@gemeente.example',
        deskPhone: '016 27 26 00',
        deskAddress: 'Grote Markt 1, 3000 Leuven',
        openingHours_nl: 'Maandag tot vrijdag van 9 tot 12 uur',
        openingHours_fr: 'Du lundi au vendredi de 9 h à 12 h',
        logoUrl: 'https://www.gemeente.example/logo.svg',
        brandColour: '#AF162A',
      }),
      { formPage: PAGE },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${PAGE}?done=saved`);
    const row = await municipality();
    expect(row).toMatchObject({
      emergencyWindowDays: 45,
      firstAnswerDays: 14,
      maxPreferences: 5,
      deskEmail: 'kinderopvang@gemeente.example',
      deskPhone: '016 27 26 00',
      deskAddress: 'Grote Markt 1, 3000 Leuven',
      deskOpeningHours: {
        nl: 'Maandag tot vrijdag van 9 tot 12 uur',
        fr: 'Du lundi au vendredi de 9 h à 12 h',
      },
      logoUrl: 'https://www.gemeente.example/logo.svg',
      brandColour: '#af162a',
    });
    const [audit] = await audits();
    expect(audit).toMatchObject({
      actorRole: 'desk',
      subjectType: 'municipality',
      subjectId: s.municipality.id,
      familyId: null,
    });
    const details = audit?.details as { settings: Record<string, { from: unknown; to: unknown }> };
    expect(details.settings.emergencyWindowDays).toEqual({ from: 30, to: 45 });
    expect(details.settings.firstAnswerDays).toEqual({ from: 21, to: 14 });
    expect(details.settings.brandColour).toEqual({ from: null, to: '#af162a' });
    expect(Object.keys(details.settings)).not.toContain('maxPreferences');

    const after = await desk.get(String(res.headers.location));
    expect(after.body).toContain('De instellingen zijn opgeslagen.');
    expect(after.body).toMatch(/name="emergencyWindowDays"[^>]*value="45"/);
    // The English opening hours are missing, and the page says so; the contrast is measured.
    expect(after.body).toContain('Vertaling ontbreekt: de site toont hier de Nederlandse tekst.');
    expect(after.body).toContain('Witte tekst op de huidige kleur: contrast 7,06:1.');

    // The same values again: nothing written, and the notice says nothing changed.
    const again = await desk.post(
      PAGE,
      form({
        emergencyWindowDays: '45',
        firstAnswerDays: '14',
        deskEmail: 'kinderopvang@gemeente.example',
        deskPhone: '016 27 26 00',
        deskAddress: 'Grote Markt 1, 3000 Leuven',
        openingHours_nl: 'Maandag tot vrijdag van 9 tot 12 uur',
        openingHours_fr: 'Du lundi au vendredi de 9 h à 12 h',
        logoUrl: 'https://www.gemeente.example/logo.svg',
        brandColour: '#af162a',
      }),
    );
    expect(again.headers.location).toBe(`${PAGE}?done=unchanged`);
    expect(await audits()).toHaveLength(1);
    const unchanged = await desk.get(String(again.headers.location));
    expect(unchanged.body).toContain('Er is niets gewijzigd');
    expect(unchanged.body).not.toContain('De instellingen zijn opgeslagen.');
  });

  it('edits the children 0–3 of each sub-municipality with the date of the figure', async () => {
    const [centrum, rand] = subs.sort((a, b) => a.name.localeCompare(b.name));
    if (!centrum || !rand) throw new Error('scenario without sub-municipalities');
    const res = await desk.post(
      PAGE,
      form({ [`children_${centrum.id}`]: '1250', [`childrenDate_${centrum.id}`]: '2026-01-01' }),
      { formPage: PAGE },
    );
    expect(res.headers.location).toBe(`${PAGE}?done=saved`);
    const rows = await db()
      .select()
      .from(schema.subMunicipalities)
      .where(eq(schema.subMunicipalities.id, centrum.id));
    expect(rows[0]).toMatchObject({ children0to3: 1250, children0to3Date: '2026-01-01' });
    const [audit] = await audits();
    expect(audit?.details).toEqual({
      subMunicipalities: {
        'Centrum (3000)': {
          children0to3: { from: null, to: 1250 },
          children0to3Date: { from: null, to: '2026-01-01' },
        },
      },
    });

    // A figure without its date, and a date in the future: refused, nothing changed.
    const bad = await desk.post(
      PAGE,
      form({
        [`children_${centrum.id}`]: '1300',
        [`children_${rand.id}`]: '80',
        [`childrenDate_${rand.id}`]: '2027-01-01',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vul dit veld in.');
    expect(bad.body).toContain('Deze datum ligt in de toekomst.');
    expect(bad.body).toContain(`href="#field-childrenDate_${centrum.id}"`);
    expect(await audits()).toHaveLength(1);
  });

  it('refuses bad input with 400, the values kept and a message per field, and changes nothing', async () => {
    const before = await municipality();
    const res = await desk.post(
      PAGE,
      form({
        emergencyWindowDays: 'dertig',
        maxPreferences: '6',
        offerDeadlineDays: '0',
        firstAnswerDays: '-3',
        confirmationIntervalMonths: '2.5',
        deskEmail: 'loket@',
        logoUrl: 'http://www.gemeente.example/logo.svg',
        brandColour: 'rood',
      }),
      { formPage: PAGE },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<title>Fout: Instellingen van het loket');
    expect(res.body).toContain('Er is een probleem');
    expect(res.body).toContain('Vul een geheel getal in van 1 tot en met 90.');
    expect(res.body).toContain('Vul een geheel getal in van 1 tot en met 5.');
    expect(res.body).toContain('Vul een geheel getal in van 1 tot en met 60.');
    expect(res.body).toContain('Vul een geldig e-mailadres in');
    expect(res.body).toContain('beginnend met https://');
    expect(res.body).toContain('Vul een kleur in als #');
    // The values as typed, and the summary in the page's order.
    expect(res.body).toMatch(/name="emergencyWindowDays"[^>]*value="dertig"/);
    expect(res.body).toMatch(/name="logoUrl"[^>]*value="http:\/\/www.gemeente.example\/logo.svg"/);
    const summary = /class="[^"]*ko-error-summary[\s\S]*?<\/ul>/.exec(res.body)?.[0] ?? '';
    expect([...summary.matchAll(/href="#field-([^"]+)"/g)].map((m) => m[1])).toEqual([
      'emergencyWindowDays',
      'maxPreferences',
      'offerDeadlineDays',
      'firstAnswerDays',
      'confirmationIntervalMonths',
      'deskEmail',
      'logoUrl',
      'brandColour',
    ]);
    expect(await municipality()).toEqual(before);
    expect(await audits()).toHaveLength(0);
  });

  it('refuses a brand colour too light for white text, stating the measured and the required contrast', async () => {
    const res = await desk.post(PAGE, form({ brandColour: '#777777' }), { formPage: PAGE });
    expect(res.statusCode).toBe(400);
    // 4.478:1, shown rounded down: never as if it reached 4.5.
    expect(res.body).toContain(
      'Witte tekst op deze kleur heeft een contrast van 4,47:1; nodig is minstens 4,5:1. Kies een donkerdere kleur.',
    );
    expect(res.body).toMatch(/name="brandColour"[^>]*value="#777777"/);
    expect((await municipality())?.brandColour).toBeNull();

    // In French, with its number format and spacing; #767676 just passes.
    const officer = await aUser(db(), { role: 'desk', municipalityId: s.municipality.id, language: 'fr' });
    const fr = new TestClient(t.app, { 'accept-language': 'fr' });
    await fr.login(officer.email, TEST_PASSWORD);
    const refused = await fr.post(PAGE, form({ brandColour: '#ffcc00' }), { formPage: PAGE });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('contraste de 1,51:1\u202f; il faut au moins 4,5:1');
    const passed = await fr.post(PAGE, form({ brandColour: '#767676' }));
    expect(passed.headers.location).toBe(`${PAGE}?done=saved`);
    expect((await municipality())?.brandColour).toBe('#767676');
  });

  it('keeps a stored logo that is no https address when it comes back unchanged', async () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    await db()
      .update(schema.municipalities)
      .set({ logoUrl: logo })
      .where(eq(schema.municipalities.id, s.municipality.id));
    const res = await desk.post(PAGE, form({ logoUrl: logo, maxPreferences: '3' }), { formPage: PAGE });
    expect(res.headers.location).toBe(`${PAGE}?done=saved`);
    expect(await municipality()).toMatchObject({ logoUrl: logo, maxPreferences: 3 });
    // Another address must be https.
    const other = await desk.post(PAGE, form({ logoUrl: 'data:image/png;base64,AAAA', maxPreferences: '3' }));
    expect(other.statusCode).toBe(400);
  });

  it('takes effect at once: a longer emergency window puts a request on the emergency list', async () => {
    // Starts in 38 days: outside the 30-day window, inside a 40-day one.
    await aFamilyRequest(db(), {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      desiredStart: '2026-12-30',
      submittedAt: '2026-11-20T10:00:00Z',
    });
    const provider = new TestClient(t.app);
    await provider.login(s.secondStaff.email, TEST_PASSWORD);
    const list = `/provider/locations/${s.second.id}/emergency-list`;
    expect(startsOn((await provider.get(list)).body)).toEqual([]);
    const todayBefore = await desk.get('/desk?section=emergency');
    expect(todayBefore.body).not.toContain('30/12/2026');

    const res = await desk.post(PAGE, form({ emergencyWindowDays: '40' }), { formPage: PAGE });
    expect(res.headers.location).toBe(`${PAGE}?done=saved`);

    expect(startsOn((await provider.get(list)).body)).toEqual(['30/12/2026']);
    expect((await desk.get('/desk?section=emergency')).body).toContain('30/12/2026');
  });

  it('is the desk’s own municipality only: another desk sees and changes its own; other roles are refused', async () => {
    const other = await aMunicipality(db(), { regionId: s.region.id, name: 'Andere Gemeente' });
    const otherOfficer = await aUser(db(), { role: 'desk', municipalityId: other.id });
    const otherDesk = new TestClient(t.app);
    await otherDesk.login(otherOfficer.email, TEST_PASSWORD);
    const page = await otherDesk.get(PAGE);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Andere Gemeente');
    expect(page.body).not.toContain(s.municipality.name);
    expect(page.body).not.toContain('Centrum');
    // Its form names no sub-municipality of ours: a field for one is ignored.
    const [centrum] = subs;
    const res = await otherDesk.post(
      PAGE,
      {
        ...form({ emergencyWindowDays: '60' }),
        ...(centrum
          ? { [`children_${centrum.id}`]: '999', [`childrenDate_${centrum.id}`]: '2026-01-01' }
          : {}),
      },
      { formPage: PAGE },
    );
    expect(res.headers.location).toBe(`${PAGE}?done=saved`);
    expect((await municipality(other.id))?.emergencyWindowDays).toBe(60);
    expect((await municipality())?.emergencyWindowDays).toBe(30);
    const ours = await db()
      .select()
      .from(schema.subMunicipalities)
      .where(eq(schema.subMunicipalities.municipalityId, s.municipality.id));
    expect(ours.every((sub) => sub.children0to3 === null)).toBe(true);

    const provider = new TestClient(t.app);
    await provider.login(s.firstStaff.email, TEST_PASSWORD);
    expect((await provider.get(PAGE)).statusCode).toBe(403);
    expect(
      (await provider.post(PAGE, form({ emergencyWindowDays: '5' }), { formPage: '/provider' })).statusCode,
    ).toBe(403);
    const policy = await aUser(db(), { role: 'policy', municipalityId: s.municipality.id });
    const policyClient = new TestClient(t.app);
    await policyClient.login(policy.email, TEST_PASSWORD);
    expect((await policyClient.get(PAGE)).statusCode).toBe(403);
    const anonymous = await new TestClient(t.app).get(PAGE);
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toContain('/login');
    expect((await municipality())?.emergencyWindowDays).toBe(30);
  });
});
