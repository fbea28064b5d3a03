import { DEMO_TOTP_SECRET } from '../src/modules/demo/index.ts';
import { totpCode } from '../src/platform/auth/totp.ts';
/** Logging in through the real log-in form, as a browser would: cookies and the CSRF token. */

export type Session = {
  email: string;
  /** The Cookie header of the logged-in browser. */
  cookie: string;
  /** A CSRF token valid with that cookie, for the session's POSTs. */
  csrf: string;
};

class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    pathname: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<{ status: number; location: string | null; retryAfter: number; body: string }> {
    const headers: Record<string, string> = { cookie: this.cookie, 'accept-language': 'nl' };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(`${this.baseUrl}${pathname}`, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return {
      status: response.status,
      location: response.headers.get('location'),
      retryAfter: Number(response.headers.get('retry-after') ?? 0) || 0,
      body: await response.text(),
    };
  }
}

export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}

/**
 * Logs in with e-mail and password; `landing` is a page of the user's to take the CSRF token from.
 * The log-in form allows 20 attempts a minute from one address: when it answers 429, this waits
 * as long as it says (`log` is told) and tries again.
 */
export async function logIn(
  baseUrl: string,
  email: string,
  password: string,
  landing: string,
  log?: (line: string) => void,
): Promise<Session> {
  const browser = new Browser(baseUrl);
  const page = await browser.request('/login');
  const form = { email, password, _csrf: csrfTokenOf(page.body) };
  let posted = await browser.request('/login', { form });
  for (let attempt = 0; posted.status === 429 && attempt < 5; attempt++) {
    const seconds = Math.max(1, posted.retryAfter) + 1;
    log?.(`the log-in form's rate limit: waiting ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    posted = await browser.request('/login', { form });
  }
  if (posted.status !== 303) throw new Error(`log-in of ${email} failed with status ${posted.status}`);
  if (posted.location?.startsWith('/login/code')) {
    // Demo staff have the demo second factor (ADR 0020); the app runs on the system clock.
    const codePage = await browser.request(posted.location);
    let second = await browser.request('/login/code', {
      form: { code: totpCode(DEMO_TOTP_SECRET, new Date()), _csrf: csrfTokenOf(codePage.body) },
    });
    // A code works once: when this account logged in moments ago, the next step's code (accepted
    // with one step of drift) is the one to give.
    if (second.status === 400)
      second = await browser.request('/login/code', {
        form: {
          code: totpCode(DEMO_TOTP_SECRET, new Date(Date.now() + 30_000)),
          _csrf: csrfTokenOf(second.body),
        },
      });
    if (second.status !== 303) throw new Error(`second step of ${email} failed with status ${second.status}`);
  }
  let home = await browser.request(landing);
  for (let hops = 0; home.status === 303 && home.location && hops < 5; hops++)
    home = await browser.request(home.location);
  if (home.status !== 200) throw new Error(`${email}: ${landing} answered ${home.status}`);
  return { email, cookie: browser.cookie, csrf: csrfTokenOf(home.body) };
}

/** One GET with a session's cookie; throws unless 200. */
export async function getPage(baseUrl: string, pathname: string, session?: Session): Promise<string> {
  const response = await fetch(`${baseUrl}${pathname}`, {
    headers: session ? { cookie: session.cookie } : {},
    redirect: 'manual',
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}`);
  return body;
}
