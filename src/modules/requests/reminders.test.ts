import { eq } from 'drizzle-orm';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import {
  anOffer,
  aParent,
  errorsOf,
  eventsOf,
  fileRequest,
  mails,
  type Parent,
  preferencesOf,
  saveFamily,
} from '../../../test/parent-journey.ts';
import { schema } from '../../platform/db/index.ts';
import {
  expireOffers,
  requestJobs,
  runConfirmationCycle,
  sendBirthDataReminders,
  sendOfferReminders,
} from './reminders.service.ts';

/** Runs a job as the scheduler would at that moment in Belgium (09:00 local in winter = 08:00 UTC). */
const at = (day: string) => new Date(`${day}T08:00:00Z`);

describe.each(BACKENDS)('the daily jobs of the parent journey on %s', (backend) => {
  let p: Parent;
  let requestId: string;
  beforeEach(async () => {
    p = await aParent(backend, 'nl');
    await saveFamily(p, { parent1Language: 'nl' });
  });
  afterEach(async () => p.t.close());

  const templates = async () => (await mails(p.t)).map((m) => m.template);

  it('reminds the parent once to complete the birth data after the expected date', async () => {
    requestId = await fileRequest(p, {
      child: {
        childId: 'new',
        childLastName: 'Peeters',
        childBorn: 'no',
        birthDate: '',
        expectedBirthDate: '2027-01-15',
      },
      when: { desiredStart: '2027-06-01' },
    });
    expect(await sendBirthDataReminders(p.t.deps, at('2027-01-15'))).toBe(0);
    expect(await sendBirthDataReminders(p.t.deps, at('2027-01-16'))).toBe(1);
    expect(await sendBirthDataReminders(p.t.deps, at('2027-01-16'))).toBe(0);
    expect(await sendBirthDataReminders(p.t.deps, at('2027-02-20'))).toBe(0);
    const [mail] = (await mails(p.t)).filter((m) => m.template === 'child.birth_reminder');
    const [child] = await p.t.deps.db.select().from(schema.children);
    expect(mail?.textBody).toContain(`/parent/children/${child?.id}/birth`);
    expect(mail?.subject).toBe('Is uw kind geboren? Vul de geboortegegevens aan');
    expect(child?.birthDataRemindedAt?.toISOString()).toBe(at('2027-01-16').toISOString());
  });

  it('reminds two days before an offer’s deadline, once, and expires it after the deadline', async () => {
    requestId = await fileRequest(p);
    await p.t.deps.db
      .update(schema.providerLocations)
      .set({ email: 'kdv@eerste-stap.example' })
      .where(eq(schema.providerLocations.id, p.s.first.id));
    const offerId = await anOffer(p.t, requestId, p.s.first.id, { answerDeadline: '2026-12-01' });

    expect(await sendOfferReminders(p.t.deps, at('2026-11-28'))).toBe(0);
    expect(await sendOfferReminders(p.t.deps, at('2026-11-29'))).toBe(1);
    expect(await sendOfferReminders(p.t.deps, at('2026-11-29'))).toBe(0);
    expect(await sendOfferReminders(p.t.deps, at('2026-11-30'))).toBe(0);
    // On the deadline itself the parent can still answer; the day after, the offer expires.
    expect(await expireOffers(p.t.deps, at('2026-12-01'))).toBe(0);
    expect(await expireOffers(p.t.deps, at('2026-12-02'))).toBe(1);
    expect(await expireOffers(p.t.deps, at('2026-12-02'))).toBe(0);

    const [offer] = await p.t.deps.db.select().from(schema.offers);
    expect(offer?.status).toBe('expired');
    expect((await preferencesOf(p.t, requestId)).map((x) => x.status)).toEqual(['offer_expired', 'new']);
    const expiry = (await eventsOf(p.t, requestId)).find((e) => e.eventType === 'preference.offer_expired');
    expect(expiry).toMatchObject({
      offerId,
      actorUserId: null,
      fromStatus: 'offer_made',
      toStatus: 'offer_expired',
    });
    const sent = await mails(p.t);
    expect(sent.map((m) => [m.template, m.toAddress])).toEqual([
      ['request.submitted', p.user.email],
      ['offer.reminder', p.user.email],
      ['offer.expired', p.user.email],
      ['offer.expired.provider', 'kdv@eerste-stap.example'],
    ]);
    expect(sent[3]?.textBody).toContain(`/provider/locations/${p.s.first.id}/requests/${requestId}`);

    // Too late to accept now.
    p.t.clock.set(at('2026-12-02'));
    await p.client.login(p.user.email, TEST_PASSWORD);
    const late = await p.client.post(
      `/parent/requests/${requestId}/offers/${offerId}/accept`,
      {},
      { formPage: `/parent/requests/${requestId}` },
    );
    expect(late.statusCode).toBe(400);
    expect(errorsOf(late.body)).toEqual(['Dit voorstel kan niet meer beantwoord worden.']);
  });

  it('asks for confirmation 14 and 3 days before the due date, and expires an unconfirmed request', async () => {
    requestId = await fileRequest(p);
    const offerId = await anOffer(p.t, requestId, p.s.second.id, { answerDeadline: '2027-03-31' });
    // Filed 22 November 2026, every 3 months: due 22 February 2027.
    const run = (day: string) => runConfirmationCycle(p.t.deps, at(day));
    expect(await run('2027-02-07')).toEqual({ reminded: 0, expired: 0 });
    expect(await run('2027-02-08')).toEqual({ reminded: 1, expired: 0 });
    expect(await run('2027-02-08')).toEqual({ reminded: 0, expired: 0 });
    expect(await run('2027-02-18')).toEqual({ reminded: 0, expired: 0 });
    expect(await run('2027-02-19')).toEqual({ reminded: 1, expired: 0 });
    expect(await run('2027-02-22')).toEqual({ reminded: 0, expired: 0 });
    expect(await run('2027-02-23')).toEqual({ reminded: 0, expired: 1 });
    expect(await run('2027-02-23')).toEqual({ reminded: 0, expired: 0 });

    const [request] = await p.t.deps.db.select().from(schema.requests);
    expect(request?.status).toBe('expired');
    expect((await preferencesOf(p.t, requestId)).map((x) => x.status)).toEqual([
      'request_closed',
      'request_closed',
    ]);
    const [offer] = await p.t.deps.db.select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer?.status).toBe('withdrawn');
    const events = (await eventsOf(p.t, requestId)).map((e) => e.eventType);
    expect(events.slice(-3)).toEqual([
      'preference.request_closed',
      'preference.request_closed',
      'request.expired',
    ]);
    expect((await templates()).filter((t) => t.startsWith('request.'))).toEqual([
      'request.submitted',
      'request.confirmation_reminder',
      'request.confirmation_reminder',
      'request.expired',
    ]);
    const reminder = (await mails(p.t)).find((m) => m.template === 'request.confirmation_reminder');
    expect(reminder?.textBody).toContain('Bevestig vóór 22 februari 2027');
  });

  it('starts the cycle again when the parent confirms', async () => {
    requestId = await fileRequest(p);
    expect(await runConfirmationCycle(p.t.deps, at('2027-02-08'))).toEqual({ reminded: 1, expired: 0 });
    p.t.clock.set(at('2027-02-10'));
    await p.client.login(p.user.email, TEST_PASSWORD);
    const page = await p.client.get(`/parent/requests/${requestId}`);
    expect(page.body).toContain('Bevestig vóór 22 februari 2027');
    await p.client.post(`/parent/requests/${requestId}/confirm`, {});
    // Next due date: 10 May 2027.
    for (const day of ['2027-02-19', '2027-02-23', '2027-04-25']) {
      expect(await runConfirmationCycle(p.t.deps, at(day))).toEqual({ reminded: 0, expired: 0 });
    }
    expect(await runConfirmationCycle(p.t.deps, at('2027-04-26'))).toEqual({ reminded: 1, expired: 0 });
    const [request] = await p.t.deps.db.select().from(schema.requests);
    expect(request?.status).toBe('active');
  });

  it('offers its jobs for scheduling with a cron each', () => {
    expect(requestJobs(p.t.deps).map((j) => [j.name, j.cron])).toEqual([
      ['requests-offer-expiry', '5 0 * * *'],
      ['requests-confirmation', '0 7 * * *'],
      ['requests-offer-reminders', '0 8 * * *'],
      ['requests-birth-reminders', '30 8 * * *'],
    ]);
  });
});
