/**
 * Screen a file of parties: every row validated, the good ones screened on a pool of worker
 * threads (in-process for small files), one JSON line per input row in input order, rejects
 * written where asked and returned, never dropped — rows read = screened + rejected — and the
 * matches recorded as alerts in the queue.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
// The defining file, not the core barrel (whose schemas load zod): a batch's start-up counts.
import { CoreUsageSample } from '../core/free-cores.js';
import type { PartyQuery, RowReject, Stores } from '../core/index.js';
import type { BatchRowResult } from '../screening/index.js';
import { type BatchCounts, BatchOutputJournal } from './batch-output-journal.js';
import { startRunner } from './batch-screening-runner.js';
import type { BatchRow } from './party-batch-file.js';
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
  /** Worker threads (default: one per free core from 2,000 rows, else in-process; 0 = in-process). */
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
  /** Continue an interrupted run from its journal (`<output>.journal`); needs `output`. */
  resume?: boolean;
  /** Checked between chunks: true stops cleanly, keeping the partial file and journal for `resume`. */
  shouldStop?: () => boolean;
  /** Rows per journaled chunk (default 2,000). */
  chunkRows?: number;
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
  rejects: RowReject[];
  /** What the input decoder noticed (encoding fallback, mixed line ends), for the door to show. */
  warnings: string[];
  /** Set when the run was stopped (shouldStop) before the end: resume it with `resume`. */
  interrupted?: { rowsDone: number; rowsTotal: number };
  /** Set when alerts were recorded: new ones and ones already in the queue from an earlier run. */
  recorded?: { inserted: number; unchanged: number };
}

/** Chunks given to the workers beyond the one being written. */
const chunksAhead = 1;
/** Rows validated between two looks at the workers' messages (about 10 ms). */
const validateSlice = 2000;

/**
 * @example
 * const { summary } = await screenFile(stores, { input: 'customers.csv', output: 'matches.jsonl', recordAlerts: true });
 */
export async function screenFile(stores: Stores, options: ScreenFileOptions): Promise<ScreenFileResult> {
  const screening = await import('../screening/index.js');
  // How busy the cores are is measured over the time spent opening the screener (see startRunner).
  const cores = CoreUsageSample.start();
  const threshold = options.threshold ?? screening.DEFAULT_THRESHOLD;
  // The output path is checked (and its partial file opened) before any work.
  const journal = options.output
    ? await BatchOutputJournal.open(options.output, options.input, fileSha256(options.input), {
        resume: options.resume === true,
      })
    : undefined;
  try {
    // Say there is nothing to screen against before reading the file.
    await screeningVersions(stores, options.lists);
    const started = performance.now();
    const createdAt = new Date().toISOString();
    // The workers start (each opening the snapshot) while this thread reads the file.
    const starting = await startRunner(stores, { ...options, threshold }, cores);
    // Loaded once the workers are on their way: the input readers and the alert rules (with zod,
    // about 0.3 s of this thread's CPU) would otherwise delay their start.
    const loading = Promise.all([import('./party-batch-file.js'), import('./screening-alerts.js')]);
    let input: ReturnType<typeof import('./party-batch-file.js').readBatchRecords>;
    let batchRowOf: typeof import('./party-batch-file.js').batchRowOf;
    let screeningAlerts: typeof import('./screening-alerts.js').screeningAlerts;
    try {
      const [batchFile, alerts] = await loading;
      ({ batchRowOf } = batchFile);
      ({ screeningAlerts } = alerts);
      input = batchFile.readBatchRecords(options.input);
    } catch (error) {
      await starting.abandon();
      throw error;
    }
    // Rows are validated as they are needed: the first chunks go to the workers before the rest
    // of the file is validated, which this thread then does while they screen.
    const records = input.records;
    const rows: BatchRow[] = new Array(records.length);
    let validated = 0;
    const validateTo = (end: number) => {
      for (const last = Math.min(end, records.length); validated < last; validated++)
        rows[validated] = batchRowOf(records[validated]!);
    };
    // Worker or not is decided on the rows the decoder kept (the valid ones are not known yet).
    const total = { rows: records.filter((r) => !('reject' in r)).length };
    const runner = await starting.runner(total);
    const skip = journal?.resumedRows ?? 0;
    const counts: BatchCounts = journal
      ? { ...journal.resumedCounts }
      : { screened: 0, rejected: 0, alerts: 0 };
    const rejects: RowReject[] = [];
    const recorded = { inserted: 0, unchanged: 0 };
    const chunkRows = options.chunkRows ?? 2000;
    const stdoutLines: string[] = [];
    let done = skip;
    let interrupted = false;
    const queriesAt = (at: number): PartyQuery[] => {
      const queries: PartyQuery[] = [];
      for (let r = at; r < Math.min(at + chunkRows, rows.length); r++) {
        const row = rows[r]!;
        if ('query' in row) queries.push(row.query);
      }
      return queries;
    };
    // With worker threads, the next chunks are already with the workers while this thread writes
    // the last one (its lines, alerts and journal): they neither wait for the writing nor, at the
    // end of a chunk, for the slowest worker's last rows.
    const pending = new Map<number, Promise<BatchRowResult[]>>();
    const screenAhead = (at: number) => {
      for (let k = 0; k <= (runner.workers > 0 ? chunksAhead : 0); k++) {
        const from = at + k * chunkRows;
        if (from >= rows.length || pending.has(from)) continue;
        const screened = runner.screen(queriesAt(from));
        // Awaited in its turn (which throws its error); until then its failure is not unhandled.
        screened.catch(() => undefined);
        pending.set(from, screened);
      }
    };
    try {
      options.onProgress?.(0, total.rows);
      validateTo(skip + (runner.workers > 0 ? 1 + chunksAhead : 1) * chunkRows);
      screenAhead(skip);
      // The rest in slices, so the workers' results are taken (and their next rows sent) meanwhile.
      while (validated < records.length) {
        validateTo(validated + validateSlice);
        await new Promise((r) => setImmediate(r));
      }
      total.rows = rows.filter((r) => 'query' in r).length;
      for (let at = skip; at < rows.length; at += chunkRows) {
        if (options.shouldStop?.()) {
          interrupted = true;
          break;
        }
        const chunk = rows.slice(at, at + chunkRows);
        screenAhead(at);
        const results = await pending.get(at)!;
        pending.delete(at);
        if (!options.shouldStop?.()) screenAhead(at + chunkRows);
        const lines: string[] = [];
        const alerts = [];
        let q = 0;
        for (const row of chunk) {
          if ('reject' in row) {
            rejects.push(row.reject);
            counts.rejected++;
            lines.push(
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
            counts.rejected++;
            lines.push(
              `${JSON.stringify({ id: row.query.id, line: row.line, rejected: reject, matches: [] })}\n`,
            );
            continue;
          }
          counts.screened++;
          if (result.matches.some((m) => m.match)) counts.alerts++;
          if (options.recordAlerts)
            alerts.push(
              ...screeningAlerts(row.query, result.matches, { threshold, createdAt, input: options.input }),
            );
          lines.push(`${JSON.stringify({ id: row.query.id, matches: result.matches.map(matchRecord) })}\n`);
        }
        if (options.recordAlerts && alerts.length > 0) {
          const r = await stores.alerts.append(alerts);
          recorded.inserted += r.inserted;
          recorded.unchanged += r.unchanged;
        }
        done = at + chunk.length;
        if (journal) await journal.append(lines.join(''), done, counts);
        else stdoutLines.push(...lines);
      }
    } finally {
      // Chunks screened ahead and not written (stopped or failed) are screened again on resume.
      for (const ahead of pending.values()) ahead.catch(() => undefined);
      await runner.close();
    }
    if (interrupted) {
      journal?.close();
      return {
        summary: summaryOf(options.input, rows.length, counts, started, runner.workers),
        rejects,
        warnings: input.warnings,
        interrupted: { rowsDone: done, rowsTotal: rows.length },
      };
    }
    if (journal) {
      journal.commit();
      // Rejects of a resumed run's earlier part are in the output: the rejects file is rebuilt from it.
      if (options.rejects)
        writeFileSync(
          options.rejects,
          rejectsFromOutput(journal.output)
            .map((r) => `${JSON.stringify(r)}\n`)
            .join(''),
        );
    } else {
      await writeLines(undefined, stdoutLines, options.writeOutput);
      if (options.rejects)
        writeFileSync(options.rejects, rejects.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
    return {
      summary: summaryOf(options.input, rows.length, counts, started, runner.workers),
      rejects: journal && skip > 0 ? rejectsFromOutput(journal.output) : rejects,
      warnings: input.warnings,
      ...(options.recordAlerts && { recorded }),
    };
  } catch (error) {
    journal?.close();
    throw error;
  }
}

function summaryOf(
  input: string,
  rowsRead: number,
  counts: BatchCounts,
  started: number,
  workers: number,
): BatchSummary {
  const seconds = (performance.now() - started) / 1000;
  return {
    input,
    rowsRead,
    screened: counts.screened,
    rejected: counts.rejected,
    alerts: counts.alerts,
    seconds,
    namesPerSecond: seconds > 0 ? counts.screened / seconds : 0,
    workers,
  };
}

function fileSha256(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return '';
  }
}

function rejectsFromOutput(path: string): RowReject[] {
  const out: RowReject[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.includes('"rejected"')) continue;
    const parsed = JSON.parse(line) as { rejected?: RowReject };
    if (parsed.rejected) out.push(parsed.rejected);
  }
  return out;
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
