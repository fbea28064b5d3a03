/** For the parent journey's tests: a logged-in parent with a family file, the wizard, offers. */
import { asc, eq } from 'drizzle-orm';

import { expect } from 'vitest';
import * as q from '../src/modules/requests/index.ts';
import { schema } from '../src/platform/db/index.ts';
import type { CarePlan } from '../src/platform/db/schema/requests.ts';
import { buildTestApp, type TestApp, TestClient } from './app.ts';
import { aScenario, aUser, TEST_PASSWORD } from './builders.ts';
import type { Backend } from './db.ts';

export type Parent = {
  t: TestApp;
  s: Awaited<ReturnType<typeof aScenario>>;
  client: TestClient;
  user: Awaited<ReturnType<typeof aUser>>;
};

/** The app on `backend`, the usual scenario, and a parent (in `language`) logged in, without a file yet. */
export async function aParent(
  backend: Backend,
  language: 'nl' | 'fr' | 'en' = 'nl',
  now?: string,
  logStream?: { write(line: string): void },
): Promise<Parent> {
  const t = await buildTestApp(backend, { ...(now ? { now } : {}), ...(logStream ? { logStream } : {}) });
  const s = await aScenario(t.deps.db);
  const user = await aUser(t.deps.db, { role: 'parent', language });
  const client = new TestClient(t.app);
  await client.login(user.email, TEST_PASSWORD);
  return { t, s, client, user };
}

export const familyForm = (municipalityId: string, overrides: Record<string, string | string[]> = {}) => ({
  parent1FirstName: 'Sofie',
  parent1LastName: 'Peeters',
  parent1Language: 'fr',
  parent1Situation: 'working',
  parent1DaysPerWeek: '4',
  street: 'Bondgenotenlaan',
  houseNumber: '1',
  postcode: '3000',
  city: 'Leuven',
  municipalityId,
  consent: 'yes',
  ...overrides,
});

/** Saves the family file through its form; expects the redirect. */
export async function saveFamily(p: Parent, overrides: Record<string, string | string[]> = {}) {
  const res = await p.client.post('/parent/family', familyForm(p.s.municipality.id, overrides), {
    formPage: '/parent/family',
  });
  expect(res.statusCode, res.statusCode === 400 ? res.body.slice(res.body.indexOf('<main')) : '').toBe(303);
  return res;
}

export type WizardInput = {
  child?: Record<string, string>;
  when?: Record<string, string>;
  plan?: Record<string, string | string[]>;
  preferences?: string[];
};

export const bornChild = {
  childId: 'new',
  childFirstName: 'Lena',
  childLastName: 'Peeters',
  childBorn: 'yes',
  birthDate: '2026-08-01',
};
export const regularStart = { kind: 'regular', desiredStart: '2027-02-01', desiredEnd: '' };
export const fourDays = {
  day_mon: 'full',
  day_tue: 'full',
  day_wed: 'none',
  day_thu: 'full',
  day_fri: 'half',
  fixed: 'fixed',
  careNeeds: 'no',
};

/** Posts one wizard step and expects to be sent on (303). */
export async function step(p: Parent, name: string, form: Record<string, string | string[]>) {
  const res = await p.client.post(`/parent/requests/new/${name}`, form, {
    formPage: `/parent/requests/new/${name}`,
  });
  expect(res.statusCode, res.statusCode === 400 ? errorsOf(res.body).join(' | ') : '').toBe(303);
  return res;
}

/** The texts of a page's error summary. */
export function errorsOf(body: string): string[] {
  const summary = /ko-error-summary[\s\S]*?<\/ul>/.exec(body)?.[0] ?? '';
  return [...summary.matchAll(/<a[^>]*>([^<]*)<\/a>/g)].map((m) => m[1] as string);
}

/** Goes through the wizard and submits; returns the new request's id. */
export async function fileRequest(p: Parent, input: WizardInput = {}): Promise<string> {
  await p.client.get('/parent/requests/new');
  await step(p, 'child', { ...bornChild, ...input.child, nav: 'next' });
  await step(p, 'when', { ...regularStart, ...input.when, nav: 'next' });
  await step(p, 'plan', { ...fourDays, ...input.plan, nav: 'next' });
  for (const id of input.preferences ?? [p.s.first.id, p.s.second.id]) {
    await step(p, 'preferences', { op: `add:${id}` });
  }
  await step(p, 'preferences', { nav: 'next' });
  const summary = await p.client.get('/parent/requests/new/summary');
  expect(summary.statusCode).toBe(200);
  const key = /name="submissionKey" value="([^"]+)"/.exec(summary.body)?.[1] ?? '';
  const res = await p.client.post('/parent/requests/new/summary', { submissionKey: key, nav: 'next' });
  expect(res.statusCode).toBe(303);
  const id = String(res.headers.location).split('/').pop() as string;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id;
}

/** A provider's offer, written as the provider side does (without its pages); by default the plan asked. */
export async function anOffer(
  t: TestApp,
  requestId: string,
  locationId: string,
  dates: { startDate?: string; answerDeadline: string; days?: Partial<CarePlan['days']> },
): Promise<string> {
  const db = t.deps.db;
  const preference = await q.getPreferenceOfLocation(db, requestId, locationId);
  const detail = await q.getRequestWithChild(db, requestId);
  if (!preference || !detail) throw new Error('no such preference');
  const now = t.clock.now();
  return db.transaction(async (tx) => {
    const offer = await q.insertOffer(tx, {
      preferenceId: preference.id,
      startDate: dates.startDate ?? detail.request.desiredStart,
      carePlan: { ...detail.request.carePlan, days: { ...detail.request.carePlan.days, ...dates.days } },
      answerDeadline: dates.answerDeadline,
      createdAt: now,
    });
    await q.updatePreferenceStatus(tx, preference.id, 'offer_made', now);
    await q.insertStatusEvents(tx, [
      {
        requestId,
        preferenceId: preference.id,
        offerId: offer.id,
        eventType: 'preference.offer_made',
        fromStatus: preference.status,
        toStatus: 'offer_made',
        occurredAt: now,
        actorUserId: null,
        actorRole: 'provider_staff',
      },
    ]);
    return offer.id;
  });
}

export function mails(t: TestApp) {
  return t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));
}

export function eventsOf(t: TestApp, requestId: string) {
  return t.deps.db
    .select()
    .from(schema.statusEvents)
    .where(eq(schema.statusEvents.requestId, requestId))
    .orderBy(asc(schema.statusEvents.id));
}

export async function preferencesOf(t: TestApp, requestId: string) {
  return q.getPreferencesOfRequest(t.deps.db, requestId);
}

/**
 * Goes through the wizard at `base` (the parent's, or one mounted for staff under a family's
 * path) with any logged-in client, and submits; returns the answer to the submit.
 */
export async function walkWizard(
  client: TestClient,
  base: string,
  preferences: string[],
  input: WizardInput = {},
) {
  const start = await client.get(base);
  expect(start.statusCode).toBe(303);
  const post = async (name: string, form: Record<string, string | string[]>) => {
    const res = await client.post(`${base}/${name}`, form, { formPage: `${base}/${name}` });
    expect(res.statusCode, res.statusCode === 400 ? errorsOf(res.body).join(' | ') : '').toBe(303);
  };
  await post('child', { ...bornChild, ...input.child, nav: 'next' });
  await post('when', { ...regularStart, ...input.when, nav: 'next' });
  await post('plan', { ...fourDays, ...input.plan, nav: 'next' });
  for (const id of preferences) await post('preferences', { op: `add:${id}` });
  await post('preferences', { nav: 'next' });
  const summary = await client.get(`${base}/summary`);
  expect(summary.statusCode).toBe(200);
  const key = /name="submissionKey" value="([^"]+)"/.exec(summary.body)?.[1] ?? '';
  return client.post(`${base}/summary`, { submissionKey: key, nav: 'next' });
}
