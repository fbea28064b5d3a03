import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { getMail, listMails } from './dev-mailbox.queries.ts';
import { MailboxPage, MailPage } from './dev-mailbox.views.tsx';

/** '/dev/mail/12' → 12 (an outbox row's number, not a UUID); anything else (letters, signs, absurdly long numbers) is not a mail. */
function parseMailNumber(raw: string): number {
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new NotFoundError('mail');
  return id;
}

/**
 * The development mailbox: read the mails in the outbox without an SMTP server. Registered only
 * for a local demo (src/app.ts, config.devMailbox), because it shows every mail to anyone.
 */
export function registerDevMailboxRoutes(app: FastifyInstance, deps: AppDeps): void {
  const route = { config: { action: 'dev.mailbox' as const } };

  app.get('/dev/mail', route, async (request, reply) => {
    const mails = await listMails(deps.db);
    const ctx = pageContext(request, reply, deps);
    return sendPage(reply, MailboxPage({ ctx, mails, smtpConfigured: Boolean(deps.config.smtpUrl) }));
  });

  app.get<{ Params: { number: string } }>('/dev/mail/:number', route, async (request, reply) => {
    const mail = await getMail(deps.db, parseMailNumber(request.params.number));
    if (!mail) throw new NotFoundError('mail');
    const ctx = pageContext(request, reply, deps);
    return sendPage(reply, MailPage({ ctx, mail, from: deps.config.mailFrom }));
  });

  app.get<{ Params: { number: string } }>('/dev/mail/:number/html', route, async (request, reply) => {
    const mail = await getMail(deps.db, parseMailNumber(request.params.number));
    if (!mail) throw new NotFoundError('mail');
    // Our own rendered mail, shown as a mail client would: its inline styles allowed, nothing
    // else (no scripts, forms or outside resources), in a sandbox.
    return reply
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
      )
      .type('text/html; charset=utf-8')
      .send(mail.htmlBody);
  });
}
