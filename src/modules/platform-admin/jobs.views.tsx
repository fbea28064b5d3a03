import { formatNumber } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { AdminLayout, ageText } from './admin.views.tsx';
import { when } from './audit.views.tsx';
import { maskAddress } from './outbox.views.tsx';
import { messages } from './platform-admin.messages.ts';
import type { JobsHealth } from './platform-admin.service.ts';

/** The job queues' health: per queue waiting, active, failed, the oldest waiting job, the last failure. */
export function JobsPage(props: { ctx: PageContext; health: JobsHealth }) {
  const { ctx, health } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <AdminLayout ctx={ctx} title={t.jobsTitle} current="jobs">
      <h1 class="utrecht-heading-1">{t.jobsTitle}</h1>
      <p class="utrecht-paragraph">{t.jobsIntro}</p>
      {!health.running ? (
        <div class="utrecht-alert utrecht-alert--warning ko-notice" role="status" data-qa="jobs-not-running">
          <p class="utrecht-paragraph">{t.jobsNotRunning}</p>
        </div>
      ) : (
        <>
          <p class="utrecht-paragraph" data-qa="jobs-maintained">
            {health.maintainedOn ? t.maintained(when(lang, health.maintainedOn)) : t.neverMaintained}
          </p>
          {health.queues.length === 0 ? (
            <p class="utrecht-paragraph">{t.noQueues}</p>
          ) : (
            <TableScroll label={t.jobsTitle}>
              <table class="utrecht-table ko-table" data-qa="jobs-table">
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    {[
                      t.colQueue,
                      t.colWaiting,
                      t.colActive,
                      t.colFailedJobs,
                      t.colOldest,
                      t.colLastFailure,
                    ].map((h) => (
                      <th key={h} scope="col" class="utrecht-table__header-cell">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {health.queues.map((q) => (
                    <tr class="utrecht-table__row" key={q.name} data-qa="queue-row">
                      <td class="utrecht-table__cell">
                        <code>{q.name}</code>
                      </td>
                      <td class="utrecht-table__cell">{formatNumber(lang, q.waiting)}</td>
                      <td class="utrecht-table__cell">{formatNumber(lang, q.active)}</td>
                      <td class="utrecht-table__cell">{formatNumber(lang, q.failed)}</td>
                      <td class="utrecht-table__cell">
                        {q.oldestWaitingSince ? ageText(lang, q.oldestWaitingSince, health.now) : t.none}
                      </td>
                      <td class="utrecht-table__cell">
                        {q.lastFailureAt ? when(lang, q.lastFailureAt) : t.none}
                        {q.lastFailureMessage && (
                          <span class="ko-muted"> {maskAddress(q.lastFailureMessage)}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </AdminLayout>
  );
}
