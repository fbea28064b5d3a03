import { and, eq, isNotNull } from 'drizzle-orm';

import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { aProviderLocation, TEST_PASSWORD } from '../../../test/builders.ts';
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
import { editPreferences, getPreferenceEditor, savePreferences } from './preferences-edit.service.ts';

describe.each(BACKENDS)('changing a filed request on %s', (backend) => {
  let p: Parent;
  let requestId: string;
  beforeEach(async () => {
    p = await aParent(backend, 'en');
    await saveFamily(p, { parent1Language: 'en' });
    requestId = await fileRequest(p);
  });
  afterEach(async () => p.t.close());

  const base = () => `/parent/requests/${requestId}`;

  it('changes the dates and the care plan, each a history event and a mail', async () => {
    const bad = await p.client.post(
      `${base()}/dates`,
      { desiredStart: '2026-10-01' },
      { formPage: `${base()}/dates` },
    );
    expect(bad.statusCode).toBe(400);
    expect(errorsOf(bad.body)).toEqual(['The start date cannot be in the past.']);
    const dates = await p.client.post(`${base()}/dates`, {
      desiredStart: '2027-03-01',
      desiredEnd: '2029-03-01',
    });
    expect(dates.headers.location).toBe(base());
    const plan = await p.client.post(
      `${base()}/care-plan`,
      {
        day_mon: 'full',
        day_tue: 'full',
        day_wed: 'full',
        fixed: 'variable',
        hours: 'late',
        careNeeds: 'no',
      },
      { formPage: `${base()}/care-plan` },
    );
    expect(plan.statusCode).toBe(303);
    // The same values again change nothing: no event, no mail.
    await p.client.post(
      `${base()}/dates`,
      { desiredStart: '2027-03-01', desiredEnd: '2029-03-01' },
      { formPage: `${base()}/dates` },
    );

    const [request] = await p.t.deps.db.select().from(schema.requests);
    expect(request).toMatchObject({
      desiredStart: '2027-03-01',
      desiredEnd: '2029-03-01',
      carePlan: { fixed: false, late: true, early: false, days: { wed: 'full', thu: 'none' } },
    });
    const events = await eventsOf(p.t, requestId);
    expect(events.filter((e) => e.eventType.startsWith('request.')).map((e) => e.eventType)).toEqual([
      'request.submitted',
      'request.dates_changed',
      'request.care_plan_changed',
    ]);
    expect(events.find((e) => e.eventType === 'request.dates_changed')?.details).toEqual({
      desiredStart: { from: '2027-02-01', to: '2027-03-01' },
      desiredEnd: { from: null, to: '2029-03-01' },
    });
    const sent = await mails(p.t);
    expect(sent.map((m) => m.template)).toEqual(['request.submitted', 'request.changed', 'request.changed']);
    expect(sent[1]?.textBody).toContain('The preferred start date is now 1 March 2027.');
    const page = await p.client.get(base());
    expect(page.body).toContain('Start or end date changed');
  });

  it('adds, reorders and removes preferences in a working copy, and saves them at once', async () => {
    const editor = `${base()}/preferences`;
    await p.client.get(editor);
    const prefs = await preferencesOf(p.t, requestId);
    const [first, second] = prefs;
    const status = (form: Record<string, string>) => p.client.post(editor, form).then((r) => r.statusCode);
    expect(await status({ op: `add:${p.s.third.id}` })).toBe(303);
    expect(await status({ op: `up:l:${p.s.third.id}` })).toBe(303);
    expect(await status({ op: `up:l:${p.s.third.id}` })).toBe(303);
    expect(await status({ op: `remove:p:${second?.id}` })).toBe(303);
    // Nothing has changed for the providers yet.
    expect((await preferencesOf(p.t, requestId)).map((x) => [x.rank, x.status])).toEqual([
      [1, 'new'],
      [2, 'new'],
    ]);
    const page = await p.client.get(editor);
    expect(page.body).toContain('data-qa="unsaved"');
    const save = await p.client.post(editor, { op: 'save' });
    expect(save.headers.location).toBe(base());

    const after = await preferencesOf(p.t, requestId);
    expect(after.map((x) => [x.rank, x.locationName, x.status])).toEqual([
      [1, 'Onthaalouder Derde', 'new'],
      [2, 'KDV De Eerste Stap', 'new'],
      [null, 'KDV Het Tweede Nest', 'withdrawn'],
    ]);
    const events = (await eventsOf(p.t, requestId)).slice(3);
    expect(events.map((e) => [e.eventType, e.details])).toEqual([
      ['preference.withdrawn', { rank: 2 }],
      ['preference.added', { rank: 1 }],
      ['preference.reordered', { from: 1, to: 2 }],
    ]);
    expect(events[2]?.preferenceId).toBe(first?.id);
    const [mail] = (await mails(p.t)).filter((m) => m.template === 'request.changed');
    expect(mail?.textBody).toContain('1. Onthaalouder Derde\n2. KDV De Eerste Stap');
    expect(mail?.textBody).toContain('You withdrew these preferences: KDV Het Tweede Nest.');
    // The follow-up page and the timeline show it.
    const followUp = await p.client.get(base());
    expect(followUp.body).toContain('Order of the preferences changed (KDV De Eerste Stap), by you');
    // The removed location may be chosen again: the same row comes back as new.
    await p.client.post(editor, { op: `add:${p.s.second.id}` }, { formPage: editor });
    await p.client.post(editor, { op: 'save' });
    expect((await preferencesOf(p.t, requestId)).map((x) => [x.rank, x.status])).toEqual([
      [1, 'new'],
      [2, 'new'],
      [3, 'new'],
    ]);
  });

  it('refuses to remove the last open preference and to go over the maximum', async () => {
    const editor = `${base()}/preferences`;
    const prefs = await preferencesOf(p.t, requestId);
    await p.client.get(editor);
    for (const x of prefs) await p.client.post(editor, { op: `remove:p:${x.id}` });
    const save = await p.client.post(editor, { op: 'save' });
    expect(save.statusCode).toBe(400);
    expect(errorsOf(save.body)).toEqual([
      'Keep at least one childcare location, or withdraw the whole request.',
    ]);
    await p.client.post(editor, { op: 'cancel' });
    await p.t.deps.db.update(schema.municipalities).set({ maxPreferences: 2 });
    const over = await p.client.post(editor, { op: `add:${p.s.third.id}` }, { formPage: editor });
    expect(over.statusCode).toBe(400);
    expect(errorsOf(over.body)).toEqual(['You can choose at most 2 childcare locations.']);
  });

  it('keeps the preference order strict and without gaps, whatever the parent edits (property)', async () => {
    const db = p.t.deps.db;
    const extra = await Promise.all(
      [1, 2, 3].map((i) =>
        aProviderLocation(db, { municipalityId: p.s.municipality.id, name: `Extra ${i}` }),
      ),
    );
    const locations = [p.s.first.id, p.s.second.id, p.s.third.id, ...extra.map((l) => l.id)];
    const parent = {
      id: p.user.id,
      email: p.user.email,
      displayName: 'Sofie',
      language: 'en' as const,
      grants: [],
    };
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), i: fc.nat(locations.length - 1) }),
      fc.record({ kind: fc.constantFrom('up' as const, 'down' as const, 'remove' as const), i: fc.nat(6) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 6 }), async (ops) => {
        for (const o of ops) {
          const editor = await getPreferenceEditor(p.t.deps, parent, requestId);
          const entry = editor.entries[o.i % Math.max(editor.entries.length, 1)];
          if (o.kind === 'add')
            await editPreferences(p.t.deps, parent, requestId, {
              kind: 'add',
              key: locations[o.i] as string,
            });
          else if (entry)
            await editPreferences(p.t.deps, parent, requestId, { kind: o.kind, key: entry.key });
        }
        const wanted = (await getPreferenceEditor(p.t.deps, parent, requestId)).entries.map(
          (e) => e.locationId,
        );
        const saved = await savePreferences(p.t.deps, parent, requestId);
        const ranked = await db
          .select()
          .from(schema.preferences)
          .where(and(eq(schema.preferences.requestId, requestId), isNotNull(schema.preferences.rank)))
          .orderBy(schema.preferences.rank);
        // Ranks are 1..n, n at most the maximum, and the order is the one the parent saved.
        expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
        expect(ranked.length).toBeLessThanOrEqual(5);
        if (saved.ok) expect(ranked.map((r) => r.providerLocationId)).toEqual(wanted);
        else {
          expect(saved.errors.preferences).toBe('lastPreference');
          await db.delete(schema.requestDrafts);
        }
      }),
      { numRuns: 8 },
    );
  }, 180_000);

  it('after accepting a place: only leaving higher lists, no adding or reordering', async () => {
    const offerId = await anOffer(p.t, requestId, p.s.second.id, { answerDeadline: '2026-11-29' });
    await p.client.post(`${base()}/offers/${offerId}/accept`, { keepHigher: 'yes' }, { formPage: base() });
    const editor = `${base()}/preferences`;
    const page = await p.client.get(editor);
    expect(page.body).toContain('You already accepted a place.');
    expect(page.body).not.toContain('data-qa="location-filter"');
    const add = await p.client.post(editor, { op: `add:${p.s.third.id}` });
    expect(add.statusCode).toBe(400);
    const [first] = await preferencesOf(p.t, requestId);
    await p.client.post(editor, { op: `remove:p:${first?.id}` }, { formPage: editor });
    expect((await p.client.post(editor, { op: 'save' })).statusCode).toBe(303);
    // The accepted place is now the first choice: the order stays without gaps.
    expect((await preferencesOf(p.t, requestId)).map((x) => [x.rank, x.status])).toEqual([
      [1, 'offer_accepted'],
      [null, 'withdrawn'],
    ]);
  });

  it('confirms the request is still current, and withdraws it: every open preference and offer closes', async () => {
    p.t.clock.advanceDays(30);
    await p.client.login(p.user.email, TEST_PASSWORD);
    const confirm = await p.client.post(`${base()}/confirm`, {}, { formPage: base() });
    expect(confirm.statusCode).toBe(303);
    const [confirmed] = await p.t.deps.db.select().from(schema.requests);
    expect(confirmed?.lastConfirmedAt.toISOString()).toBe(p.t.clock.now().toISOString());

    const offerId = await anOffer(p.t, requestId, p.s.first.id, { answerDeadline: '2027-01-10' });
    const confirmPage = await p.client.get(`${base()}/withdraw`);
    expect(confirmPage.body).toContain('You cannot undo this.');
    const res = await p.client.post(`${base()}/withdraw`, { confirmed: 'yes' });
    expect(res.headers.location).toBe(base());
    const [request] = await p.t.deps.db.select().from(schema.requests);
    expect(request?.status).toBe('withdrawn');
    expect((await preferencesOf(p.t, requestId)).map((x) => x.status)).toEqual(['withdrawn', 'withdrawn']);
    const [offer] = await p.t.deps.db.select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer?.status).toBe('withdrawn');
    expect((await mails(p.t)).map((m) => m.template)).toEqual([
      'request.submitted',
      'request.confirmed',
      'request.withdrawn',
    ]);
    // A withdrawn request can no longer be changed.
    const late = await p.client.post(`${base()}/dates`, { desiredStart: '2027-05-01' }, { formPage: base() });
    expect(late.statusCode).toBe(400);
    expect(errorsOf(late.body)).toEqual(['This step is not possible now.']);
  });
});
