/**
 * Possible duplicate family files of a municipality, and merging two files into one (ADR 0017).
 * The desk's Today page counts the pairs; a file's history reads the files merged into it.
 */
export { countPossibleDuplicates, familyIdsOfFile } from './detection.queries.ts';
export { registerDuplicateRoutes } from './duplicates.routes.tsx';
export { getMergeHistory, MergeHistory, type MergeHistoryEntry } from './merge-history.tsx';
