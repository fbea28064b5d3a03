import { asc, count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/db.ts';
import { startSmtp, type TestSmtp } from '../../../test/smtp.ts';
import { FixedClock } from '../clock.ts';
import { type DatabaseHandle, schema } from '../db/index.ts';
import { enqueueMail, type OutgoingMail } from './outbox.ts';
import { createMailTransport, deliverOutbox, retryDelayMs, senderIn } from './sender.ts';

const FROM = 'Loket Kinderopvang <noreply@kinderopvang.example>';

const mailToLea: OutgoingMail = {
  to: 'ouder@example.be',
  language: 'nl',
  template: 'offer.made',
  subject: 'Voorstel voor Léa – crèche “Het Nest”',
  text: 'Beste ouder,\n\nEr is een plaats voor Léa in “Het Nest”.',
  html: '<!doctype html><html lang="nl"><body><p>Er is een plaats voor Léa in “Het Nest”.</p></body></html>',
};
const mailToParent: OutgoingMail = {
  to: 'parent@example.be',
  language: 'en',
  template: 'request.submitted',
  subject: 'Your request was received',
  text: 'Dear parent,\n\nWe received your request.',
  html: '<p>We received your request.</p>',
};

describe('the sender', () => {
  it('is named in the mail’s language, at the configured address', () => {
    expect(senderIn(FROM, 'fr')).toEqual({
      name: 'Guichet Accueil d’enfants',
      address: 'noreply@kinderopvang.example',
    });
    expect(senderIn('noreply@loket.example', 'en')).toEqual({
      name: 'Childcare Desk',
      address: 'noreply@loket.example',
    });
    expect(senderIn(FROM, 'xx').name).toBe('Loket Kinderopvang');
  });
});

describe.each(BACKENDS)('deliverOutbox (%s)', (backend) => {
  let database: DatabaseHandle;
  let clock: FixedClock;
  const servers: TestSmtp[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(backend);
    clock = new FixedClock('2026-11-22T09:00:00Z');
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await database.close();
  });

  const smtp = async (options: { reject?: boolean } = {}) => {
    const server = await startSmtp(options);
    servers.push(server);
    return server;
  };
  const enqueue = (...mails: OutgoingMail[]) =>
    database.db.transaction(async (tx) => {
      for (const mail of mails) await enqueueMail(tx, clock, mail);
    });
  const rows = () => database.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));
  const deliver = (url: string) => {
    const transport = createMailTransport({ smtpUrl: url });
    if (!transport) throw new Error('no transport');
    return deliverOutbox(database.db, transport, clock, { from: FROM });
  };

  it('erases the body of a mail with a one-time link once it is delivered, and keeps the others', async () => {
    const server = await smtp();
    const reset: OutgoingMail = {
      ...mailToParent,
      template: 'account.reset_password',
      subject: 'Reset your password',
      text: 'Open https://desk.example/password/reset/secret-token within an hour.',
      html: '<p><a href="https://desk.example/password/reset/secret-token">Reset</a></p>',
      oneTimeLink: true,
    };
    await enqueue(reset, mailToLea);

    expect(await deliver(server.url)).toEqual({ sent: 2, failed: 0 });

    expect(server.received[0]?.text).toContain('secret-token');
    const [erased, kept] = await rows();
    expect(erased).toMatchObject({ subject: 'Reset your password', textBody: '', htmlBody: '' });
    expect(JSON.stringify(erased)).not.toContain('secret-token');
    expect(kept?.textBody).toBe(mailToLea.text);
  });

  it('delivers due mails with UTF-8 subject, text and HTML, and marks them sent', async () => {
    const server = await smtp();
    await enqueue(mailToLea, mailToParent);

    expect(await deliver(server.url)).toEqual({ sent: 2, failed: 0 });

    expect(server.received).toHaveLength(2);
    const [first, second] = server.received;
    expect(first?.to).toMatchObject({ text: 'ouder@example.be' });
    expect(first?.from?.text).toContain('noreply@kinderopvang.example');
    expect(first?.subject).toBe('Voorstel voor Léa – crèche “Het Nest”');
    expect(first?.text?.trim()).toBe(mailToLea.text);
    expect(first?.html).toContain('Er is een plaats voor Léa in “Het Nest”.');
    expect(second?.to).toMatchObject({ text: 'parent@example.be' });
    expect(second?.subject).toBe('Your request was received');
    // The sender's name is the site's name in the mail's language.
    expect(first?.from?.value).toEqual([
      { name: 'Loket Kinderopvang', address: 'noreply@kinderopvang.example' },
    ]);
    expect(second?.from?.value).toEqual([
      { name: 'Childcare Desk', address: 'noreply@kinderopvang.example' },
    ]);

    const stored = await rows();
    expect(stored.map((r) => r.sentAt)).toEqual([clock.now(), clock.now()]);
    expect(stored.map((r) => r.attempts)).toEqual([1, 1]);

    expect(await deliver(server.url)).toEqual({ sent: 0, failed: 0 });
    expect(server.received).toHaveLength(2);
  });

  it('keeps mails and retries them later when the SMTP server refuses', async () => {
    const refusing = await smtp({ reject: true });
    await enqueue(mailToLea, mailToParent);

    expect(await deliver(refusing.url)).toEqual({ sent: 0, failed: 2 });

    const afterFailure = await rows();
    expect(afterFailure).toHaveLength(2);
    for (const row of afterFailure) {
      expect(row.sentAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lastError).toContain('Mailbox unavailable');
      expect(row.lastError).not.toContain('Het Nest');
      expect(row.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 60_000);
    }

    // Not due yet: a working server receives nothing until the backoff has passed.
    const working = await smtp();
    expect(await deliver(working.url)).toEqual({ sent: 0, failed: 0 });
    clock.advanceMinutes(1);
    expect(await deliver(working.url)).toEqual({ sent: 2, failed: 0 });
    expect(working.received.map((m) => m.subject)).toEqual([mailToLea.subject, mailToParent.subject]);
    expect((await rows()).every((r) => r.sentAt !== null && r.attempts === 2)).toBe(true);
  });

  it('backs off exponentially when the server stays unreachable', async () => {
    const closed = await startSmtp();
    await closed.close();
    await enqueue(mailToLea);

    for (const expectedDelay of [1, 2, 4]) {
      expect(await deliver(closed.url)).toEqual({ sent: 0, failed: 1 });
      const [row] = await rows();
      expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row?.nextAttemptAt.getTime()).toBe(clock.now().getTime() + expectedDelay * 60_000);
      clock.advanceMinutes(expectedDelay);
    }
    expect((await rows())[0]?.attempts).toBe(3);
  });

  it('never sends (nor stores) a mail whose transaction rolled back', async () => {
    const server = await smtp();
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueMail(tx, clock, mailToLea);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    expect(await database.db.select({ n: count() }).from(schema.outbox)).toEqual([{ n: 0 }]);
    expect(await deliver(server.url)).toEqual({ sent: 0, failed: 0 });
    expect(server.received).toHaveLength(0);
  });

  it('sends a mail again with the same Message-ID when its delivery was not recorded, and others with their own', async () => {
    const server = await smtp();
    await enqueue(mailToLea, mailToParent);
    const transport = createMailTransport({ smtpUrl: server.url });
    if (!transport) throw new Error('no transport');
    // The server takes the mails, but the process "dies" before it records them as sent.
    const lostAcknowledgement = {
      sendMail: async (mail: Parameters<typeof transport.sendMail>[0]) => {
        await transport.sendMail(mail);
        throw new Error('connection lost after sending');
      },
    };
    expect(await deliverOutbox(database.db, lostAcknowledgement, clock, { from: FROM })).toEqual({
      sent: 0,
      failed: 2,
    });
    clock.advanceMinutes(1);
    expect(await deliver(server.url)).toEqual({ sent: 2, failed: 0 });

    const ids = server.received.map((m) => `${m.subject} ${m.messageId}`);
    expect(ids).toHaveLength(4);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).toBe(ids[1]);
    expect(server.received[0]?.messageId).not.toBe(server.received[1]?.messageId);
    expect(server.received[0]?.messageId).toMatch(/^<outbox\.\d+\.\d+@kinderopvang\.example>$/);
  });

  it('lets two concurrent senders share the work without sending a mail twice', async () => {
    const server = await smtp();
    await enqueue(...Array.from({ length: 6 }, (_, i) => ({ ...mailToParent, to: `parent${i}@example.be` })));
    const transport = createMailTransport({ smtpUrl: server.url });
    if (!transport) throw new Error('no transport');

    const results = await Promise.all([
      deliverOutbox(database.db, transport, clock, { from: FROM, batchSize: 2 }),
      deliverOutbox(database.db, transport, clock, { from: FROM, batchSize: 2 }),
    ]);

    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(6);
    expect(server.received.map((m) => (Array.isArray(m.to) ? '' : m.to?.text)).sort()).toEqual(
      Array.from({ length: 6 }, (_, i) => `parent${i}@example.be`),
    );
  });
});

describe('retryDelayMs', () => {
  it('doubles from one minute and stops at six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(9)).toBe(256 * 60_000);
    expect(retryDelayMs(10)).toBe(6 * 60 * 60_000);
    expect(retryDelayMs(50)).toBe(6 * 60 * 60_000);
  });
});
