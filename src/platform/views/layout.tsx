import type { ComponentChildren } from 'preact';
import { common } from '../i18n/common.ts';
import { LANGUAGES } from '../i18n/index.ts';
import type { PageContext } from './context.ts';
import { type SheetVariant, styleSheetHref } from './styles.ts';

/**
 * Marks the page as run with JavaScript (`ko-js` on <html>) before it is painted; the style sheet
 * then folds the phone's header menu at once instead of when app.js runs. If app.js has not
 * started within 5 s (it failed to load, or the browser runs no modules), the mark goes again so
 * nothing stays folded without a working button.
 */
export const JS_FLAG_SCRIPT =
  "document.documentElement.classList.add('ko-js');" +
  "setTimeout(function(){if(!window.koApp)document.documentElement.classList.remove('ko-js')},5000)";

/**
 * The page frame: skip link, header with navigation and language switch, main, footer. A page may
 * use the public site's style sheet and add a site navigation for the header (its sections).
 */
export function Layout(props: {
  ctx: PageContext;
  title: string;
  /** `public`: the sheet with the public site's rules (styles.ts). */
  sheet?: SheetVariant;
  siteNav?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const t = common[ctx.lang];
  const brand = ctx.brand;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t.siteName}`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <meta name="description" content={t.metaDescription} />
        <link rel="stylesheet" href={styleSheetHref(props.sheet)} />
        {/* The brand colour as a generated style sheet: the CSP allows no inline styles. */}
        {brand?.stylesheet && <link rel="stylesheet" href={brand.stylesheet} data-qa="brand-css" />}
        {/* Before the first paint, so that what app.js will fold is folded from the start (no
            layout shift); allowed by its hash in the content security policy (platform/http). */}
        <script dangerouslySetInnerHTML={{ __html: JS_FLAG_SCRIPT }} />
        <script type="module" src="/assets/app.js" />
      </head>
      <body class="utrecht-theme utrecht-page-body ko-theme">
        <a class="ko-skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="ko-header">
          <div class="ko-container ko-header__inner">
            <a class="ko-header__brand" href="/" data-qa="header-brand">
              {brand?.logoUrl && (
                <img
                  class="ko-header__logo"
                  src={brand.logoUrl}
                  alt={brand.name}
                  height={40}
                  data-qa="brand-logo"
                />
              )}
              <span>{t.siteName}</span>
              {brand && !brand.logoUrl && <span class="ko-header__municipality">{brand.name}</span>}
            </a>
            {/* On a phone the navigation folds behind this button (the style sheet, once the page
                is marked `ko-js`; public/app.js opens and closes it); without JavaScript the button
                stays hidden and the navigation stays open. */}
            <button
              type="button"
              class="utrecht-button utrecht-button--subtle ko-header__menu-toggle"
              aria-controls={props.siteNav ? 'ko-header-menu ko-header-site-nav' : 'ko-header-menu'}
              aria-expanded="true"
              data-module="header-menu"
              data-qa="header-menu-toggle"
              hidden
            >
              {t.menu}
            </button>
            <div id="ko-header-menu" class="ko-header__menu">
              <nav aria-label={t.mainNavigation} class="ko-header__nav">
                <ul class="ko-inline-list">
                  {ctx.user ? (
                    <>
                      <li>
                        <a class="utrecht-link" href={ctx.user.homePath} data-qa="nav-home">
                          {t.loggedInAs(ctx.user.displayName)}
                        </a>
                      </li>
                      <li>
                        <a class="utrecht-link" href="/account" data-qa="nav-account">
                          {t.myAccount}
                        </a>
                      </li>
                      <li>
                        <form method="post" action="/logout" class="ko-inline-form">
                          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                          <button
                            type="submit"
                            class="utrecht-button utrecht-button--subtle"
                            data-qa="logout"
                          >
                            {t.logout}
                          </button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <li>
                      <a class="utrecht-link" href="/login" data-qa="nav-login">
                        {t.login}
                      </a>
                    </li>
                  )}
                  {ctx.devTools && (
                    <li>
                      <a class="utrecht-link" href="/dev/mail">
                        /dev/mail
                      </a>
                    </li>
                  )}
                </ul>
              </nav>
              <nav aria-label={t.languageSwitcher} class="ko-header__lang">
                <ul class="ko-inline-list">
                  {LANGUAGES.map((l) => (
                    <li key={l}>
                      {l === ctx.lang ? (
                        <span aria-current="true" lang={l} class="ko-lang-current">
                          {t.languageNames[l]}
                        </span>
                      ) : (
                        <a
                          class="utrecht-link"
                          lang={l}
                          hreflang={l}
                          href={`/lang/${l}?back=${encodeURIComponent(ctx.path)}`}
                          data-qa={`lang-${l}`}
                        >
                          {t.languageNames[l]}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </div>
          {props.siteNav && (
            <div id="ko-header-site-nav" class="ko-container ko-header__site-nav">
              {props.siteNav}
            </div>
          )}
        </header>
        <main id="main" tabIndex={-1} class="ko-container ko-main">
          {props.children}
        </main>
        <footer class="ko-footer">
          <div class="ko-container">
            <p class="utrecht-paragraph">{t.footer}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
