import {
  formatDate,
  formatDateTime,
  formatShortDate,
  type Language,
  withColon,
} from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { CsrfField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { messages } from './intermediaries.messages.ts';
import type { getHome, getTaskList } from './intermediaries.service.ts';

const buttonLink = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action';
type Home = Awaited<ReturnType<typeof getHome>>;
type Tasks = Awaited<ReturnType<typeof getTaskList>>;
type RequestStatus = keyof (typeof messages)['nl']['requestStatuses'];

import { TextNotice as Notice } from '../../platform/views/notice.tsx';

export { Notice };

const statusText = (lang: Language, status: string) =>
  messages[lang].requestStatuses[status as RequestStatus] ?? status;

export function HomePage(props: { ctx: PageContext; home: Home }) {
  const { ctx, home } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <Layout ctx={ctx} title={t.homeTitle}>
      <h1 class="utrecht-heading-1">{t.homeTitle}</h1>
      <p class="utrecht-paragraph">{t.homeIntro(home.organisation.name)}</p>
      <ul class="ko-inline-list">
        <li>
          <a class={buttonLink} href="/intermediary/families/new" data-qa="new-family">
            {t.newFamily}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/intermediary/tasks" data-qa="tasks-link">
            {t.tasksLink(home.openTasks)}
          </a>
        </li>
      </ul>
      {home.families.length === 0 ? (
        <p class="utrecht-paragraph">{t.noFamilies}</p>
      ) : (
        <TableScroll label={t.familiesCaption}>
          <table class="utrecht-table ko-table" data-qa="families">
            <caption class="utrecht-table__caption">{t.familiesCaption}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">
                  {t.file}
                </th>
                <th scope="col" class="utrecht-table__header-cell">
                  {t.parent}
                </th>
                <th scope="col" class="utrecht-table__header-cell">
                  {t.contact}
                </th>
                <th scope="col" class="utrecht-table__header-cell">
                  {t.requestsCol}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {home.families.map((f) => (
                <tr class="utrecht-table__row" key={f.familyId} data-qa="family-row">
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/intermediary/families/${f.familyId}`}>
                      {f.fileNumber}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{f.parent}</td>
                  <td class="utrecht-table__cell">
                    {f.phone ?? ''} {f.hasEmail ? '' : `(${t.noEmail})`}
                  </td>
                  <td class="utrecht-table__cell">
                    {f.requests.length === 0 ? (
                      t.noRequest
                    ) : (
                      <ul class="utrecht-unordered-list">
                        {f.requests.map((r) => (
                          <li key={r.id}>
                            <a
                              class="utrecht-link"
                              href={`/intermediary/families/${f.familyId}/requests/${r.id}`}
                            >
                              {r.child}
                            </a>
                            {`: ${statusText(lang, r.status)}, ${t.startLabel} ${formatShortDate(lang, r.desiredStart)}`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}

/** The text of a task in the staff member's language: who to phone and what to tell them. */
export function taskText(lang: Language, task: Tasks['open'][number]): string {
  const t = messages[lang];
  const d = task.details;
  const who = [task.parentFirstName, task.parentLastName].filter(Boolean).join(' ');
  const date = (v: string | undefined) => (v ? formatDate(lang, v) : '?');
  let what: string;
  if (task.kind === 'offer.made' && d.provider)
    what = t.taskOffer(d.provider, d.child ?? '', date(d.startDate), date(d.deadline));
  else if (task.kind === 'offer.reminder' && d.provider)
    what = t.taskOfferReminder(d.provider, date(d.deadline));
  else what = t.taskGeneric(d[`subject_${lang}`] ?? d.subject_nl ?? task.kind);
  return `${t.call(who)}${task.parentPhone ? ` (${task.parentPhone})` : ''}: ${what}`;
}

export function TasksPage(props: { ctx: PageContext; tasks: Tasks; notice?: string }) {
  const { ctx, tasks } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const familyLink = (task: Tasks['open'][number]) =>
    task.requestId
      ? `/intermediary/families/${task.familyId}/requests/${task.requestId}`
      : `/intermediary/families/${task.familyId}`;
  return (
    <Layout ctx={ctx} title={t.tasksTitle}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/intermediary">
          {t.homeTitle}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t.tasksTitle}</h1>
      <Notice text={props.notice} />
      <p class="utrecht-paragraph">{t.tasksIntro}</p>
      <h2 class="utrecht-heading-2">{t.openTasks}</h2>
      {tasks.open.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="no-tasks">
          {t.noTasks}
        </p>
      ) : (
        <ul class="utrecht-unordered-list ko-task-list" data-qa="open-tasks">
          {tasks.open.map((task) => (
            <li key={task.id} data-qa="task">
              <p class="utrecht-paragraph" data-qa="task-text">
                <a class="utrecht-link" href={familyLink(task)}>
                  {task.fileNumber}
                </a>
                {' – '}
                {taskText(lang, task)}
                {task.dueDate ? ` ${withColon(lang, t.due)} ${formatDate(lang, task.dueDate)}.` : ''}
              </p>
              <form method="post" action={`/intermediary/tasks/${task.id}/done`} class="ko-inline-form">
                <CsrfField token={ctx.csrfToken} />
                <button
                  type="submit"
                  class="utrecht-button utrecht-button--secondary-action"
                  aria-label={t.markDoneFor(task.fileNumber)}
                  data-qa="task-done"
                >
                  {t.markDone}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {tasks.done.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{t.doneTasks}</h2>
          <ul class="utrecht-unordered-list" data-qa="done-tasks">
            {tasks.done.map((task) => (
              <li key={task.id}>
                <a class="utrecht-link" href={familyLink(task)}>
                  {task.fileNumber}
                </a>{' '}
                – {taskText(lang, task)}{' '}
                {task.doneAt ? t.doneBy(task.doneBy ?? '?', formatDateTime(lang, task.doneAt)) : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
