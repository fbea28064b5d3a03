import type { ComponentChildren } from 'preact';
import type { Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { SubNav } from '../../platform/views/sub-nav.tsx';
import { DeskLayout, DeskNav } from '../desk/index.ts';
import { contentMessages } from './desk-content.messages.ts';

/** The parts of the desk's content, each with its own list page. */
export type ContentSection = 'news' | 'infoPages' | 'sickChild' | 'mailTemplates';

export const CONTENT_PATHS: Record<ContentSection, string> = {
  news: '/desk/news',
  infoPages: '/desk/info-pages',
  sickChild: '/desk/sick-child-services',
  mailTemplates: '/desk/mail-templates',
};

/** The content's own sub navigation (one desk tab holds all four parts). */
export function ContentNav(props: { lang: Language; section: ContentSection }) {
  const t = contentMessages[props.lang];
  const tabs = (Object.keys(CONTENT_PATHS) as ContentSection[]).map((key) => ({
    key,
    href: CONTENT_PATHS[key],
    label: t.nav[key],
  }));
  return (
    <SubNav label={t.contentNav} qa="content-nav" navQa="content-nav" tabs={tabs} current={props.section} />
  );
}

/** Both navigations, for a page in its own frame (the confirmation pages). */
export function ContentNavs(props: { lang: Language; section: ContentSection }) {
  return (
    <>
      <DeskNav lang={props.lang} current="news" />
      <ContentNav {...props} />
    </>
  );
}

/** The desk's frame with the content's sub navigation below the desk's. */
export function ContentLayout(props: {
  ctx: PageContext;
  title: string;
  section: ContentSection;
  children: ComponentChildren;
}) {
  return (
    <DeskLayout ctx={props.ctx} title={props.title} current="news">
      <ContentNav lang={props.ctx.lang} section={props.section} />
      {props.children}
    </DeskLayout>
  );
}
