/**
 * The desk's news items for the public site, for its own municipality: a title and a text per
 * language (Dutch required; the public site falls back to it, marked lang="nl"), the first and
 * optionally the last day shown. Every change is one transaction with its audit row; the public
 * pages are cached for at most a minute (public-site.http), so a change shows within that.
 */

export { registerDeskContentRoutes } from './desk-content.routes.tsx';
