/** One file to download: where, what the link says, and its data-qa. */
export type DownloadLink = { href: string; label: string; qa: string };

/** The "Downloads" block of a report page: a heading, then one link per file format (CSV, XLSX, PDF…). */
export function Downloads(props: { heading: string; links: DownloadLink[] }) {
  return (
    <>
      <h2 class="utrecht-heading-2">{props.heading}</h2>
      <ul class="ko-inline-list">
        {props.links.map((link) => (
          <li key={link.qa}>
            <a class="utrecht-link" href={link.href} data-qa={link.qa} download>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
