import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { FixedClock } from '../../platform/clock.ts';
import { createNationalNumberVault } from '../../platform/crypto/national-number-vault.ts';
import { type DatabaseHandle, migrate } from '../../platform/db/index.ts';
import { pgliteHandle } from '../../platform/db/pglite.ts';
import { addDays, localDate } from '../../shared/dates.ts';
import { parseNationalNumber } from '../../shared/national-number.ts';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  type DemoSummary,
  generateDemoRegion,
  seedDemoIfEmpty,
} from './index.ts';

const NOW = '2026-11-22T10:00:00Z';
const TODAY = localDate('2026-11-22');
// Fixed keys, so that the keyed hashes of two runs can be compared.
const vault = createNationalNumberVault({ encryptionKey: Buffer.alloc(32, 1), hashKey: Buffer.alloc(32, 2) });

let template: File | Blob;
const handles: DatabaseHandle[] = [];

/** A migrated in-memory database, started from a template (≈1 s instead of a fresh initdb). */
async function freshDatabase(): Promise<DatabaseHandle> {
  const handle = pgliteHandle(await PGlite.create({ loadDataDir: template }));
  handles.push(handle);
  return handle;
}

async function query<T>(handle: DatabaseHandle, text: string, values?: unknown[]): Promise<T[]> {
  return (await handle.executeSql(text, values)).rows as T[];
}

/** The content of the region, without what is random by design (password salts, cipher IVs). */
async function fingerprint(handle: DatabaseHandle): Promise<string> {
  const parts = await Promise.all(
    [
      'select id, name, care_type, capacity, latitude, longitude, subsidy_level from provider_locations order by id',
      'select id, file_number, single_parent, yearly_income, priority_facts_given_at, intermediary_organisation_id from families order by id',
      'select id, first_name, last_name, national_number_hash, email from parents order by id',
      'select id, first_name, birth_date, expected_birth_date, national_number_hash from children order by id',
      'select id, desired_start, status, channel, submitted_at, social_reason from requests order by id',
      'select id, provider_location_id, rank, status, status_changed_at from preferences order by id',
      'select id, status, start_date, answer_deadline from offers order by id',
      'select id, request_id, preference_id, event_type, to_status, occurred_at from status_events order by id',
      'select id, email, display_name from users order by id',
    ].map((text) => query(handle, text)),
  );
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

describe('generateDemoRegion, demo scale', () => {
  let db: DatabaseHandle;
  let summary: DemoSummary;
  const rows = <T>(text: string, values?: unknown[]) => query<T>(db, text, values);

  beforeAll(async () => {
    const base = await PGlite.create();
    await migrate(pgliteHandle(base));
    template = await base.dumpDataDir();
    await base.close();
    db = await freshDatabase();
    summary = await generateDemoRegion(db.db, { clock: new FixedClock(NOW), vault });
  }, 120_000);

  afterAll(async () => {
    for (const handle of handles) await handle.close();
  });

  it('builds Leuven and two neighbours with about 70 locations, De Speelvogel the most wanted', async () => {
    const municipalities = await rows<{ name: string; n: number }>(
      `select m.name, count(l.id)::int as n from municipalities m
         left join provider_locations l on l.municipality_id = m.id group by m.name order by n desc`,
    );
    expect(municipalities.map((m) => m.name)).toEqual(['Leuven', 'Herent', 'Bertem']);
    const total = municipalities.reduce((n, m) => n + m.n, 0);
    expect(total).toBeGreaterThanOrEqual(60);
    expect(total).toBeLessThanOrEqual(80);
    expect(municipalities[0]?.n).toBeGreaterThanOrEqual(45);
    expect(summary.locations).toBe(total);

    const [top] = await rows<{ name: string; capacity: number }>(
      `select l.name, l.capacity from preferences p join provider_locations l on l.id = p.provider_location_id
        group by l.name, l.capacity order by count(*) desc limit 1`,
    );
    expect(top).toEqual({ name: 'Kinderdagverblijf De Speelvogel', capacity: 98 });
    const [subs] = await rows<{ n: number }>(
      `select count(*)::int as n from sub_municipalities where children0to3 between 100 and 1600 and children0to3_date = '2025-01-01'`,
    );
    expect(subs?.n).toBe(11);
  });

  it('gives De Speelvogel, the director account’s location, a real waiting list of ≈1,500 open preferences', async () => {
    const [list] = await rows<{
      open: number;
      unborn: number;
      first: number;
      later: number;
      plans: number;
      single_or_low_income: number;
      months: number;
      soon: number;
      offers: number;
    }>(
      `select count(*)::int as open,
              count(*) filter (where c.expected_birth_date is not null)::int as unborn,
              count(*) filter (where p.rank = 1)::int as first,
              count(*) filter (where p.rank > 1)::int as later,
              count(distinct r.care_plan->'days')::int as plans,
              count(*) filter (where f.single_parent or f.yearly_income < 30000)::int as single_or_low_income,
              count(distinct date_trunc('month', r.desired_start))::int as months,
              count(*) filter (where r.desired_start <= $1::date + 30 and r.status = 'active')::int as soon,
              count(*) filter (where p.status = 'offer_made')::int as offers
         from preferences p join provider_locations l on l.id = p.provider_location_id
         join requests r on r.id = p.request_id join children c on c.id = r.child_id
         join families f on f.id = r.family_id
        where l.name = 'Kinderdagverblijf De Speelvogel'
          and p.status in ('new', 'seen', 'waiting_list', 'offer_made')`,
      [TODAY],
    );
    expect(list?.open).toBeGreaterThanOrEqual(1_450);
    expect(list?.open).toBeLessThanOrEqual(1_600);
    expect(list?.unborn).toBeGreaterThan(150);
    expect(list?.first).toBeGreaterThan(600);
    expect(list?.later).toBeGreaterThan(400);
    expect(list?.plans).toBeGreaterThanOrEqual(5);
    expect(list?.single_or_low_income).toBeGreaterThan(150);
    expect(list?.months).toBeGreaterThanOrEqual(15);
    expect(list?.offers).toBeGreaterThan(0);
    // Hardly any of them start within the emergency window: the emergency list stays its own size.
    expect(list?.soon).toBeLessThan(40);
    const [admin] = await rows<{ role: string }>(
      `select g.role from users u join role_grants g on g.user_id = u.id
         join provider_locations l on l.id = g.provider_location_id
        where u.email = 'kdv.admin@demo.example' and l.name = 'Kinderdagverblijf De Speelvogel'`,
    );
    expect(admin?.role).toBe('provider_admin');
  });

  it('has hundreds of families and requests in every status, and every preference status', async () => {
    expect(summary.families).toBeGreaterThanOrEqual(350);
    const requests = await rows<{ status: string; n: number }>(
      'select status, count(*)::int as n from requests group by status order by n desc',
    );
    expect(requests.reduce((n, r) => n + r.n, 0)).toBeGreaterThanOrEqual(300);
    expect(requests.map((r) => r.status).sort()).toEqual([
      'active',
      'answered',
      'closed',
      'expired',
      'withdrawn',
    ]);
    expect(requests[0]?.status).toBe('active');

    const preferences = await rows<{ status: string }>('select distinct status::text from preferences');
    expect(preferences.map((p) => p.status).sort()).toEqual(
      [
        'enrolled',
        'new',
        'no_place',
        'offer_accepted',
        'offer_declined',
        'offer_expired',
        'offer_made',
        'placed_elsewhere',
        'request_closed',
        'seen',
        'waiting_list',
        'withdrawn',
      ].sort(),
    );
    const channels = await rows<{ channel: string }>('select distinct channel::text from requests');
    expect(channels.map((c) => c.channel).sort()).toEqual(['desk', 'intermediary', 'parent']);
  });

  it('judges priority only by the evaluator under the set valid today, and records on each offer the set of its day', async () => {
    // 22 November 2026: the rules before 1 April 2024, again in force since 30 April 2025.
    expect(summary.ruleSet).toEqual({
      code: 'before-2024',
      version: 1,
      name: 'Voorrangsregels van vóór 1 april 2024',
    });
    const vulnerable = summary.vulnerableFamilies / summary.families;
    expect(vulnerable).toBeGreaterThan(0.08);
    expect(vulnerable).toBeLessThan(0.3);
    // Work, single parents, low income, foster children and siblings all give priority in that set.
    expect(summary.priorityFamilies).toBeGreaterThan(summary.vulnerableFamilies);
    const offers = await rows<{ code: string | null; n: number; wrong: number }>(
      `select s.code, count(*)::int as n,
              count(*) filter (where o.priority_level is null
                or not ((o.created_at at time zone 'Europe/Brussels')::date
                        between s.valid_from and coalesce(s.valid_until, 'infinity')))::int as wrong
         from offers o left join priority_rule_sets s on s.id = o.priority_rule_set_id
        group by s.code order by s.code`,
    );
    // The demo's history reaches back into the annulled set's period: both sets are recorded.
    expect(offers.map((o) => o.code)).toEqual(['april-2024', 'before-2024']);
    expect(offers.map((o) => o.wrong)).toEqual([0, 0]);
  });

  it('has an emergency list of 10–40 requests, some with a social reason', async () => {
    const [list] = await rows<{ n: number; upcoming: number; social: number }>(
      `select count(*)::int as n,
              count(*) filter (where r.desired_start >= $1::date)::int as upcoming,
              count(*) filter (where r.social_reason is not null and r.channel = 'intermediary')::int as social
         from requests r
        where r.status = 'active' and r.desired_start <= $1::date + 30
          and not exists (select 1 from preferences p
                           where p.request_id = r.id and p.status in ('offer_accepted', 'enrolled'))`,
      [TODAY],
    );
    expect(list?.n).toBeGreaterThanOrEqual(10);
    expect(list?.n).toBeLessThanOrEqual(40);
    expect(list?.upcoming).toBeGreaterThanOrEqual(10);
    expect(list?.social).toBeGreaterThanOrEqual(2);
    expect(summary.emergencyList).toBe(list?.n);
  });

  it('gives OCMW Leuven phone tasks for the pending offers of its families without e-mail', async () => {
    const tasks = await rows<{ org: string; pending: boolean; has_email: boolean; kind: string }>(
      `select o.name as org, t.kind,
              exists (select 1 from offers x join preferences p on p.id = x.preference_id
                       where p.request_id = t.request_id and x.status = 'pending') as pending,
              exists (select 1 from parents pa where pa.family_id = t.family_id and pa.email is not null) as has_email
         from follow_up_tasks t join intermediary_organisations o on o.id = t.intermediary_organisation_id
        where t.done_at is null`,
    );
    expect(summary.followUpTasks).toBe(tasks.length);
    expect(tasks.filter((t) => t.org === 'OCMW Leuven').length).toBeGreaterThanOrEqual(1);
    expect(tasks.every((t) => t.kind === 'offer.made' && t.pending && !t.has_email)).toBe(true);
  });

  it('creates every demo login with the shared password and the right grant', async () => {
    for (const login of DEMO_LOGINS) {
      const [user] = await rows<{
        password_hash: string;
        role: string;
        verified: boolean;
        scope: string | null;
      }>(
        `select u.password_hash, g.role, u.email_verified_at is not null as verified,
                coalesce(l.name, o.name, m.name) as scope
           from users u join role_grants g on g.user_id = u.id
           left join provider_locations l on l.id = g.provider_location_id
           left join intermediary_organisations o on o.id = g.intermediary_organisation_id
           left join municipalities m on m.id = g.municipality_id
          where u.email = $1`,
        [login.email],
      );
      expect(user?.role, login.email).toBe(login.role);
      expect(user?.verified).toBe(true);
      expect(await verifyPassword(user?.password_hash ?? null, DEMO_PASSWORD)).toBe(true);
      const scope = {
        'kdv@demo.example': 'Kinderdagverblijf De Speelvogel',
        'kdv.admin@demo.example': 'Kinderdagverblijf De Speelvogel',
        'onthaalouder@demo.example': 'Onthaalouder Marleen Peeters',
        'toeleider@demo.example': 'OCMW Leuven',
        'loket@demo.example': 'Leuven',
        'beleid@demo.example': 'Leuven',
      }[login.email];
      expect(user?.scope ?? null).toBe(scope ?? null);
    }
    expect(
      await verifyPassword(
        (await rows<{ h: string }>('select password_hash as h from users limit 1'))[0]?.h ?? null,
        'wrong',
      ),
    ).toBe(false);
  });

  it('gives ouder@ a Leuven file without requests and parent.en@ an active request with a pending offer', async () => {
    const [ouder] = await rows<{ municipality: string; language: string; email: string; requests: number }>(
      `select m.name as municipality, p.language, p.email,
              (select count(*)::int from requests r where r.family_id = f.id) as requests
         from users u join parents p on p.user_id = u.id join families f on f.id = p.family_id
         join municipalities m on m.id = f.municipality_id where u.email = 'ouder@demo.example'`,
    );
    expect(ouder).toEqual({
      municipality: 'Leuven',
      language: 'nl',
      email: 'ouder@demo.example',
      requests: 0,
    });

    const prefs = await rows<{ rank: number; status: string; offer: string | null; deadline: string | null }>(
      `select p.rank, p.status, o.status as offer, o.answer_deadline::text as deadline
         from users u join parents pa on pa.user_id = u.id join requests r on r.family_id = pa.family_id
         join preferences p on p.request_id = r.id left join offers o on o.preference_id = p.id
        where u.email = 'parent.en@demo.example' and r.status = 'active' and pa.language = 'en'
        order by p.rank`,
    );
    expect(prefs.map((p) => p.rank)).toEqual([1, 2, 3]);
    const offered = prefs.filter((p) => p.status === 'offer_made');
    expect(offered).toHaveLength(1);
    expect(offered[0]?.offer).toBe('pending');
    expect((offered[0]?.deadline ?? '') > TODAY).toBe(true);
  });

  it('stores national numbers only encrypted, and they reveal to valid numbers', async () => {
    const people = [
      ...(await rows<Record<string, unknown>>('select * from parents')),
      ...(await rows<Record<string, unknown>>('select * from children')),
    ];
    const plain = new Set<string>();
    for (const person of people) {
      const cipher = person.national_number_cipher as string | null;
      if (!cipher) {
        expect(person.national_number_hash).toBeNull();
        continue;
      }
      const number = vault.reveal(cipher);
      const birth = person.birth_date as Date | null;
      const parsed = parseNationalNumber(
        number,
        birth ? { birthDate: localDate(birth.toISOString().slice(0, 10)) } : {},
      );
      expect(parsed.ok, number).toBe(true);
      expect(person.national_number_hash).toBe(vault.hashOf(number));
      plain.add(number);
    }
    expect(plain.size).toBeGreaterThan(500);
    // No column holds a number in plain text, bare or formatted, whole or inside another value.
    const leaks = people.flatMap((person) => {
      const text = JSON.stringify(person);
      const bare = Object.values(person).filter((v) =>
        /^\d{11}$|^\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$/.test(String(v)),
      );
      return [...bare.map(String), ...[...plain].filter((number) => text.includes(number))];
    });
    expect(leaks).toEqual([]);
    const [shares] = await rows<{ parents: number; born: number; unborn: number }>(
      `select (select avg((national_number_hash is not null)::int) from parents)::float as parents,
              (select avg((national_number_hash is not null)::int) from children where birth_date is not null)::float as born,
              (select count(*) from children where expected_birth_date is not null and national_number_hash is not null)::int as unborn`,
    );
    expect(shares?.parents).toBeGreaterThan(0.75);
    expect(shares?.parents).toBeLessThan(0.95);
    expect(shares?.born).toBeGreaterThan(0.75);
    expect(shares?.unborn).toBe(0);
  });

  it('keeps the data invariants', async () => {
    const [open] = await rows<{ n: number }>(
      `select count(*)::int as n from (select child_id from requests where status in ('active', 'answered')
        group by child_id having count(*) > 1) t`,
    );
    expect(open?.n).toBe(0);
    const placed = await rows<{ status: string; placed: number; n: number }>(
      `select r.status, (select count(*)::int from preferences p where p.request_id = r.id
                           and p.status in ('offer_accepted', 'enrolled')) as placed, count(*)::int as n
         from requests r group by 1, 2`,
    );
    for (const group of placed) expect(group.placed, group.status).toBe(group.status === 'answered' ? 1 : 0);

    const [offers] = await rows<{ made: number; pending: number; late: number; mismatch: number }>(
      `select (select count(*)::int from preferences where status = 'offer_made') as made,
              (select count(*)::int from offers where status = 'pending') as pending,
              (select count(*)::int from offers where status = 'pending' and answer_deadline < $1::date) as late,
              (select count(*)::int from preferences p where p.status in ('offer_accepted', 'enrolled')
                  and not exists (select 1 from offers o where o.preference_id = p.id and o.status = 'accepted')) as mismatch`,
      [TODAY],
    );
    expect(offers?.pending).toBe(offers?.made);
    expect(offers?.late).toBe(0);
    expect(offers?.mismatch).toBe(0);

    const [children] = await rows<{ old: number; unborn_out: number; ranks_bad: number }>(
      `select (select count(*)::int from children where birth_date < $1::date - interval '30 months') as old,
              (select count(*)::int from children where expected_birth_date not between $1::date + 28 and $1::date + 184
                  and expected_birth_date >= $1::date) as unborn_out,
              (select count(*)::int from (select request_id from preferences where rank is not null group by request_id
                  having max(rank) <> count(*) or count(*) > 5) t) as ranks_bad`,
      [TODAY],
    );
    expect(children).toEqual({ old: 0, unborn_out: 0, ranks_bad: 0 });
    expect(addDays(TODAY, 0)).toBe(summary.today);
  });

  it('gives the Leuven desk a Today page with real work, and one pair of duplicate files', async () => {
    const [leuven] = await rows<{ id: string }>(`select id from municipalities where slug = 'leuven'`);
    const [work] = await rows<{
      emergency: number;
      social: number;
      overdue: number;
      unborn: number;
      expiring: number;
      tasks: number;
      notes: number;
    }>(
      `select
         (select count(*)::int from requests r where r.municipality_id = $2 and r.status = 'active'
             and r.desired_start <= $1::date + 30 and r.submitted_at >= $1::date - 7
             and not exists (select 1 from preferences p where p.request_id = r.id
                              and p.status in ('offer_accepted', 'enrolled'))) as emergency,
         (select count(*)::int from requests r where r.municipality_id = $2 and r.status = 'active'
             and r.social_emergency_at is not null
             and not exists (select 1 from preferences p where p.request_id = r.id
                              and p.status in ('offer_made', 'offer_accepted', 'enrolled'))) as social,
         (select count(*)::int from requests r where r.municipality_id = $2 and r.status = 'active'
             and r.submitted_at < $1::date - 21
             and exists (select 1 from preferences p where p.request_id = r.id and p.status in ('new', 'seen'))) as overdue,
         (select count(*)::int from children c join requests r on r.child_id = c.id
           where r.municipality_id = $2 and r.status = 'active' and c.birth_date is null
             and c.expected_birth_date < $1::date) as unborn,
         (select count(*)::int from requests r where r.municipality_id = $2 and r.status = 'active'
             and (r.last_confirmed_at::date + interval '3 months')::date <= $1::date + 14) as expiring,
         (select count(*)::int from follow_up_tasks t where t.municipality_id = $2 and t.done_at is null
             and not exists (select 1 from parents p where p.family_id = t.family_id and p.email is not null)) as tasks,
         (select count(*)::int from desk_notes where kind = 'social_emergency') as notes`,
      [TODAY, leuven?.id],
    );
    expect(work?.emergency).toBeGreaterThanOrEqual(1);
    expect(work?.social).toBeGreaterThanOrEqual(1);
    expect(work?.overdue).toBeGreaterThanOrEqual(3);
    expect(work?.unborn).toBe(1);
    expect(work?.expiring).toBeGreaterThanOrEqual(2);
    expect(work?.tasks).toBeGreaterThanOrEqual(1);
    expect(work?.tasks).toBe(summary.deskTasks);
    expect(work?.notes).toBe(work?.social);
    // The duplicate: same child name (folded) and birth date, and a shared parent e-mail, in Leuven.
    const pairs = await rows<{ a: string; b: string }>(
      `select fa.id as a, fb.id as b
         from families fa join families fb on fa.id < fb.id and fa.municipality_id = fb.municipality_id
         join children ca on ca.family_id = fa.id join children cb on cb.family_id = fb.id
        where lower(ca.first_name || ' ' || ca.last_name) = lower(cb.first_name || ' ' || cb.last_name)
          and ca.birth_date = cb.birth_date
          and exists (select 1 from parents pa join parents pb on lower(pa.email) = lower(pb.email)
                       where pa.family_id = fa.id and pb.family_id = fb.id)
          and fa.municipality_id = $1`,
      [leuven?.id],
    );
    expect(pairs.length).toBe(1);
    expect([pairs[0]?.a, pairs[0]?.b]).toContain(summary.duplicateFamilyId);
  });

  it('records every status change as an event, in order, and none after now', async () => {
    const events = await rows<{
      request_id: string;
      preference_id: string | null;
      offer_id: string | null;
      event_type: string;
      from_status: string | null;
      to_status: string | null;
      occurred_at: Date;
    }>(
      'select request_id, preference_id, offer_id, event_type, from_status, to_status, occurred_at from status_events order by id',
    );
    const now = new Date(NOW).getTime();
    const last = new Map<string, { status: string | null; at: number }>();
    for (const e of events) {
      const kind = e.event_type.split('.')[0];
      const key =
        kind === 'request'
          ? `r:${e.request_id}`
          : kind === 'offer'
            ? `o:${e.offer_id}`
            : `p:${e.preference_id}`;
      const before = last.get(key);
      expect(e.from_status, `${key} ${e.event_type}`).toBe(before?.status ?? null);
      const at = e.occurred_at.getTime();
      expect(at).toBeGreaterThanOrEqual(before?.at ?? 0);
      expect(at).toBeLessThanOrEqual(now);
      last.set(key, { status: e.to_status, at });
    }
    const current = [
      ...(await rows<{ key: string; status: string }>(
        `select 'r:' || id as key, status::text from requests`,
      )),
      ...(await rows<{ key: string; status: string }>(
        `select 'p:' || id as key, status::text from preferences`,
      )),
      ...(await rows<{ key: string; status: string }>(`select 'o:' || id as key, status::text from offers`)),
    ];
    expect(current.length).toBe(last.size);
    for (const row of current) expect(last.get(row.key)?.status, row.key).toBe(row.status);
  });

  it('refuses a database that already has a region, and seedDemoIfEmpty only reports the log-ins', async () => {
    await expect(generateDemoRegion(db.db, { clock: new FixedClock(NOW), vault })).rejects.toThrow(
      /empty database/,
    );
    const seeded = await seedDemoIfEmpty(db.db, { clock: new FixedClock(NOW), vault });
    expect(seeded?.generated).toBe(false);
    expect(seeded?.logins).toBe(DEMO_LOGINS);
  });

  it('gives the same region, ids included, for the same seed and clock', async () => {
    const again = await freshDatabase();
    const summaryAgain = await generateDemoRegion(again.db, { clock: new FixedClock(NOW), vault });
    expect(summaryAgain).toEqual(summary);
    expect(await fingerprint(again)).toBe(await fingerprint(db));
    // ≈1,900 families twice (generation and fingerprint): ≈10 s alone, more beside browser tests.
  }, 120_000);

  it('generates a custom scale with made-up municipalities beyond the real neighbours', async () => {
    const tiny = await freshDatabase();
    const result = await generateDemoRegion(tiny.db, {
      clock: new FixedClock(NOW),
      vault,
      seed: 3,
      scale: { municipalities: 32, locationsPerMunicipality: 1.5, requestsPerYear: 60, years: 1 },
    });
    expect(await fingerprint(tiny)).not.toBe(await fingerprint(db));
    expect(result.municipalities).toBe(32);
    // 1.5 baby and toddler locations per municipality, and Leuven's two out-of-school care locations.
    expect(result.locations).toBe(48 + 2);
    expect(result.requests).toBeGreaterThanOrEqual(60);
    const [counts] = await query<{ municipalities: number; users: number }>(
      tiny,
      `select (select count(*)::int from municipalities) as municipalities,
              (select count(*)::int from users where email like '%@demo.example') as users`,
    );
    expect(counts).toEqual({ municipalities: 32, users: DEMO_LOGINS.length });
  }, 30_000);
});
