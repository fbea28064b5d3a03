import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a full page to an HTML document string. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
