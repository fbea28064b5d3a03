import type { Language } from '../i18n/index.ts';

/** What every page needs to know about the request it answers. */
export type PageContext = {
  lang: Language;
  /** Path and query of the current page, for the language switcher and log-in return. */
  path: string;
  csrfToken: string;
  user: { displayName: string; homePath: string } | undefined;
  /** Whether the development mailbox exists (config.devMailbox): the header links to it. */
  devTools: boolean;
  /**
   * The municipality a public page speaks for (its desk's logo and colour in the header); set by
   * the public site only. `stylesheet` is undefined when its colour fails the contrast check.
   */
  brand?: { name: string; logoUrl: string | undefined; stylesheet: string | undefined };
};
