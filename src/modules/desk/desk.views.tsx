import type { ComponentChildren } from 'preact';
import { formatNumber, formatShortDate, type Language, wordFor } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { SubNav } from '../../platform/views/sub-nav.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { requestMessages } from '../requests/index.ts';
import { messages, type Section } from './desk.messages.ts';
import type { TodayRow } from './desk.queries.ts';
import type { TodaySection } from './desk.service.ts';

export type DeskTab =
  | 'today'
  | 'search'
  | 'duplicates'
  | 'settings'
  | 'providers'
  | 'organisations'
  | 'news'
  | 'figures';

/** The desk's own navigation, as the provider pages have theirs (the sub navigation pattern). */
export function DeskNav(props: { lang: Language; current?: DeskTab }) {
  const t = messages[props.lang];
  const tabs: { key: DeskTab; href: string; label: string }[] = [
    { key: 'today', href: '/desk', label: t.navToday },
    { key: 'search', href: '/desk/search', label: t.navSearch },
    { key: 'duplicates', href: '/desk/duplicates', label: t.navDuplicates },
    { key: 'settings', href: '/desk/settings', label: t.navSettings },
    // The municipality's childcare providers (desk-providers)
    { key: 'providers', href: '/desk/providers', label: t.navProviders },
    // The municipality's intermediary organisations (desk-organisations)
    { key: 'organisations', href: '/desk/organisations', label: t.navOrganisations },
    { key: 'news', href: '/desk/news', label: t.navNews },
    // The municipality's figures (policy-figures; shared with policy users)
    { key: 'figures', href: '/figures', label: t.navFigures },
  ];
  return <SubNav label={t.deskNav} navQa="desk-nav" qa="desk-nav" tabs={tabs} current={props.current} />;
}

/** The frame of every desk page: the layout with the desk navigation first. */
export function DeskLayout(props: {
  ctx: PageContext;
  title: string;
  current?: DeskTab;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <DeskNav lang={props.ctx.lang} current={props.current} />
      {props.children}
    </Layout>
  );
}

import { TextNotice as Notice } from '../../platform/views/notice.tsx';

export { Notice };

const childOf = (r: { childFirstName: string | null; childLastName: string | null }) =>
  [r.childFirstName, r.childLastName].filter(Boolean).join(' ');

const shortDate = (lang: Language, v: string | null) => (v ? formatShortDate(lang, v.slice(0, 10)) : '');

function detailText(lang: Language, section: Section, row: TodayRow): string {
  const t = messages[lang];
  const v = row.detail ?? '';
  switch (section) {
    case 'emergency':
    case 'expiring':
      return shortDate(lang, row.detail);
    case 'social':
      return wordFor(t.socialReasons, v, t.socialReasons.other);
    case 'overdue':
      return formatNumber(lang, Number(v));
    case 'unborn':
      return wordFor(requestMessages[lang].requestStatuses, v, v);
    case 'tasks': {
      const what = wordFor(t.taskKinds, v, t.taskKinds.other);
      return t.taskLine(what, row.parentName ?? '', row.parentPhone ?? '');
    }
  }
}

function TaskDone(props: { ctx: PageContext; taskId: string; back: string }) {
  const t = messages[props.ctx.lang];
  return (
    <form method="post" action={`/desk/tasks/${props.taskId}/done`} class="ko-inline-form">
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
      <input type="hidden" name="back" value={props.back} />
      <button type="submit" class="utrecht-button utrecht-button--secondary-action" data-qa="task-done">
        {t.done}
      </button>
    </form>
  );
}

/** One section of the Today page: a heading with the count, a dense table, and "see all". */
function SectionTable(props: { ctx: PageContext; s: TodaySection; paged: boolean }) {
  const { ctx, s } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const heading = t.sectionCount(t.sections[s.section], formatNumber(lang, s.count));
  const back = props.paged ? `/desk?section=${s.section}&page=${s.page}` : '/desk';
  return (
    <section aria-labelledby={`section-${s.section}`} data-qa={`section-${s.section}`}>
      <h2 class="utrecht-heading-2" id={`section-${s.section}`}>
        {heading}
      </h2>
      {s.count === 0 ? (
        <p class="utrecht-paragraph">{t.nothing}</p>
      ) : (
        <TableScroll label={t.sections[s.section]}>
          <table class="utrecht-table ko-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">
                  {t.colChild}
                </th>
                <th scope="col" class="utrecht-table__header-cell">
                  {t.colFile}
                </th>
                <th scope="col" class="utrecht-table__header-cell">
                  {t.colDate[s.section]}
                </th>
                <th scope="col" class="utrecht-table__header-cell">
                  {t.colDetail[s.section]}
                </th>
                {s.section === 'tasks' && (
                  <th scope="col" class="utrecht-table__header-cell">
                    {t.colAction}
                  </th>
                )}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {s.rows.map((row) => (
                <tr class="utrecht-table__row" key={row.key} data-qa={`row-${s.section}`}>
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/desk/families/${row.familyId}`}>
                      {childOf(row) || row.fileNumber}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{row.fileNumber}</td>
                  <td class="utrecht-table__cell">{shortDate(lang, row.date)}</td>
                  <td class="utrecht-table__cell ko-wrap">{detailText(lang, s.section, row)}</td>
                  {s.section === 'tasks' && (
                    <td class="utrecht-table__cell">
                      <TaskDone ctx={ctx} taskId={row.key} back={back} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {!props.paged && s.count > s.rows.length && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/desk?section=${s.section}`} data-qa={`see-all-${s.section}`}>
            {t.seeAll(formatNumber(lang, s.count))}
          </a>
        </p>
      )}
      {props.paged && s.pages > 1 && <Pager lang={lang} s={s} />}
    </section>
  );
}

function Pager(props: { lang: Language; s: TodaySection }) {
  const t = messages[props.lang];
  const { s } = props;
  const href = (page: number) => `/desk?section=${s.section}&page=${page}`;
  return (
    <nav aria-label={t.pagination} class="ko-pagination">
      <ul class="ko-inline-list">
        {s.page > 1 && (
          <li>
            <a class="utrecht-link" href={href(s.page - 1)} rel="prev">
              {t.previous}
            </a>
          </li>
        )}
        <li>
          <span aria-current="page">
            {t.pageOf(formatNumber(props.lang, s.page), formatNumber(props.lang, s.pages))}
          </span>
        </li>
        {s.page < s.pages && (
          <li>
            <a class="utrecht-link" href={href(s.page + 1)} rel="next">
              {t.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function TodayPage(props: {
  ctx: PageContext;
  today: { municipality: string; sections: TodaySection[]; possibleDuplicates?: number | undefined };
  paged: boolean;
  notice?: string | undefined;
}) {
  const { ctx, today } = props;
  const t = messages[ctx.lang];
  const only = props.paged ? today.sections[0] : undefined;
  const title = only ? t.sections[only.section] : t.todayTitle;
  return (
    <DeskLayout ctx={ctx} title={title} current="today">
      <h1 class="utrecht-heading-1">{t.todayTitle}</h1>
      <Notice text={props.notice} />
      {only ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/desk">
            {t.backToToday}
          </a>
        </p>
      ) : (
        <p class="utrecht-paragraph">{t.todayIntro(today.municipality)}</p>
      )}
      {today.sections.map((s) => (
        <SectionTable key={s.section} ctx={ctx} s={s} paged={props.paged} />
      ))}
      {today.possibleDuplicates !== undefined && (
        <section aria-labelledby="desk-duplicates" data-qa="section-duplicates">
          <h2 class="utrecht-heading-2" id="desk-duplicates">
            {t.duplicatesHeading}
          </h2>
          <p class="utrecht-paragraph">
            {t.possibleDuplicates(today.possibleDuplicates)}{' '}
            {today.possibleDuplicates > 0 && (
              <a class="utrecht-link" href="/desk/duplicates">
                {t.compareDuplicates}
              </a>
            )}
          </p>
        </section>
      )}
    </DeskLayout>
  );
}
