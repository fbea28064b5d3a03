import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, aUser } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { providerReportJobs, sendOverdueDigests, weekOf } from './overdue-digest.service.ts';

describe('the week of a day', () => {
  it('starts on Monday', () => {
    expect(weekOf(localDate('2026-11-23'))).toBe('2026-11-23');
    expect(weekOf(localDate('2026-11-29'))).toBe('2026-11-23');
    expect(weekOf(localDate('2026-11-22'))).toBe('2026-11-16');
  });
});

/** Monday morning: each location's staff hear, in their language, which requests wait too long. */
describe.each(BACKENDS)('the weekly overdue digest on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;

  // Monday 23 November 2026, 07:00 in Belgium.
  beforeEach(async () => {
    t = await buildTestApp(backend, { now: '2026-11-23T06:00:00Z' });
    s = await aScenario(t.deps.db);
  });
  afterEach(async () => t.close());

  const digests = () =>
    t.deps.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.template, 'provider.overdue_digest'))
      .orderBy(asc(schema.outbox.id));
  const run = () => sendOverdueDigests(t.deps, t.clock.now());

  it('mails each staff member of a location with overdue requests, in their language, once a week', async () => {
    const fr = await aUser(t.deps.db, {
      role: 'provider_admin',
      providerLocationId: s.first.id,
      language: 'fr',
    });
    const en = await aUser(t.deps.db, {
      role: 'provider_staff',
      providerLocationId: s.first.id,
      language: 'en',
    });
    const m = s.municipality.id;
    // 34 days without an answer (the municipality allows 21): overdue.
    await aFamilyRequest(t.deps.db, {
      municipalityId: m,
      locations: [s.first.id, s.second.id],
      childFirstName: 'Otto',
      childLastName: 'Overmars',
      desiredStart: '2027-02-01',
      submittedAt: '2026-10-20T10:00:00Z',
      preferenceStatuses: ['seen', 'no_place'],
    });
    // Not overdue: 8 days, or already answered, or withdrawn by the parents.
    await aFamilyRequest(t.deps.db, {
      municipalityId: m,
      locations: [s.first.id],
      childFirstName: 'Nora',
      submittedAt: '2026-11-15T10:00:00Z',
    });
    await aFamilyRequest(t.deps.db, {
      municipalityId: m,
      locations: [s.first.id],
      childFirstName: 'Wout',
      submittedAt: '2026-09-01T10:00:00Z',
      preferenceStatuses: ['waiting_list'],
    });
    await aFamilyRequest(t.deps.db, {
      municipalityId: m,
      locations: [s.first.id],
      childFirstName: 'Ilse',
      status: 'withdrawn',
      submittedAt: '2026-09-01T10:00:00Z',
    });

    expect(await run()).toBe(3);
    const mails = await digests();
    expect(mails.map((x) => [x.toAddress, x.language]).sort()).toEqual(
      [
        [s.firstStaff.email, 'nl'],
        [fr.email, 'fr'],
        [en.email, 'en'],
      ].sort(),
    );
    const nl = mails.find((x) => x.language === 'nl');
    expect(nl?.subject).toBe('1 aanvraag wacht te lang op een antwoord – KDV De Eerste Stap');
    expect(nl?.textBody).toContain(
      'langer dan 21 dagen op een eerste antwoord (toestand op 23 november 2026)',
    );
    expect(nl?.textBody).toMatch(
      /KO-\d+ · Otto Overmars · 34 dagen zonder antwoord · gewenste start 1 februari 2027/,
    );
    expect(nl?.textBody).toContain(`/provider/locations/${s.first.id}/waiting-list?status=all&overdue=1`);
    for (const name of ['Nora', 'Wout', 'Ilse']) expect(nl?.textBody).not.toContain(name);
    expect(mails.find((x) => x.language === 'fr')?.subject).toBe(
      '1 demande attend trop longtemps une réponse – KDV De Eerste Stap',
    );
    expect(mails.find((x) => x.language === 'en')?.textBody).toContain('34 days without an answer');
    // The second location's staff has nothing overdue and gets nothing.
    expect(mails.some((x) => x.toAddress === s.secondStaff.email)).toBe(false);
    expect(t.mailQueuedSignals).toBe(1);

    // Again the same morning, and on Wednesday: nothing new.
    expect(await run()).toBe(0);
    t.clock.set('2026-11-25T08:00:00Z');
    expect(await run()).toBe(0);
    expect(await digests()).toHaveLength(3);
    // The next Monday it comes again (still overdue, now 41 days).
    t.clock.set('2026-11-30T06:00:00Z');
    expect(await run()).toBe(3);
    const next = await digests();
    expect(next).toHaveLength(6);
    expect(next.at(-1)?.textBody).toMatch(/41 (dagen|jours|days)/);
    const audit = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'provider.overdueDigest.mail'));
    expect(audit.map((a) => a.details?.week)).toEqual(['2026-11-23', '2026-11-30']);
  });

  it('sends nothing when nothing is overdue', async () => {
    await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      submittedAt: '2026-11-10T10:00:00Z',
    });
    expect(await run()).toBe(0);
    expect(await t.deps.db.$count(schema.outbox)).toBe(0);
    expect(t.mailQueuedSignals).toBe(0);
  });

  it('is scheduled on Monday morning', () => {
    expect(providerReportJobs(t.deps).map((j) => [j.name, j.cron])).toEqual([
      ['provider-overdue-digest', '0 7 * * 1'],
    ]);
  });
});
