import { asc, eq } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

/** For this module's tests: the mails queued for an address, oldest first. */
export function mailsTo(db: Database, address: string) {
  return db
    .select()
    .from(schema.outbox)
    .where(eq(schema.outbox.toAddress, address))
    .orderBy(asc(schema.outbox.id));
}

/** The site-relative link to `path` in a mail's text (as a browser would open it), and in its HTML. */
export function linkIn(mail: { textBody: string; htmlBody: string } | undefined, path: string): string {
  if (!mail) throw new Error('no mail');
  const match = new RegExp(`https?://[^\\s/]+(${path.replace(/[.?]/g, '\\$&')}\\?token=[A-Za-z0-9_-]+)`).exec(
    mail.textBody,
  );
  if (!match?.[1]) throw new Error(`no link to ${path} in: ${mail.textBody}`);
  if (!mail.htmlBody.includes(match[1])) throw new Error('the HTML body has another link');
  return match[1];
}
