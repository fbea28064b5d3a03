import { formatDateTime, type Language } from '../../platform/i18n/index.ts';
import { requestMessages as messages } from '../requests/index.ts';
import { followUpMessages } from './follow-up.messages.ts';

type TimelineEvent = {
  id: number;
  eventType: string;
  occurredAt: Date;
  locationName: string | null;
  /** Who acted, by role; null for the system's own steps (deadlines) and where it is not known. */
  actorRole?: string | null;
};

/** Who acted, in words for the one reading ('family': the parent's own pages); nothing when unknown. */
export function actorLabel(lang: Language, role: string | null | undefined, viewer: 'family' | 'staff') {
  const a = followUpMessages[lang].actors;
  switch (role) {
    case 'parent':
      return viewer === 'family' ? a.you : a.family;
    case 'intermediary':
      return a.intermediary;
    case 'provider_staff':
    case 'provider_admin':
      return a.provider;
    case 'desk':
      return a.desk;
    case 'platform_admin':
      return a.admin;
    default:
      return undefined;
  }
}

/**
 * Words for a status event. Event types follow one convention: `request.<status>` and
 * `preference.<status>` for changes of those records (offer events are covered by the preference
 * change they cause); a few other events name a change that is not a status (dates, care plan,
 * order, confirmation, birth data, a merge of two files). Returns undefined for events the
 * timeline does not show.
 */
export function eventLabel(lang: Language, eventType: string): string | undefined {
  const t = messages[lang];
  const changes = followUpMessages[lang].events;
  const [record, what = ''] = eventType.split('.');
  if (eventType === 'request.submitted') return t.requestSubmittedEvent;
  // Changes that are not a status: the parent's own edits, and the child's birth data.
  const change: Record<string, string> = {
    'request.dates_changed': changes.datesChanged,
    'request.care_plan_changed': changes.carePlanChanged,
    'request.confirmed': changes.confirmed,
    'preference.added': changes.added,
    'preference.reordered': changes.reordered,
    'preference.removed': changes.removed,
    'child.born': changes.born,
    // The desk merged two files of the family: the request now belongs to the kept one.
    'request.family_merged': changes.merged,
  };
  if (Object.hasOwn(change, eventType)) return change[eventType];
  if (record === 'request' && what in t.requestStatuses)
    return t.requestStatuses[what as keyof typeof t.requestStatuses];
  if (record === 'preference' && what in t.preferenceStatuses) {
    return t.preferenceStatuses[what as keyof typeof t.preferenceStatuses];
  }
  return undefined;
}

export function Timeline(props: { lang: Language; events: TimelineEvent[]; viewer: 'family' | 'staff' }) {
  const items = props.events.flatMap((e) => {
    const label = eventLabel(props.lang, e.eventType);
    // A preference's status is its provider's answer: saying "by the provider" again adds nothing.
    const providers = e.eventType.startsWith('preference.') && e.actorRole?.startsWith('provider_');
    const by = providers ? undefined : actorLabel(props.lang, e.actorRole, props.viewer);
    return label ? [{ ...e, label, by }] : [];
  });
  return (
    <ol class="utrecht-ordered-list ko-timeline" data-qa="timeline">
      {items.map((e) => (
        <li key={e.id}>
          {formatDateTime(props.lang, e.occurredAt)} — {e.label}
          {e.locationName ? ` (${e.locationName})` : ''}
          {e.by ? `, ${e.by}` : ''}
        </li>
      ))}
    </ol>
  );
}
