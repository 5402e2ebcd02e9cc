/**
 * What travels through the work queue for one chunk of a job: the chunk's rows, already read and
 * validated by the submitter (so every worker sees the same rows, rejects included, and no worker
 * needs the input file), and the position of its first row in the input, which keys its results.
 */
import type { BatchRow } from './party-batch-file.js';

export interface ScreenChunkPayload {
  kind: 'screen';
  /** 0-based input position of `rows[0]`; row `i` of the chunk is input row `first + i`. */
  first: number;
  rows: BatchRow[];
}

export type JobChunkPayload = ScreenChunkPayload;

/** Rows per chunk when the submitter does not say: big enough that queue and store round trips are
 *  a small share of a chunk's time, small enough that a lost chunk costs seconds, not minutes. */
export const defaultChunkRows = 500;

/** Checks a payload's shape (a queue may hold anything a misconfigured publisher put there). */
export function isJobChunkPayload(value: unknown): value is JobChunkPayload {
  const v = value as Partial<ScreenChunkPayload> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.kind === 'screen' &&
    Number.isInteger(v.first) &&
    (v.first as number) >= 0 &&
    Array.isArray(v.rows)
  );
}
