import { desc, eq } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { MailDetail, MailSummary } from './dev-mailbox.views.tsx';

const { outbox } = schema;
const LIST_LIMIT = 200;

/** The two reads of the development mailbox. */
export function listMails(db: Database): Promise<MailSummary[]> {
  return db
    .select({
      id: outbox.id,
      createdAt: outbox.createdAt,
      toAddress: outbox.toAddress,
      language: outbox.language,
      template: outbox.template,
      subject: outbox.subject,
      sentAt: outbox.sentAt,
      attempts: outbox.attempts,
    })
    .from(outbox)
    .orderBy(desc(outbox.id))
    .limit(LIST_LIMIT);
}

export async function getMail(
  db: Database,
  id: number,
): Promise<(MailDetail & { htmlBody: string }) | undefined> {
  const rows = await db.select().from(outbox).where(eq(outbox.id, id));
  return rows[0];
}
