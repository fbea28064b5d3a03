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

/**
 * For tests anywhere: registers through the form, then opens the mailed link in the same client
 * and types the password again, as the person would. Returns the last answer (303 to `next` or
 * `/parent` once the account exists and the client is logged in).
 */
export async function registerAndConfirm(
  client: {
    post(url: string, form: Record<string, string | string[]>, o?: { formPage?: string }): Promise<Res>;
    get(url: string): Promise<Res>;
  },
  db: Database,
  form: Record<string, string | string[]> & { email: string; password: string },
  formPage = '/register',
): Promise<Res> {
  const sent = await client.post('/register', form, { formPage });
  if (sent.statusCode !== 303) return sent;
  const mails = await mailsTo(db, form.email.trim().toLowerCase());
  const link = linkIn(
    mails.filter((m) => m.template === 'account.confirm_registration').at(-1),
    '/register/confirm',
  );
  const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
  return client.post('/register/confirm', { token, password: form.password }, { formPage: link });
}
type Res = { statusCode: number; headers: Record<string, unknown>; body: string };
