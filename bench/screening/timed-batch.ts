/**
 * A batch screened from the snapshot and timed, for the speed benchmark: by a pool of worker
 * threads, or by this thread (0 workers), with the moment the batch was half done and each
 * thread's CPU at the start, the half and the end (`thread-cpu.ts`).
 */
import type { PartyQuery } from '../../src/core/index.js';
import {
  BatchScreeningPool,
  openScreenerSnapshot,
  ScreenedRowCache,
  screenRows,
} from '../../src/screening/index.js';
import type { SnapshotBytes } from '../../src/screening/screener-snapshot-file.js';
import { type ThreadCpu, threadCpu } from './thread-cpu.js';

/** The threads that screen the benchmark's batches, started once and used for several. */
export interface ScreeningThreads {
  /** Screens `batch` at `threshold` (5 matches a row); returns the rows that failed. */
  screen(batch: PartyQuery[], onProgress?: (done: number, total: number) => void): Promise<number>;
  close(): Promise<void>;
}

/** `workers` pool threads opening the shared snapshot, or this thread opening it (0). */
export async function startScreeningThreads(
  snapshot: SnapshotBytes,
  workers: number,
  threshold: number,
): Promise<ScreeningThreads> {
  if (workers > 0) {
    const pool = await BatchScreeningPool.start(snapshot, { workers });
    return {
      screen: async (batch, onProgress) => {
        const results = await pool.screenAll(batch, {
          threshold,
          limit: 5,
          ...(onProgress ? { onProgress } : {}),
        });
        return results.filter((r) => 'error' in r).length;
      },
      close: () => pool.close(),
    };
  }
  const screener = openScreenerSnapshot(snapshot);
  // Kept across batches, as a worker keeps its own.
  const cache = new ScreenedRowCache();
  return {
    screen: async (batch, onProgress) => {
      let failed = 0;
      for (let i = 0; i < batch.length; i += 500) {
        const rows = screenRows(screener, batch.slice(i, i + 500), { threshold, limit: 5 }, cache);
        failed += rows.filter((r) => 'error' in r).length;
        onProgress?.(Math.min(i + 500, batch.length), batch.length);
      }
      return failed;
    },
    close: async () => {},
  };
}

export interface TimedBatch {
  failed: number;
  /** `performance.now()` when the batch ended. */
  ended: number;
  /** When at least half the rows were done, how many, and the threads' CPU then. */
  half: { at: number; done: number; threads: ThreadCpu | undefined } | undefined;
  /** The threads' CPU at the end, read while the pool's threads are still listed. */
  threadsAfter: ThreadCpu | undefined;
  /** Rows a second over the batch's second half. */
  secondHalfRate: number;
}

/** Screens `queries` with `threads`, timing the batch and its second half. */
export async function timeBatch(threads: ScreeningThreads, queries: PartyQuery[]): Promise<TimedBatch> {
  let half: TimedBatch['half'];
  const failed = await threads.screen(queries, (done, total) => {
    if (!half && done >= total / 2) half = { at: performance.now(), done, threads: threadCpu() };
  });
  const ended = performance.now();
  const threadsAfter = threadCpu();
  const secondHalfRate = half ? (queries.length - half.done) / ((ended - half.at) / 1000) : Number.NaN;
  return { failed, ended, half, threadsAfter, secondHalfRate };
}

/** How the benchmark names a thread count. */
export function threadsLabel(workers: number): string {
  return workers === 0 ? 'main thread only' : `${workers} worker${workers > 1 ? 's' : ''}`;
}
