import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../db/index.ts';
import { recordAudit, recordReadAudit } from './index.ts';

describe.each(BACKENDS)('the audit log on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(backend);
    await recordAudit(t.deps.db, t.clock, {
      actorUserId: undefined,
      actorRole: 'desk',
      action: 'provider.request.read',
      subjectType: 'request',
      subjectId: 'r-1',
    });
  });
  afterAll(async () => t.close());

  const refused = (write: () => PromiseLike<unknown>) =>
    Promise.resolve()
      .then(write)
      .then(
        () => 'done',
        (error: unknown) => String((error as { cause?: Error }).cause?.message ?? (error as Error).message),
      );

  it('keeps every row: the app cannot change, delete or truncate them', async () => {
    const { auditLog } = schema;
    expect(await refused(() => t.deps.db.update(auditLog).set({ actorRole: 'parent' }))).toMatch(
      /append-only/,
    );
    expect(await refused(() => t.deps.db.delete(auditLog).where(eq(auditLog.subjectId, 'r-1')))).toMatch(
      /append-only/,
    );
    expect(await refused(() => t.deps.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    const rows = await t.deps.db.select().from(auditLog);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorRole: 'desk', subjectId: 'r-1' });
  });

  it('still takes new rows', async () => {
    await recordAudit(t.deps.db, t.clock, {
      actorUserId: undefined,
      actorRole: 'desk',
      action: 'provider.request.read',
      subjectType: 'request',
      subjectId: 'r-2',
    });
    expect(await t.deps.db.$count(schema.auditLog)).toBe(2);
  });

  it('records a read with the same fields, and the asynchronous commit stays with that insert', async () => {
    await recordReadAudit(t.deps.db, t.clock, {
      actorUserId: undefined,
      actorRole: 'provider_staff',
      action: 'provider.waitingList.read',
      subjectType: 'waiting_list',
      subjectId: 'l-1',
      details: { rows: 2, families: ['f-1', 'f-2'] },
    });
    const [row] = await t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, 'l-1'));
    expect(row).toMatchObject({
      occurredAt: t.clock.now(),
      actorUserId: null,
      actorRole: 'provider_staff',
      action: 'provider.waitingList.read',
      subjectType: 'waiting_list',
      familyId: null,
      details: { rows: 2, families: ['f-1', 'f-2'] },
    });
    // The next statements on the connection (a family's change, say) commit durably again.
    const setting = await t.deps.db.execute(sql`select current_setting('synchronous_commit') as value`);
    expect((setting as unknown as { rows: { value: string }[] }).rows[0]?.value).toBe('on');
  });
});
