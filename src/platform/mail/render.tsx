import { renderToString } from 'preact-render-to-string';
import { type Language, withColon } from '../i18n/index.ts';

/** A small table after the paragraphs (e.g. an offer's plan next to the request's). */
export type MailTable = { caption: string; head: string[]; rows: string[][] };

export type MailContent = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  table?: MailTable;
  action?: { label: string; url: string };
  signature: string;
};

/** Turns mail content into a plain-text and an HTML body with the same words. */
export function renderMail(
  lang: Language,
  mail: MailContent,
): { subject: string; text: string; html: string } {
  const content = mail.action
    ? { ...mail, action: { ...mail.action, url: inLanguage(mail.action.url, lang) } }
    : mail;
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.table ? [...textTable(lang, content.table), ''] : []),
    ...(content.action ? [`${withColon(lang, content.action.label)} ${content.action.url}`, ''] : []),
    content.signature,
  ].join('\n');
  const html = `<!doctype html>${renderToString(
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <title>{content.subject}</title>
      </head>
      <body style="font-family: Arial, sans-serif; line-height: 1.5; color: #1a1a1a;">
        <p>{content.greeting}</p>
        {content.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        {content.table && (
          <table style="border-collapse: collapse; margin-bottom: 1em;">
            <caption style="text-align: left; font-weight: bold;">{content.table.caption}</caption>
            <thead>
              <tr>
                {content.table.head.map((h) => (
                  <th key={h} scope="col" style={CELL}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {content.table.rows.map((row) => (
                <tr key={row[0]}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={cell} scope="row" style={CELL}>
                        {cell}
                      </th>
                    ) : (
                      <td key={i} style={CELL}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {content.action && (
          <p>
            <a href={content.action.url}>{content.action.label}</a>
          </p>
        )}
        <p>
          {content.signature.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]))}
        </p>
      </body>
    </html>,
  )}`;
  return { subject: content.subject, text, html };
}

const CELL = 'text-align: left; padding: 4px 8px; border-bottom: 1px solid #b1b4b6;';

/** The table as plain-text lines: the caption, then per row "Monday — Requested: Full day; Offered: Half day". */
function textTable(lang: Language, table: MailTable): string[] {
  return [
    withColon(lang, table.caption),
    ...table.rows.map(
      (row) =>
        `- ${row[0] ?? ''} — ${row
          .slice(1)
          .map((cell, i) => `${withColon(lang, table.head[i + 1] ?? '')} ${cell}`)
          .join(lang === 'fr' ? '\u202f; ' : '; ')}`,
    ),
  ];
}

/**
 * The mail's link with the mail's language (`lang=fr`): the page it opens speaks the language the
 * mail was written in, not the browser's (the language negotiation honours it). A link that
 * already names a language, or is not a web address, stays as it is.
 */
export function inLanguage(url: string, lang: Language): string {
  if (!/^https?:\/\//.test(url) || /[?&]lang=/.test(url)) return url;
  const [path = '', fragment] = url.split('#', 2);
  const withLang = `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
  return fragment === undefined ? withLang : `${withLang}#${fragment}`;
}
