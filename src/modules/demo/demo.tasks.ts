import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/index.ts';

/**
 * The follow-up tasks the live system would have made: a family followed by a social organisation
 * that has no e-mail address gets, instead of the offer mail, a task "phone the family" for every
 * pending offer (see notifyFamily in the requests module). Set-based, one statement; returns how
 * many tasks it wrote.
 */
export async function writeDemoFollowUpTasks(db: Database): Promise<number> {
  const result = await db.execute(sql`
    insert into follow_up_tasks
      (intermediary_organisation_id, family_id, request_id, kind, details, due_date, created_at)
    select f.intermediary_organisation_id, f.id, r.id, 'offer.made',
           jsonb_build_object(
             'provider', l.name,
             'child', concat_ws(' ', c.first_name, c.last_name),
             'startDate', o.start_date::text,
             'deadline', o.answer_deadline::text),
           o.answer_deadline::text, o.created_at
      from offers o
      join preferences p on p.id = o.preference_id
      join provider_locations l on l.id = p.provider_location_id
      join requests r on r.id = p.request_id
      join children c on c.id = r.child_id
      join families f on f.id = r.family_id
     where o.status = 'pending'
       and f.intermediary_organisation_id is not null
       and not exists (select 1 from parents pa where pa.family_id = f.id and pa.email is not null)
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}
