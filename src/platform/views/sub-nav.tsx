/** A tab of a sub navigation: where it leads and what it says. */
export type SubNavTab<K extends string> = { key: K; href: string; label: string };

/**
 * The sub navigation pattern every staff area uses (the desk, a provider location, its profile,
 * the platform admin): a named list of links, the current page marked with `aria-current`.
 * `qa` prefixes each link's `data-qa` with the tab's key (`desk-nav-today`).
 */
export function SubNav<K extends string>(props: {
  label: string;
  tabs: SubNavTab<K>[];
  current?: K;
  qa: string;
  navQa?: string;
}) {
  return (
    <nav class="ko-subnav" aria-label={props.label} data-qa={props.navQa}>
      <ul class="ko-inline-list">
        {props.tabs.map((tab) => (
          <li key={tab.key}>
            <a
              class="utrecht-link ko-subnav__link"
              href={tab.href}
              aria-current={tab.key === props.current ? 'page' : undefined}
              data-qa={`${props.qa}-${tab.key}`}
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
