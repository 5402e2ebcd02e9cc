/**
 * `sentinela screen --input FILE`: validates every row, screens the good ones on a pool of worker
 * threads, and writes one JSON line per input row in input order; rejects go to stderr and
 * `--rejects`, and a summary (read = screened + rejected) closes the run.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import type { PartyQuery, ReviewedFalsePositive } from '../core/index.js';
import type { BatchRowResult, ScreeningList } from '../screening/index.js';
import { type BatchReject, type BatchRow, readBatchFile } from './screen-batch-input.js';
import { matchRecord } from './screen-format.js';

export interface BatchRunOptions {
  input: string;
  output?: string;
  rejects?: string;
  workers?: number;
  threshold: number;
  limit: number;
  exhaustive: boolean;
  json: boolean;
  reviews: ReviewedFalsePositive[];
}

export interface BatchSummary {
  input: string;
  rowsRead: number;
  screened: number;
  rejected: number;
  alerts: number;
  seconds: number;
  namesPerSecond: number;
  workers: number;
}

/** Below this many rows, starting worker threads (each builds its own index) costs more than it saves. */
const minRowsForWorkers = 2000;

function progressWanted(json: boolean): boolean {
  return Boolean(process.stderr.isTTY) && !json && !process.env.NO_COLOR;
}

async function screenQueries(
  lists: ScreeningList[],
  queries: PartyQuery[],
  options: BatchRunOptions,
): Promise<{ results: BatchRowResult[]; workers: number }> {
  const screening = await import('../screening/index.js');
  const screenOptions = {
    threshold: options.threshold,
    limit: options.limit,
    exhaustive: options.exhaustive,
  };
  const workers = options.workers ?? (queries.length >= minRowsForWorkers ? undefined : 0);
  let bar:
    | { start(total: number, value: number): void; update(value: number): void; stop(): void }
    | undefined;
  if (progressWanted(options.json) && queries.length >= 1000) {
    const { default: progress } = await import('cli-progress');
    bar = new progress.SingleBar(
      {
        stream: process.stderr,
        format: 'screening [{bar}] {percentage}% | {value}/{total} names | {eta}s left',
      },
      progress.Presets.shades_classic,
    );
  }
  if (workers === 0) {
    const screener = screening.createScreener(lists, { reviews: options.reviews });
    bar?.start(queries.length, 0);
    const results: BatchRowResult[] = [];
    const cache = new screening.ScreenedRowCache();
    for (let i = 0; i < queries.length; i += 500) {
      results.push(...screening.screenRows(screener, queries.slice(i, i + 500), screenOptions, cache));
      bar?.update(results.length);
    }
    bar?.stop();
    return { results, workers: 0 };
  }
  const pool = await screening.BatchScreeningPool.start(lists, {
    ...(workers === undefined ? {} : { workers }),
    screener: { reviews: options.reviews },
  });
  try {
    bar?.start(queries.length, 0);
    const results = await pool.screenAll(queries, {
      ...screenOptions,
      onProgress: (done) => bar?.update(done),
    });
    return { results, workers: pool.size };
  } finally {
    bar?.stop();
    await pool.close();
  }
}

function writeLines(path: string | undefined, lines: string[]): Promise<void> {
  if (!path) {
    process.stdout.write(lines.join(''));
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

export async function runBatchScreening(
  lists: ScreeningList[],
  options: BatchRunOptions,
): Promise<BatchSummary> {
  const started = performance.now();
  const rows: BatchRow[] = readBatchFile(options.input);
  const queries: PartyQuery[] = [];
  for (const row of rows) if ('query' in row) queries.push(row.query);
  const { results, workers } = await screenQueries(lists, queries, options);

  const outputLines: string[] = [];
  const rejects: BatchReject[] = [];
  let alerts = 0;
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
    if (result.matches.some((m) => m.match)) alerts++;
    outputLines.push(`${JSON.stringify({ id: row.query.id, matches: result.matches.map(matchRecord) })}\n`);
  }
  await writeLines(options.output, outputLines);

  const shown = 20;
  for (const r of rejects.slice(0, shown)) {
    process.stderr.write(`sentinela: rejected ${options.input}:${r.line}: field "${r.field}": ${r.reason}\n`);
  }
  if (rejects.length > shown) {
    process.stderr.write(
      `sentinela: … and ${rejects.length - shown} more rejected rows${options.rejects ? ` (all in ${options.rejects})` : ''}\n`,
    );
  }
  if (options.rejects) writeFileSync(options.rejects, rejects.map((r) => `${JSON.stringify(r)}\n`).join(''));

  const seconds = (performance.now() - started) / 1000;
  const screened = queries.length - rejects.filter((r) => r.reason.startsWith('screening failed')).length;
  return {
    input: options.input,
    rowsRead: rows.length,
    screened,
    rejected: rejects.length,
    alerts,
    seconds,
    namesPerSecond: seconds > 0 ? screened / seconds : 0,
    workers,
  };
}

export function formatSummary(s: BatchSummary): string {
  return (
    `rows read ${s.rowsRead}, screened ${s.screened}, rejected ${s.rejected}, alerts ${s.alerts} ` +
    `(rows with at least one match), ${s.seconds.toFixed(2)} s, ${Math.round(s.namesPerSecond)} names/s` +
    ` (${s.workers === 0 ? 'in-process' : `${s.workers} workers`})\n`
  );
}
