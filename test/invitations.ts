import { and, eq } from 'drizzle-orm';
import { type Database, schema } from '../src/platform/db/index.ts';

/**
 * The link of the latest invitation mail of this kind (`template`) to an address, as the outbox
 * holds it: the mail, the link's path and its token. Throws when there is none.
 */
export async function invitationLink(db: Database, template: string, to: string) {
  const mails = await db
    .select()
    .from(schema.outbox)
    .where(and(eq(schema.outbox.template, template), eq(schema.outbox.toAddress, to)));
  const mail = mails.at(-1);
  const match = /http:\/\/[^\s/]+(\/invitation\?token=([A-Za-z0-9_%-]+))/.exec(mail?.textBody ?? '');
  if (!match?.[1] || !match[2]) throw new Error(`no invitation link for ${to}`);
  return { mail, link: match[1], token: decodeURIComponent(match[2]) };
}
