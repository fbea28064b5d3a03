import { common } from '../../platform/i18n/common.ts';
import { formatDateTime, type Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { messages } from './dev-mailbox.messages.ts';

/** What the mailbox shows of an outbox row (the bodies only on the detail page). */
export type MailSummary = {
  id: number;
  createdAt: Date;
  toAddress: string;
  language: Language;
  template: string;
  subject: string;
  sentAt: Date | null;
  attempts: number;
};

export type MailDetail = MailSummary & {
  textBody: string;
  nextAttemptAt: Date;
  lastError: string | null;
};

function status(lang: Language, mail: MailSummary): string {
  const t = messages[lang];
  if (mail.sentAt) return t.sent;
  return mail.attempts > 0 ? t.failed(mail.attempts) : t.waiting;
}

/** Says on every page of the mailbox what it is: a local demo tool that shows every mail to anyone. */
function LocalOnly(props: { lang: Language }) {
  return (
    <div class="utrecht-alert utrecht-alert--warning ko-notice" data-qa="mailbox-local-only">
      <p class="utrecht-paragraph">{messages[props.lang].localOnly}</p>
    </div>
  );
}

export function MailboxPage(props: { ctx: PageContext; mails: MailSummary[]; smtpConfigured: boolean }) {
  const { ctx, mails } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1 class="utrecht-heading-1">{t.title}</h1>
      <LocalOnly lang={ctx.lang} />
      <p class="utrecht-paragraph">{t.intro}</p>
      {!props.smtpConfigured && <p class="utrecht-paragraph">{t.noSmtp}</p>}
      {mails.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="mailbox-empty">
          {t.empty}
        </p>
      ) : (
        <TableScroll label={t.caption}>
          <table class="utrecht-table ko-table" data-qa="mailbox">
            <caption class="utrecht-table__caption">{t.caption}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {[t.time, t.to, t.language, t.template, t.subject, t.status].map((label) => (
                  <th key={label} scope="col" class="utrecht-table__header-cell">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {mails.map((mail) => (
                <tr key={mail.id} class="utrecht-table__row" data-qa={`mail-${mail.id}`}>
                  <td class="utrecht-table__cell">{formatDateTime(ctx.lang, mail.createdAt)}</td>
                  <td class="utrecht-table__cell">{mail.toAddress}</td>
                  <td class="utrecht-table__cell">{common[ctx.lang].languageNames[mail.language]}</td>
                  <td class="utrecht-table__cell">
                    <code>{mail.template}</code>
                  </td>
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/dev/mail/${mail.id}`} lang={mail.language}>
                      {mail.subject}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{status(ctx.lang, mail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}

export function MailPage(props: { ctx: PageContext; mail: MailDetail; from: string }) {
  const { ctx, mail } = props;
  const t = messages[ctx.lang];
  const headers: [string, string][] = [
    [t.from, props.from],
    [t.to, mail.toAddress],
    [t.subject, mail.subject],
    [t.time, formatDateTime(ctx.lang, mail.createdAt)],
    [t.language, common[ctx.lang].languageNames[mail.language]],
    [t.template, mail.template],
    [t.status, mail.sentAt ? t.sentAt(formatDateTime(ctx.lang, mail.sentAt)) : status(ctx.lang, mail)],
  ];
  if (!mail.sentAt && mail.attempts > 0)
    headers.push([t.nextAttempt, formatDateTime(ctx.lang, mail.nextAttemptAt)]);
  if (mail.lastError) headers.push([t.lastError, mail.lastError]);
  return (
    <Layout ctx={ctx} title={mail.subject}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/dev/mail">
          {t.backToList}
        </a>
      </p>
      <h1 class="utrecht-heading-1" lang={mail.language}>
        {mail.subject}
      </h1>
      <LocalOnly lang={ctx.lang} />
      <h2 class="utrecht-heading-2">{t.headers}</h2>
      <dl class="utrecht-data-list" data-qa="mail-headers">
        {headers.map(([key, value]) => (
          <div key={key} class="utrecht-data-list__item">
            <dt class="utrecht-data-list__item-key">{key}</dt>
            <dd class="utrecht-data-list__item-value">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 class="utrecht-heading-2">{t.textBody}</h2>
      <pre class="utrecht-code-block" lang={mail.language} data-qa="mail-text">
        {mail.textBody}
      </pre>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/dev/mail/${mail.id}/html`} data-qa="mail-html-link">
          {t.htmlBody}
        </a>
      </p>
    </Layout>
  );
}
