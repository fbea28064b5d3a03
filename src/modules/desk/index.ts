/**
 * The desk officer's (loketmedewerker) own pages, scoped to her municipality: Today (the day's
 * work), Find a file (names, dates, numbers, contact; a national number only by POST through the
 * vault's keyed hash) and the file (parents, children, requests, offers, history, mails, notes,
 * phone tasks; a national number shown only with a reason, and audited).
 */
export { registerDeskRoutes } from './desk.routes.tsx';
export { DeskLayout, DeskNav, type DeskTab } from './desk.views.tsx';
