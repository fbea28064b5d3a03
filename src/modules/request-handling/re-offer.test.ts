import { and, asc, eq } from 'drizzle-orm';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { mayOffer } from './handling-rules.ts';

/**
 * After the parents declined an offer, or let it expire, the provider may offer again — while the
 * request is still active (no offer accepted anywhere). The rule in one place, then through HTTP.
 */
describe('which statuses allow an offer', () => {
  const statuses = schema.preferenceStatusEnum.enumValues;

  it('allows a first offer on an open request and a new one after a decline or expiry while still active', () => {
    const allowed = (request: string) => statuses.filter((p) => mayOffer(p, request));
    expect(allowed('active')).toEqual(['new', 'seen', 'waiting_list', 'offer_declined', 'offer_expired']);
    // Accepted elsewhere, staying on a higher-ranked list: a first offer yes, a second one no.
    expect(allowed('answered')).toEqual(['new', 'seen', 'waiting_list']);
    for (const closed of ['expired', 'withdrawn', 'closed']) expect(allowed(closed)).toEqual([]);
  });
});

describe.each(BACKENDS)('offering again after a declined or expired offer on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staff: TestClient;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  /** A request whose offer from the first location ended as `outcome`; `elsewhere` accepted at the second. */
  async function afterOffer(outcome: 'declined' | 'expired', options: { acceptedElsewhere?: boolean } = {}) {
    const fixture = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id, s.second.id],
      childFirstName: 'Mila',
      childLastName: 'Maes',
      desiredStart: '2027-02-01',
      status: options.acceptedElsewhere ? 'answered' : 'active',
      preferenceStatuses: [
        outcome === 'declined' ? 'offer_declined' : 'offer_expired',
        options.acceptedElsewhere ? 'offer_accepted' : 'new',
      ],
    });
    const own = fixture.preferences[0];
    if (!own) throw new Error('no preference');
    await t.deps.db.insert(schema.offers).values({
      preferenceId: own.id,
      startDate: '2027-02-01',
      carePlan: fixture.request.carePlan,
      answerDeadline: '2026-11-15',
      status: outcome,
      createdAt: new Date('2026-11-08T10:00:00Z'),
      answeredAt: new Date('2026-11-12T10:00:00Z'),
    });
    return { fixture, own, page: `/provider/locations/${s.first.id}/requests/${fixture.request.id}` };
  }

  const offersOf = (preferenceId: string) =>
    t.deps.db
      .select({ status: schema.offers.status, startDate: schema.offers.startDate })
      .from(schema.offers)
      .where(eq(schema.offers.preferenceId, preferenceId))
      .orderBy(asc(schema.offers.createdAt));

  for (const outcome of ['declined', 'expired'] as const) {
    it(`offers again after an offer was ${outcome}: a new pending offer, its event and the parent's mail`, async () => {
      const { fixture, own, page } = await afterOffer(outcome);
      const before = await staff.get(page);
      expect(before.body).toContain('data-qa="offer-form"');
      const res = await staff.post(`${page}/offer`, {
        startDate: '2027-03-01',
        answerDeadline: '2026-11-29',
        day_mon: 'full',
        day_tue: 'full',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${page}?done=offer&told=mailed`);
      expect(await offersOf(own.id)).toEqual([
        { status: outcome, startDate: '2027-02-01' },
        { status: 'pending', startDate: '2027-03-01' },
      ]);
      const [pref] = await t.deps.db
        .select({ status: schema.preferences.status })
        .from(schema.preferences)
        .where(eq(schema.preferences.id, own.id));
      expect(pref?.status).toBe('offer_made');
      const [event] = await t.deps.db
        .select()
        .from(schema.statusEvents)
        .where(
          and(
            eq(schema.statusEvents.requestId, fixture.request.id),
            eq(schema.statusEvents.eventType, 'preference.offer_made'),
          ),
        );
      expect(event?.fromStatus).toBe(`offer_${outcome}`);
      const mails = await t.deps.db.select().from(schema.outbox);
      expect(mails.map((m) => m.template)).toEqual(['offer.made']);
      expect((await staff.get(page)).body).toContain('data-qa="pending-offer"');
    });
  }

  it('refuses a new offer once the family accepted a place elsewhere, and offers no form for it', async () => {
    const { own, page } = await afterOffer('declined', { acceptedElsewhere: true });
    const before = await staff.get(page);
    expect(before.body).not.toContain('data-qa="offer-form"');
    const res = await staff.post(`${page}/offer`, {
      startDate: '2027-03-01',
      answerDeadline: '2026-11-29',
      day_mon: 'full',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Deze stap is nu niet mogelijk.');
    expect(await offersOf(own.id)).toEqual([{ status: 'declined', startDate: '2027-02-01' }]);
    expect(await t.deps.db.$count(schema.outbox)).toBe(0);
  });
});
