import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { TestClient } from '../../../test/app.ts';
import { TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import {
  anOffer,
  aParent,
  fileRequest,
  mails,
  type Parent,
  preferencesOf,
  saveFamily,
} from '../../../test/parent-journey.ts';
import { schema } from '../../platform/db/index.ts';

/** Texts of the elements marked with a data-qa attribute, tags stripped. */
function qaTexts(body: string, qa: string): string[] {
  const re = new RegExp(`data-qa="${qa}"[^>]*>([\\s\\S]*?)</(?:p|ul|li|div|table|tr|strong)>`, 'g');
  return [...body.matchAll(re)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** The items of the list marked with a data-qa attribute. */
function itemsOf(body: string, qa: string): string[] {
  const list = new RegExp(`<ul[^>]*data-qa="${qa}"[^>]*>([\\s\\S]*?)</ul>`).exec(body)?.[1] ?? '';
  return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => (m[1] ?? '').trim());
}

const rowsOf = (body: string) =>
  [...body.matchAll(/<tr[^>]*data-qa="offer-plan-row"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      (c[1] ?? '').replace(/<[^>]+>/g, '').trim(),
    ),
  );

/**
 * What an offer really offers (its plan next to the request's, the differences in words, on the
 * follow-up page; "offer — answer by" in the parent's overview) and the confirmation pages
 * before declining an offer or withdrawing a request.
 */
describe.each(BACKENDS)('answering an offer on %s', (backend) => {
  let p: Parent;
  let requestId: string;
  beforeEach(async () => {
    p = await aParent(backend, 'nl');
    await saveFamily(p, { parent1Language: 'nl' });
    // Asked: Mon, Tue, Thu full, Fri half, from 1 February 2027 (test/parent-journey.ts).
    requestId = await fileRequest(p, { preferences: [p.s.first.id, p.s.second.id] });
  });
  afterEach(async () => p.t.close());
  const base = () => `/parent/requests/${requestId}`;

  it('shows the offered plan next to the requested one, with the differences in words', async () => {
    await anOffer(p.t, requestId, p.s.first.id, {
      startDate: '2027-03-01',
      answerDeadline: '2026-12-01',
      days: { mon: 'half', thu: 'none' },
    });
    const page = await p.client.get(base());
    expect(page.statusCode).toBe(200);
    expect(itemsOf(page.body, 'offer-differences')).toEqual([
      'Start op 1 maart 2027 in plaats van 1 februari 2027',
      'Maandag: halve dag in plaats van volle dag',
      'Geen opvang op donderdag',
    ]);
    expect(rowsOf(page.body)).toEqual([
      ['Startdatum', '1 februari 2027', '1 maart 2027'],
      ['Maandag', 'Volle dag', 'Halve dag'],
      ['Dinsdag', 'Volle dag', 'Volle dag'],
      ['Woensdag', 'Geen opvang', 'Geen opvang'],
      ['Donderdag', 'Volle dag', 'Geen opvang'],
      ['Vrijdag', 'Halve dag', 'Halve dag'],
    ]);
    expect(page.body).not.toContain('data-qa="offer-matches"');
  });

  it('mails the offer made through the provider’s form with its plan next to the request’s', async () => {
    const staff = new TestClient(p.t.app);
    await staff.login(p.s.firstStaff.email, TEST_PASSWORD);
    const page = `/provider/locations/${p.s.first.id}/requests/${requestId}`;
    const form = await staff.get(page);
    // The form starts from the plan asked.
    expect(form.body).toMatch(/id="field-day_fri"[\s\S]*?<option value="half" selected/);
    const res = await staff.post(`${page}/offer`, {
      startDate: '2027-02-01',
      answerDeadline: '2026-12-01',
      day_mon: 'full',
      day_tue: 'half',
      day_wed: 'none',
      day_thu: 'full',
      day_fri: 'none',
    });
    expect(res.statusCode).toBe(303);
    const mail = (await mails(p.t)).find((m) => m.template === 'offer.made');
    expect(mail?.textBody).toContain('Het voorstel verschilt van uw aanvraag:');
    expect(mail?.textBody).toContain('– Dinsdag: halve dag in plaats van volle dag');
    expect(mail?.textBody).toContain('– Geen opvang op vrijdag');
    expect(mail?.textBody).toContain('- Dinsdag — Gevraagd: Volle dag; Voorgesteld: Halve dag');
    expect(mail?.textBody).not.toContain('Start op');
    const followUp = await p.client.get(base());
    expect(itemsOf(followUp.body, 'offer-differences')).toEqual([
      'Dinsdag: halve dag in plaats van volle dag',
      'Geen opvang op vrijdag',
    ]);
  });

  it('says the offer matches the request when it does, and shows "offer — answer by" in the overview', async () => {
    await anOffer(p.t, requestId, p.s.second.id, { answerDeadline: '2026-12-01' });
    const page = await p.client.get(base());
    expect(qaTexts(page.body, 'offer-matches')).toEqual(['Het voorstel komt overeen met uw aanvraag.']);
    const home = await p.client.get('/parent');
    expect(qaTexts(home.body, 'answer-due')).toEqual(['Voorstel — antwoord vóór 1 december 2026']);
    // Past the deadline no answer is due any more.
    p.t.clock.advanceDays(10);
    await p.client.login(p.user.email, TEST_PASSWORD);
    expect((await p.client.get('/parent')).body).not.toContain('data-qa="answer-due"');
  });

  it('declines only after the confirmation page, which says what happens to this request', async () => {
    const offerId = await anOffer(p.t, requestId, p.s.first.id, { answerDeadline: '2026-12-01' });
    await p.client.get(base());
    // The POST without the confirmation step does not act: it leads to the confirmation page.
    const unconfirmed = await p.client.post(`${base()}/offers/${offerId}/decline`, {});
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`${base()}/offers/${offerId}/decline`);
    expect((await preferencesOf(p.t, requestId)).map((x) => x.status)).toEqual(['offer_made', 'new']);

    const confirmPage = await p.client.get(`${base()}/offers/${offerId}/decline`);
    expect(confirmPage.statusCode).toBe(200);
    expect(confirmPage.body).toContain('Het voorstel van KDV De Eerste Stap weigeren?');
    expect(qaTexts(confirmPage.body, 'decline-consequences')[0]).toBe(
      'U weigert de plaats bij KDV De Eerste Stap vanaf 1 februari 2027. KDV De Eerste Stap kan die plaats dan aan een ander kind geven.',
    );
    expect(itemsOf(confirmPage.body, 'stays-on')).toEqual(['KDV Het Tweede Nest']);
    expect(confirmPage.body).toContain('Dit kunt u niet ongedaan maken.');
    expect(confirmPage.body).toContain(`href="${base()}"`);
    expect(confirmPage.body).toContain('name="confirmed" value="yes"');
    expect(confirmPage.body).toMatch(/name="_csrf"/);

    const confirmed = await p.client.post(`${base()}/offers/${offerId}/decline`, { confirmed: 'yes' });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(base());
    expect((await preferencesOf(p.t, requestId)).map((x) => x.status)).toEqual(['offer_declined', 'new']);
    expect((await mails(p.t)).map((m) => m.template)).toEqual(['request.submitted', 'offer.declined']);
    // Once answered, the confirmation page sends the parent back to the request.
    const again = await p.client.get(`${base()}/offers/${offerId}/decline`);
    expect(again.headers.location).toBe(base());
  });

  it('tells a parent with no other open choice so before declining', async () => {
    const [, second] = await preferencesOf(p.t, requestId);
    await p.t.deps.db
      .update(schema.preferences)
      .set({ status: 'no_place', noPlaceReason: 'full_for_period' })
      .where(eq(schema.preferences.id, second?.id ?? ''));
    const offerId = await anOffer(p.t, requestId, p.s.first.id, { answerDeadline: '2026-12-01' });
    const confirmPage = await p.client.get(`${base()}/offers/${offerId}/decline`);
    expect(qaTexts(confirmPage.body, 'no-other-open')).toEqual([
      'Uw aanvraag staat dan bij geen enkele andere opvanglocatie meer open. U kunt opvanglocaties toevoegen aan uw aanvraag.',
    ]);
    expect(confirmPage.body).not.toContain('data-qa="stays-on"');
  });

  it('withdraws only after the confirmation page, which names the lists and the offer', async () => {
    await anOffer(p.t, requestId, p.s.second.id, { answerDeadline: '2026-12-01' });
    const confirmPage = await p.client.get(`${base()}/withdraw`);
    expect(confirmPage.statusCode).toBe(200);
    expect(itemsOf(confirmPage.body, 'leaves')).toEqual(['KDV De Eerste Stap', 'KDV Het Tweede Nest']);
    expect(confirmPage.body).toContain(
      'Het voorstel van KDV Het Tweede Nest, dat u nog niet beantwoordde, vervalt.',
    );
    expect(confirmPage.body).not.toContain('U ziet ook af van de plaats');

    const unconfirmed = await p.client.post(`${base()}/withdraw`, {});
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`${base()}/withdraw`);
    const [still] = await p.t.deps.db.select().from(schema.requests);
    expect(still?.status).toBe('active');

    const confirmed = await p.client.post(`${base()}/withdraw`, { confirmed: 'yes' });
    expect(confirmed.headers.location).toBe(base());
    const [request] = await p.t.deps.db.select().from(schema.requests);
    expect(request?.status).toBe('withdrawn');
    // A withdrawn request has nothing left to withdraw: the page sends the parent back.
    expect((await p.client.get(`${base()}/withdraw`)).headers.location).toBe(base());
  });
});
