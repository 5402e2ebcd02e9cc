/**
 * Submit a batch as a distributed job: read and validate the input once, pin the list versions it
 * is screened against, record the job with its chunks in the store, then publish the chunks on the
 * work queue for workers to pull. The store entry comes first, so no worker ever receives a chunk
 * of a job it cannot find; a publish that fails cancels the job rather than leaving it to wait
 * for chunks that never come.
 */
import { randomBytes } from 'node:crypto';
import type { Job, Stores, WorkQueue } from '../core/index.js';
import { type ScreenChunkPayload, defaultChunkRows } from './job-chunk-payload.js';
import { readBatchInput } from './party-batch-file.js';
import { screeningVersions } from './screening-lists.js';
import { ServiceError } from './service-error.js';

export interface SubmitScreenJobRequest {
  /** CSV or JSON lines with columns id,name[,schema,birth_date,country,nationality,gender,id_number]. */
  input: string;
  /** Rows per chunk (default 500). */
  chunkRows?: number;
  threshold?: number;
  limit?: number;
  exhaustive?: boolean;
  /** Only these lists (default: every stored list). */
  lists?: readonly string[];
  /** Record the rows' matches as alerts (subject: the row's id), as `screen --store` does. */
  recordAlerts?: boolean;
  /** The job id (default: a new one); letters, digits, `_` and `-`. */
  id?: string;
}

export interface SubmittedJob {
  job: Job;
  /** What the input decoder noticed (encoding fallback, mixed line ends), for the door to show. */
  warnings: string[];
}

/** A new job id: sortable by time, unique across submitters. */
export function newJobId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `job-${stamp}-${randomBytes(4).toString('hex')}`;
}

/**
 * @example
 * const { job } = await submitScreenJob(stores, queue, { input: 'customers.csv' });
 * console.log(job.id);
 */
export async function submitScreenJob(
  stores: Stores,
  queue: WorkQueue,
  request: SubmitScreenJobRequest,
): Promise<SubmittedJob> {
  const chunkRows = request.chunkRows ?? defaultChunkRows;
  if (!Number.isInteger(chunkRows) || chunkRows < 1)
    throw new ServiceError('invalid', `--chunk-rows must be a whole number ≥ 1, got ${chunkRows}`, {
      field: 'chunk-rows',
    });
  const id = request.id ?? newJobId();
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id))
    throw new ServiceError('invalid', `job id "${id}": use letters, digits, "_" or "-"`, { field: 'id' });
  const screening = await import('../screening/index.js');
  // Say there is nothing to screen against before reading the file.
  const versions = await screeningVersions(stores, request.lists);
  const input = readBatchInput(request.input);
  const chunks: ScreenChunkPayload[] = [];
  for (let first = 0; first < input.rows.length; first += chunkRows)
    chunks.push({ kind: 'screen', first, rows: input.rows.slice(first, first + chunkRows) });
  const job: Job = {
    id,
    kind: 'screen',
    createdAt: new Date().toISOString(),
    input: request.input,
    rows: input.rows.length,
    chunks: chunks.length,
    pins: {
      listVersionIds: versions.map((v) => v.id),
      reviewsRevision: await stores.reviews.revision(),
    },
    options: {
      threshold: request.threshold ?? screening.DEFAULT_THRESHOLD,
      limit: request.limit ?? 10,
      exhaustive: request.exhaustive === true,
      recordAlerts: request.recordAlerts === true,
    },
  };
  await stores.jobs.create(job);
  try {
    await queue.publish(id, chunks);
  } catch (error) {
    await stores.jobs.cancel(id, new Date().toISOString()).catch(() => false);
    throw new ServiceError(
      'invalid',
      `job ${id}: publishing its chunks failed (${(error as Error).message}); the job was cancelled, submit it again`,
    );
  }
  return { job, warnings: input.warnings };
}
