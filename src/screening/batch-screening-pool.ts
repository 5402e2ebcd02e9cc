/**
 * Parallel batch screening: a pool of worker threads (one per free core by default), each holding its
 * own index, screening chunks of rows. Results come back in input order whatever order the
 * workers finish in.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { PartyQuery } from '../core/index.js';
import type { BatchRowResult, BatchWorkerData, FromWorker, ToWorker } from './batch-screening-messages.js';
import type { ScreenerOptions, ScreeningList, ScreenOptions } from './screener.js';
import { noteRecordsIntact, type SnapshotBytes, withAllRecordsUnchecked } from './screener-snapshot-file.js';

/**
 * Worker threads by default: one per core that is free, at least one. A worker beyond the free
 * cores adds its own warm-up (decoding the aliases it meets, filling its caches) and competes for
 * a core instead of using one: measured on the 51,000-name benchmark (`bench/screening/speed.ts`)
 * with the two cores already busy (load average 15–18), the whole `screen --input` took 32 s and
 * 9.7 s of CPU with one worker against 62 s and 17.7 s with two. On free cores each worker adds a
 * core's throughput. Free = cores minus `load`, rounded: the cores other processes keep busy as
 * measured just now (`CoreUsageSample`, what `screen --input` passes), else the one-minute load
 * average (0 where the system reports none), which also counts work that ended up to a minute ago.
 */
export function defaultWorkerCount(cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  return Math.max(1, Math.min(cores, Math.round(cores - load)));
}

/**
 * V8's optimising compiler inlines calls into a function up to this much bytecode in all (V8's
 * default 920). Every worker is its own isolate and compiles the screener's hot functions itself
 * (about 250 compilations in a worker's first 10,000 names), on V8's background threads, which
 * take their CPU from the same cores as the workers. With half the inlining those threads used
 * about 2 s less CPU on the 51,000-name `screen --input` with two workers, the workers themselves
 * about 0.5 s more (their code inlines less): four alternated pairs at load average 9-12 on 2 cores,
 * compiler and GC threads 8.2, 7.6, 8.7, 8.5 -> 6.0, 5.7, 6.7, 6.1 s, the whole process 26.0,
 * 25.4, 29.3, 28.5 -> 24.2, 25.0, 27.5, 25.9 s of CPU. Results are the same: inlining changes how
 * code is compiled, not what it computes. V8 flags are process-wide: set before the first worker.
 */
const WORKER_INLINING_BUDGET = '--max-inlined-bytecode-size-cumulative=460';

export interface BatchPoolOptions {
  /** Worker threads; default: `defaultWorkerCount()`. */
  workers?: number;
  /**
   * For the default worker count: cores busy with other work, as measured just now
   * (`CoreUsageSample`); default the one-minute load average.
   */
  busyCores?: number;
  screener?: ScreenerOptions;
}

export interface BatchScreenOptions extends ScreenOptions {
  /** Rows per message to a worker; larger chunks cost less messaging, smaller ones balance better. */
  chunkSize?: number;
  /** Called after each chunk with rows done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Called with consecutive results in input order, as soon as they are available. */
  onResults?: (firstRow: number, results: BatchRowResult[]) => void;
}

/**
 * The worker bundled into one file by the build (`npm run build`: the compiled worker and every
 * module it imports), when it is at least as new as the compiled worker; else the compiled worker
 * (`.js`) beside this module; when running from TypeScript sources (tests, `tsx`) the `.ts` worker
 * is started through tsx's loader, registered inside the new thread.
 *
 * The bundle is the same code in one scope. Each worker is its own isolate that loads and compiles
 * it for itself: from one file it skips resolving and reading the 78 modules, and V8's optimising
 * compiler, whose threads take their CPU from the workers' cores, did less: over the second half of
 * the 51,000-name batch from the snapshot, five alternated pairs on 2 cores at load average 8–9,
 * its threads used 0.73, 1.39, 0.70, 0.61, 0.74 s beside the modules and 0.45, 0.77, 0.52, 0.47,
 * 0.46 s beside the bundle, the workers no more. A compiled worker newer than the bundle (`tsc`
 * run alone after a change) is the one started, so a stale bundle never screens.
 */
function startWorker(workerData: BatchWorkerData): Worker {
  const compiled = new URL('./batch-screening-worker.js', import.meta.url);
  const bundled = new URL('./batch-screening-worker.bundle.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) {
    const newest = newerOrSame(fileURLToPath(bundled), fileURLToPath(compiled)) ? bundled : compiled;
    return new Worker(newest, { workerData });
  }
  const source = new URL('./batch-screening-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) {
    throw new Error(`batch screening worker not found beside ${fileURLToPath(import.meta.url)}`);
  }
  // The ESM build of tsx's API (require.resolve finds the CommonJS one, which cannot register ESM hooks here).
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Whether `path` exists and was written no earlier than `than`. */
function newerOrSame(path: string, than: string): boolean {
  try {
    return statSync(path).mtimeMs >= statSync(than).mtimeMs;
  } catch {
    return false;
  }
}

interface PoolWorker {
  worker: Worker;
}

/**
 * @example
 * const pool = await BatchScreeningPool.start(lists, { workers: 2 });
 * const results = await pool.screenAll(rows, { threshold: 0.8 });
 * await pool.close();
 */
export class BatchScreeningPool {
  /** Numbers the `screenAll` calls, whose chunks may be with the workers at the same time. */
  private batches = 0;

  private constructor(
    private readonly workers: PoolWorker[],
    /** Index build time of each worker, in milliseconds. */
    readonly buildMs: number[],
  ) {}

  get size(): number {
    return this.workers.length;
  }

  /**
   * Starts the workers. Given a snapshot (see `openOrBuildScreener`), every worker opens the same
   * shared memory and starts at once; given lists, each worker prepares and indexes them itself.
   */
  static async start(
    source: ScreeningList[] | SnapshotBytes,
    options: BatchPoolOptions = {},
  ): Promise<BatchScreeningPool> {
    const count = Math.max(1, options.workers ?? defaultWorkerCount(undefined, options.busyCores));
    // Workers get the whole snapshot in shared memory (records too): one read for all of them.
    // The first worker checks the records' SHA-256 before it is ready, while this thread goes on
    // (unless they are noted as checked on the file as it is: screener-snapshot-file.ts).
    const snapshot = Array.isArray(source) ? undefined : withAllRecordsUnchecked(source);
    const data: BatchWorkerData = {
      source: snapshot ? { snapshot } : { lists: source as ScreeningList[] },
      screener: options.screener ?? {},
    };
    setFlagsFromString(WORKER_INLINING_BUDGET);
    const started = await Promise.allSettled(
      Array.from({ length: count }, (_, i) => {
        const worker = startWorker({ ...data, checkRecords: i === 0 });
        return new Promise<{ worker: Worker; buildMs: number }>((resolve, reject) => {
          const onMessage = (message: FromWorker) => {
            worker.off('error', reject);
            if (message.type === 'ready') resolve({ worker, buildMs: message.buildMs });
            else
              reject(
                new Error(message.type === 'failed' ? message.message : 'worker sent a result before ready'),
              );
          };
          worker.once('message', onMessage);
          worker.once('error', reject);
        });
      }),
    );
    const ok = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      await Promise.all(ok.map((w) => w.worker.terminate()));
      throw failed.reason;
    }
    // The checking worker said ready: its records passed.
    if (snapshot) noteRecordsIntact(snapshot);
    return new BatchScreeningPool(
      ok.map((w) => ({ worker: w.worker })),
      ok.map((w) => w.buildMs),
    );
  }

  /**
   * Screens every row; the result array is in input order, one entry per row. Calls may overlap:
   * a call made before the last one finished queues its chunks behind that one's, so the workers
   * go on to it without waiting for the caller.
   */
  screenAll(queries: PartyQuery[], options: BatchScreenOptions = {}): Promise<BatchRowResult[]> {
    const { chunkSize = 256, onProgress, onResults, ...screenOptions } = options;
    const batch = ++this.batches;
    const chunkCount = Math.ceil(queries.length / chunkSize);
    const results: BatchRowResult[] = new Array(queries.length);
    const chunkDone: boolean[] = new Array(chunkCount).fill(false);
    let nextChunk = 0;
    let nextToEmit = 0;
    let done = 0;
    if (chunkCount === 0) return Promise.resolve(results);

    return new Promise((resolve, reject) => {
      const cleanups: Array<() => void> = [];
      const finish = (error?: unknown) => {
        for (const cleanup of cleanups) cleanup();
        if (error) reject(error);
        else resolve(results);
      };
      const dispatch = (w: PoolWorker) => {
        if (nextChunk >= chunkCount) return;
        const chunk = nextChunk++;
        const message: ToWorker = {
          type: 'screen',
          batch,
          chunk,
          queries: queries.slice(chunk * chunkSize, (chunk + 1) * chunkSize),
          options: screenOptions,
        };
        w.worker.postMessage(message);
      };
      for (const w of this.workers) {
        const onMessage = (message: FromWorker) => {
          if (message.type !== 'result')
            return finish(new Error('unexpected message from a screening worker'));
          // Another call's chunk: its own listener takes it.
          if (message.batch !== batch) return;
          const first = message.chunk * chunkSize;
          for (let i = 0; i < message.results.length; i++) results[first + i] = message.results[i]!;
          chunkDone[message.chunk] = true;
          done += message.results.length;
          while (nextToEmit < chunkCount && chunkDone[nextToEmit]) {
            const start = nextToEmit * chunkSize;
            onResults?.(start, results.slice(start, Math.min(start + chunkSize, queries.length)));
            nextToEmit++;
          }
          onProgress?.(done, queries.length);
          if (done === queries.length) return finish();
          dispatch(w);
        };
        const onError = (error: Error) => finish(error);
        const onExit = (code: number) => finish(new Error(`a screening worker stopped (exit code ${code})`));
        w.worker.on('message', onMessage);
        w.worker.on('error', onError);
        w.worker.on('exit', onExit);
        cleanups.push(() => {
          w.worker.off('message', onMessage);
          w.worker.off('error', onError);
          w.worker.off('exit', onExit);
        });
      }
      // Two chunks in flight per worker keep it busy while the main thread handles a result.
      for (let round = 0; round < 2; round++) for (const w of this.workers) dispatch(w);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
