/**
 * A parent filing requests through the request wizard, as a browser does (cookies, the CSRF token,
 * one POST per step), over real HTTP or over `app.inject`. Used by the fault tests, which break
 * the server or its database while several parents file at once.
 */
import type { FastifyInstance } from 'fastify';

export type Answer = { status: number; location: string; body: string; retryAfter: string };

/** One HTTP exchange: the method, path, headers and form body in, the answer out. */
export type Transport = (request: {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}) => Promise<Answer & { setCookies: string[] }>;

/** Real HTTP to a running server; a request without an answer in 60 s is an error (a hang). */
export function httpTransport(baseUrl: string): Transport {
  return async ({ method, path, headers, body }) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    return {
      status: response.status,
      location: response.headers.get('location') ?? '',
      retryAfter: response.headers.get('retry-after') ?? '',
      setCookies: response.headers.getSetCookie(),
      body: await response.text(),
    };
  };
}

/** The app in this process; a request without an answer in 60 s is an error (a hang). */
export function injectTransport(app: FastifyInstance): Transport {
  return async ({ method, path, headers, body }) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} ${path}: no answer within 60 s`)), 60_000);
    });
    try {
      const res = await Promise.race([
        app.inject({ method, url: path, headers, ...(body === undefined ? {} : { payload: body }) }),
        timeout,
      ]);
      const setCookie = res.headers['set-cookie'];
      return {
        status: res.statusCode,
        location: String(res.headers.location ?? ''),
        retryAfter: String(res.headers['retry-after'] ?? ''),
        setCookies: setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)],
        body: res.body,
      };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A browser: keeps its cookies and the CSRF token of the last form it saw; speaks `language`. */
export class Browser {
  private readonly cookies = new Map<string, string>();
  private csrf = '';
  constructor(
    /** Where the requests go; a restarted server gets a new one, the cookies stay. */
    public transport: Transport,
    private readonly language: string,
  ) {}

  async send(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Answer> {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'accept-language': this.language,
    };
    let body: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ _csrf: this.csrf, ...form }).toString();
    }
    const answer = await this.transport({ method, path, headers, ...(body === undefined ? {} : { body }) });
    for (const line of answer.setCookies) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(answer.body)?.[1];
    if (token) this.csrf = token;
    return answer;
  }
}

/** What the walk does with an answer it did not expect: throw, or (for a 503) try again. */
export type Retry = (answer: Answer, label: string) => Promise<boolean>;

const noRetry: Retry = async () => false;

/** Sends until the answer is the expected one (or `retry` gives up); returns it. */
async function expectAnswer(
  label: string,
  send: () => Promise<Answer>,
  ok: (a: Answer) => boolean,
  retry: Retry,
): Promise<Answer> {
  for (;;) {
    const answer = await send();
    if (ok(answer)) return answer;
    if (!(await retry(answer, label))) {
      const text = answer.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      throw new Error(`${label}: ${answer.status} ${answer.location} ${text.slice(0, 300)}`);
    }
  }
}

/** Logs in through the log-in form. */
export async function logIn(browser: Browser, email: string, password: string, retry: Retry = noRetry) {
  await browser.send('GET', '/login');
  await expectAnswer(
    'log-in',
    () => browser.send('POST', '/login', { email, password }),
    (a) => a.status === 303,
    retry,
  );
  await browser.send('GET', '/parent');
}

/** Saves the family file (one parent, the address in `municipalityId`). */
export async function saveFamily(browser: Browser, municipalityId: string, retry: Retry = noRetry) {
  await browser.send('GET', '/parent/family');
  await expectAnswer(
    'family file',
    () =>
      browser.send('POST', '/parent/family', {
        parent1FirstName: 'Sofie',
        parent1LastName: 'Peeters',
        parent1Language: 'fr',
        parent1Situation: 'working',
        parent1DaysPerWeek: '4',
        street: 'Bondgenotenlaan',
        houseNumber: '1',
        postcode: '3000',
        city: 'Leuven',
        municipalityId,
        consent: 'yes',
      }),
    (a) => a.status === 303,
    retry,
  );
}

const WIZARD = '/parent/requests/new';
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export type Filed = { key: string; requestId: string };

export type FilingHooks = {
  /** The submit is on its way: from here the request may be stored, acknowledged or not. */
  submitting?: (key: string) => void;
  /** The server acknowledged the filing: a 303 to the new request's page. */
  acknowledged?: (filed: Filed) => void;
  retry?: Retry;
};

/**
 * Files one request for a new child (`childName` unique per family) with `preferences` in this
 * order, through every step of the wizard; dates from today's date on the system clock (the
 * server's). Returns the submission key (the draft id) and the new request's id.
 */
export async function fileRequest(
  browser: Browser,
  childName: string,
  preferences: string[],
  hooks: FilingHooks = {},
): Promise<Filed> {
  const retry = hooks.retry ?? noRetry;
  const now = Date.now();
  const step = (name: string, form: Record<string, string>, next: string) =>
    expectAnswer(
      `${WIZARD}/${name}`,
      () => browser.send('POST', `${WIZARD}/${name}`, form),
      (a) => a.status === 303 && a.location.split('?')[0] === `${WIZARD}/${next}`,
      retry,
    );
  await expectAnswer(
    WIZARD,
    () => browser.send('GET', WIZARD),
    (a) => a.status === 303,
    retry,
  );
  await step(
    'child',
    {
      childId: 'new',
      childFirstName: childName,
      childLastName: 'Peeters',
      childBorn: 'yes',
      birthDate: isoDay(now - 90 * 86_400_000),
      nav: 'next',
    },
    'when',
  );
  await step(
    'when',
    { kind: 'regular', desiredStart: isoDay(now + 120 * 86_400_000), desiredEnd: '', nav: 'next' },
    'plan',
  );
  await step(
    'plan',
    {
      day_mon: 'full',
      day_tue: 'full',
      day_wed: 'none',
      day_thu: 'full',
      day_fri: 'half',
      fixed: 'fixed',
      careNeeds: 'no',
      nav: 'next',
    },
    'preferences',
  );
  for (const id of preferences) await step('preferences', { op: `add:${id}` }, 'preferences');
  await step('preferences', { nav: 'next' }, 'summary');
  const summary = await expectAnswer(
    `${WIZARD}/summary`,
    () => browser.send('GET', `${WIZARD}/summary`),
    (a) => a.status === 200 && /name="submissionKey" value="[^"]+"/.test(a.body),
    retry,
  );
  const key = /name="submissionKey" value="([^"]+)"/.exec(summary.body)?.[1] as string;
  hooks.submitting?.(key);
  const done = await expectAnswer(
    `${WIZARD}/summary (submit)`,
    () => browser.send('POST', `${WIZARD}/summary`, { submissionKey: key, nav: 'next' }),
    (a) => a.status === 303 && /^\/parent\/requests\/[0-9a-f-]{36}$/.test(a.location),
    retry,
  );
  const filed = { key, requestId: done.location.split('/').pop() as string };
  hooks.acknowledged?.(filed);
  return filed;
}

/** Throws away the parent's draft (a filing cut off half-way leaves one). */
export async function discardDraft(browser: Browser): Promise<void> {
  const answer = await browser.send('POST', `${WIZARD}/discard`, {});
  if (answer.status !== 303) throw new Error(`discarding the draft answered ${answer.status}`);
}
