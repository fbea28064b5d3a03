import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/index.ts';
import { common } from '../i18n/common.ts';
import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/index.ts';
import { claimDueMails, markFailed, markSent } from './outbox.queries.ts';

export { ERASED_BODY } from './outbox.queries.ts';

/** What the sender needs from a transport; a nodemailer transporter fits, tests may pass a fake. */
export type MailTransport = { sendMail(mail: SendMailOptions): Promise<unknown> };

/** An SMTP transport for `config.smtpUrl`, or undefined when no SMTP server is configured. */
export function createMailTransport(config: Pick<Config, 'smtpUrl'>): MailTransport | undefined {
  if (!config.smtpUrl) return undefined;
  // Timeouts well below the claim lease (below), so a hanging server cannot outlast the claim.
  return nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

/** How long a claimed mail is reserved for the process that claimed it. */
export const CLAIM_LEASE_MS = 10 * 60_000;
const MAX_BACKOFF_MS = 6 * 60 * 60_000;
const MAX_ERROR_LENGTH = 500;

/** Wait after the n-th failed attempt (n ≥ 1): 1, 2, 4, 8 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Sends the mails that are due, oldest first, and records the outcome on each outbox row. Rows
 * are never deleted: the outbox is also the record of what was sent.
 *
 * Each batch is first *claimed*: one UPDATE (atomic on its own) picks due rows with
 * `FOR UPDATE SKIP LOCKED` and pushes their `next_attempt_at` a lease into the future. Only then,
 * outside any transaction, are the mails sent. So two processes never take the same row, and no
 * transaction stays open during SMTP traffic — which matters on PGlite, whose single connection
 * would otherwise block every other query (web requests included) while a server is slow. If the
 * process dies after claiming, the lease runs out and the mails are retried: delivery is
 * at-least-once, never lost.
 */
export async function deliverOutbox(
  db: Database,
  transport: MailTransport,
  clock: Clock,
  options: { batchSize?: number; from: string },
): Promise<{ sent: number; failed: number }> {
  const batchSize = options.batchSize ?? 20;
  let sent = 0;
  let failed = 0;
  // A failed or sent row is no longer due, so every round takes new rows and the loop ends.
  for (;;) {
    const now = clock.now();
    const batch = await claimDueMails(db, now, new Date(now.getTime() + CLAIM_LEASE_MS), batchSize);
    for (const mail of batch) {
      try {
        await transport.sendMail({
          from: senderIn(options.from, mail.language),
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
          html: mail.htmlBody,
          messageId: messageIdOf(mail, options.from),
        });
        await markSent(db, mail.id, clock.now());
        sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        await markFailed(db, mail.id, {
          attempts,
          lastError: errorSummary(error),
          nextAttemptAt: new Date(clock.now().getTime() + retryDelayMs(attempts)),
        });
        failed++;
      }
    }
    if (batch.length < batchSize) return { sent, failed };
  }
}

/**
 * The same Message-ID on every attempt of one outbox row: a mail sent again because its
 * acknowledgement was lost (the process died between sending and recording it) is recognisably
 * the same mail for the receiving server and mail program. The row's creation time keeps ids apart
 * across databases whose row numbers restart.
 */
export function messageIdOf(mail: { id: number; createdAt: Date }, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<outbox.${mail.id}.${mail.createdAt.getTime()}@${domain}>`;
}

/** The transport's error message on one line, shortened: never the mail itself. */
function errorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, MAX_ERROR_LENGTH) || 'unknown error';
}

/**
 * The configured sender (MAIL_FROM, "Name <address>" or an address) with the site's name in the
 * mail's language as its display name: "Guichet Accueil d’enfants" for a French mail.
 */
export function senderIn(from: string, language: string): { name: string; address: string } {
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  return { name: common[isLanguage(language) ? language : DEFAULT_LANGUAGE].siteName, address };
}
