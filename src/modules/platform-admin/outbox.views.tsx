import { formatNumber, type Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { AdminLayout, Notice } from './admin.views.tsx';
import { when } from './audit.views.tsx';
import type { UndeliveredMail } from './outbox.queries.ts';
import { messages } from './platform-admin.messages.ts';
import type { OutboxOverview } from './platform-admin.service.ts';

const EMAIL = /[^\s<>"'@,;:]+@([^\s<>"',;:]+)/g;

/** 'lea.peeters@example.be' → 'l•••@example.be': enough to recognise a domain problem, not the person. */
export function maskAddress(address: string): string {
  return address.replace(EMAIL, (whole, domain: string) => `${whole.slice(0, 1)}•••@${domain}`);
}

function MailTable(props: {
  ctx: PageContext;
  mails: UndeliveredMail[];
  label: string;
  retry: boolean;
  qa: string;
}) {
  const { ctx, mails } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const headers = [
    t.colNumber,
    t.colRecipient,
    t.colTemplate,
    t.colFile,
    t.colAttempts,
    t.colError,
    t.colCreated,
    t.colNext,
    ...(props.retry ? [t.colRetry] : []),
  ];
  return (
    <TableScroll label={props.label}>
      <table class="utrecht-table ko-table" data-qa={props.qa}>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {headers.map((h) => (
              <th key={h} scope="col" class="utrecht-table__header-cell">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {mails.map((m) => (
            <tr class="utrecht-table__row" key={m.id} data-qa="mail-row">
              <td class="utrecht-table__cell">{m.id}</td>
              <td class="utrecht-table__cell">{maskAddress(m.toAddress)}</td>
              <td class="utrecht-table__cell">
                <code>{m.template}</code>
              </td>
              <td class="utrecht-table__cell">{m.fileNumber ?? t.none}</td>
              <td class="utrecht-table__cell">{formatNumber(lang, m.attempts)}</td>
              <td class="utrecht-table__cell" data-qa="mail-error">
                {m.lastError ? maskAddress(m.lastError) : t.none}
              </td>
              <td class="utrecht-table__cell">{when(lang, m.createdAt)}</td>
              <td class="utrecht-table__cell">{when(lang, m.nextAttemptAt)}</td>
              {props.retry && (
                <td class="utrecht-table__cell">
                  <form method="post" action={`/admin/outbox/${m.id}/retry`} class="ko-inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button
                      type="submit"
                      class="utrecht-button utrecht-button--secondary-action"
                      aria-label={t.retryLabel(String(m.id))}
                      data-qa="retry"
                    >
                      {t.retry}
                    </button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function MailSection(props: {
  ctx: PageContext;
  id: string;
  heading: string;
  count: number;
  mails: UndeliveredMail[];
  limit: number;
  retry: boolean;
}) {
  const lang: Language = props.ctx.lang;
  const t = messages[lang];
  return (
    <section aria-labelledby={props.id} data-qa={props.id}>
      <h2 class="utrecht-heading-2" id={props.id}>
        {props.heading} ({formatNumber(lang, props.count)})
      </h2>
      {props.mails.length === 0 ? (
        <p class="utrecht-paragraph">{t.noMails}</p>
      ) : (
        <>
          {props.count > props.mails.length && (
            <p class="utrecht-paragraph">{t.listLimit(formatNumber(lang, props.limit))}</p>
          )}
          <MailTable
            ctx={props.ctx}
            mails={props.mails}
            label={props.heading}
            retry={props.retry}
            qa={`${props.id}-table`}
          />
        </>
      )}
    </section>
  );
}

/** The outbox: counts per state, the failed mails with a retry button each, the pending mails. */
export function OutboxPage(props: {
  ctx: PageContext;
  overview: OutboxOverview;
  limit: number;
  notice?: string;
}) {
  const { ctx, overview } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const counts = [
    { label: t.countPending, n: overview.counts.pending, qa: 'count-pending' },
    { label: t.countFailed, n: overview.counts.failed, qa: 'count-failed' },
    { label: t.countSent, n: overview.counts.sent, qa: 'count-sent' },
  ];
  return (
    <AdminLayout ctx={ctx} title={t.outboxTitle} current="outbox">
      <Notice text={props.notice} />
      <h1 class="utrecht-heading-1">{t.outboxTitle}</h1>
      <p class="utrecht-paragraph">{t.outboxIntro}</p>
      <dl class="ko-facts" aria-label={t.counts}>
        {counts.map((c) => (
          <div key={c.qa}>
            <dt>{c.label}</dt>
            <dd data-qa={c.qa}>{formatNumber(lang, c.n)}</dd>
          </div>
        ))}
      </dl>
      <MailSection
        ctx={ctx}
        id="failed-mails"
        heading={t.failedHeading}
        count={overview.counts.failed}
        mails={overview.failed}
        limit={props.limit}
        retry
      />
      <MailSection
        ctx={ctx}
        id="pending-mails"
        heading={t.pendingHeading}
        count={overview.counts.pending}
        mails={overview.pending}
        limit={props.limit}
        retry={false}
      />
    </AdminLayout>
  );
}
