/**
 * What a filed request consists of, read straight from the database: the request, its preferences
 * in the parent's order, its history (status events) and its confirmation mail in the outbox.
 * A request is complete when it has all of them; a fault must never leave one with only some.
 */
import type { ExecuteSql } from '../../src/platform/db/index.ts';

export type StoredRequest = {
  id: string;
  submissionKey: string | null;
  /** Provider location ids, by rank. */
  preferences: string[];
  /** Event types of its history, e.g. request.submitted, preference.added ×n. */
  events: string[];
  /** Confirmation mails that link to the request's page. */
  mails: number;
};

/** Every request in the database with its parts. */
export async function storedRequests(executeSql: ExecuteSql): Promise<StoredRequest[]> {
  const { rows } = await executeSql(
    `select r.id::text as id, r.submission_key as "submissionKey",
            array(select p.provider_location_id::text from preferences p
                   where p.request_id = r.id order by p.rank) as preferences,
            array(select e.event_type from status_events e
                   where e.request_id = r.id order by e.event_type, e.id) as events,
            (select count(*)::int from outbox o
              where o.template = 'request.submitted'
                and o.text_body like '%/parent/requests/' || r.id::text || '%') as mails
       from requests r order by r.id`,
  );
  return rows as StoredRequest[];
}

/** The parts a request filed with these preferences must have: what `storedRequests` shows. */
export function complete(request: { id: string; submissionKey: string | null }, preferences: string[]) {
  return {
    ...request,
    preferences,
    events: [...preferences.map(() => 'preference.added'), 'request.submitted'],
    mails: 1,
  };
}
