/** The worker's /metrics text: every counter under its own name and type, the queue's lag as gauges. */
import { describe, expect, it } from 'vitest';
import type { JobWorkerCounters } from '../../services/job-worker.js';
import { metricsText } from './metrics-server.js';
import { workerMetrics } from './worker-metrics.js';

const counterNames = [
  'chunksDone',
  'rowsDone',
  'redeliveries',
  'deadLetters',
  'chunksSkipped',
  'chunkFailures',
  'pullFailures',
  'inFlight',
] as const;

/** Counters whose i-th (in the order above) holds `value(i)`. */
const countersOf = (value: (i: number) => number) =>
  Object.fromEntries(counterNames.map((name, i) => [name, value(i)])) as unknown as JobWorkerCounters;

describe('workerMetrics', () => {
  it('reports each counter and the backlog, in Prometheus text with HELP and TYPE', () => {
    const text = metricsText(
      workerMetrics(
        countersOf((i) => i + 1),
        { pending: 9, inFlight: 10 },
      ),
    );
    const value = (name: string) => new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
    expect(
      [
        'sentinela_worker_chunks_done_total',
        'sentinela_worker_rows_done_total',
        'sentinela_worker_redeliveries_total',
        'sentinela_worker_dead_letters_total',
        'sentinela_worker_chunks_skipped_total',
        'sentinela_worker_chunk_failures_total',
        'sentinela_worker_pull_failures_total',
        'sentinela_worker_in_flight',
        'sentinela_queue_lag_chunks',
        'sentinela_queue_in_flight_chunks',
      ].map(value),
    ).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(text).toMatch(/^# TYPE sentinela_worker_chunks_done_total counter$/m);
    expect(text).toMatch(/^# TYPE sentinela_queue_lag_chunks gauge$/m);
    expect(text.match(/^# HELP /gm)).toHaveLength(10);
  });

  it('shows an unknown backlog as NaN rather than dropping the worker counters', () => {
    const text = metricsText(
      workerMetrics(
        countersOf(() => 0),
        { pending: Number.NaN, inFlight: Number.NaN },
      ),
    );
    expect(text).toMatch(/^sentinela_queue_lag_chunks NaN$/m);
    expect(text).toMatch(/^sentinela_worker_chunks_done_total 0$/m);
  });
});
