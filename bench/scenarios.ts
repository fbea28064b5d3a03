/**
 * What the benchmark does to the app: the facts it looks up in the data set first, the read
 * pages, and the two write paths (filing a request, making an offer) with their row checks.
 */
import type { Request, RequestSpec } from 'autocannon';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import type { DatabaseHandle } from '../src/platform/db/index.ts';
import { addDays, type LocalDate } from '../src/shared/dates.ts';
import { makeNationalNumber } from '../src/shared/national-number.ts';
import { benchVault } from './dataset.ts';
import { logIn, type Session } from './http.ts';
import type { SequenceStep } from './load.ts';

export const PROVIDER_EMAIL = 'kdv@demo.example';
export const PARENT_EMAIL = 'parent.en@demo.example';

export type Facts = {
  today: LocalDate;
  /** The location with the most open preferences (De Speelvogel, staffed by kdv@demo.example). */
  largest: { id: string; name: string; openPreferences: number; municipality: string };
  /** The municipality with the most requests, and its emergency list's size. */
  largestMunicipality: { name: string; requests: number };
  emergencyListSize: number;
  followUpRequestId: string;
  /** Parents in Leuven who file the benchmark's requests, one per connection. */
  submitters: { email: string }[];
  /** Three active locations in Leuven for the new requests. */
  preferenceIds: string[];
  /** Requests with an open preference at the largest location, in random order (for offers). */
  offerable: string[];
  /** National-number hashes of the children born in the last 120 days (to avoid collisions). */
  knownHashes: Set<string>;
};

type Row = Record<string, unknown>;
const rows = async (db: DatabaseHandle, text: string, values: unknown[] = []) =>
  (await db.executeSql(text, values)).rows as Row[];

/** `submitters`: how many parents the filing runs need (one per connection). */
export async function lookUpFacts(db: DatabaseHandle, today: LocalDate, submitters: number): Promise<Facts> {
  const openCounts = `select l.id, l.name, m.name as municipality,
            count(*) filter (where p.status in ('new','seen','waiting_list','offer_made')) as open
       from provider_locations l
       join municipalities m on m.id = l.municipality_id
       join preferences p on p.provider_location_id = l.id`;
  const [top] = await rows(db, `${openCounts} group by l.id, l.name, m.name order by open desc limit 1`);
  // The provider account's location: De Speelvogel, generated to be (one of) the largest.
  const [largest] = await rows(
    db,
    `${openCounts} where l.id = (select g.provider_location_id from role_grants g join users u on u.id = g.user_id
                                  where u.email = $1 and g.provider_location_id is not null limit 1)
      group by l.id, l.name, m.name`,
    [PROVIDER_EMAIL],
  );
  if (!top || !largest)
    throw new Error(`the data set has no preferences at the location of ${PROVIDER_EMAIL}`);
  if (Number(largest.open) < 0.9 * Number(top.open))
    throw new Error(
      `${PROVIDER_EMAIL} does not work at (one of) the largest locations (${String(top.name)})`,
    );
  const [municipality] = await rows(
    db,
    `select m.name, count(*) as requests from requests r join municipalities m on m.id = r.municipality_id
      group by m.name order by requests desc limit 1`,
  );
  const [emergency] = await rows(
    db,
    `select count(*) as n from requests r join provider_locations l on l.municipality_id = r.municipality_id
      where l.id = $1 and r.status = 'active' and r.desired_start <= $2::date + 30
        and not exists (select 1 from preferences p where p.request_id = r.id
                         and p.status in ('offer_accepted','enrolled'))`,
    [largest.id, today],
  );
  const [followUp] = await rows(
    db,
    `select r.id from requests r join parents p on p.family_id = r.family_id join users u on u.id = p.user_id
      where u.email = $1 order by r.submitted_at desc limit 1`,
    [PARENT_EMAIL],
  );
  if (!followUp) throw new Error(`${PARENT_EMAIL} has no request`);
  const parents = await rows(
    db,
    `select u.email from users u join parents p on p.user_id = u.id join families f on f.id = p.family_id
       join municipalities m on m.id = f.municipality_id
      where m.slug = 'leuven' and u.email <> $1 and u.disabled_at is null order by u.email limit $2`,
    [PARENT_EMAIL, submitters],
  );
  if (parents.length < submitters)
    throw new Error(
      `filing at ${submitters} connections needs as many parents in Leuven, the data set has ${parents.length}`,
    );
  const preferenceRows = await rows(
    db,
    `select l.id from provider_locations l join municipalities m on m.id = l.municipality_id
      where m.slug = 'leuven' and l.active and l.id <> $1 order by l.name limit 3`,
    [largest.id],
  );
  const offerable = await rows(
    db,
    `select p.request_id from preferences p join requests r on r.id = p.request_id
      where p.provider_location_id = $1 and p.status in ('new','seen','waiting_list')
        and r.status in ('active','answered')
      order by md5(p.id::text)`,
    [largest.id],
  );
  const hashes = await rows(
    db,
    `select national_number_hash as hash from children
      where national_number_hash is not null and birth_date >= $1::date - 120`,
    [today],
  );
  return {
    today,
    largest: {
      id: String(largest.id),
      name: String(largest.name),
      openPreferences: Number(largest.open),
      municipality: String(largest.municipality),
    },
    largestMunicipality: { name: String(municipality?.name), requests: Number(municipality?.requests) },
    emergencyListSize: Number(emergency?.n ?? 0),
    followUpRequestId: String(followUp.id),
    submitters: parents.map((r) => ({ email: String(r.email) })),
    preferenceIds: preferenceRows.map((r) => String(r.id)),
    offerable: offerable.map((r) => String(r.request_id)),
    knownHashes: new Set(hashes.map((r) => String(r.hash))),
  };
}

export type ReadScenario = { name: string; label: string; path: string; session?: 'provider' | 'parent' };

/** The read pages, with the parameters the page's main SQL runs with. */
export function readScenarios(facts: Facts): ReadScenario[] {
  const list = `/provider/locations/${facts.largest.id}`;
  return [
    {
      name: 'search',
      label: 'Public search: group care, income tariff, Mon+Tue, within 10 km, by distance',
      path: '/search?type=group&tariff=income&day=mon&day=tue&near=50.8798%2C4.7005&distance=10&sort=distance',
    },
    { name: 'profile', label: 'Provider profile (largest location)', path: `/providers/${facts.largest.id}` },
    {
      name: 'follow-up',
      label: 'Parent follow-up page',
      path: `/parent/requests/${facts.followUpRequestId}`,
      session: 'parent',
    },
    {
      name: 'waiting-list',
      label: 'Waiting list of the largest location, default sort',
      path: `${list}/waiting-list`,
      session: 'provider',
    },
    {
      name: 'waiting-list-filtered',
      label: 'Waiting list, open + priority group, sorted by start date (desc)',
      path: `${list}/waiting-list?status=open&priority=yes&sort=start&dir=desc`,
      session: 'provider',
    },
    {
      name: 'emergency-list',
      label: 'Emergency list of the largest municipality',
      path: `${list}/emergency-list`,
      session: 'provider',
    },
  ];
}

export type Sessions = { provider: Session; parent: Session; submitters: Session[] };

/**
 * Logs in the provider, the parent of the follow-up page and the parents who file requests (only
 * those not logged in already: sessions live in the database, so they outlast an app restart).
 */
export async function logInAll(
  baseUrl: string,
  facts: Facts,
  submitters: Session[],
  log: (line: string) => void,
): Promise<Sessions> {
  const provider = await logIn(baseUrl, PROVIDER_EMAIL, DEMO_PASSWORD, '/account/home', log);
  const parent = await logIn(baseUrl, PARENT_EMAIL, DEMO_PASSWORD, '/account/home', log);
  for (const s of facts.submitters.slice(submitters.length))
    submitters.push(await logIn(baseUrl, s.email, DEMO_PASSWORD, '/account/home', log));
  return { provider, parent, submitters };
}

/** Unique, valid national numbers of children born in the last 100 days, unknown to the data set. */
export function nationalNumbers(facts: Facts): () => { number: string; birthDate: LocalDate } {
  const vault = benchVault();
  let day = 1;
  let serial = 0;
  return () => {
    for (;;) {
      serial += 1;
      if (serial > 998) {
        serial = 1;
        day += 1;
        if (day > 100) throw new Error('out of national numbers');
      }
      const birthDate = addDays(facts.today, -day);
      const number = makeNationalNumber(birthDate, serial);
      if (facts.knownHashes.has(vault.hashOf(number))) continue;
      return { number, birthDate };
    }
  };
}

const WIZARD = '/parent/requests/new';

/** A step of the filing walk: the request it sends, and the answer it expects. */
type WalkStep = {
  name: string;
  /** Method and path, for the report. */
  label: string;
  request: (session: Session, context: Record<string, unknown>) => Request;
  /** The accepted answer: a redirect to the next step (or the new request), or the summary page. */
  expect: { status: 303; location: string | RegExp } | { status: 200; key: true };
};

export type FilingWalk = {
  /** HTTP requests one filing takes, and what they are. */
  requestsPerFiling: number;
  outline: string[];
  /** The walk of connection number n (at most one connection per parent). */
  sequence: (connection: number) => SequenceStep[];
  /** The submission keys (draft ids) of the walks that ended on their new request's page. */
  keys: string[];
  /** How long each of those walks took, first request to last answer (ms). */
  durations: number[];
  /** The first unexpected answers, for the log. */
  failures: string[];
};

const errorsOnPage = (body: string) =>
  [...(/ko-error-summary[\s\S]*?<\/ul>/.exec(body)?.[0] ?? '').matchAll(/<a[^>]*>([^<]*)<\/a>/g)]
    .map((m) => m[1])
    .join(' | ');

/**
 * Filing a request the way parents do, through the request wizard. A parent has one draft, so no
 * two connections may walk with the same parent at once: each walk takes the next free parent's
 * session and gives it back when its connection starts the next walk (the filings spread over
 * all the parents, not just one per connection). `GET /parent/requests/new` starts a draft; the child step adds a new child with a fresh, valid
 * national number (the vault, the duplicate check); then type and dates, the care plan, one POST
 * per preference (the add button) and one to go on to the summary; the summary page carries the
 * draft id, which the last POST sends back as the submission key (the request's
 * `submission_key`). The GETs of the other step pages, which a browser makes after each redirect,
 * are left out. Every answer is checked (the redirect to the next step, the summary, the new
 * request's page); after an unexpected one the walk discards its draft and starts again.
 */
export function filingWalk(
  facts: Facts,
  sessions: Session[],
  nextNumber: ReturnType<typeof nationalNumbers>,
): FilingWalk {
  const desiredStart = addDays(facts.today, 120);
  const keys: string[] = [];
  const durations: number[] = [];
  const failures: string[] = [];
  let children = 0;
  const headers = (session: Session) => ({
    cookie: session.cookie,
    'content-type': 'application/x-www-form-urlencoded',
  });
  const post = (path: string, fields: Record<string, string>) => (session: Session) => ({
    method: 'POST',
    path,
    headers: headers(session),
    body: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
  });
  const get = (path: string) => (session: Session) => ({
    method: 'GET',
    path,
    headers: { cookie: session.cookie },
  });
  const next = (step: string) => ({ status: 303, location: `${WIZARD}/${step}` }) as const;
  const steps: WalkStep[] = [
    {
      name: 'start',
      label: `GET ${WIZARD}`,
      request: get(WIZARD),
      expect: next('child'),
    },
    {
      name: 'child',
      label: `POST ${WIZARD}/child (a new child)`,
      request: (session) => {
        const child = nextNumber();
        children += 1;
        return post(`${WIZARD}/child`, {
          childId: 'new',
          childFirstName: `Bench${children}`,
          childLastName: 'Benchmark',
          childBorn: 'yes',
          birthDate: child.birthDate,
          nationalNumber: child.number,
          nav: 'next',
        })(session);
      },
      expect: next('when'),
    },
    {
      name: 'when',
      label: `POST ${WIZARD}/when`,
      request: post(`${WIZARD}/when`, { kind: 'regular', desiredStart, desiredEnd: '', nav: 'next' }),
      expect: next('plan'),
    },
    {
      name: 'plan',
      label: `POST ${WIZARD}/plan`,
      request: post(`${WIZARD}/plan`, {
        day_mon: 'full',
        day_tue: 'full',
        day_wed: 'half',
        day_thu: 'full',
        day_fri: 'none',
        fixed: 'fixed',
        careNeeds: 'no',
        nav: 'next',
      }),
      expect: next('preferences'),
    },
    ...facts.preferenceIds.map(
      (id, i): WalkStep => ({
        name: `preference ${i + 1}`,
        label: `POST ${WIZARD}/preferences (add preference ${i + 1})`,
        request: post(`${WIZARD}/preferences`, { op: `add:${id}` }),
        expect: next('preferences'),
      }),
    ),
    {
      name: 'preferences',
      label: `POST ${WIZARD}/preferences (next)`,
      request: post(`${WIZARD}/preferences`, { nav: 'next' }),
      expect: next('summary'),
    },
    {
      name: 'summary',
      label: `GET ${WIZARD}/summary`,
      request: get(`${WIZARD}/summary`),
      expect: { status: 200, key: true },
    },
    {
      name: 'submit',
      label: `POST ${WIZARD}/summary (submit)`,
      request: (session, context) =>
        post(`${WIZARD}/summary`, { submissionKey: String(context.key), nav: 'next' })(session),
      expect: { status: 303, location: /^\/parent\/requests\/[0-9a-f-]{36}$/ },
    },
  ];
  const discard = post(`${WIZARD}/discard`, {});
  const last = steps.length - 1;
  const free = [...sessions];

  const sequence = (connection: number): SequenceStep[] => {
    if (connection >= sessions.length)
      throw new Error(`${connection + 1} connections file with ${sessions.length} parents: one each at most`);
    let session: Session | undefined;
    return steps.map((step, i) => ({
      setupRequest: (request, context) => {
        if (i === 0) {
          // A new walk: this connection's last parent goes to the back of the queue.
          if (session) free.push(session);
          session = free.shift();
          context.started = performance.now();
        }
        if (!session) throw new Error('no free parent to file with');
        if (!context.failed) return { ...request, ...step.request(session, context) };
        // After an unexpected answer: discard the draft, then start again (a falsy request).
        if (context.discarding) return undefined;
        context.discarding = true;
        return { ...request, ...discard(session) };
      },
      check: (status, body, context, responseHeaders) => {
        if (context.discarding) return status === 303;
        const location = String(responseHeaders.location ?? responseHeaders.Location ?? '');
        const e = step.expect;
        let ok = status === e.status;
        if (ok && 'location' in e) {
          const path = location.split('?')[0] ?? '';
          ok = typeof e.location === 'string' ? path === e.location : e.location.test(path);
        }
        if (ok && 'key' in e) {
          context.key = /name="submissionKey" value="([^"]+)"/.exec(body)?.[1];
          ok = typeof context.key === 'string';
        }
        if (!ok) {
          context.failed = true;
          if (failures.length < 10)
            failures.push(`${step.name}: ${status} ${location} ${status === 400 ? errorsOnPage(body) : ''}`);
        } else if (i === last) {
          keys.push(String(context.key));
          durations.push(performance.now() - Number(context.started));
        }
        return ok;
      },
    }));
  };
  return {
    requestsPerFiling: steps.length,
    outline: steps.map((s) => s.label),
    sequence,
    keys,
    durations,
    failures,
  };
}

/** Discards the wizard drafts of these parents (a run that stops mid-walk leaves them). */
export async function discardDrafts(baseUrl: string, sessions: Session[]): Promise<void> {
  for (const session of sessions) {
    const response = await fetch(`${baseUrl}${WIZARD}/discard`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: session.csrf }).toString(),
      redirect: 'manual',
    });
    await response.arrayBuffer();
    // Anything but the parent's home (e.g. the log-in page) means the session is gone.
    if (response.status !== 303 || response.headers.get('location') !== '/parent')
      throw new Error(
        `discarding the draft of ${session.email} answered ${response.status} ${response.headers.get('location')}`,
      );
  }
}

/** Making an offer on the next open preference of the largest location. */
export function offerRequest(facts: Facts, session: Session, queue: string[], made: string[]): RequestSpec {
  const body = (requestId: string) => {
    made.push(requestId);
    return new URLSearchParams({
      _csrf: session.csrf,
      startDate: addDays(facts.today, 30),
      answerDeadline: addDays(facts.today, 7),
      message: 'Benchmark offer',
    }).toString();
  };
  return {
    method: 'POST',
    path: '/',
    setupRequest: (request) => {
      const requestId = queue.shift();
      if (!requestId) throw new Error('no open preference left to offer on');
      return {
        ...request,
        path: `/provider/locations/${facts.largest.id}/requests/${requestId}/offer`,
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: body(requestId),
      };
    },
  };
}
