/**
 * What the benchmark does to the app: the facts it looks up in the data set first, the read
 * pages, and the two write paths (filing a request, making an offer) with their row checks.
 */
import { randomUUID } from 'node:crypto';
import type { RequestSpec } from 'autocannon';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import type { DatabaseHandle } from '../src/platform/db/index.ts';
import { addDays, type LocalDate } from '../src/shared/dates.ts';
import { makeNationalNumber } from '../src/shared/national-number.ts';
import { benchVault } from './dataset.ts';
import { logIn, type Session } from './http.ts';

export const PROVIDER_EMAIL = 'kdv@demo.example';
export const PARENT_EMAIL = 'parent.en@demo.example';
/** Parents who file the benchmark's requests; each connection uses one of their sessions. */
export const SUBMITTING_PARENTS = 8;

export type Facts = {
  today: LocalDate;
  /** The location with the most open preferences (De Speelvogel, staffed by kdv@demo.example). */
  largest: { id: string; name: string; openPreferences: number; municipality: string };
  /** The municipality with the most requests, and its emergency list's size. */
  largestMunicipality: { name: string; requests: number };
  emergencyListSize: number;
  followUpRequestId: string;
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

export async function lookUpFacts(db: DatabaseHandle, today: LocalDate): Promise<Facts> {
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
  const submitters = await rows(
    db,
    `select u.email from users u join parents p on p.user_id = u.id join families f on f.id = p.family_id
       join municipalities m on m.id = f.municipality_id
      where m.slug = 'leuven' and u.email <> $1 order by u.email limit $2`,
    [PARENT_EMAIL, SUBMITTING_PARENTS],
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
    submitters: submitters.map((r) => ({ email: String(r.email) })),
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

export async function logInAll(baseUrl: string, facts: Facts): Promise<Sessions> {
  const provider = await logIn(baseUrl, PROVIDER_EMAIL, DEMO_PASSWORD, '/account/home');
  const parent = await logIn(baseUrl, PARENT_EMAIL, DEMO_PASSWORD, '/account/home');
  const submitters: Session[] = [];
  for (const s of facts.submitters)
    submitters.push(await logIn(baseUrl, s.email, DEMO_PASSWORD, '/account/home'));
  if (submitters.length === 0) throw new Error('no parent in Leuven to file requests with');
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

/** Filing a request through the one-page form: a new child each time, full validation, outbox row. */
export function submissionRequest(
  facts: Facts,
  sessions: Session[],
  keys: string[],
  nextNumber: ReturnType<typeof nationalNumbers>,
): RequestSpec {
  let nextSession = 0;
  const desiredStart = addDays(facts.today, 120);
  return {
    method: 'POST',
    path: '/parent/requests',
    setupRequest: (request, context) => {
      if (context.session === undefined) context.session = nextSession++ % sessions.length;
      const session = sessions[context.session as number] as Session;
      const key = randomUUID();
      keys.push(key);
      const child = nextNumber();
      const form: Record<string, string> = {
        _csrf: session.csrf,
        submissionKey: key,
        childFirstName: `Bench${keys.length}`,
        childLastName: 'Benchmark',
        childBorn: 'yes',
        birthDate: child.birthDate,
        nationalNumber: child.number,
        desiredStart,
        day_mon: 'full',
        day_tue: 'full',
        day_wed: 'half',
        day_thu: 'full',
        day_fri: 'none',
      };
      facts.preferenceIds.forEach((id, i) => {
        form[`preference${i + 1}`] = id;
      });
      return {
        ...request,
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      };
    },
  };
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
