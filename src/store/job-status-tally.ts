/**
 * A job's status from its chunk rows, the same on every backend: the stores differ in how they read
 * the job and its chunks in one snapshot, not in what the tally means (states, redeliveries, the
 * moment it finished, the dead chunks with their reasons).
 */
import type { DeadJobChunk, Job, JobStatus } from '../core/job-store.js';

/** One `job_chunks` row as both stores select it. */
export interface JobChunkRow {
  chunk: number;
  state: string;
  deliveries: number;
  rows: number;
  /** JSON object of counts added up over done chunks. */
  counts: string | null;
  reason: string | null;
  updated_at: string | null;
}

/**
 * @example
 * return jobStatusOf(jobOf(jobRow), chunkRows);
 */
export function jobStatusOf(job: Job, chunks: readonly JobChunkRow[]): JobStatus {
  const tally = { total: chunks.length, pending: 0, done: 0, dead: 0 };
  const counts: Record<string, number> = {};
  const dead: DeadJobChunk[] = [];
  let rowsDone = 0;
  let deliveries = 0;
  let redeliveries = 0;
  let finishedAt: string | undefined;
  for (const c of chunks) {
    tally[c.state as 'pending' | 'done' | 'dead']++;
    deliveries += c.deliveries;
    redeliveries += Math.max(0, c.deliveries - 1);
    if (c.state !== 'pending' && c.updated_at && (!finishedAt || c.updated_at > finishedAt))
      finishedAt = c.updated_at;
    if (c.state === 'done') {
      rowsDone += c.rows;
      for (const [key, n] of Object.entries(JSON.parse(c.counts ?? '{}') as Record<string, number>))
        counts[key] = (counts[key] ?? 0) + n;
    } else if (c.state === 'dead')
      dead.push({ chunk: c.chunk, reason: c.reason ?? '', deliveries: c.deliveries, at: c.updated_at ?? '' });
  }
  const state = job.cancelledAt
    ? 'cancelled'
    : tally.pending > 0
      ? 'running'
      : tally.dead > 0
        ? 'failed'
        : 'done';
  return {
    job,
    state,
    chunks: tally,
    rowsDone,
    deliveries,
    redeliveries,
    counts,
    dead,
    ...(state !== 'running' && finishedAt && { finishedAt }),
  };
}
