/**
 * Screen a file of parties: every row validated, the good ones screened on a pool of worker
 * threads (in-process for small files), one JSON line per input row in input order, rejects
 * written where asked and returned, never dropped — rows read = screened + rejected — and the
 * matches recorded as alerts in the queue.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import type { PartyQuery, Stores } from '../core/index.js';
import type { BatchRowResult } from '../screening/index.js';
import { type BatchReject, type BatchRow, readBatchInput } from './party-batch-file.js';
import { ScreenerCache } from './screener-cache.js';
import { screeningAlerts } from './screening-alerts.js';
import { screeningVersions } from './screening-lists.js';
import { matchRecord } from './screening-match-record.js';

export interface ScreenFileOptions {
  /** CSV or JSON lines with columns id,name[,schema,birth_date,country,nationality,gender,id_number]. */
  input: string;
  /** Where the result lines go; without it they are handed to `writeOutput`. */
  output?: string;
  writeOutput?: (text: string) => void;
  /** Also write the rejected rows here as JSON lines. */
  rejects?: string;
  /** Worker threads (default: one per core from 2,000 rows, else in-process; 0 = in-process). */
  workers?: number;
  threshold?: number;
  limit?: number;
  exhaustive?: boolean;
  /** Only these lists (default: every stored list). */
  lists?: readonly string[];
  /** Called with 0 at the start, then as rows are screened. */
  onProgress?: (done: number, total: number) => void;
  /** Record the rows' matches as alerts (subject: the row's id). */
  recordAlerts?: boolean;
}

export interface BatchSummary {
  input: string;
  rowsRead: number;
  screened: number;
  rejected: number;
  /** Rows with at least one match. */
  alerts: number;
  seconds: number;
  namesPerSecond: number;
  workers: number;
}

export interface ScreenFileResult {
  summary: BatchSummary;
  rejects: BatchReject[];
  /** What the input decoder noticed (encoding fallback, mixed line ends), for the door to show. */
  warnings: string[];
  /** Set when alerts were recorded: new ones and ones already in the queue from an earlier run. */
  recorded?: { inserted: number; unchanged: number };
}

/** Below this many rows, worker threads (each warming up its own code and caches) cost more than they save. */
const minRowsForWorkers = 2000;

/**
 * @example
 * const { summary } = await screenFile(stores, { input: 'customers.csv', output: 'matches.jsonl', recordAlerts: true });
 */
export async function screenFile(stores: Stores, options: ScreenFileOptions): Promise<ScreenFileResult> {
  const screening = await import('../screening/index.js');
  const threshold = options.threshold ?? screening.DEFAULT_THRESHOLD;
  // Say there is nothing to screen against before reading the file.
  await screeningVersions(stores, options.lists);
  const started = performance.now();
  const createdAt = new Date().toISOString();
  const input = readBatchInput(options.input);
  const rows: BatchRow[] = input.rows;
  const queries: PartyQuery[] = [];
  for (const row of rows) if ('query' in row) queries.push(row.query);
  const { results, workers } = await screenQueries(stores, queries, { ...options, threshold });

  const outputLines: string[] = [];
  const rejects: BatchReject[] = [];
  const alerts = [];
  let rowsWithMatches = 0;
  let q = 0;
  for (const row of rows) {
    if ('reject' in row) {
      rejects.push(row.reject);
      outputLines.push(
        `${JSON.stringify({ id: row.reject.id ?? null, line: row.line, rejected: row.reject, matches: [] })}\n`,
      );
      continue;
    }
    const result = results[q++]!;
    if ('error' in result) {
      const reject = {
        line: row.line,
        id: row.query.id,
        field: 'row',
        reason: `screening failed: ${result.error}`,
      };
      rejects.push(reject);
      outputLines.push(
        `${JSON.stringify({ id: row.query.id, line: row.line, rejected: reject, matches: [] })}\n`,
      );
      continue;
    }
    if (result.matches.some((m) => m.match)) rowsWithMatches++;
    if (options.recordAlerts)
      alerts.push(
        ...screeningAlerts(row.query, result.matches, { threshold, createdAt, input: options.input }),
      );
    outputLines.push(`${JSON.stringify({ id: row.query.id, matches: result.matches.map(matchRecord) })}\n`);
  }
  await writeLines(options.output, outputLines, options.writeOutput);
  if (options.rejects) writeFileSync(options.rejects, rejects.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const recorded = options.recordAlerts ? await stores.alerts.append(alerts) : undefined;

  const seconds = (performance.now() - started) / 1000;
  const screened = queries.length - rejects.filter((r) => r.reason.startsWith('screening failed')).length;
  return {
    summary: {
      input: options.input,
      rowsRead: rows.length,
      screened,
      rejected: rejects.length,
      alerts: rowsWithMatches,
      seconds,
      namesPerSecond: seconds > 0 ? screened / seconds : 0,
      workers,
    },
    rejects,
    warnings: input.warnings,
    ...(recorded && { recorded }),
  };
}

async function screenQueries(
  stores: Stores,
  queries: PartyQuery[],
  options: ScreenFileOptions & { threshold: number },
): Promise<{ results: BatchRowResult[]; workers: number }> {
  const screening = await import('../screening/index.js');
  const screenOptions = {
    threshold: options.threshold,
    limit: options.limit ?? 10,
    exhaustive: options.exhaustive === true,
  };
  const progress = options.onProgress;
  const workers = options.workers ?? (queries.length >= minRowsForWorkers ? undefined : 0);
  const loaded = await new ScreenerCache(stores).current(options.lists);
  if (workers === 0) {
    const { screener } = loaded;
    progress?.(0, queries.length);
    const results: BatchRowResult[] = [];
    const cache = new screening.ScreenedRowCache();
    for (let i = 0; i < queries.length; i += 500) {
      results.push(...screening.screenRows(screener, queries.slice(i, i + 500), screenOptions, cache));
      progress?.(results.length, queries.length);
    }
    return { results, workers: 0 };
  }
  // Workers open the shared snapshot (nothing to prepare); on an in-memory store each builds its index.
  const pool = await screening.BatchScreeningPool.start(loaded.source, {
    ...(workers === undefined ? {} : { workers }),
    screener: { reviews: loaded.reviews },
  });
  try {
    progress?.(0, queries.length);
    const results = await pool.screenAll(queries, {
      ...screenOptions,
      onProgress: (done) => progress?.(done, queries.length),
    });
    return { results, workers: pool.size };
  } finally {
    await pool.close();
  }
}

/** The result lines to `path`, or to `write` when no path is given. */
function writeLines(
  path: string | undefined,
  lines: string[],
  write?: (text: string) => void,
): Promise<void> {
  if (!path) {
    write?.(lines.join(''));
    return Promise.resolve();
  }
  if (lines.length === 0) {
    writeFileSync(path, '');
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.on('finish', () => resolve());
    for (let i = 0; i < lines.length; i += 1000) out.write(lines.slice(i, i + 1000).join(''));
    out.end();
  });
}
