import type { ComponentChildren } from 'preact';
import { type Language, plural } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { SubNav } from '../../platform/views/sub-nav.tsx';
import { messages } from './platform-admin.messages.ts';

export type AdminTab = 'home' | 'municipalities' | 'accounts' | 'audit' | 'outbox' | 'jobs' | 'priorityRules';

/** The platform admin's own navigation (the sub navigation pattern, as the desk has). */
export function AdminNav(props: { lang: Language; current?: AdminTab }) {
  const t = messages[props.lang];
  const tabs: { key: AdminTab; href: string; label: string }[] = [
    { key: 'home', href: '/admin', label: t.navHome },
    { key: 'municipalities', href: '/admin/municipalities', label: t.navMunicipalities },
    { key: 'accounts', href: '/admin/accounts', label: t.navAccounts },
    { key: 'audit', href: '/admin/audit', label: t.navAudit },
    { key: 'outbox', href: '/admin/outbox', label: t.navOutbox },
    { key: 'jobs', href: '/admin/jobs', label: t.navJobs },
    { key: 'priorityRules', href: '/admin/priority-rules', label: t.navPriorityRules },
  ];
  return <SubNav label={t.adminNav} navQa="admin-nav" qa="admin-nav" tabs={tabs} current={props.current} />;
}

export function AdminLayout(props: {
  ctx: PageContext;
  title: string;
  current: AdminTab;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <AdminNav lang={props.ctx.lang} current={props.current} />
      {props.children}
    </Layout>
  );
}

import { TextNotice as Notice } from '../../platform/views/notice.tsx';

export { Notice };

/** "12 minutes", "3 hours", "2 days": how long ago, in the page's language, rounded down. */
export function ageText(lang: Language, from: Date, now: Date): string {
  const t = messages[lang];
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 120) return plural(lang, minutes, t.minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(lang, hours, t.hours);
  return plural(lang, Math.floor(hours / 24), t.days);
}

/** The admin's landing page: what each page is for. */
export function AdminHomePage(props: { ctx: PageContext }) {
  const t = messages[props.ctx.lang];
  const links = [
    {
      href: '/admin/municipalities',
      label: t.navMunicipalities,
      text: t.homeMunicipalities,
      qa: 'home-municipalities',
    },
    { href: '/admin/accounts', label: t.navAccounts, text: t.homeAccounts, qa: 'home-accounts' },
    { href: '/admin/audit', label: t.navAudit, text: t.homeAudit, qa: 'home-audit' },
    { href: '/admin/outbox', label: t.navOutbox, text: t.homeOutbox, qa: 'home-outbox' },
    { href: '/admin/jobs', label: t.navJobs, text: t.homeJobs, qa: 'home-jobs' },
    {
      href: '/admin/priority-rules',
      label: t.navPriorityRules,
      text: t.homePriorityRules,
      qa: 'home-priority-rules',
    },
  ];
  return (
    <AdminLayout ctx={props.ctx} title={t.homeTitle} current="home">
      <h1 class="utrecht-heading-1">{t.homeTitle}</h1>
      <p class="utrecht-paragraph">{t.homeIntro}</p>
      <ul class="ko-link-list">
        {links.map((l) => (
          <li key={l.href}>
            <a class="utrecht-link" href={l.href} data-qa={l.qa}>
              {l.label}
            </a>
            <p class="utrecht-paragraph ko-muted">{l.text}</p>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
