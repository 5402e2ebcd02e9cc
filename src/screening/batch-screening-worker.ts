/**
 * Worker-thread entry of the batch screening pool: opens the shared snapshot (or builds its own
 * index from lists), then screens chunks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchWorkerData, FromWorker, ToWorker } from './batch-screening-messages.js';
import { ScreenedRowCache, screenRows } from './batch-screening-rows.js';
import { warmUpWhileIdle } from './batch-screening-warm-up.js';
import { createScreener } from './screener.js';
import { openScreenerSnapshot } from './screener-snapshot.js';
import { recordsIntact } from './screener-snapshot-file.js';

const port = parentPort;
if (!port) throw new Error('batch-screening-worker must run in a worker thread');

const post = (message: FromWorker): void => port.postMessage(message);

try {
  const data = workerData as BatchWorkerData;
  if (data.checkRecords && 'snapshot' in data.source && !recordsIntact(data.source.snapshot))
    throw new Error('the screening snapshot was damaged or changed while in use: run again to rebuild it');
  const screener =
    'snapshot' in data.source
      ? openScreenerSnapshot(data.source.snapshot, data.screener)
      : createScreener(data.source.lists, data.screener);
  // Kept across chunks: a name repeated anywhere in the batch is screened once per worker.
  const cache = new ScreenedRowCache();
  post({ type: 'ready', buildMs: screener.buildMs, aliasCount: screener.aliasCount });
  let working = false;
  void warmUpWhileIdle(screener, () => working);
  port.on('message', (message: ToWorker) => {
    working = true;
    post({
      type: 'result',
      batch: message.batch,
      chunk: message.chunk,
      results: screenRows(screener, message.queries, message.options, cache),
    });
  });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
