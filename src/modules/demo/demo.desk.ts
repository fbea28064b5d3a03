import { sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import { addDays, type LocalDate } from '../../shared/dates.ts';
import type { Random } from './demo.random.ts';
import { DAY } from './demo.time.ts';

/**
 * The desk's own work in Leuven, so that the demo desk officer's Today page shows real lines:
 * the social emergencies flagged by the desk with their confidential reason, phone tasks for
 * families that registered by phone without e-mail, an unborn child past its expected date, and
 * one pair of duplicate files. Runs after the region is written; set-based where it can be, and
 * deterministic (ids from the seeded generator, rows picked in id order).
 */
export type DeskDemoWork = {
  socialEmergencies: number;
  deskTasks: number;
  overdueBirths: number;
  duplicateFamilyId: string | undefined;
};

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Confidential reasons as a desk officer would note them (made up; no real case). */
const SOCIAL_NOTES: Record<string, string> = {
  child_protection:
    'Melding van het Vertrouwenscentrum Kindermishandeling: opvang overdag nodig als beschermende maatregel.',
  foster_placement: 'Onverwachte plaatsing in een pleeggezin; pleegmoeder werkt voltijds.',
  family_crisis: 'Moeder is na een crisis tijdelijk in een opvangcentrum; begeleiding door het CAW.',
  medical: 'Ouder wordt langdurig opgenomen in het ziekenhuis; geen familie in de buurt.',
  other: 'Situatie besproken met de maatschappelijk werker van het OCMW.',
};

export async function writeDemoDeskWork(
  db: Database,
  ctx: { r: Random; now: number; today: LocalDate; leuvenId: string; deskUserId: string },
): Promise<DeskDemoWork> {
  const { r, now, today, leuvenId, deskUserId } = ctx;

  // The desk flagged every open social emergency of Leuven, and noted the reason.
  const flagged = rowsOf<{ id: string }>(
    await db.execute(sql`
      update requests
         set social_emergency_at = submitted_at + interval '3 hours',
             social_emergency_by_user_id = ${deskUserId}::uuid
       where municipality_id = ${leuvenId} and status = 'active' and social_reason is not null
      returning id`),
  );
  const notes = Object.entries(SOCIAL_NOTES)
    .map(([reason, body]) => sql`when ${reason} then ${body}`)
    .reduce((a, b) => sql`${a} ${b}`);
  await db.execute(sql`
    insert into desk_notes (family_id, request_id, kind, body, author_user_id, created_at)
    select r.family_id, r.id, 'social_emergency', case r.social_reason::text ${notes} end,
           ${deskUserId}::uuid, r.social_emergency_at
      from requests r
     where r.municipality_id = ${leuvenId} and r.social_emergency_at is not null`);

  // Families that registered at the desk by phone, without e-mail and without an intermediary:
  // what would have been a mail becomes a phone task for the desk.
  const phoneFamilies = rowsOf<{ family_id: string }>(
    await db.execute(sql`
      select f.id as family_id
        from families f
       where f.municipality_id = ${leuvenId} and f.intermediary_organisation_id is null
         and exists (select 1 from requests r where r.family_id = f.id and r.status = 'active'
                      and r.channel = 'desk' and r.social_reason is null)
         and not exists (select 1 from parents p where p.family_id = f.id and p.user_id is not null)
       order by f.id
       limit 4`),
  ).map((row) => row.family_id);
  let deskTasks = 0;
  if (phoneFamilies.length > 0) {
    const ids = sql.join(
      phoneFamilies.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await db.execute(sql`update parents set email = null where family_id in (${ids})`);
    const written = rowsOf<{ id: string }>(
      await db.execute(sql`
        insert into follow_up_tasks (municipality_id, family_id, request_id, kind, details, due_date, created_at)
        select ${leuvenId}::uuid, r.family_id, r.id,
               case when o.id is not null then 'offer.made' else 'request.confirmation_reminder' end,
               case when o.id is not null
                    then jsonb_build_object('provider', l.name, 'startDate', o.start_date::text,
                                            'deadline', o.answer_deadline::text)
                    else '{}'::jsonb end,
               coalesce(o.answer_deadline::text, null),
               coalesce(o.created_at, ${new Date(now - 2 * DAY).toISOString()}::timestamptz)
          from requests r
          left join preferences p on p.request_id = r.id and p.status = 'offer_made'
          left join offers o on o.preference_id = p.id and o.status = 'pending'
          left join provider_locations l on l.id = p.provider_location_id
         where r.family_id in (${ids}) and r.status = 'active'
        returning id`),
    );
    deskTasks = written.length;
  }

  // One unborn child is past its expected date, and the family has not told its birth yet.
  const overdue = rowsOf<{ id: string }>(
    await db.execute(sql`
      update children set expected_birth_date = ${addDays(today, -9)}::date
       where id = (select c.id from children c join requests r on r.child_id = c.id
                    where r.municipality_id = ${leuvenId} and r.status = 'active' and c.birth_date is null
                    order by c.id limit 1)
      returning id`),
  );

  const duplicateFamilyId = await writeDuplicateFile(db, { r, now, leuvenId, deskUserId });
  return {
    socialEmergencies: flagged.length,
    deskTasks,
    overdueBirths: overdue.length,
    duplicateFamilyId,
  };
}

/**
 * A second file for a family that already has one: registered at the desk by phone, with the
 * same child (name in capitals, same birth date, no national number) and the same parent e-mail.
 */
async function writeDuplicateFile(
  db: Database,
  ctx: { r: Random; now: number; leuvenId: string; deskUserId: string },
): Promise<string | undefined> {
  const [original] = rowsOf<{
    first_name: string;
    last_name: string;
    birth_date: string;
    parent_first: string;
    parent_last: string;
    email: string;
    language: 'nl' | 'fr' | 'en';
    sub_municipality_id: string | null;
    street: string | null;
    house_number: string | null;
    postcode: string | null;
    city: string | null;
  }>(
    await db.execute(sql`
      select c.first_name, c.last_name, c.birth_date::text as birth_date,
             p.first_name as parent_first, p.last_name as parent_last, p.email, p.language,
             f.sub_municipality_id, f.street, f.house_number, f.postcode, f.city
        from families f
        join children c on c.family_id = f.id
        join requests r on r.child_id = c.id and r.status = 'active' and r.social_reason is null
        join parents p on p.family_id = f.id and p.position = 1
       where f.municipality_id = ${ctx.leuvenId} and f.intermediary_organisation_id is null
         and c.birth_date is not null and c.first_name is not null and p.email is not null
       order by f.id
       limit 1`),
  );
  if (!original) return undefined;
  const familyId = ctx.r.uuid();
  const created = new Date(ctx.now - 3 * DAY);
  await db.insert(schema.families).values({
    id: familyId,
    fileNumber: sql`'KO-' || nextval('family_file_number_seq')`,
    municipalityId: ctx.leuvenId,
    subMunicipalityId: original.sub_municipality_id,
    street: original.street,
    houseNumber: original.house_number,
    postcode: original.postcode,
    city: original.city,
    createdByUserId: ctx.deskUserId,
    consentAt: created,
    createdAt: created,
  });
  await db.insert(schema.parents).values({
    id: ctx.r.uuid(),
    familyId,
    firstName: original.parent_first,
    lastName: original.parent_last,
    email: original.email,
    language: original.language,
    createdAt: created,
  });
  await db.insert(schema.children).values({
    id: ctx.r.uuid(),
    familyId,
    firstName: original.first_name,
    lastName: original.last_name.toUpperCase(),
    birthDate: original.birth_date,
    createdAt: created,
  });
  return familyId;
}
