/**
 * What a worker's `/metrics` reports: its own counters (chunks and rows done, redeliveries, dead
 * letters, skips, failures, chunks in hand) and the queue's lag, under the names and help texts an
 * operator's scraper and dashboards know.
 */
import type { JobWorkerCounters } from '../../services/job-worker.js';
import type { MetricSample } from './metrics-server.js';

/**
 * @example
 * await startMetricsServer(9464, '127.0.0.1', async () => workerMetrics(worker.counters, await queue.backlog()));
 */
export function workerMetrics(
  c: Readonly<JobWorkerCounters>,
  backlog: { pending: number; inFlight: number },
): MetricSample[] {
  return [
    {
      name: 'sentinela_worker_chunks_done_total',
      help: 'Chunks run and stored by this worker.',
      type: 'counter',
      value: c.chunksDone,
    },
    {
      name: 'sentinela_worker_rows_done_total',
      help: 'Rows stored by this worker.',
      type: 'counter',
      value: c.rowsDone,
    },
    {
      name: 'sentinela_worker_redeliveries_total',
      help: "Deliveries received that were not a chunk's first.",
      type: 'counter',
      value: c.redeliveries,
    },
    {
      name: 'sentinela_worker_dead_letters_total',
      help: 'Chunks this worker dead-lettered.',
      type: 'counter',
      value: c.deadLetters,
    },
    {
      name: 'sentinela_worker_chunks_skipped_total',
      help: 'Chunks acknowledged without running (done, dead or cancelled).',
      type: 'counter',
      value: c.chunksSkipped,
    },
    {
      name: 'sentinela_worker_chunk_failures_total',
      help: 'Chunk runs that failed and were handed back.',
      type: 'counter',
      value: c.chunkFailures,
    },
    {
      name: 'sentinela_worker_pull_failures_total',
      help: 'Pulls that failed (queue unreachable).',
      type: 'counter',
      value: c.pullFailures,
    },
    {
      name: 'sentinela_worker_in_flight',
      help: 'Chunks this worker is running now.',
      type: 'gauge',
      value: c.inFlight,
    },
    {
      name: 'sentinela_queue_lag_chunks',
      help: 'Chunks waiting in the queue, not yet delivered.',
      type: 'gauge',
      value: backlog.pending,
    },
    {
      name: 'sentinela_queue_in_flight_chunks',
      help: 'Chunks delivered to some worker and not yet acknowledged.',
      type: 'gauge',
      value: backlog.inFlight,
    },
  ];
}
