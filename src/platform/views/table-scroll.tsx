import type { ComponentChildren } from 'preact';

/**
 * The region around a table that may be wider than a phone: the table scrolls sideways inside
 * it, with its first column kept in view (app.css, `.ko-table-scroll`), instead of the whole
 * page. Focusable, so that a keyboard can scroll it; a named section (a region), so that a screen reader says
 * what the tab stop is.
 */
export function TableScroll(props: { label: string; children: ComponentChildren }) {
  return (
    // A region that scrolls must take focus for keyboard users (WCAG 2.1.1; axe's
    // scrollable-region-focusable), though it is not otherwise interactive.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <section class="ko-table-scroll" tabIndex={0} aria-label={props.label}>
      {props.children}
    </section>
  );
}

/** A table's head: one row of column headers. */
export function TableHead(props: { heads: string[] }) {
  return (
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        {props.heads.map((head) => (
          <th scope="col" class="utrecht-table__header-cell" key={head}>
            {head}
          </th>
        ))}
      </tr>
    </thead>
  );
}
