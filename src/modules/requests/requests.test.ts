import { and, eq } from 'drizzle-orm';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { TestClient } from '../../../test/app.ts';
import { aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import {
  anOffer,
  aParent,
  bornChild,
  errorsOf,
  eventsOf,
  fileRequest,
  mails,
  type Parent,
  preferencesOf,
  regularStart,
  saveFamily,
  step,
} from '../../../test/parent-journey.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { makeNationalNumber } from '../../shared/national-number.ts';

describe.each(BACKENDS)('requests and offers on %s', (backend) => {
  let p: Parent;
  beforeEach(async () => {
    p = await aParent(backend, 'fr');
  });
  afterEach(async () => p.t.close());

  /** Files a request through the wizard (the family file first), for three preferences. */
  async function submit(child: Record<string, string> = {}) {
    await saveFamily(p);
    return fileRequest(p, { child, preferences: [p.s.first.id, p.s.second.id, p.s.third.id] });
  }

  it('files a request with its three preferences, and mails the parent in French', async () => {
    const requestId = await submit();
    const page = await p.client.get(`/parent/requests/${requestId}`);
    expect(page.body).toContain('Demande pour Lena Peeters');
    expect(page.body).toContain('KDV De Eerste Stap');
    expect((await mails(p.t)).map((m) => [m.template, m.language, m.toAddress])).toEqual([
      ['request.submitted', 'fr', p.user.email],
    ]);
    expect((await eventsOf(p.t, requestId)).map((e) => e.eventType)).toEqual([
      'request.submitted',
      'preference.added',
      'preference.added',
      'preference.added',
    ]);
  });

  it('refuses a bad step with 400 and messages in the parent’s language, and files nothing', async () => {
    await saveFamily(p);
    await p.client.get('/parent/requests/new');
    for (const [input, error] of [
      [{ childLastName: '' }, 'Remplissez ce champ.'],
      [
        { nationalNumber: '12345678901' },
        'Ce n’est pas un numéro de registre national valide (11 chiffres, p. ex. 24.03.15-123.45).',
      ],
    ] as const) {
      const child = await p.client.post(
        '/parent/requests/new/child',
        { ...bornChild, ...input, nav: 'next' },
        { formPage: '/parent/requests/new/child' },
      );
      expect(child.statusCode).toBe(400);
      expect(errorsOf(child.body)).toEqual([error]);
    }
    await step(p, 'child', { ...bornChild, nav: 'next' });
    for (const [desiredStart, error] of [
      ['2026-13-45', 'Indiquez une date existante (jour, mois et année).'],
      ['2026-07-01', 'La date de début ne peut pas être dans le passé.'],
    ] as const) {
      const when = await p.client.post(
        '/parent/requests/new/when',
        { ...regularStart, desiredStart, nav: 'next' },
        { formPage: '/parent/requests/new/when' },
      );
      expect(when.statusCode).toBe(400);
      expect(errorsOf(when.body)).toEqual([error]);
    }
    // Nothing was filed, so the new child waits in the draft, not in the family file.
    expect(await p.t.deps.db.$count(schema.children)).toBe(0);
    expect(await p.t.deps.db.$count(schema.requests)).toBe(0);
    expect(await p.t.deps.db.$count(schema.preferences)).toBe(0);
  });

  it('keeps the national number only encrypted, and never files a second open request for the child', async () => {
    const nrn = makeNationalNumber(localDate('2026-08-01'), 123);
    await submit({ nationalNumber: nrn });
    const [child] = await p.t.deps.db.select().from(schema.children);
    expect(JSON.stringify(child)).not.toContain(nrn);
    expect(p.t.deps.vault.reveal(child?.nationalNumberCipher as string)).toBe(nrn);
    await p.client.get('/parent/requests/new');
    const again = await p.client.post(
      '/parent/requests/new/child',
      { ...bornChild, nationalNumber: nrn, nav: 'next' },
      { formPage: '/parent/requests/new/child' },
    );
    expect(again.statusCode).toBe(400);
    expect(errorsOf(again.body)).toEqual([
      'Une demande est déjà en cours pour cet enfant. Vous la trouverez sous «\u00a0Mes demandes\u00a0».',
    ]);
    expect(await p.t.deps.db.$count(schema.requests)).toBe(1);
  });

  it('accepts an offer staying on the higher-ranked list; lower ones close as placed elsewhere', async () => {
    const requestId = await submit();
    const offerId = await anOffer(p.t, requestId, p.s.second.id, { answerDeadline: '2026-11-29' });
    const page = await p.client.get(`/parent/requests/${requestId}`);
    expect(page.body).toContain('Proposition de KDV Het Tweede Nest');
    // With a higher preference still open, the parent must choose.
    const unanswered = await p.client.post(`/parent/requests/${requestId}/offers/${offerId}/accept`, {});
    expect(unanswered.statusCode).toBe(400);
    expect(errorsOf(unanswered.body)).toEqual(['Choisissez une des possibilités.']);
    const ok = await p.client.post(`/parent/requests/${requestId}/offers/${offerId}/accept`, {
      keepHigher: 'yes',
    });
    expect(ok.statusCode).toBe(303);
    expect((await preferencesOf(p.t, requestId)).map((x) => [x.rank, x.status])).toEqual([
      [1, 'new'],
      [2, 'offer_accepted'],
      [3, 'placed_elsewhere'],
    ]);
    const [request] = await p.t.deps.db.select().from(schema.requests);
    expect(request?.status).toBe('answered');
    const mail = (await mails(p.t)).find((m) => m.template === 'offer.accepted');
    expect(mail?.textBody).toContain('Vous restez sur la liste d’attente des lieux d’accueil mieux classés.');
    // The follow-up page speaks of the higher preference only because one is still open.
    const followUp = await p.client.get(`/parent/requests/${requestId}`);
    expect(followUp.body).toContain('La préférence mieux classée que vous avez gardée reste ouverte.');
  });

  it('closes the higher preferences too when the parent does not want to stay; declining keeps the others', async () => {
    const requestId = await submit();
    const declined = await anOffer(p.t, requestId, p.s.first.id, { answerDeadline: '2026-11-29' });
    await p.client.get(`/parent/requests/${requestId}`);
    expect(
      (await p.client.post(`/parent/requests/${requestId}/offers/${declined}/decline`, { confirmed: 'yes' }))
        .statusCode,
    ).toBe(303);
    const offerId = await anOffer(p.t, requestId, p.s.third.id, { answerDeadline: '2026-11-29' });
    await p.client.post(`/parent/requests/${requestId}/offers/${offerId}/accept`, { keepHigher: 'no' });
    expect((await preferencesOf(p.t, requestId)).map((x) => [x.rank, x.status])).toEqual([
      [1, 'offer_declined'],
      [2, 'withdrawn'],
      [3, 'offer_accepted'],
    ]);
    // No higher preference remains open: the follow-up page says nothing about one.
    const followUp = await p.client.get(`/parent/requests/${requestId}`);
    expect(followUp.body).toContain('Vous avez accepté une place.');
    expect(followUp.body).not.toContain('data-qa="higher-still-open"');
    expect(followUp.body).not.toContain('mieux classée');
    expect((await mails(p.t)).map((m) => m.template)).toEqual([
      'request.submitted',
      'offer.declined',
      'offer.accepted',
    ]);
  });

  it('answers 404 for another family’s request, and 403 for provider pages', async () => {
    const requestId = await submit();
    const other = await aUser(p.t.deps.db, { role: 'parent' });
    const client = new TestClient(p.t.app);
    await client.login(other.email, TEST_PASSWORD);
    for (const path of ['', '/dates', '/care-plan', '/preferences', '/withdraw']) {
      expect((await client.get(`/parent/requests/${requestId}${path}`)).statusCode).toBe(404);
    }
    expect((await client.get('/parent/requests/not-a-uuid')).statusCode).toBe(404);
    await client.get('/parent');
    expect((await client.post(`/parent/requests/${requestId}/withdraw`, {})).statusCode).toBe(404);
    expect((await p.client.get(`/provider/locations/${p.s.first.id}/waiting-list`)).statusCode).toBe(403);
    const [request] = await p.t.deps.db.select().from(schema.requests);
    expect(request?.status).toBe('active');
  });

  it('keeps exactly one accepted offer when 20 answers to two offers arrive at once', async () => {
    const requestId = await submit();
    const offers = [
      await anOffer(p.t, requestId, p.s.first.id, { answerDeadline: '2026-11-29' }),
      await anOffer(p.t, requestId, p.s.second.id, { answerDeadline: '2026-11-29' }),
    ];
    await p.client.get(`/parent/requests/${requestId}`);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        p.client.post(`/parent/requests/${requestId}/offers/${offers[i % 2]}/accept`, { keepHigher: 'yes' }),
      ),
    );
    expect(answers.every((a) => a.statusCode === 303 || a.statusCode === 400)).toBe(true);
    const accepted = await p.t.deps.db
      .select()
      .from(schema.preferences)
      .where(
        and(eq(schema.preferences.requestId, requestId), eq(schema.preferences.status, 'offer_accepted')),
      );
    expect(accepted).toHaveLength(1);
  });
});
