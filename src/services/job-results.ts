/**
 * A job's results as the batch output file: one line per input row, in input order, read from the
 * store a page at a time (a nightly job holds millions of rows), written to `<output>.partial`
 * and renamed over the output only when complete, so the output path never holds half a job.
 * Rows of dead chunks have no result: the job status lists them, and `complete: false` says so.
 */
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import type { Stores } from '../core/index.js';
import { ServiceError } from './service-error.js';

export interface WrittenJobResults {
  rows: number;
  /** Rows the job has (input rows); fewer were written when chunks are dead or still running. */
  rowsTotal: number;
  complete: boolean;
}

const page = 5_000;

/**
 * @example
 * const written = await writeJobResults(stores, job.id, 'matches.jsonl');
 */
export async function writeJobResults(
  stores: Stores,
  jobId: string,
  output: string | ((text: string) => void),
): Promise<WrittenJobResults> {
  const job = await stores.jobs.get(jobId);
  if (!job) throw new ServiceError('not-found', `no job ${jobId} in the store at ${stores.location}`);
  const toFile = typeof output === 'string';
  const partial = toFile ? `${output}.partial` : '';
  const fd = toFile ? openSync(partial, 'w') : -1;
  let rows = 0;
  try {
    let after = -1;
    for (;;) {
      const batch = await stores.jobs.results(jobId, { afterRow: after, limit: page });
      if (batch.length === 0) break;
      const text = batch.map((r) => `${r.value}\n`).join('');
      if (toFile) writeSync(fd, text);
      else output(text);
      rows += batch.length;
      after = batch[batch.length - 1]!.row;
    }
  } finally {
    if (toFile) closeSync(fd);
  }
  if (toFile) renameSync(partial, output);
  return { rows, rowsTotal: job.rows, complete: rows === job.rows };
}
