import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/index.ts';

/**
 * Finding possible duplicate family files of a municipality, in one SQL statement that runs on
 * PostgreSQL and PGlite alike (no extensions: accents are folded with translate()).
 *
 * Two open (not merged) files are a possible pair when
 * - a child or a parent on each has the same national number hash (the vault's keyed hash), or
 * - a child on each has the same normalised name (case, accents, spaces and punctuation ignored)
 *   and the same birth date or expected birth date (either against either), and the files share a
 *   parent contact: the same e-mail address (case-insensitive) or phone number (digits only,
 *   with or without +32 / 0032).
 * A pair the desk dismissed ("two different families") is left out.
 */

const ACCENTED = 'àáâãäåāçćčèéêëēėęìíîïīñńòóôõöøōùúûüūýÿžšł';
const PLAIN = 'aaaaaaaccceeeeeeeiiiiinnoooooooouuuuuyyzsl';

/** A name as compared: lower case, accents folded, only letters a–z kept. */
export function normalisedName(first: SQL | string, last: SQL | string): SQL {
  const part = (v: SQL | string) => (typeof v === 'string' ? sql.raw(v) : v);
  return sql`regexp_replace(translate(lower(coalesce(${part(first)}, '') || coalesce(${part(last)}, '')), ${ACCENTED}, ${PLAIN}), '[^a-z]', '', 'g')`;
}

/** A phone number as compared: its digits, without the Belgian country code and leading zeros. */
function normalisedPhone(column: string): SQL {
  const digits = sql`regexp_replace(${sql.raw(column)}, '[^0-9]', '', 'g')`;
  return sql`ltrim(case
      when ${digits} like '0032%' then substr(${digits}, 5)
      when ${digits} like '32%' and length(${digits}) in (10, 11) then substr(${digits}, 3)
      else ${digits} end, '0')`;
}

export type PairReason = 'childNationalNumber' | 'parentNationalNumber' | 'nameDateContact';
export type DuplicatePair = { familyAId: string; familyBId: string; reasons: PairReason[] };

/** The pairs (smaller id first) with their reasons; `only` narrows to one pair. */
function pairsSql(municipalityId: string, only?: { a: string; b: string }): SQL {
  const onlyPair = only ? sql`and p.fa = ${only.a}::uuid and p.fb = ${only.b}::uuid` : sql``;
  return sql`
    with fam as (
      select id from families
       where municipality_id = ${municipalityId}::uuid and merged_into_family_id is null
    ),
    kids as (
      select c.id, c.family_id, c.national_number_hash as nn,
             ${normalisedName('c.first_name', 'c.last_name')} as name,
             c.birth_date, c.expected_birth_date
        from children c join fam on fam.id = c.family_id
       where c.merged_into_child_id is null
    ),
    kid_days as (
      select family_id, name, birth_date as day from kids where birth_date is not null
      union
      select family_id, name, expected_birth_date from kids where expected_birth_date is not null
    ),
    contacts as (
      select p.family_id, 'e:' || lower(trim(p.email)) as contact
        from parents p join fam on fam.id = p.family_id
       where p.email is not null and trim(p.email) <> ''
      union
      select p.family_id, 'p:' || ${normalisedPhone('p.phone')}
        from parents p join fam on fam.id = p.family_id
       where p.phone is not null and length(${normalisedPhone('p.phone')}) >= 8
    ),
    parent_nn as (
      select p.family_id, p.national_number_hash as nn
        from parents p join fam on fam.id = p.family_id
       where p.national_number_hash is not null
    ),
    -- Pairs come from grouping by the shared key (hash aggregates), not from self-joins: without
    -- table statistics (PGlite has no autovacuum) the planner would nest loops over thousands of rows.
    keyed as (
      select 'childNationalNumber' as reason, 'n:' || nn as key, family_id from kids where nn is not null
      union
      select 'parentNationalNumber', 'n:' || nn, family_id from parent_nn
      union
      select 'nameDate', name || '|' || day::text, family_id from kid_days where name <> ''
      union
      select 'contact', contact, family_id from contacts
    ),
    groups as (
      select reason, array_agg(family_id) as fams
        from keyed group by reason, key having count(*) > 1
    ),
    keyed_pairs as (
      select distinct g.reason, a as fa, b as fb
        from groups g, unnest(g.fams) a, unnest(g.fams) b
       where a < b
    ),
    pairs as (
      select fa, fb, reason from keyed_pairs
       where reason in ('childNationalNumber', 'parentNationalNumber')
      union
      select n.fa, n.fb, 'nameDateContact'
        from keyed_pairs n
        join keyed_pairs c on c.fa = n.fa and c.fb = n.fb and c.reason = 'contact'
       where n.reason = 'nameDate'
    )
    select p.fa::text as "familyAId", p.fb::text as "familyBId",
           array_agg(distinct p.reason order by p.reason) as reasons
      from pairs p
     where not exists (
             select 1 from duplicate_dismissals d
              where d.family_a_id = p.fa and d.family_b_id = p.fb)
           ${onlyPair}
     group by p.fa, p.fb`;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Every possible pair of the municipality, in a stable order. */
export async function findDuplicatePairs(db: Database, municipalityId: string): Promise<DuplicatePair[]> {
  const result = await db.execute(
    sql`select * from (${pairsSql(municipalityId)}) x order by "familyAId", "familyBId"`,
  );
  return rowsOf<DuplicatePair>(result).map((r) => ({ ...r, reasons: toArray(r.reasons) }));
}

/** One pair (ids in either order), or undefined when it is no (longer a) possible duplicate. */
export async function findDuplicatePair(
  db: Database,
  municipalityId: string,
  a: string,
  b: string,
): Promise<DuplicatePair | undefined> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const result = await db.execute(pairsSql(municipalityId, { a: first, b: second }));
  const row = rowsOf<DuplicatePair>(result)[0];
  return row ? { ...row, reasons: toArray(row.reasons) } : undefined;
}

/** How many possible pairs the municipality has (for the desk's Today page). */
export async function countPossibleDuplicates(db: Database, municipalityId: string): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from (${pairsSql(municipalityId)}) x`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

/**
 * The file and every file merged into it, also through earlier merges (a file merged into one that
 * was merged in turn). Readers of a file's history (status events, notes, audit rows) read these ids:
 * the audit log is append-only (ADR 0016), so the merged file's audit rows keep its id.
 */
export async function familyIdsOfFile(db: Database, familyId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive file(id) as (
      select id from families where id = ${familyId}::uuid
      union
      select f.id from families f join file on f.merged_into_family_id = file.id
    )
    select id::text as id from file`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** PGlite returns a text[] as an array; some drivers as '{a,b}'. */
function toArray(value: unknown): PairReason[] {
  if (Array.isArray(value)) return value as PairReason[];
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean) as PairReason[];
  return [];
}
