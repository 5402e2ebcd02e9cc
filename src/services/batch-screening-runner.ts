/**
 * Which screener runs a batch file: in-process, or a worker pool started once — early, while the
 * input is still being read, when the file's line count says it will be wanted.
 */
import { readFileSync } from 'node:fs';
import type { CoreUsageSample } from '../core/free-cores.js';
import type { PartyQuery, Stores } from '../core/index.js';
import type { BatchRowResult } from '../screening/index.js';
import { ScreenerCache } from './screener-cache.js';

/** Below this many rows, worker threads (each warming up its own code and caches) cost more than they save. */
const minRowsForWorkers = 2000;

/** What `startRunner` needs of a batch run's options. */
export interface BatchRunnerOptions {
  input: string;
  threshold: number;
  /** Worker threads (default: one per free core from 2,000 rows, else in-process; 0 = in-process). */
  workers?: number;
  limit?: number;
  exhaustive?: boolean;
  lists?: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

/** The screener a batch run hands its chunks to. */
export interface Runner {
  screen(queries: PartyQuery[]): Promise<BatchRowResult[]>;
  workers: number;
  close(): Promise<void>;
}

/** The input's lines (an upper bound of its rows but for a one-line JSON array): enough to start workers early. */
function lineCount(path: string): number {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return 0;
  }
  let lines = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines++;
  return lines;
}

/**
 * The screener for the whole run, in-process or a worker pool started once. The pool is started
 * before the input is read when the file's lines say it will be wanted, so worker start-up and
 * reading overlap; the rows the decoder read decide (a pool started for a file with fewer rows
 * than lines is closed, one not started for a long one-line JSON array is started then). `total`
 * is what progress is reported against: the rows read, then the valid rows once all are validated.
 */
export async function startRunner(
  stores: Stores,
  options: BatchRunnerOptions,
  cores: CoreUsageSample,
): Promise<{ runner(total: { rows: number }): Promise<Runner>; abandon(): Promise<void> }> {
  const screening = await import('../screening/index.js');
  const screenOptions = {
    threshold: options.threshold,
    limit: options.limit ?? 10,
    exhaustive: options.exhaustive === true,
  };
  const loaded = await new ScreenerCache(stores).current(options.lists);
  const wanted = (rows: number) => options.workers ?? (rows >= minRowsForWorkers ? undefined : 0);
  // Worker threads are created when the pool starts: the core count is decided before (a wait
  // for a timer while this thread reads the file would start them only after it).
  const busyCores = options.workers === undefined ? await cores.othersBusyCores() : undefined;
  const startPool = () =>
    // Workers open the shared snapshot (nothing to prepare); on an in-memory store each builds its index.
    screening.BatchScreeningPool.start(loaded.source, {
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(busyCores === undefined ? {} : { busyCores }),
      screener: { reviews: loaded.reviews },
    });
  let early =
    wanted(options.workers === undefined ? lineCount(options.input) - 1 : 0) === 0 ? undefined : startPool();
  // A start-up failure is reported when the pool is used (or dropped with it).
  early?.catch(() => undefined);
  const abandon = async () => {
    const pool = await early?.catch(() => undefined);
    early = undefined;
    await pool?.close();
  };
  return {
    abandon,
    runner: async (total) => {
      const progress = options.onProgress;
      let done = 0;
      if (wanted(total.rows) === 0) {
        await abandon();
        const { screener } = loaded;
        const cache = new screening.ScreenedRowCache();
        return {
          workers: 0,
          screen: async (queries) => {
            const results: BatchRowResult[] = [];
            for (let i = 0; i < queries.length; i += 500) {
              results.push(
                ...screening.screenRows(screener, queries.slice(i, i + 500), screenOptions, cache),
              );
              done += Math.min(500, queries.length - i);
              progress?.(done, total.rows);
              // Let a SIGINT handler run between slices.
              await new Promise((r) => setImmediate(r));
            }
            return results;
          },
          close: async () => {},
        };
      }
      const pool = await (early ?? startPool());
      return {
        workers: pool.size,
        // Chunks are screened side by side (screened ahead): progress adds what each has done.
        screen: (queries) => {
          let counted = 0;
          return pool.screenAll(queries, {
            ...screenOptions,
            onProgress: (n) => {
              done += n - counted;
              counted = n;
              progress?.(done, total.rows);
            },
          });
        },
        close: () => pool.close(),
      };
    },
  };
}
