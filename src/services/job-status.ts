/**
 * Where a distributed job stands (`jobs status`, and the progress `screen --nats` shows): the
 * store's chunk states, after folding in any dead letters the queue holds for the job that no
 * worker recorded (a worker killed between dead-lettering a chunk and writing it down), so a job
 * never waits forever on a chunk the queue has given up on.
 */
import type { JobStatus, Stores, WorkQueue } from '../core/index.js';
import { ServiceError } from './service-error.js';

/**
 * @example
 * const status = await jobStatus(stores, 'job-20261202-010000-ab12cd34', queue);
 * console.log(`${status.rowsDone}/${status.job.rows} rows`);
 */
export async function jobStatus(stores: Stores, jobId: string, queue?: WorkQueue): Promise<JobStatus> {
  let status = await stores.jobs.status(jobId);
  if (!status) throw new ServiceError('not-found', `no job ${jobId} in the store at ${stores.location}`);
  if (queue && status.state === 'running') {
    let changed = false;
    for (const letter of await queue.deadLetters(jobId))
      changed =
        (await stores.jobs.deadChunk(jobId, letter.chunk, letter.reason, letter.deliveries, letter.at)) ||
        changed;
    if (changed) status = (await stores.jobs.status(jobId))!;
  }
  return status;
}

/** Cancels a job: workers acknowledge its remaining chunks without running them. */
export async function cancelJob(stores: Stores, jobId: string): Promise<JobStatus> {
  const job = await stores.jobs.get(jobId);
  if (!job) throw new ServiceError('not-found', `no job ${jobId} in the store at ${stores.location}`);
  await stores.jobs.cancel(jobId, new Date().toISOString());
  return (await stores.jobs.status(jobId))!;
}

/**
 * Waits until the job is no longer running, calling `onProgress` after each poll.
 *
 * @example
 * const done = await waitForJob(stores, queue, job.id, { onProgress: (s) => bar.update(s.rowsDone) });
 */
export async function waitForJob(
  stores: Stores,
  queue: WorkQueue | undefined,
  jobId: string,
  options: { pollMs?: number; onProgress?: (status: JobStatus) => void; shouldStop?: () => boolean } = {},
): Promise<JobStatus> {
  const pollMs = options.pollMs ?? 200;
  let polls = 0;
  for (;;) {
    // The queue's dead letters are read every few polls only: on NATS that is a stream scan. An
    // unreachable queue (NATS restarting) only delays that; the store has the job's progress.
    const status = await jobStatus(stores, jobId, polls++ % 25 === 24 ? queue : undefined).catch(
      async (error: unknown) => {
        if (error instanceof ServiceError) throw error;
        return jobStatus(stores, jobId);
      },
    );
    options.onProgress?.(status);
    if (status.state !== 'running' || options.shouldStop?.()) return status;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
