import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { LocalDate } from '../../shared/dates.ts';
import { priorityLevelSql, type Rules, vulnerableSql } from '../priority-rules/index.ts';

const { municipalities, regions, subMunicipalities } = schema;

export type Period = { from: LocalDate; to: LocalDate };

/** The municipalities a policy or desk user may see figures of: by municipality grant, or all of a region's. */
export function municipalitiesInScope(
  db: Database,
  scope: { municipalityIds: string[]; regionIds: string[] },
) {
  const conditions: SQL[] = [];
  if (scope.municipalityIds.length > 0) conditions.push(inArray(municipalities.id, scope.municipalityIds));
  if (scope.regionIds.length > 0) conditions.push(inArray(municipalities.regionId, scope.regionIds));
  if (conditions.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: municipalities.id,
      name: municipalities.name,
      unansweredGraceDays: municipalities.unansweredGraceDays,
      regionId: municipalities.regionId,
    })
    .from(municipalities)
    .where(sql.join(conditions, sql` or `))
    .orderBy(asc(municipalities.name));
}

export function subMunicipalitiesOf(db: Database, municipalityId: string) {
  return db
    .select({
      id: subMunicipalities.id,
      name: subMunicipalities.name,
      postcode: subMunicipalities.postcode,
      children0to3: subMunicipalities.children0to3,
      children0to3Date: subMunicipalities.children0to3Date,
    })
    .from(subMunicipalities)
    .where(eq(subMunicipalities.municipalityId, municipalityId))
    .orderBy(asc(subMunicipalities.postcode), asc(subMunicipalities.name));
}

/**
 * One group of children counted alike, with how many: the unit of every figure. A child counts once,
 * with its first request submitted in the period (its channel, its family's residence, its month);
 * "solved" and "due" look at all of the child's requests. Only counts leave the database.
 */
export type ChildGroup = {
  municipalityId: string;
  channel: 'parent' | 'intermediary' | 'desk';
  /** A sub-municipality id, 'outside' (the family lives in another municipality) or 'unknown'. */
  residence: string;
  month: string;
  /** The desired start plus the grace period has passed (by the clock's today). */
  due: boolean;
  /** One of the child's requests has an accepted offer or an enrolment. */
  solved: boolean;
  priorityLevel: number;
  vulnerable: boolean;
  socialEmergency: boolean;
  careNeeds: boolean;
  /** The care plan asks for care before or after the usual hours. */
  extendedHours: boolean;
  n: number;
};

type ChildGroupsInput = {
  municipalityIds: string[];
  period: Period;
  today: LocalDate;
  /** Overrides each municipality's own grace period (its desk setting) when given. */
  graceDays?: number;
  rules: Rules | undefined;
  /**
   * Counts each child once over all the municipalities given (a region as a whole), with its first
   * request among them, rather than once per municipality it asked (each municipality's own figures).
   */
  oncePerChild?: boolean;
};

/**
 * The children counted, one row each with what the figures ask of it, as the head of a statement
 * (`with …, counted as (…)`) that childGroups and yearlyGroups each end with their own grouping.
 * Set-based for the data sets of all of Flanders (docs/performance.md): the period is a range on
 * submitted_at (the same days as the local date, so an index can serve it), and "solved" is one
 * join over the accepted preferences of the counted children rather than a lookup per child.
 */
function countedSql(input: ChildGroupsInput): SQL {
  const { municipalityIds, period, today, graceDays, rules } = input;
  const unit = input.oncePerChild ? sql`r.child_id` : sql`r.municipality_id, r.child_id`;
  const ids = sql.join(
    municipalityIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const vulnerable = rules ? vulnerableSql(rules) : sql`false`;
  return sql`
    with firsts as (
      select distinct on (${unit})
             r.municipality_id, r.child_id, r.family_id, r.channel, r.desired_start, r.care_needs,
             r.residence_municipality_id, r.residence_sub_municipality_id,
             coalesce((r.care_plan->>'early')::boolean or (r.care_plan->>'late')::boolean, false) as extended_hours,
             (r.social_emergency_at is not null) as social_emergency,
             to_char((r.submitted_at at time zone 'Europe/Brussels')::date, 'YYYY-MM') as month
        from requests r
       where r.municipality_id in (${ids})
         and r.submitted_at >= (${period.from}::date::timestamp at time zone 'Europe/Brussels')
         and r.submitted_at < ((${period.to}::date + 1)::timestamp at time zone 'Europe/Brussels')
       order by ${unit}, r.submitted_at, r.id
    ), solved as (
      select distinct r2.child_id
        from requests r2
        join preferences p on p.request_id = r2.id and p.status in ('offer_accepted', 'enrolled')
       where r2.child_id in (select child_id from firsts)
    ), counted as (
      select firsts.municipality_id::text as municipality_id,
             firsts.channel::text as channel,
             -- Where the family lived when it filed; the address as it is now where that was not recorded.
             case when firsts.residence_municipality_id is null then
                    case when families.municipality_id <> firsts.municipality_id then 'outside'
                         else coalesce(families.sub_municipality_id::text, 'unknown') end
                  when firsts.residence_municipality_id <> firsts.municipality_id then 'outside'
                  else coalesce(firsts.residence_sub_municipality_id::text, 'unknown') end as residence,
             firsts.month,
             (firsts.desired_start + coalesce(${graceDays ?? null}::int, grace.unanswered_grace_days) <= ${today}::date) as due,
             (solved.child_id is not null) as solved,
             (${priorityLevelSql(rules)})::int as priority_level,
             coalesce(${vulnerable}, false) as vulnerable,
             firsts.social_emergency,
             firsts.care_needs,
             firsts.extended_hours
        from firsts
        join families on families.id = firsts.family_id
        join municipalities grace on grace.id = firsts.municipality_id
        left join solved on solved.child_id = firsts.child_id
    )`;
}

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

export async function childGroups(db: Database, input: ChildGroupsInput): Promise<ChildGroup[]> {
  if (input.municipalityIds.length === 0) return [];
  const result = await db.execute(sql`${countedSql(input)}
    select municipality_id, channel, residence, month, due, solved, priority_level, vulnerable, social_emergency,
           care_needs, extended_hours, count(*)::int as n
      from counted
     group by municipality_id, channel, residence, month, due, solved, priority_level, vulnerable, social_emergency,
           care_needs, extended_hours`);
  return rowsOf(result).map((r) => ({
    municipalityId: String(r.municipality_id),
    channel: r.channel as ChildGroup['channel'],
    residence: String(r.residence),
    month: String(r.month),
    due: r.due === true,
    solved: r.solved === true,
    priorityLevel: Number(r.priority_level),
    vulnerable: r.vulnerable === true,
    socialEmergency: r.social_emergency === true,
    careNeeds: r.care_needs === true,
    extendedHours: r.extended_hours === true,
    n: Number(r.n),
  }));
}

/** A group of children alike in what the yearly registration counts: fewer, larger groups than ChildGroup. */
export type YearlyGroup = Pick<
  ChildGroup,
  | 'municipalityId'
  | 'due'
  | 'solved'
  | 'priorityLevel'
  | 'vulnerable'
  | 'socialEmergency'
  | 'careNeeds'
  | 'extendedHours'
  | 'n'
>;

/**
 * The same children as childGroups, grouped only by what the yearly registration counts (no
 * channel, residence or month): a few hundred rows for all of Flanders instead of one per child.
 */
export async function yearlyGroups(db: Database, input: ChildGroupsInput): Promise<YearlyGroup[]> {
  if (input.municipalityIds.length === 0) return [];
  const result = await db.execute(sql`${countedSql(input)}
    select municipality_id, due, solved, priority_level, vulnerable, social_emergency, care_needs, extended_hours,
           count(*)::int as n
      from counted
     group by municipality_id, due, solved, priority_level, vulnerable, social_emergency, care_needs, extended_hours`);
  return rowsOf(result).map((r) => ({
    municipalityId: String(r.municipality_id),
    due: r.due === true,
    solved: r.solved === true,
    priorityLevel: Number(r.priority_level),
    vulnerable: r.vulnerable === true,
    socialEmergency: r.social_emergency === true,
    careNeeds: r.care_needs === true,
    extendedHours: r.extended_hours === true,
    n: Number(r.n),
  }));
}

/** The regions of a policy user's region grants, by name. */
export function regionsByIds(db: Database, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(inArray(regions.id, ids))
    .orderBy(asc(regions.name));
}
