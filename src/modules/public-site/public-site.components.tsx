/** Pieces shared by the public pages: the site's navigation, texts per language, pagination. */
import type { ComponentChildren } from 'preact';
import type { OpeningHours, Translated } from '../../platform/db/schema/index.ts';
import { formatNumber, type Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { messages } from './public-site.messages.ts';

export type PublicSection =
  | 'home'
  | 'search'
  | 'lastMinute'
  | 'sickChild'
  | 'info'
  | 'news'
  | 'accessibility';

const SECTION_PATHS: Record<PublicSection, string> = {
  home: '/',
  search: '/search',
  lastMinute: '/last-minute',
  sickChild: '/sick-child-care',
  info: '/info',
  news: '/news',
  accessibility: '/accessibility',
};

/**
 * The public site's navigation, in the page header. A plain wrapping list: it needs no script and
 * reflows at 400% zoom. The current section is marked: "page" on the section's own page, "true"
 * on a page within it (a profile within search, a news item within news).
 */
function SiteNav(props: { lang: Language; path: string; current: PublicSection | undefined }) {
  const t = messages[props.lang];
  const pathname = props.path.split('?')[0];
  return (
    <nav class="ko-site-nav" aria-label={t.siteNav} data-qa="site-nav">
      <ul class="ko-site-nav__list">
        {(Object.keys(SECTION_PATHS) as PublicSection[]).map((section) => (
          <li key={section}>
            <a
              class="utrecht-link ko-site-nav__link"
              href={SECTION_PATHS[section]}
              aria-current={
                section !== props.current ? undefined : pathname === SECTION_PATHS[section] ? 'page' : 'true'
              }
            >
              {t.nav[section]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The common frame of a public page: the site layout, the public navigation and its styles. */
export function PublicLayout(props: {
  ctx: PageContext;
  title: string;
  section?: PublicSection;
  children: ComponentChildren;
}) {
  return (
    <Layout
      ctx={props.ctx}
      title={props.title}
      sheet="public"
      siteNav={<SiteNav lang={props.ctx.lang} path={props.ctx.path} current={props.section} />}
    >
      {props.children}
    </Layout>
  );
}

/** A text the desk or a provider wrote per language, with Dutch as the fallback. */
export function translated(text: Translated | null | undefined, lang: Language) {
  if (!text) return undefined;
  const own = text[lang];
  if (own) return { text: own, lang, fallback: false };
  return { text: text.nl, lang: 'nl' as Language, fallback: lang !== 'nl' };
}

/** Inline text in the visitor's language, or Dutch marked as such (for screen readers' voice). */
export function LocalText(props: { text: Translated | null | undefined; lang: Language }) {
  const tr = translated(props.text, props.lang);
  if (!tr) return null;
  return <span lang={tr.fallback ? 'nl' : undefined}>{tr.text}</span>;
}

/**
 * A longer text written by the desk: paragraphs separated by a blank line, "## " starts a
 * sub-heading, lines starting with "- " form a list. Everything else is plain text (escaped).
 * `paragraphsOnly` (news items, whose form promises plain text): every block is a paragraph.
 */
export function RichText(props: {
  text: Translated | null | undefined;
  lang: Language;
  headingLevel?: 2 | 3;
  paragraphsOnly?: boolean;
}) {
  const tr = translated(props.text, props.lang);
  if (!tr) return null;
  const blocks = tr.text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div class="ko-rich-text" lang={tr.fallback ? 'nl' : undefined}>
      {blocks.map((block, i) => {
        if (!props.paragraphsOnly && block.startsWith('## ')) {
          return (
            <H key={i} class={props.headingLevel === 3 ? 'utrecht-heading-3' : 'utrecht-heading-2'}>
              {block.slice(3)}
            </H>
          );
        }
        const lines = block.split('\n').map((line) => line.trim());
        if (!props.paragraphsOnly && lines.every((line) => line.startsWith('- '))) {
          return (
            <ul key={i} class="utrecht-unordered-list">
              {lines.map((line) => (
                <li key={line}>{line.slice(2)}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={i} class="utrecht-paragraph">
            {lines.join(' ')}
          </p>
        );
      })}
    </div>
  );
}

/** '3 months', '2 years', '30 months'. */
export function ageLabel(lang: Language, months: number): string {
  const t = messages[lang];
  return months > 0 && months % 12 === 0 ? t.years(months / 12) : t.months(months);
}

/** An age in years for school children: "2,5 jaar", "12 years". */
export function schoolAgeLabel(lang: Language, months: number): string {
  const years = decimals(lang, 1).format(months / 12);
  return messages[lang].yearsOld(years);
}

export function formatKm(lang: Language, km: number): string {
  return decimals(lang, km < 10 ? 1 : 0).format(km);
}

/** One number format per language and precision: building one costs far more than using it. */
function decimals(lang: Language, digits: number): Intl.NumberFormat {
  const key = `${lang}${digits}`;
  let format = decimalFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : `${lang}-BE`, { maximumFractionDigits: digits });
    decimalFormats.set(key, format);
  }
  return format;
}

const decimalFormats = new Map<string, Intl.NumberFormat>();

const HOURS_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * The real hours per day, days with the same hours together, three or more in a row as a range:
 * "monday, tuesday, thursday, friday 07:00 – 18:30; wednesday 07:00 – 12:00". For result cards,
 * where a single "07:00 – 18:30" would hide a Wednesday that closes at noon.
 */
export function hoursSummary(lang: Language, hours: OpeningHours): string | undefined {
  const t = messages[lang];
  const groups = new Map<string, number[]>();
  HOURS_DAYS.forEach((d, i) => {
    const h = hours[d];
    if (!h) return;
    const key = t.hours(h.opens, h.closes);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  if (groups.size === 0) return undefined;
  return [...groups].map(([time, days]) => `${dayRanges(lang, days)} ${time}`).join('; ');
}

/** [0, 1, 2, 4] → "monday to wednesday, friday": three or more days in a row as a range. */
function dayRanges(lang: Language, days: number[]): string {
  const t = messages[lang];
  const name = (i: number) => t.weekdays[HOURS_DAYS[i] as (typeof HOURS_DAYS)[number]];
  const runs: [number, number][] = [];
  for (const d of days) {
    const last = runs.at(-1);
    if (last && last[1] === d - 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs
    .map(([a, b]) =>
      b - a >= 2 ? t.dayRange(name(a), name(b)) : a === b ? name(a) : `${name(a)}, ${name(b)}`,
    )
    .join(', ');
}

export { HOURS_DAYS };

/** The query string of the current filters with one value changed (for page and sort links). */
export function withParam(path: string, params: URLSearchParams, name: string, value: string | undefined) {
  const next = new URLSearchParams(params);
  if (value === undefined) next.delete(name);
  else next.set(name, value);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

const GAP = 'gap';

/**
 * The page numbers to link: the first, the last, the current one and its neighbours, with a gap
 * ("…") where pages are left out — 1 … 4 5 6 … 12. A gap of one page shows that page instead.
 */
export function pageNumbers(page: number, pages: number): (number | typeof GAP)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const out: (number | typeof GAP)[] = [];
  for (const n of shown) {
    const prev = out.at(-1);
    if (typeof prev === 'number' && n - prev === 2) out.push(prev + 1);
    else if (typeof prev === 'number' && n - prev > 2) out.push(GAP);
    out.push(n);
  }
  return out;
}

export function Pagination(props: {
  lang: Language;
  path: string;
  params: URLSearchParams;
  page: number;
  pages: number;
}) {
  const { lang, page, pages } = props;
  if (pages <= 1) return null;
  const t = messages[lang];
  const href = (n: number) => withParam(props.path, props.params, 'page', n === 1 ? undefined : String(n));
  const numbers = pageNumbers(page, pages);
  return (
    <nav class="ko-pagination" aria-label={t.pagination} data-qa="pagination">
      <p class="utrecht-paragraph">{t.pageOf(page, pages)}</p>
      <ul class="ko-inline-list">
        {page > 1 && (
          <li>
            <a class="utrecht-link" href={href(page - 1)} rel="prev" data-qa="page-previous">
              {t.previous}
            </a>
          </li>
        )}
        {numbers.map((n, i) => (
          <li key={n === GAP ? `gap-${i}` : n}>
            {n === GAP ? (
              <span class="ko-pagination__gap">…</span>
            ) : n === page ? (
              <span aria-current="page" class="ko-pagination__current">
                {formatNumber(lang, n)}
              </span>
            ) : (
              <a class="utrecht-link" href={href(n)} aria-label={t.pageLink(n)}>
                {formatNumber(lang, n)}
              </a>
            )}
          </li>
        ))}
        {page < pages && (
          <li>
            <a class="utrecht-link" href={href(page + 1)} rel="next" data-qa="page-next">
              {t.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** JSON for a `<script type="application/json">` block: nothing in it can end the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** What the map needs of a location; kept small, as a search can put a thousand on a page. */
export type MapMarker = {
  id: string;
  name: string;
  type: 'group' | 'family' | 'out_of_school';
  lat: number;
  lng: number;
};

/**
 * A map enhancement: hidden without JavaScript (the list or address is the real content);
 * public/map.js shows it and draws the markers read from the JSON block next to it.
 */
export function MapEnhancement(props: {
  id: string;
  label: string;
  markers: MapMarker[];
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
  /** Markers link to `${linkBase}${id}` in their pop-up; none: no pop-up (a profile's own map). */
  linkBase?: string;
  linkLabel?: string;
  small?: boolean;
  /**
   * A click on the map chooses a distance origin: it fills the form field `field` (the list is
   * updated when the form is sent) and says so in words; `point` is the origin now in use, drawn
   * as its own marker. `message` has "{point}" where the chosen point goes.
   */
  origin?: { field: string; point: { lat: number; lng: number } | undefined; label: string; message: string };
  /** Distance origins the visitor typed (home, work postcode), drawn as origin markers. */
  fixedOrigins?: { label: string; lat: number; lng: number }[];
  /**
   * Municipality names written at their points, so that a map without tiles can be read; drawn
   * only when there is no tile layer (tiles have names of their own).
   */
  places?: { name: string; lat: number; lng: number }[];
}) {
  const dataId = `${props.id}-markers`;
  const origin = props.origin;
  return (
    <>
      <section
        id={props.id}
        class={`ko-map ${props.small ? 'ko-map--small' : ''}`}
        aria-label={props.label}
        data-module="result-map"
        data-markers={dataId}
        data-tile-url={props.tileUrl}
        data-tile-attribution={props.tileAttribution}
        data-link-base={props.linkBase}
        data-link-label={props.linkLabel}
        data-origin-field={origin?.field}
        data-origin={origin?.point ? `${origin.point.lat},${origin.point.lng}` : undefined}
        data-origin-label={origin?.label}
        data-origin-message={origin?.message}
        data-origin-status={origin ? `${props.id}-status` : undefined}
        data-fixed-origins={props.fixedOrigins?.length ? `${props.id}-origins` : undefined}
        data-places={props.places?.length && !props.tileUrl ? `${props.id}-places` : undefined}
        data-qa="map"
        // With JavaScript the style sheet gives a map with markers its place from the first paint.
        data-reserve={props.markers.length > 0 ? '' : undefined}
        hidden
      />
      {origin && <p class="utrecht-paragraph ko-map-status" id={`${props.id}-status`} role="status" />}
      <script
        type="application/json"
        id={dataId}
        // JSON escaped by jsonForScript (no "<" can close the element); a data block is never executed.
        dangerouslySetInnerHTML={{ __html: jsonForScript(props.markers) }}
      />
      {props.places?.length && !props.tileUrl ? (
        <script
          type="application/json"
          id={`${props.id}-places`}
          // Escaped like the markers; the names come from the bundled open data.
          dangerouslySetInnerHTML={{ __html: jsonForScript(props.places) }}
        />
      ) : null}
      {props.fixedOrigins?.length ? (
        <script
          type="application/json"
          id={`${props.id}-origins`}
          // Escaped like the markers: postcode labels come from open data, not from the visitor.
          dangerouslySetInnerHTML={{ __html: jsonForScript(props.fixedOrigins) }}
        />
      ) : null}
      {/* map.js fetches Leaflet itself once the page has loaded. */}
      <script defer src="/assets/map.js" />
    </>
  );
}
