import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/db.ts';
import { FixedClock } from '../clock.ts';
import { type DatabaseHandle, schema } from '../db/index.ts';
import { enqueueMail, type OutgoingMail } from './outbox.ts';
import { applyMailRetention } from './retention.ts';

const notice: OutgoingMail = {
  to: 'ouder@example.be',
  language: 'nl',
  template: 'offer.made',
  subject: 'Voorstel voor Léa',
  text: 'Er is een plaats voor Léa.',
  html: '<p>Er is een plaats voor Léa.</p>',
};
const link: OutgoingMail = {
  ...notice,
  template: 'account.reset_password',
  subject: 'Wachtwoord herstellen',
  text: 'https://desk.example/password/reset/secret-token',
  html: '<a href="https://desk.example/password/reset/secret-token">herstel</a>',
  oneTimeLink: true,
};

describe.each(BACKENDS)('mail retention (%s)', (backend) => {
  let database: DatabaseHandle;
  let clock: FixedClock;

  beforeEach(async () => {
    database = await createTestDatabase(backend);
    clock = new FixedClock('2020-01-10T09:00:00Z');
  });
  afterEach(async () => database.close());

  const enqueue = (mail: OutgoingMail) => database.db.transaction((tx) => enqueueMail(tx, clock, mail));
  const rows = () => database.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));

  it('erases an undelivered one-time link after a week and deletes sent mails after five years', async () => {
    await enqueue(notice);
    await enqueue(link);
    const [sent] = await rows();
    if (!sent) throw new Error('no mail queued');
    await database.db.update(schema.outbox).set({ sentAt: clock.now() }).where(eq(schema.outbox.id, sent.id));

    clock.advanceDays(6);
    expect(await applyMailRetention(database.db, clock)).toEqual({ deleted: 0, erased: 0 });
    expect((await rows())[1]?.textBody).toContain('secret-token');

    clock.advanceDays(2);
    expect(await applyMailRetention(database.db, clock)).toEqual({ deleted: 0, erased: 1 });
    const afterWeek = await rows();
    expect(afterWeek[0]?.textBody).toBe(notice.text);
    expect(JSON.stringify(afterWeek[1])).not.toContain('secret-token');

    clock.advanceDays(5 * 365);
    expect(await applyMailRetention(database.db, clock)).toEqual({ deleted: 1, erased: 0 });
    expect((await rows()).map((r) => [r.template, r.textBody])).toEqual([['account.reset_password', '']]);
  });
});
