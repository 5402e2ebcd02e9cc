/** The messages exchanged between the batch screening pool and its worker threads. */
import type { PartyQuery, ScreeningMatch } from '../core/index.js';
import type { ScreenerOptions, ScreeningList, ScreenOptions } from './screener.js';
import type { SnapshotBytes } from './screener-snapshot-file.js';

/** What a worker screens against: a snapshot in shared memory (no copy, nothing to prepare), or lists. */
export interface BatchWorkerData {
  source: { snapshot: SnapshotBytes } | { lists: ScreeningList[] };
  screener: ScreenerOptions;
  /** This worker checks the snapshot's records (`recordsIntact`) before it says it is ready. */
  checkRecords?: boolean;
}

/** One row's outcome: its matches, or why it could not be screened (never dropped silently). */
export type BatchRowResult = { matches: ScreeningMatch[] } | { error: string };

/** `batch` tells the results of one `screenAll` from another's (several may run at once). */
export type ToWorker = {
  type: 'screen';
  batch: number;
  chunk: number;
  queries: PartyQuery[];
  options: ScreenOptions;
};

export type FromWorker =
  | { type: 'ready'; buildMs: number; aliasCount: number }
  | { type: 'result'; batch: number; chunk: number; results: BatchRowResult[] }
  | { type: 'failed'; message: string };
