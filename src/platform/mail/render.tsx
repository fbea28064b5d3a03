import { renderToString } from 'preact-render-to-string';
import { common } from '../i18n/common.ts';
import type { Language } from '../i18n/index.ts';

export type MailContent = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  signature: string;
};

/** Turns mail content into a plain-text and an HTML body with the same words. */
export function renderMail(
  lang: Language,
  content: MailContent,
): { subject: string; text: string; html: string } {
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    content.signature,
    `— ${common[lang].siteName}`,
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
        {content.action && (
          <p>
            <a href={content.action.url}>{content.action.label}</a>
          </p>
        )}
        <p>
          {content.signature}
          <br />— {common[lang].siteName}
        </p>
      </body>
    </html>,
  )}`;
  return { subject: content.subject, text, html };
}
