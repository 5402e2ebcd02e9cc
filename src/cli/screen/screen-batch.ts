/**
 * `sentinela screen --input FILE` in this process: runs the batch service, draws progress on a
 * terminal, turns Ctrl-C or SIGTERM into a clean stop that `--resume` continues, and reports the
 * rejected rows and the counts. Loaded only for a file, so `screen "NAME"` never pays for it.
 */
import type { Stores } from '../../core/index.js';
import { CliError, ExitCode } from '../shared/cli-errors.js';
import type { CommandIo } from '../shared/command-io.js';
import { terminalProgressBar } from '../shared/progress-bar.js';
import { formatRecorded, formatSummary } from './screen-format.js';

export interface ScreenBatchFlags {
  input: string;
  output?: string;
  rejects?: string;
  workers?: number;
  threshold?: number;
  limit: number;
  exhaustive?: boolean;
  list: string[];
  json?: boolean;
  store?: boolean;
  resume?: boolean;
}

/** Rejected rows named one by one on stderr; the rest are counted (and all are in --rejects). */
const rejectsShown = 20;

/** Progress for batches of 1,000 rows or more, on a terminal (cli/shared/progress-bar.ts). */
async function batchProgress(io: CommandIo, json: boolean) {
  const bar = await terminalProgressBar(io, {
    json,
    format: 'screening [{bar}] {percentage}% | {value}/{total} names | {eta}s left',
  });
  if (!bar) return undefined;
  let started = false;
  return {
    update(done: number, total: number) {
      if (total < 1000) return;
      if (started) bar.update(done);
      else {
        bar.start(total, done);
        started = true;
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/**
 * @example
 * await screenBatch(stores, { input: 'customers.csv', output: 'matches.jsonl', limit: 10, list: [] }, io);
 */
export async function screenBatch(stores: Stores, flags: ScreenBatchFlags, io: CommandIo): Promise<void> {
  if (flags.resume && !flags.output) throw new CliError('--resume needs the --output of the interrupted run');
  // The one service it uses, not the services barrel, which loads every engine (and zod) first.
  const services = await import('../../services/screen-file.js');
  const bar = await batchProgress(io, Boolean(flags.json));
  let result: Awaited<ReturnType<typeof services.screenFile>>;
  // Ctrl-C or a scheduler's SIGTERM stops after the current chunk, keeping what is done for --resume.
  let stopSignal: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stopSignal) process.exit(signal === 'SIGINT' ? 130 : 143);
    stopSignal = signal;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    result = await services.screenFile(stores, {
      input: flags.input,
      ...(flags.output ? { output: flags.output } : { writeOutput: io.out }),
      ...(flags.rejects ? { rejects: flags.rejects } : {}),
      ...(flags.workers === undefined ? {} : { workers: flags.workers }),
      ...(flags.threshold !== undefined && { threshold: flags.threshold }),
      limit: flags.limit,
      exhaustive: Boolean(flags.exhaustive),
      lists: flags.list,
      ...(bar && { onProgress: bar.update }),
      // A file of customers is the compliance run whose hits an analyst must work: filed by default.
      recordAlerts: flags.store !== false,
      resume: flags.resume === true,
      shouldStop: () => stopSignal !== undefined,
    });
  } finally {
    bar?.stop();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  if (result.interrupted) {
    const { rowsDone, rowsTotal } = result.interrupted;
    io.err(
      `sentinela: stopped by ${stopSignal} after ${rowsDone} of ${rowsTotal} rows; nothing is lost: run the same command with --resume to continue\n`,
    );
    io.setExitCode(stopSignal === 'SIGTERM' ? 143 : 130);
    return;
  }
  const { rejects, summary } = result;
  for (const w of result.warnings) io.err(`sentinela: warning: ${w}\n`);
  for (const r of rejects.slice(0, rejectsShown)) {
    io.err(`sentinela: rejected ${flags.input}:${r.line}: field "${r.field}": ${r.reason}\n`);
  }
  if (rejects.length > rejectsShown) {
    io.err(
      `sentinela: … and ${rejects.length - rejectsShown} more rejected rows${flags.rejects ? ` (all in ${flags.rejects})` : ''}\n`,
    );
  }
  io.err(`sentinela: ${formatSummary(summary)}`);
  if (result.recorded) io.err(formatRecorded(stores.location, result.recorded));
  if (flags.json && flags.output) io.out(`${JSON.stringify(summary)}\n`);
  if (summary.rowsRead > 0 && summary.rejected === summary.rowsRead) {
    io.err(`sentinela: every one of the ${summary.rowsRead} rows was rejected; nothing screened\n`);
    io.setExitCode(ExitCode.inputRejected);
  }
}
