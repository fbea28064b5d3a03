import type { Clock } from '../clock.ts';
import { type Database, schema } from '../db/index.ts';
import type { Language } from '../i18n/index.ts';

export type OutgoingMail = {
  to: string;
  language: Language;
  /** Which template produced it, e.g. 'request.submitted' (for tests, the mailbox and statistics). */
  template: string;
  subject: string;
  text: string;
  html: string;
  familyId?: string;
  /**
   * The mail carries a link that works like a password (reset, verification, invitation): its
   * body is erased as soon as it is delivered, so the outbox never keeps a usable link.
   */
  oneTimeLink?: boolean;
};

/**
 * Queues a mail. Call it with the transaction that makes the change the mail reports, so the mail
 * exists if and only if the change does; the sender job delivers it afterwards.
 */
export async function enqueueMail(tx: Database, clock: Clock, mail: OutgoingMail): Promise<void> {
  const now = clock.now();
  await tx.insert(schema.outbox).values({
    toAddress: mail.to,
    language: mail.language,
    template: mail.template,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    familyId: mail.familyId ?? null,
    oneTimeLink: mail.oneTimeLink ?? false,
    createdAt: now,
    nextAttemptAt: now,
  });
}
