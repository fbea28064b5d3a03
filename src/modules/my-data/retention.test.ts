import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { aFamilyFile, everyStoredRow } from './my-data.fixtures.ts';
import { pseudonymiseFilesPastRetention } from './retention.job.ts';

describe.each(BACKENDS)('retention: closed files pseudonymised after the legal term on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
  });
  afterEach(async () => t.close());

  /** A family file whose requests closed (or not) at the given moment. */
  async function file(
    names: { parent: string; partner: string; child: string; family: string },
    closedAt?: string,
  ) {
    const user = await aUser(t.deps.db, { role: 'parent' });
    const f = await aFamilyFile(t.deps, s, user, names);
    await t.deps.db
      .update(schema.families)
      .set({ createdAt: new Date('2026-11-01T09:00:00Z') })
      .where(eq(schema.families.id, f.family.id));
    if (closedAt) {
      await t.deps.db
        .update(schema.requests)
        .set({ status: 'withdrawn', statusChangedAt: new Date(closedAt) })
        .where(eq(schema.requests.id, f.request.id));
    }
    return { ...f, user };
  }

  it('erases the personal data of files closed more than five years ago, keeps the others and every figure', async () => {
    const old = await file(
      { parent: 'Amina', partner: 'Youssef', child: 'Lina', family: 'El Idrissi' },
      '2026-11-22T10:00:00Z',
    );
    const open = await file({ parent: 'Sofie', partner: 'Pieter', child: 'Mats', family: 'Verbeke' });
    const recent = await file(
      { parent: 'Greet', partner: 'Koen', child: 'Fien', family: 'Wouters' },
      '2028-06-01T10:00:00Z',
    );

    const staffUser = await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: s.first.id });
    const staff = new TestClient(t.app);
    const report = `/provider/locations/${s.first.id}/reports/export.csv?from=2026-01-01&to=2031-12-31`;

    // Five years and a bit later: the first file is past its term, the others are not.
    t.clock.set('2032-01-15T03:45:00Z');
    await staff.login(staffUser.email, TEST_PASSWORD);
    const figuresBefore = (await staff.get(report)).body;
    expect(figuresBefore).toContain('\r\n');
    expect(figuresBefore).toMatch(/;[1-9]/);

    expect(await pseudonymiseFilesPastRetention(t.deps)).toEqual({ files: 1 });

    const stored = await everyStoredRow(t.deps.db);
    // The account is the person's, not the file's: it stays (they may file again), detached from the file.
    for (const value of old.personal.filter((v) => v !== old.user.email)) expect(stored).not.toContain(value);
    const parents = await t.deps.db
      .select()
      .from(schema.parents)
      .where(eq(schema.parents.familyId, old.family.id));
    expect(parents.map((p) => p.userId)).toEqual([null, null]);
    for (const value of [...open.personal, ...recent.personal]) expect(stored).toContain(value);
    const [family] = await t.deps.db
      .select()
      .from(schema.families)
      .where(eq(schema.families.id, old.family.id));
    expect(family?.anonymisedAt).toEqual(t.clock.now());
    // The request and its history stay, for the statistics.
    const kept = await t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(inArray(schema.statusEvents.requestId, [old.request.id]));
    expect(kept.length).toBeGreaterThan(0);
    expect((await staff.get(report)).body).toEqual(figuresBefore);

    const audit = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'system.retention.pseudonymise'));
    expect(audit.map((a) => a.familyId)).toEqual([old.family.id]);

    // A second run finds nothing more to do.
    expect(await pseudonymiseFilesPastRetention(t.deps)).toEqual({ files: 0 });
  });

  it('follows the configured term', async () => {
    const old = await file(
      { parent: 'Amina', partner: 'Youssef', child: 'Lina', family: 'El Idrissi' },
      '2026-11-22T10:00:00Z',
    );
    t.clock.set('2032-01-15T03:45:00Z');
    const longer = { ...t.deps, config: { ...t.deps.config, retentionYears: 10 } };
    expect(await pseudonymiseFilesPastRetention(longer)).toEqual({ files: 0 });
    expect(await everyStoredRow(t.deps.db)).toContain(old.personal[0]);
  });
});
