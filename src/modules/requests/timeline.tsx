import { formatDateTime, type Language } from '../../platform/i18n/index.ts';
import { messages } from './requests.messages.ts';

type TimelineEvent = { id: number; eventType: string; occurredAt: Date; locationName: string | null };

/**
 * Words for a status event. Event types follow one convention: `request.<status>` and
 * `preference.<status>` for changes of those records (offer events are covered by the preference
 * change they cause). Returns undefined for events the timeline does not show.
 */
export function eventLabel(lang: Language, eventType: string): string | undefined {
  const t = messages[lang];
  const [record, what = ''] = eventType.split('.');
  if (eventType === 'request.submitted') return t.requestSubmittedEvent;
  if (record === 'request' && what in t.requestStatuses)
    return t.requestStatuses[what as keyof typeof t.requestStatuses];
  if (record === 'preference' && what in t.preferenceStatuses) {
    return t.preferenceStatuses[what as keyof typeof t.preferenceStatuses];
  }
  return undefined;
}

export function Timeline(props: { lang: Language; events: TimelineEvent[] }) {
  const items = props.events.flatMap((e) => {
    const label = eventLabel(props.lang, e.eventType);
    return label ? [{ ...e, label }] : [];
  });
  return (
    <ol class="utrecht-ordered-list ko-timeline" data-qa="timeline">
      {items.map((e) => (
        <li key={e.id}>
          {formatDateTime(props.lang, e.occurredAt)} — {e.label}
          {e.locationName ? ` (${e.locationName})` : ''}
        </li>
      ))}
    </ol>
  );
}
