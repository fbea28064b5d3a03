/** Home, news, information pages, sick-child care and the accessibility statement. */
import type { ComponentChildren } from 'preact';
import type { Translated } from '../../platform/db/schema/index.ts';
import { formatDate, type Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import { LocalText, Pagination, PublicLayout, RichText, translated } from './public-site.components.tsx';
import { pageMessages } from './public-site.messages.pages.ts';
import { priorityPageMessages } from './public-site.messages.priority.ts';
import type { getDesks, getSickChildServices } from './public-site.queries.ts';

type NewsItem = {
  id: string;
  publishedAt: Date;
  title: Translated;
  body: Translated;
  municipalityName: string | null;
};
type InfoLink = { slug: string; title: Translated };

function plainText(text: Translated, lang: Language): string {
  return translated(text, lang)?.text ?? '';
}

function NewsArticle(props: { lang: Language; item: NewsItem; level: 2 | 3; link?: boolean }) {
  const { lang, item } = props;
  const p = pageMessages[lang];
  const H = props.level === 2 ? 'h2' : 'h3';
  const title = translated(item.title, lang);
  return (
    <article class="ko-news" data-qa="news-item">
      <H
        class={props.level === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3'}
        lang={title?.fallback ? 'nl' : undefined}
      >
        {props.link ? (
          <a class="utrecht-link" href={`/news/${item.id}`}>
            {title?.text}
          </a>
        ) : (
          title?.text
        )}
      </H>
      <p class="utrecht-paragraph ko-news__date">
        <time dateTime={item.publishedAt.toISOString()}>
          {p.publishedOn(formatDate(lang, item.publishedAt))}
        </time>
        {item.municipalityName ? ` · ${item.municipalityName}` : ''}
      </p>
      <RichText text={item.body} lang={lang} paragraphsOnly />
    </article>
  );
}

/** Above this many municipalities, the desks fold away behind one line (a region has dozens). */
const MAX_OPEN_DESKS = 6;

function Desks(props: { lang: Language; desks: Awaited<ReturnType<typeof getDesks>> }) {
  const { lang } = props;
  const p = pageMessages[lang];
  return (
    <div class="ko-desks">
      {props.desks.map((desk) => (
        <section key={desk.id} class="ko-card" aria-labelledby={`desk-${desk.id}`}>
          <h3 class="utrecht-heading-3" id={`desk-${desk.id}`}>
            {p.deskOf(desk.name)}
          </h3>
          <dl class="ko-desk">
            {desk.address && (
              <>
                <dt>{p.deskAddress}</dt>
                <dd>{desk.address}</dd>
              </>
            )}
            {desk.phone && (
              <>
                <dt>{p.deskPhone}</dt>
                <dd>
                  <a class="utrecht-link" href={`tel:${desk.phone.replace(/\s+/g, '')}`}>
                    {desk.phone}
                  </a>
                </dd>
              </>
            )}
            {desk.email && (
              <>
                <dt>{p.deskEmail}</dt>
                <dd>
                  <a class="utrecht-link" href={`mailto:${desk.email}`}>
                    {desk.email}
                  </a>
                </dd>
              </>
            )}
            {desk.openingHours && (
              <>
                <dt>{p.deskHours}</dt>
                <dd>
                  <LocalText text={desk.openingHours} lang={lang} />
                </dd>
              </>
            )}
          </dl>
        </section>
      ))}
    </div>
  );
}

export function HomePage(props: {
  ctx: PageContext;
  news: NewsItem[];
  hasMoreNews: boolean;
  desks: Awaited<ReturnType<typeof getDesks>>;
  infoPages: InfoLink[];
}) {
  const { ctx } = props;
  const lang = ctx.lang;
  const p = pageMessages[lang];
  return (
    <PublicLayout ctx={ctx} title={p.homeTitle} section="home">
      <h1 class="utrecht-heading-1">{p.homeTitle}</h1>
      <p class="utrecht-paragraph ko-lead">{p.intro}</p>
      <p class="utrecht-paragraph ko-button-row">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href="/search"
          data-qa="search-cta"
        >
          {p.searchCta}
        </a>
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href="/parent/requests/new"
          data-qa="start-request"
        >
          {p.start}
        </a>
      </p>
      {!ctx.user && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/login">
            {p.haveAccount}
          </a>
        </p>
      )}
      <h2 class="utrecht-heading-2">{p.stepsTitle}</h2>
      <ol class="utrecht-ordered-list ko-steps">
        <li>{p.steps.step1}</li>
        <li>{p.steps.step2}</li>
        <li>{p.steps.step3}</li>
      </ol>
      <h2 class="utrecht-heading-2">{p.moreTitle}</h2>
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href="/last-minute">
            {p.moreLastMinute}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/sick-child-care">
            {p.moreSickChild}
          </a>
        </li>
        <PriorityRulesLink lang={lang} />
        {props.infoPages.map((page) => (
          <li key={page.slug}>
            <a class="utrecht-link" href={`/info/${page.slug}`}>
              <LocalText text={page.title} lang={lang} />
            </a>
          </li>
        ))}
      </ul>
      <section aria-labelledby="news-title" data-qa="news">
        <h2 class="utrecht-heading-2" id="news-title">
          {p.newsTitle}
        </h2>
        {props.news.length === 0 ? (
          <p class="utrecht-paragraph">{p.noNews}</p>
        ) : (
          props.news.map((item) => <NewsArticle key={item.id} lang={lang} item={item} level={3} link />)
        )}
        {props.hasMoreNews && (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/news" data-qa="news-archive">
              {p.newsArchive}
            </a>
          </p>
        )}
      </section>
      <section aria-labelledby="desks-title" data-qa="desks">
        <h2 class="utrecht-heading-2" id="desks-title">
          {p.desksTitle}
        </h2>
        <p class="utrecht-paragraph">{p.desksIntro}</p>
        {props.desks.length > MAX_OPEN_DESKS ? (
          <details class="ko-details">
            <summary>{p.allDesks(props.desks.length)}</summary>
            <Desks lang={lang} desks={props.desks} />
          </details>
        ) : (
          <Desks lang={lang} desks={props.desks} />
        )}
      </section>
    </PublicLayout>
  );
}

export function NewsArchivePage(props: {
  ctx: PageContext;
  items: NewsItem[];
  page: number;
  pages: number;
  params: URLSearchParams;
}) {
  const lang = props.ctx.lang;
  const p = pageMessages[lang];
  return (
    <PublicLayout ctx={props.ctx} title={p.newsArchiveTitle} section="news">
      <h1 class="utrecht-heading-1">{p.newsArchiveTitle}</h1>
      {props.items.length === 0 && <p class="utrecht-paragraph">{p.noNews}</p>}
      {props.items.map((item) => (
        <NewsArticle key={item.id} lang={lang} item={item} level={2} link />
      ))}
      <Pagination lang={lang} path="/news" params={props.params} page={props.page} pages={props.pages} />
    </PublicLayout>
  );
}

export function NewsItemPage(props: { ctx: PageContext; item: NewsItem }) {
  const lang = props.ctx.lang;
  const p = pageMessages[lang];
  const { item } = props;
  const title = translated(item.title, lang);
  return (
    <PublicLayout ctx={props.ctx} title={plainText(item.title, lang)} section="news">
      <article>
        <h1 class="utrecht-heading-1" lang={title?.fallback ? 'nl' : undefined}>
          {title?.text}
        </h1>
        <p class="utrecht-paragraph ko-news__date">
          <time dateTime={item.publishedAt.toISOString()}>
            {p.publishedOn(formatDate(lang, item.publishedAt))}
          </time>
          {item.municipalityName ? ` · ${item.municipalityName}` : ''}
        </p>
        <RichText text={item.body} lang={lang} paragraphsOnly />
      </article>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/news">
          {p.newsArchive}
        </a>
      </p>
    </PublicLayout>
  );
}

/** The page on the priority rules valid today, generated from the rule set (public-site.views.priority). */
function PriorityRulesLink(props: { lang: Language }) {
  return (
    <li>
      <a class="utrecht-link" href="/priority-rules" data-qa="priority-rules-link">
        {priorityPageMessages[props.lang].link}
      </a>
    </li>
  );
}

export function InfoIndexPage(props: { ctx: PageContext; pages: InfoLink[] }) {
  const lang = props.ctx.lang;
  const p = pageMessages[lang];
  return (
    <PublicLayout ctx={props.ctx} title={p.infoIndexTitle} section="info">
      <h1 class="utrecht-heading-1">{p.infoIndexTitle}</h1>
      <p class="utrecht-paragraph ko-lead">{p.infoIndexIntro}</p>
      <ul class="utrecht-unordered-list" data-qa="info-pages">
        <PriorityRulesLink lang={lang} />
        {props.pages.map((page) => (
          <li key={page.slug}>
            <a class="utrecht-link" href={`/info/${page.slug}`}>
              <LocalText text={page.title} lang={lang} />
            </a>
          </li>
        ))}
      </ul>
    </PublicLayout>
  );
}

export function InfoPage(props: {
  ctx: PageContext;
  page: { title: Translated; body: Translated; updatedAt: Date };
  others: InfoLink[];
  slug: string;
}) {
  const lang = props.ctx.lang;
  const p = pageMessages[lang];
  const title = translated(props.page.title, lang);
  return (
    <PublicLayout ctx={props.ctx} title={title?.text ?? ''} section="info">
      <article data-qa="info-page">
        <h1 class="utrecht-heading-1" lang={title?.fallback ? 'nl' : undefined}>
          {title?.text}
        </h1>
        <RichText text={props.page.body} lang={lang} />
        <p class="utrecht-paragraph ko-hint">{p.updatedOn(formatDate(lang, props.page.updatedAt))}</p>
      </article>
      <nav aria-labelledby="more-info">
        <h2 class="utrecht-heading-2" id="more-info">
          {p.infoTitle}
        </h2>
        <ul class="utrecht-unordered-list">
          <PriorityRulesLink lang={lang} />
          {props.others
            .filter((o) => o.slug !== props.slug)
            .map((o) => (
              <li key={o.slug}>
                <a class="utrecht-link" href={`/info/${o.slug}`}>
                  <LocalText text={o.title} lang={lang} />
                </a>
              </li>
            ))}
        </ul>
      </nav>
    </PublicLayout>
  );
}

type SickChildService = Awaited<ReturnType<typeof getSickChildServices>>[number];

export function SickChildPage(props: { ctx: PageContext; services: SickChildService[] }) {
  const lang = props.ctx.lang;
  const p = pageMessages[lang];
  return (
    <PublicLayout ctx={props.ctx} title={p.sickTitle} section="sickChild">
      <h1 class="utrecht-heading-1">{p.sickTitle}</h1>
      <p class="utrecht-paragraph ko-lead">{p.sickIntro}</p>
      {props.services.length === 0 ? (
        <p class="utrecht-paragraph">{p.sickNone}</p>
      ) : (
        <ul class="ko-card-list" data-qa="sick-child-services">
          {props.services.map((s) => (
            <li key={s.id} class="ko-card" data-qa="sick-child-service">
              <h2 class="utrecht-heading-3">{s.name}</h2>
              <RichText text={s.description} lang={lang} paragraphsOnly />
              <dl class="ko-facts">
                <Fact label={p.sickPhone}>
                  <a class="utrecht-link" href={`tel:${s.phone.replace(/\s+/g, '')}`}>
                    {s.phone}
                  </a>
                </Fact>
                {s.contact && <Fact label={p.sickContact}>{s.contact}</Fact>}
                {s.municipalityName && <Fact label={p.sickMunicipality}>{s.municipalityName}</Fact>}
                {s.area && (
                  <Fact label={p.sickArea}>
                    <LocalText text={s.area} lang={lang} />
                  </Fact>
                )}
                {s.hours && (
                  <Fact label={p.sickHours}>
                    <LocalText text={s.hours} lang={lang} />
                  </Fact>
                )}
                {s.conditions && (
                  <Fact label={p.sickConditions}>
                    <LocalText text={s.conditions} lang={lang} />
                  </Fact>
                )}
                {s.website && (
                  <Fact label={p.sickWebsite}>
                    <a class="utrecht-link" href={s.website} rel="noopener">
                      {s.website}
                    </a>
                  </Fact>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </PublicLayout>
  );
}

/** The accessibility statement, in the structure of the EU model (Implementing Decision 2018/1523). */
export function AccessibilityPage(props: { ctx: PageContext; desks: Awaited<ReturnType<typeof getDesks>> }) {
  const lang = props.ctx.lang;
  const p = pageMessages[lang];
  const a = p.a11y;
  const Section = (s: { id: string; title: string; children: ComponentChildren }) => (
    <section aria-labelledby={`a11y-${s.id}`} data-qa={`a11y-${s.id}`}>
      <h2 class="utrecht-heading-2" id={`a11y-${s.id}`}>
        {s.title}
      </h2>
      {s.children}
    </section>
  );
  const list = (items: Record<string, string>) => (
    <ul class="utrecht-unordered-list">
      {Object.values(items).map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
  return (
    <PublicLayout ctx={props.ctx} title={p.a11yTitle} section="accessibility">
      <h1 class="utrecht-heading-1">{p.a11yTitle}</h1>
      <p class="utrecht-paragraph">{a.intro}</p>
      <Section id="status" title={a.statusTitle}>
        <p class="utrecht-paragraph">{a.status}</p>
      </Section>
      <Section id="content" title={a.contentTitle}>
        <h3 class="utrecht-heading-3">{a.nonCompliantTitle}</h3>
        {list(a.nonCompliant)}
        <h3 class="utrecht-heading-3">{a.exemptTitle}</h3>
        {list(a.exempt)}
        <p class="utrecht-paragraph">{a.burden}</p>
      </Section>
      <Section id="preparation" title={a.preparationTitle}>
        <p class="utrecht-paragraph">{a.preparation}</p>
      </Section>
      <Section id="feedback" title={a.feedbackTitle}>
        <p class="utrecht-paragraph">{a.feedback}</p>
        <Desks lang={lang} desks={props.desks} />
      </Section>
      <Section id="enforcement" title={a.enforcementTitle}>
        <p class="utrecht-paragraph">{a.enforcement}</p>
      </Section>
    </PublicLayout>
  );
}
