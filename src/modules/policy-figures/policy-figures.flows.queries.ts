import { asc, inArray, type SQL, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { LocalDate } from '../../shared/dates.ts';
import { priorityLevelSql, type Rules } from '../priority-rules/index.ts';
import { locationsWithPlacesOn } from './capacity.queries.ts';
import type { Period } from './policy-figures.queries.ts';

/**
 * The flows behind figures 5–9 (emergency list, intermediaries, priority by month, demand against
 * supply, families without a place), each one statement over the requests and their status history
 * (`status_events`) of one municipality. Only counts, sums and medians leave the database.
 *
 * The dates a request changed are read from its status events: the day it left the open requests
 * (withdrawn, expired, closed or answered) and the day one of its preferences was accepted; where an
 * old request has no such event, its current status and the day that status was set stand in.
 */

/** One municipality, or every municipality of a region (the region view). */
type Input = { municipalityIds: readonly string[]; period: Period; today: LocalDate };

/** `column in (…)`: the municipalities counted. */
function inCounted(column: SQL, input: Input): SQL {
  const ids = sql.join(
    input.municipalityIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`${column} in (${ids})`;
}

/** The emergency windows in days (the desks' settings) of the municipalities counted, by name. */
export async function emergencyWindowsOf(
  db: Database,
  municipalityIds: readonly string[],
): Promise<{ name: string; days: number }[]> {
  if (municipalityIds.length === 0) return [];
  return db
    .select({ name: schema.municipalities.name, days: schema.municipalities.emergencyWindowDays })
    .from(schema.municipalities)
    .where(inArray(schema.municipalities.id, [...municipalityIds]))
    .orderBy(asc(schema.municipalities.name));
}

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** A date in Belgium. */
const day = (instant: SQL) => sql`((${instant}) at time zone 'Europe/Brussels')::date`;

/** The days a week a care plan asks for (a half day counts as a half). */
const dayValue = (plan: SQL, weekday: string) =>
  sql`(case (${plan})->'days'->>${sql.raw(`'${weekday}'`)} when 'full' then 1.0 when 'half' then 0.5 else 0 end)`;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const daysPerWeek = (plan: SQL) =>
  sql.join(
    WEEKDAYS.map((d) => dayValue(plan, d)),
    sql` + `,
  );

/**
 * Each child once, with its first request submitted in the period for the municipality (as
 * figures 1–4 count): `firsts(id, child_id, family_id, channel, kind, care_plan, desired_start,
 * created_by_user_id, submitted_on, month)`.
 */
function firstsCte(input: Input): SQL {
  const { period } = input;
  return sql`firsts as (
    select distinct on (r.child_id)
           r.id, r.child_id, r.family_id, r.channel::text as channel, r.kind::text as kind, r.care_plan,
           r.desired_start, r.created_by_user_id, ${day(sql`r.submitted_at`)} as submitted_on,
           to_char(${day(sql`r.submitted_at`)}, 'YYYY-MM') as month
      from requests r
     where ${inCounted(sql`r.municipality_id`, input)}
       and ${day(sql`r.submitted_at`)} between ${period.from}::date and ${period.to}::date
     order by r.child_id, r.submitted_at, r.id)`;
}

/** The months of the period with their first and last counted day (not after today). */
function monthsCte(input: Input): SQL {
  const { period, today } = input;
  return sql`months as (
    select to_char(d, 'YYYY-MM') as month,
           greatest(d::date, ${period.from}::date) as first_day,
           least((d + interval '1 month' - interval '1 day')::date, ${period.to}::date, ${today}::date) as last_day
      from generate_series(date_trunc('month', ${period.from}::date), date_trunc('month', ${period.to}::date),
                           interval '1 month') as d)`;
}

/** When each request of the municipality left the open requests and when it found a place. */
function historyCte(input: Input): SQL {
  return sql`history as (
    select r.id, r.child_id, r.family_id, r.desired_start, r.kind::text as kind, r.care_plan,
           ${day(sql`r.submitted_at`)} as submitted_on,
           coalesce(
             (select min(${day(sql`e.occurred_at`)}) from status_events e
               where e.request_id = r.id and e.event_type like 'request.%'
                 and e.to_status in ('withdrawn', 'expired', 'closed', 'answered')),
             case when r.status in ('withdrawn', 'expired', 'closed') then ${day(sql`r.status_changed_at`)} end
           ) as left_on,
           least(
             (select min(${day(sql`e.occurred_at`)}) from status_events e
               where e.request_id = r.id and e.to_status in ('offer_accepted', 'enrolled')),
             (select min(${day(sql`p.status_changed_at`)}) from preferences p
               where p.request_id = r.id and p.status in ('offer_accepted', 'enrolled'))
           ) as placed_on,
           (r.social_emergency_at is not null or exists (
             select 1 from status_events e
              where e.request_id = r.id and e.event_type = 'request.social_emergency_marked')) as social,
           (select m.emergency_window_days from municipalities m where m.id = r.municipality_id) as window_days
      from requests r
     where ${inCounted(sql`r.municipality_id`, input)})`;
}

export type EmergencyMonth = {
  month: string;
  /** Children on the emergency list at the month's last counted day. */
  stock: number;
  /** Children who came onto the list in the month (counted in the month they first did). */
  inflow: number;
  /** Of the inflow: flagged as a social emergency. */
  social: number;
  /** Of the inflow: found a place while on the list (by the period's end). */
  placed: number;
};

/**
 * Figure 5. A request is on the emergency list from the day its desired start is within the window
 * (or the day it was submitted, if later) until it leaves the open requests or finds a place.
 */
export async function emergencyFlows(db: Database, input: Input) {
  const { period, today } = input;
  const end = sql`least(${period.to}::date, ${today}::date)`;
  const result = await db.execute(sql`
    with ${historyCte(input)}, ${monthsCte(input)},
    em as (
      select child_id, social, placed_on,
             greatest(submitted_on, desired_start - window_days) as entered_on,
             least(left_on, placed_on) as exit_on
        from history
    ), listed as (
      select * from em where exit_on is null or exit_on > entered_on
    ), entries as (
      select distinct on (child_id) child_id, social, entered_on, exit_on, placed_on,
             to_char(entered_on, 'YYYY-MM') as month,
             (placed_on is not null and placed_on = exit_on and placed_on <= ${end}) as placed
        from listed
       where entered_on between ${period.from}::date and ${end}
       order by child_id, entered_on
    ), stock as (
      select m.month, count(distinct l.child_id)::int as n
        from months m
        left join listed l on m.last_day >= m.first_day and l.entered_on <= m.last_day
                          and (l.exit_on is null or l.exit_on > m.last_day)
       group by m.month
    ), inflow as (
      select month, count(*)::int as inflow, (count(*) filter (where social))::int as social,
             (count(*) filter (where placed))::int as placed
        from entries group by month
    )
    select s.month, s.n as stock, coalesce(i.inflow, 0) as inflow, coalesce(i.social, 0) as social,
           coalesce(i.placed, 0) as placed,
           (select percentile_cont(0.5) within group (order by placed_on - entered_on)
              from entries where placed) as median_days
      from stock s left join inflow i on i.month = s.month
     order by s.month`);
  const rows = rowsOf(result);
  return {
    months: rows.map(
      (r): EmergencyMonth => ({
        month: String(r.month),
        stock: num(r.stock),
        inflow: num(r.inflow),
        social: num(r.social),
        placed: num(r.placed),
      }),
    ),
    medianDaysToPlace: numOrNull(rows[0]?.median_days),
  };
}

/** Figure 6: the children whose first request of the period came through an intermediary, by the organisation's type. */
export async function intermediaryKinds(db: Database, input: Input) {
  const result = await db.execute(sql`
    with ${firstsCte(input)}
    select coalesce((select min(io.kind) from role_grants g
                      join intermediary_organisations io on io.id = g.intermediary_organisation_id
                     where g.user_id = f.created_by_user_id), 'unknown') as kind,
           count(*)::int as n
      from firsts f
     where f.channel = 'intermediary'
     group by 1`);
  return rowsOf(result).map((r) => ({ kind: String(r.kind), n: num(r.n) }));
}

/**
 * Figure 7: per month, the children counted in it (their first request of the period) with
 * priority (absolute or not), each month judged by the rule set valid on its last day: `rulesByMonth`
 * gives that set per month (undefined: none valid, nobody has priority).
 */
export async function priorityByMonth(
  db: Database,
  input: Input & { rulesByMonth: { month: string; rules: Rules | undefined; key: string }[] },
) {
  // One expression per distinct rule set, chosen by the month.
  const bySet = new Map<string, { rules: Rules | undefined; months: string[] }>();
  for (const m of input.rulesByMonth) {
    const entry = bySet.get(m.key) ?? { rules: m.rules, months: [] };
    entry.months.push(m.month);
    bySet.set(m.key, entry);
  }
  const branches = [...bySet.values()].map(
    (s) =>
      sql`when f.month in (${sql.join(
        s.months.map((m) => sql`${m}`),
        sql`, `,
      )}) then ${priorityLevelSql(s.rules)}`,
  );
  const level = branches.length ? sql`(case ${sql.join(branches, sql` `)} else 0 end)` : sql`0`;
  const result = await db.execute(sql`
    with ${firstsCte(input)}
    select f.month, count(*)::int as n, (count(*) filter (where ${level} >= 1))::int as priority
      from firsts f join families on families.id = f.family_id
     group by f.month`);
  return rowsOf(result).map((r) => ({ month: String(r.month), n: num(r.n), priority: num(r.priority) }));
}

export type Demand = {
  /** The period's children (their first request) and the days a week they ask, per weekday. */
  children: number;
  daysByWeekday: Record<Weekday, number>;
  /** Places of the municipality's active locations open on each weekday. */
  placesByWeekday: Record<Weekday, number>;
  /** Per month of the period: the children whose desired start falls in it and the days a week they ask. */
  months: { month: string; children: number; days: number }[];
  /** The places a week of the active locations: capacity times the weekdays open. */
  placeDaysPerWeek: number;
  /** From the first request to the first offer, in days, for the period's children who got one. */
  offered: number;
  waitMedian: number | null;
  waitP75: number | null;
  /** Preferences made in the period and the days to the location's first answer. */
  preferences: number;
  answered: number;
  answerMedian: number | null;
  answerP75: number | null;
};

/** The day figure 8 counts the places on: the period's last day, or today for a period not ended. */
function supplyDay(input: Input): LocalDate {
  return input.period.to < input.today ? input.period.to : input.today;
}

/** Figure 8: the days asked against the places, and the waiting and answering times. */
export async function demandAndSupply(db: Database, input: Input): Promise<Demand> {
  const { period } = input;
  const sums = sql.join(
    WEEKDAYS.map(
      (d) => sql`coalesce(sum(${dayValue(sql`f.care_plan`, d)}), 0)::float8 as ${sql.raw(`days_${d}`)}`,
    ),
    sql`, `,
  );
  const places = sql.join(
    WEEKDAYS.map(
      (d) =>
        sql`coalesce(sum(capacity) filter (where opening_hours ? ${sql.raw(`'${d}'`)}), 0)::int as ${sql.raw(`places_${d}`)}`,
    ),
    sql`, `,
  );
  const openDays = sql.join(
    WEEKDAYS.map((d) => sql`(case when opening_hours ? ${sql.raw(`'${d}'`)} then 1 else 0 end)`),
    sql` + `,
  );
  const [demand, supply, months, waits, answers] = await Promise.all([
    db.execute(sql`
      with ${firstsCte(input)}
      select count(*)::int as children, ${sums} from firsts f`),
    db.execute(sql`
      select ${places}, coalesce(sum(capacity * (${openDays})), 0)::int as place_days
        from ${locationsWithPlacesOn(input.municipalityIds, supplyDay(input))} l`),
    db.execute(sql`
      with ${monthsCte(input)},
      starts as (
        select distinct on (r.child_id) r.child_id, r.care_plan, to_char(r.desired_start, 'YYYY-MM') as month
          from requests r
         where ${inCounted(sql`r.municipality_id`, input)}
           and r.desired_start between date_trunc('month', ${period.from}::date)::date and ${period.to}::date
           and ${day(sql`r.submitted_at`)} <= ${period.to}::date
         order by r.child_id, r.submitted_at, r.id)
      select m.month, count(s.child_id)::int as children,
             coalesce(sum(${daysPerWeek(sql`s.care_plan`)}), 0)::float8 as days
        from months m left join starts s on s.month = m.month
       group by m.month order by m.month`),
    db.execute(sql`
      with ${firstsCte(input)},
      waited as (
        select (select min(${day(sql`e.occurred_at`)}) from status_events e
                 where e.request_id = f.id and e.event_type = 'preference.offer_made') - f.submitted_on as days
          from firsts f)
      select count(days)::int as offered,
             percentile_cont(0.5) within group (order by days) as median,
             percentile_cont(0.75) within group (order by days) as p75
        from waited where days is not null`),
    db.execute(sql`
      with answered as (
        select (select min(${day(sql`e.occurred_at`)}) from status_events e
                 where e.preference_id = p.id
                   and e.event_type in ('preference.waiting_list', 'preference.offer_made', 'preference.no_place')
                   and coalesce(e.details->>'offerWithdrawn', 'false') <> 'true') - ${day(sql`p.created_at`)} as days
          from preferences p join requests r on r.id = p.request_id
         where ${inCounted(sql`r.municipality_id`, input)}
           and ${day(sql`p.created_at`)} between ${period.from}::date and ${period.to}::date)
      select count(*)::int as preferences, count(days)::int as answered,
             percentile_cont(0.5) within group (order by days) as median,
             percentile_cont(0.75) within group (order by days) as p75
        from answered`),
  ]);
  const d = rowsOf(demand)[0] ?? {};
  const s = rowsOf(supply)[0] ?? {};
  const w = rowsOf(waits)[0] ?? {};
  const a = rowsOf(answers)[0] ?? {};
  const perDay = (prefix: string, row: Record<string, unknown>) =>
    Object.fromEntries(WEEKDAYS.map((x) => [x, num(row[`${prefix}${x}`])])) as Record<Weekday, number>;
  return {
    children: num(d.children),
    daysByWeekday: perDay('days_', d),
    placesByWeekday: perDay('places_', s),
    placeDaysPerWeek: num(s.place_days),
    months: rowsOf(months).map((r) => ({
      month: String(r.month),
      children: num(r.children),
      days: num(r.days),
    })),
    offered: num(w.offered),
    waitMedian: numOrNull(w.median),
    waitP75: numOrNull(w.p75),
    preferences: num(a.preferences),
    answered: num(a.answered),
    answerMedian: numOrNull(a.median),
    answerP75: numOrNull(a.p75),
  };
}

/** The days-a-week bands of the care plan in figure 9. */
export const PLAN_BANDS = ['upTo2', 'upTo3', 'upTo4', 'upTo5'] as const;
export type PlanBand = (typeof PLAN_BANDS)[number];
export const CARE_TYPES_ASKED = ['group', 'family', 'none'] as const;
export type CareTypeAsked = (typeof CARE_TYPES_ASKED)[number];

/**
 * Figure 9: the period's children without a place whose desired start plus the grace period has
 * passed (the unanswered of figure 3), by the days a week asked and the care type of their first
 * choice. Their priority group and residence come with figures 1–4's groups.
 */
export async function unansweredProfile(db: Database, input: Input & { graceDays?: number | undefined }) {
  const result = await db.execute(sql`
    with ${firstsCte(input)},
    unanswered as (
      select f.*, ${daysPerWeek(sql`f.care_plan`)} as days,
             coalesce((select pl.care_type::text from preferences p
                         join provider_locations pl on pl.id = p.provider_location_id
                        where p.request_id = f.id order by p.rank nulls last, p.created_at limit 1), 'none') as care_type
        from firsts f
       where f.desired_start + coalesce(${input.graceDays ?? null}::int,
               (select m.unanswered_grace_days from requests r1 join municipalities m on m.id = r1.municipality_id
                 where r1.id = f.id)) <= ${input.today}::date
         and not exists (select 1 from preferences p join requests r2 on r2.id = p.request_id
                          where r2.child_id = f.child_id and p.status in ('offer_accepted', 'enrolled')))
    select case when days <= 2 then 'upTo2' when days <= 3 then 'upTo3' when days <= 4 then 'upTo4' else 'upTo5' end as band,
           care_type, count(*)::int as n
      from unanswered group by 1, 2`);
  return rowsOf(result).map((r) => ({
    band: String(r.band) as PlanBand,
    careType: String(r.care_type) as CareTypeAsked,
    n: num(r.n),
  }));
}
