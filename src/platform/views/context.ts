import type { Language } from '../i18n/index.ts';

/** What every page needs to know about the request it answers. */
export type PageContext = {
  lang: Language;
  /** Path and query of the current page, for the language switcher and log-in return. */
  path: string;
  csrfToken: string;
  user: { displayName: string; homePath: string } | undefined;
  /** Shown only when not in production: the development mailbox link. */
  devTools: boolean;
};
