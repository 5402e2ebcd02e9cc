/**
 * `sentinela screen --input F --nats URL [--output O] [--detach]`: the distributed path of batch
 * screening. Submits the file as a job (chunks on the work queue, list versions pinned), then —
 * unless `--detach`, which prints the job id and returns — shows progress as workers finish
 * chunks and writes the output in input order once every chunk is done. Ctrl-C stops waiting,
 * never the job: the workers carry on and `sentinela jobs results JOB` writes it later.
 */
import { CliError, ExitCode } from '../shared/cli-errors.js';
import type { CommandIo } from '../shared/command-io.js';
import { formatJobStatus } from './job-format.js';

export interface ScreenViaQueueFlags {
  db?: string;
  nats: string;
  input: string;
  output?: string;
  threshold?: number;
  limit: number;
  exhaustive?: boolean;
  list: string[];
  store?: boolean;
  detach?: boolean;
  chunkRows?: number;
  json?: boolean;
}

/**
 * @example
 * await screenViaQueue({ input: 'customers.csv', output: 'matches.jsonl', nats: 'nats://127.0.0.1:4222', limit: 10, list: [] }, io);
 */
export async function screenViaQueue(flags: ScreenViaQueueFlags, io: CommandIo): Promise<void> {
  const { openStores } = await import('../../store/index.js');
  const { openWorkQueue } = await import('../../queue/index.js');
  const { submitScreenJob } = await import('../../services/job-submit.js');
  const { waitForJob } = await import('../../services/job-status.js');
  const { writeJobResults } = await import('../../services/job-results.js');
  const stores = await openStores(flags.db);
  try {
    const queue = await openWorkQueue(flags.nats);
    try {
      const started = performance.now();
      const { job, warnings } = await submitScreenJob(stores, queue, {
        input: flags.input,
        ...(flags.chunkRows !== undefined && { chunkRows: flags.chunkRows }),
        ...(flags.threshold !== undefined && { threshold: flags.threshold }),
        limit: flags.limit,
        exhaustive: Boolean(flags.exhaustive),
        lists: flags.list,
        recordAlerts: flags.store !== false,
      });
      for (const w of warnings) io.err(`sentinela: warning: ${w}\n`);
      if (flags.detach) {
        io.out(flags.json ? `${JSON.stringify({ job: job.id })}\n` : `${job.id}\n`);
        io.err(
          `sentinela: submitted ${job.rows} rows in ${job.chunks} chunks; follow with: sentinela jobs status ${job.id}\n`,
        );
        return;
      }
      io.err(`sentinela: job ${job.id}: ${job.rows} rows in ${job.chunks} chunks, waiting for workers\n`);
      let interrupted = false;
      const onSignal = () => {
        if (interrupted) process.exit(130);
        interrupted = true;
      };
      process.on('SIGINT', onSignal);
      let lastShown = -1;
      const tty = io.stderrIsTty && !flags.json;
      let status: Awaited<ReturnType<typeof waitForJob>>;
      try {
        status = await waitForJob(stores, queue, job.id, {
          shouldStop: () => interrupted,
          onProgress: (s) => {
            if (s.rowsDone === lastShown) return;
            lastShown = s.rowsDone;
            const line = `sentinela: ${s.rowsDone}/${job.rows} rows, ${s.chunks.done}/${s.chunks.total} chunks done${s.chunks.dead ? `, ${s.chunks.dead} dead` : ''}`;
            if (tty) io.err(`\r${line}`);
          },
        });
      } finally {
        process.off('SIGINT', onSignal);
        if (tty) io.err('\n');
      }
      if (status.state === 'running') {
        io.err(
          `sentinela: stopped waiting; job ${job.id} continues on the workers: sentinela jobs results ${job.id} --output FILE\n`,
        );
        io.setExitCode(130);
        return;
      }
      if (status.state !== 'done') {
        io.err(formatJobStatus(status));
        throw new CliError(
          `job ${job.id} ${status.state}: ${job.rows - status.rowsDone} of ${job.rows} rows have no result; the rows that do: sentinela jobs results ${job.id} --output FILE`,
          ExitCode.usage,
        );
      }
      const written = await writeJobResults(stores, job.id, flags.output ?? io.out);
      const seconds = (performance.now() - started) / 1000;
      const c = status.counts;
      const summary = {
        job: job.id,
        input: flags.input,
        rowsRead: job.rows,
        screened: c.screened ?? 0,
        rejected: c.rejected ?? 0,
        alerts: c.alerts ?? 0,
        chunks: job.chunks,
        redeliveries: status.redeliveries,
        seconds,
        namesPerSecond: seconds > 0 ? (c.screened ?? 0) / seconds : 0,
        written: written.rows,
      };
      io.err(
        `sentinela: job ${job.id}: ${summary.rowsRead} rows read, ${summary.screened} screened, ${summary.rejected} rejected, ${summary.alerts} with matches; ${job.chunks} chunks, ${status.redeliveries} redeliveries; ${seconds.toFixed(1)} s (${Math.round(summary.namesPerSecond)} names/s)\n`,
      );
      if (flags.json && flags.output) io.out(`${JSON.stringify(summary)}\n`);
    } finally {
      await queue.close();
    }
  } finally {
    await stores.close();
  }
}
