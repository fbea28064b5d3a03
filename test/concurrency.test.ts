import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { TestClient } from './app.ts';
import { TEST_PASSWORD } from './builders.ts';
import { BACKENDS } from './db.ts';
import { anOffer, aParent, eventsOf, fileRequest, mails, type Parent, saveFamily } from './parent-journey.ts';

/**
 * Races a family and a provider really run into, on every engine (on PostgreSQL the requests run
 * on separate connections at once): many answers to one offer, and a provider withdrawing an
 * offer while the parent accepts it. Each ends in one consistent state.
 */
describe.each(BACKENDS)('concurrent answers on %s', (backend) => {
  let p: Parent;
  afterEach(async () => p.t.close());

  async function offered() {
    p = await aParent(backend, 'nl', '2026-11-22T09:00:00Z');
    await saveFamily(p);
    const requestId = await fileRequest(p);
    const offerId = await anOffer(p.t, requestId, p.s.first.id, { answerDeadline: '2026-12-05' });
    await p.client.get(`/parent/requests/${requestId}`);
    return { requestId, offerId };
  }

  const statusesOf = async (requestId: string, offerId: string) => {
    const [preference] = await p.t.deps.db
      .select()
      .from(schema.preferences)
      .where(
        and(
          eq(schema.preferences.requestId, requestId),
          eq(schema.preferences.providerLocationId, p.s.first.id),
        ),
      );
    const [offer] = await p.t.deps.db.select().from(schema.offers).where(eq(schema.offers.id, offerId));
    return { preference: preference?.status, offer: offer?.status };
  };

  it('accepts once when 50 accepts of one offer arrive at once', async () => {
    const { requestId, offerId } = await offered();
    const mailsBefore = (await mails(p.t)).length;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        p.client.post(`/parent/requests/${requestId}/offers/${offerId}/accept`, { keepHigher: 'yes' }),
      ),
    );
    expect(answers.filter((a) => a.statusCode >= 500)).toEqual([]);
    expect(await statusesOf(requestId, offerId)).toEqual({ preference: 'offer_accepted', offer: 'accepted' });
    const accepted = (await eventsOf(p.t, requestId)).filter(
      (e) => e.eventType === 'preference.offer_accepted',
    );
    expect(accepted).toHaveLength(1);
    // One acceptance, so the mails it causes are written once.
    const newMails = (await mails(p.t)).slice(mailsBefore);
    expect(new Set(newMails.map((m) => `${m.template}:${m.toAddress}`)).size).toBe(newMails.length);
  });

  it('ends in one state when the provider withdraws the offer while the parent accepts it', async () => {
    const { requestId, offerId } = await offered();
    const provider = new TestClient(p.t.app);
    await provider.login(p.s.firstStaff.email, TEST_PASSWORD);
    const page = `/provider/locations/${p.s.first.id}/requests/${requestId}`;
    await provider.get(`${page}/withdraw-offer`);
    const [accept, withdraw] = await Promise.all([
      p.client.post(`/parent/requests/${requestId}/offers/${offerId}/accept`, { keepHigher: 'yes' }),
      provider.post(`${page}/withdraw-offer`, { confirmed: 'yes' }),
    ]);
    expect([accept.statusCode, withdraw.statusCode].filter((s) => s >= 500)).toEqual([]);
    const end = await statusesOf(requestId, offerId);
    // Either the parent was first (the place is theirs) or the provider was (the offer is gone);
    // never an accepted preference with a withdrawn offer or the reverse.
    expect([
      { preference: 'offer_accepted', offer: 'accepted' },
      { preference: 'waiting_list', offer: 'withdrawn' },
    ]).toContainEqual(end);
    // The history holds the winner's step once and nothing of the loser's.
    const events = await eventsOf(p.t, requestId);
    const accepted = events.filter((e) => e.eventType === 'preference.offer_accepted').length;
    const withdrawn = events.filter(
      (e) => (e.details as { offerWithdrawn?: boolean } | null)?.offerWithdrawn,
    ).length;
    expect({ accepted, withdrawn }).toEqual(
      end.offer === 'accepted' ? { accepted: 1, withdrawn: 0 } : { accepted: 0, withdrawn: 1 },
    );
  });
});
