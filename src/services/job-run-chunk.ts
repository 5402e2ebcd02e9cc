/**
 * Run one delivered chunk of a job, the use case behind `sentinela worker`: ask the store whether
 * the chunk still needs running (a redelivery of a chunk whose results are already stored is not
 * run again), screen its rows against the job's pinned list versions with the same screening code
 * and output lines as `screen --input`, and store the results and counts in one idempotent write.
 * The caller acknowledges the delivery only after this returns: a worker killed anywhere before
 * that leaves the chunk to be redelivered, and the (job, row) key keeps every row exactly once.
 */
import type {
  Alert,
  ChunkStart,
  Job,
  JobRowResult,
  PartyQuery,
  Stores,
  WorkDelivery,
} from '../core/index.js';
import type { BatchRowResult, ScreenOptions } from '../screening/index.js';
import { type ScreenChunkPayload, isJobChunkPayload } from './job-chunk-payload.js';
import type { PinnedScreeners } from './pinned-screener.js';
import { screeningAlerts } from './screening-alerts.js';
import { matchRecord } from './screening-match-record.js';
import { ServiceError } from './service-error.js';

export interface ChunkRunResult {
  /** `run` when this call ran and stored the chunk; otherwise why it was not run. */
  outcome: ChunkStart;
  /** Rows stored by this call (0 when not run or when another delivery stored them first). */
  rows: number;
}

/**
 * Screens a chunk's queries against the pinned versions `ids`: in the calling thread by default,
 * on a screening thread when a worker runs several chunks at once.
 */
export type ChunkScreen = (
  ids: readonly number[],
  queries: PartyQuery[],
  options: ScreenOptions,
) => Promise<BatchRowResult[]>;

/** Screens in the calling thread with the pinned screener. */
export function inThreadScreen(screeners: PinnedScreeners): ChunkScreen {
  return async (ids, queries, options) => {
    const screening = await import('../screening/index.js');
    return screening.screenRows(await screeners.get(ids), queries, options);
  };
}

/** A chunk that no retry can fix (its payload is not a chunk, its job pins nothing): dead-letter it. */
export class PermanentChunkError extends Error {
  override name = 'PermanentChunkError';
}

/**
 * @example
 * const result = await runJobChunk(stores, screeners, delivery);
 * await delivery.ack();
 */
export async function runJobChunk(
  stores: Stores,
  screeners: PinnedScreeners,
  delivery: WorkDelivery,
  screen: ChunkScreen = inThreadScreen(screeners),
): Promise<ChunkRunResult> {
  const start = await stores.jobs.beginChunk(
    delivery.jobId,
    delivery.chunk,
    delivery.deliveryCount,
    new Date().toISOString(),
  );
  if (start === 'unknown-job')
    // Retried, not dropped: a worker pointed at another database must not bury a good job's chunks.
    throw new ServiceError(
      'not-found',
      `job ${delivery.jobId} (chunk ${delivery.chunk}) is not in the store at ${stores.location}`,
    );
  if (start !== 'run') return { outcome: start, rows: 0 };
  const job = await stores.jobs.get(delivery.jobId);
  if (!job)
    throw new ServiceError('not-found', `job ${delivery.jobId} is not in the store at ${stores.location}`);
  if (!isJobChunkPayload(delivery.payload))
    throw new PermanentChunkError(`chunk ${delivery.chunk} of job ${job.id} is not a chunk of rows`);
  const { results, counts, alerts } = await screenChunk(job, delivery.payload, screen);
  // Alerts first: their ids are deterministic, so a re-run appends nothing twice, and a crash
  // between the two writes re-runs the chunk rather than losing its alerts.
  if (alerts.length > 0) await stores.alerts.append(alerts);
  const stored = await stores.jobs.completeChunk({
    jobId: job.id,
    chunk: delivery.chunk,
    results,
    counts,
    at: new Date().toISOString(),
  });
  return { outcome: 'run', rows: stored ? results.length : 0 };
}

/** The chunk's output lines (one per row, exactly as `screen --input` writes them) and counts. */
async function screenChunk(
  job: Job,
  payload: ScreenChunkPayload,
  screen: ChunkScreen,
): Promise<{ results: JobRowResult[]; counts: Record<string, number>; alerts: Alert[] }> {
  if (job.kind !== 'screen')
    throw new PermanentChunkError(`job ${job.id}: kind ${job.kind} has no chunk runner`);
  const screening = await import('../screening/index.js');
  const ids = job.pins.listVersionIds;
  if (!ids || ids.length === 0) throw new PermanentChunkError(`job ${job.id} pins no list versions`);
  const threshold = Number(job.options.threshold ?? screening.DEFAULT_THRESHOLD);
  const screenOptions = {
    threshold,
    limit: Number(job.options.limit ?? 10),
    exhaustive: job.options.exhaustive === true,
  };
  const queries = payload.rows.flatMap((row) => ('query' in row ? [row.query] : []));
  const screened = await screen(ids, queries, screenOptions);
  const counts = { screened: 0, rejected: 0, alerts: 0 };
  const results: JobRowResult[] = [];
  const alerts: Alert[] = [];
  let q = 0;
  payload.rows.forEach((row, i) => {
    const at = payload.first + i;
    if ('reject' in row) {
      counts.rejected++;
      const value = { id: row.reject.id ?? null, line: row.line, rejected: row.reject, matches: [] };
      results.push({ row: at, value: JSON.stringify(value) });
      return;
    }
    const result = screened[q++]!;
    if ('error' in result) {
      counts.rejected++;
      const reject = {
        line: row.line,
        id: row.query.id,
        field: 'row',
        reason: `screening failed: ${result.error}`,
      };
      results.push({
        row: at,
        value: JSON.stringify({ id: row.query.id, line: row.line, rejected: reject, matches: [] }),
      });
      return;
    }
    counts.screened++;
    if (result.matches.some((m) => m.match)) counts.alerts++;
    if (job.options.recordAlerts === true)
      alerts.push(
        ...screeningAlerts(row.query, result.matches, {
          threshold,
          createdAt: job.createdAt,
          input: job.input,
        }),
      );
    results.push({
      row: at,
      value: JSON.stringify({ id: row.query.id, matches: result.matches.map(matchRecord) }),
    });
  });
  return { results, counts, alerts };
}
