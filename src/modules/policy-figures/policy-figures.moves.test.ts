import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { childGroups } from './policy-figures.queries.ts';

/** The text in one cell of the page (`<table key>-<row key>`). */
function cell(html: string, qa: string): string | undefined {
  return new RegExp(`data-qa="${qa}">([^<]*)<`).exec(html)?.[1];
}

const sum = (groups: { n: number }[]) => groups.reduce((a, g) => a + g.n, 0);

describe.each(BACKENDS)('figures of a family that moved and of a merged file on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let centrum: string;
  let other: { id: string };

  beforeEach(async () => {
    // The clock says 22 November 2026: the period is 1 January – 22 November 2026.
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const subs = await t.deps.db.select().from(schema.subMunicipalities);
    centrum = subs.find((x) => x.name === 'Centrum')?.id as string;
    other = await aMunicipality(t.deps.db, { regionId: s.region.id, name: 'Buurgemeente' });
  });
  afterEach(async () => t.close());

  const period = { from: localDate('2026-01-01'), to: localDate('2026-11-22') };
  const today = localDate('2026-11-22');

  /**
   * Hand-computed:
   * - 5 children of Centrum ask the municipality in March (parents);
   * - one child asks the municipality in March, its family moves to Buurgemeente in June: the first
   *   request is withdrawn, a second one is filed with Buurgemeente and gets a place there;
   * - one child has two files (the parents' in April, the desk's a week later), merged by the desk.
   * The municipality: 5 + 1 + 1 = 7 children, all with their first request by the parents.
   * Buurgemeente: 1 child (June, by the desk). The region: 7 children, the one who moved once
   * (with its first request, in the municipality).
   */
  async function fixtures() {
    const db = t.deps.db;
    const m = s.municipality.id;
    for (let i = 0; i < 5; i++)
      await aFamilyRequest(db, {
        municipalityId: m,
        locations: [s.first.id],
        subMunicipalityId: centrum,
        submittedAt: '2026-03-10T10:00:00Z',
      });

    const moved = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      subMunicipalityId: centrum,
      desiredStart: '2026-09-01',
      submittedAt: '2026-03-12T10:00:00Z',
    });
    const movedOn = new Date('2026-06-01T10:00:00Z');
    await db
      .update(schema.requests)
      .set({ status: 'withdrawn', statusChangedAt: movedOn })
      .where(eq(schema.requests.id, moved.request.id));
    await db.insert(schema.statusEvents).values({
      requestId: moved.request.id,
      eventType: 'request.withdrawn',
      fromStatus: 'active',
      toStatus: 'withdrawn',
      occurredAt: movedOn,
      details: { reason: 'moved' },
    });
    await db
      .update(schema.families)
      .set({ municipalityId: other.id, subMunicipalityId: null })
      .where(eq(schema.families.id, moved.family.id));
    const [again] = await db
      .insert(schema.requests)
      .values({
        childId: moved.child.id,
        familyId: moved.family.id,
        municipalityId: other.id,
        desiredStart: '2026-09-01',
        carePlan: moved.request.carePlan,
        channel: 'desk',
        submittedAt: new Date('2026-06-02T10:00:00Z'),
        lastConfirmedAt: new Date('2026-06-02T10:00:00Z'),
        statusChangedAt: new Date('2026-06-02T10:00:00Z'),
      })
      .returning();
    const place = await db
      .select({ id: schema.providerLocations.id })
      .from(schema.providerLocations)
      .limit(1);
    await db.insert(schema.preferences).values({
      requestId: again?.id as string,
      providerLocationId: place[0]?.id as string,
      rank: 1,
      status: 'offer_accepted',
      statusChangedAt: new Date('2026-07-01T10:00:00Z'),
    });

    const a = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      subMunicipalityId: centrum,
      childFirstName: 'Zoë',
      childLastName: 'Van den Broeck',
      birthDate: '2026-05-04',
      submittedAt: '2026-04-01T10:00:00Z',
    });
    const b = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.second.id],
      subMunicipalityId: centrum,
      childFirstName: 'zoe',
      childLastName: 'VANDENBROECK',
      birthDate: '2026-05-04',
      submittedAt: '2026-04-08T10:00:00Z',
    });
    await db.update(schema.requests).set({ channel: 'desk' }).where(eq(schema.requests.id, b.request.id));
    await db.update(schema.parents).set({ phone: '0470 12 34 56' }).where(eq(schema.parents.id, a.parent.id));
    await db.update(schema.parents).set({ phone: '0470 12 34 56' }).where(eq(schema.parents.id, b.parent.id));
    return { moved, a, b };
  }

  async function merge(
    a: { family: { id: string }; request: { id: string } },
    b: { family: { id: string } },
  ) {
    const deskUser = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const desk = new TestClient(t.app);
    await desk.login(deskUser.email, TEST_PASSWORD);
    const url = `/desk/duplicates/${a.family.id}/${b.family.id}`;
    const page = await desk.get(url);
    const field = /name="(keepRequest-[0-9a-f-]+)"/.exec(page.body)?.[1] as string;
    // The desk keeps file B with file A's request: the child counts once, with its first request
    // of the period (the parents', in April), whichever request stays open.
    const res = await desk.post(`${url}/merge`, { keep: b.family.id, [field]: a.request.id });
    expect(res.statusCode).toBe(303);
    const [merged] = await t.deps.db
      .select()
      .from(schema.families)
      .where(eq(schema.families.id, a.family.id));
    expect(merged?.mergedIntoFamilyId).toBe(b.family.id);
  }

  async function policyUser(options: { municipalityId?: string; regionId?: string }) {
    const user = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await t.deps.db.execute(sql`delete from role_grants where user_id = ${user.id}`);
    await t.deps.db.insert(schema.roleGrants).values({
      userId: user.id,
      role: 'policy',
      municipalityId: options.municipalityId ?? null,
      regionId: options.regionId ?? null,
    });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return client;
  }

  it('counts a merged child once, with its first request of the period', async () => {
    const { a, b } = await fixtures();
    const before = await childGroups(t.deps.db, {
      municipalityIds: [s.municipality.id],
      period,
      today,
      rules: undefined,
    });
    // Two files, two children: 5 + 1 + 2.
    expect(sum(before)).toBe(8);
    await merge(a, b);
    const groups = await childGroups(t.deps.db, {
      municipalityIds: [s.municipality.id],
      period,
      today,
      rules: undefined,
    });
    expect(sum(groups)).toBe(7);
    // Its first request: the parents' of April (the desk's request of the other file is not a second child).
    expect(sum(groups.filter((g) => g.month === '2026-04'))).toBe(1);
    expect(sum(groups.filter((g) => g.channel === 'desk'))).toBe(0);
    expect(sum(groups.filter((g) => g.channel === 'parent'))).toBe(7);

    const policy = await policyUser({ municipalityId: s.municipality.id });
    const html = (await policy.get('/figures')).body;
    expect(cell(html, 'byChannel-total')).toBe('7');
    expect(cell(html, 'byChannel-parent')).toBe('7');
    expect(cell(html, 'byChannel-desk')).toBe('0');
  });

  it('counts a child whose family moved in each municipality it asked, and once in their region', async () => {
    await fixtures();
    const db = t.deps.db;
    const ours = await childGroups(db, {
      municipalityIds: [s.municipality.id],
      period,
      today,
      rules: undefined,
    });
    const theirs = await childGroups(db, { municipalityIds: [other.id], period, today, rules: undefined });
    // The municipality counts the child it was asked for in March (5 + 1 + the two files of Zoë).
    expect(sum(ours)).toBe(8);
    expect(sum(ours.filter((g) => g.month === '2026-03'))).toBe(6);
    // Its request there was withdrawn, but the child found a place (in Buurgemeente): solved, not unanswered.
    expect(sum(ours.filter((g) => g.solved))).toBe(1);
    // Buurgemeente counts it in June, through the desk.
    expect(theirs).toEqual([
      expect.objectContaining({ month: '2026-06', channel: 'desk', solved: true, n: 1 }),
    ]);

    // The region: each child once, with its first request of the period (March, the municipality's).
    const region = await childGroups(db, {
      municipalityIds: [s.municipality.id, other.id],
      period,
      today,
      rules: undefined,
      oncePerChild: true,
    });
    expect(sum(region)).toBe(8);
    expect(sum(region.filter((g) => g.municipalityId === other.id))).toBe(0);
    expect(sum(region.filter((g) => g.month === '2026-06'))).toBe(0);

    // The neighbour's desk put its emergency window at 90 days; the municipality kept 30.
    await db.execute(sql`update municipalities set emergency_window_days = 90 where id = ${other.id}`);
    const policy = await policyUser({ regionId: s.region.id });
    const html = (await policy.get(`/figures?municipality=region:${s.region.id}`)).body;
    expect(cell(html, 'byChannel-total')).toBe('8');
    // The emergency list's definition names each municipality's window, not the widest as everyone's.
    expect(html).toContain(
      `binnen de termijn van de gemeente van de aanvraag (Buurgemeente: 90 dagen, ${s.municipality.name}: 30 dagen)`,
    );
    expect(html).not.toContain('binnen 90 dagen valt');
    const own = (await policy.get(`/figures?municipality=${s.municipality.id}`)).body;
    expect(own).toContain('gewenste start binnen 30 dagen valt');
    const neighbour = (await policy.get(`/figures?municipality=${other.id}`)).body;
    expect(cell(neighbour, 'byChannel-total')).toBe('&lt; 5');
  });
});
