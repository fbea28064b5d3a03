import type { Database } from '../../platform/db/index.ts';
import { formatDateTime, type Language } from '../../platform/i18n/index.ts';
import { familyIdsOfFile } from './detection.queries.ts';
import { getMergesIntoFile } from './merge.queries.ts';
import { historyMessages } from './merge-history.messages.ts';

/** The merges that brought other files into this file (through earlier merges too), oldest first. */
export async function getMergeHistory(db: Database, familyId: string) {
  return getMergesIntoFile(db, await familyIdsOfFile(db, familyId));
}

export type MergeHistoryEntry = Awaited<ReturnType<typeof getMergeHistory>>[number];

/** The kinds of moved rows the desk is told about, in the order a file's page shows them. */
const MOVED = [
  'children',
  'parents',
  'requests',
  'preferences',
  'offers',
  'statusEvents',
  'deskNotes',
  'followUpTasks',
  'outbox',
  'requestForwards',
  'providerNotes',
  'requestDrafts',
] as const;

const count = (value: unknown) => (typeof value === 'number' && value > 0 ? value : 0);

/** What one merge moved and joined, in words: "2 requests, 1 desk note, …". */
function movedParts(lang: Language, details: Record<string, unknown>): string[] {
  const t = historyMessages[lang];
  const moved = (details.moved ?? {}) as Record<string, unknown>;
  const parts = MOVED.flatMap((kind) => {
    const n = count(moved[kind]);
    return n ? [t.moved[kind](n)] : [];
  });
  const joined = Array.isArray(details.childrenJoined) ? details.childrenJoined.length : 0;
  if (joined) parts.push(t.childrenJoined(joined));
  const parents = count(details.parentsJoined);
  if (parents) parts.push(t.parentsJoined(parents));
  const closed = Array.isArray(details.requestsClosed) ? details.requestsClosed.length : 0;
  if (closed) parts.push(t.requestsClosed(closed));
  return parts;
}

/**
 * The merge events of a file, for the desk's file page: when, by whom, which file went into which,
 * and what moved. Nothing when no file was merged into this one.
 */
export function MergeHistory(props: { lang: Language; merges: MergeHistoryEntry[] }) {
  const { lang, merges } = props;
  const t = historyMessages[lang];
  if (merges.length === 0) return null;
  return (
    <>
      <h2 class="utrecht-heading-2" id="merges-heading">
        {t.heading}
      </h2>
      <ol class="utrecht-ordered-list ko-timeline" data-qa="merges" aria-labelledby="merges-heading">
        {merges.map((m) => {
          const parts = movedParts(lang, m.details);
          return (
            <li key={m.id} data-qa="merge">
              {formatDateTime(lang, m.mergedAt)} — {t.merged(m.mergedFileNumber, m.keptFileNumber)}
              {m.mergedBy ? ` ${t.by(m.mergedBy)}` : ''}.{' '}
              {parts.length > 0 ? t.movedList(parts.join(', ')) : t.nothingMoved}
            </li>
          );
        })}
      </ol>
    </>
  );
}
