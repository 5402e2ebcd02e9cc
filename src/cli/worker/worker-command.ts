/**
 * `sentinela worker --db URL --nats nats://HOST:4222 [--concurrency N] [--metrics-port P]`: one
 * member of the distributed tier. Pulls chunks of the jobs `screen --nats` submits, runs them with
 * the same screening as the CLI against each job's pinned list versions, stores the results and
 * only then acknowledges. SIGTERM or Ctrl-C drains (the chunks in hand finish, nothing new is
 * pulled); a second signal exits at once, and the unacknowledged chunks go to other workers.
 */
import type { Command } from 'commander';
import { cliAction } from '../shared/cli-errors.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';
import { parseCount } from '../shared/option-parsers.js';

interface WorkerFlags {
  db?: string;
  nats: string;
  concurrency: number;
  metricsPort?: number;
  metricsHost: string;
  ackWait?: number;
  maxDeliver?: number;
  quiet?: boolean;
}

/** Adds `worker`; `io` is swappable so tests run it in-process. */
export function register(program: Command, io: CommandIo = processIo()): void {
  program
    .command('worker')
    .description('run chunks of distributed jobs from NATS JetStream (see screen --nats)')
    .addOption(dbOption('the jobs'))
    .requiredOption('--nats <url>', 'NATS server, nats://HOST:4222 (add ?prefix=NAME for a separate queue)')
    .option('--concurrency <n>', 'chunks worked on at once (default 1)', parseCount, 1)
    .option('--metrics-port <port>', 'serve /metrics (Prometheus text) on this port', parseCount)
    .option('--metrics-host <host>', 'address for /metrics', '127.0.0.1')
    .option(
      '--ack-wait <seconds>',
      'seconds a chunk may run before it is redelivered (default 60)',
      parseCount,
    )
    .option('--max-deliver <n>', 'deliveries before a failing chunk is dead-lettered (default 5)', parseCount)
    .option('-q, --quiet', 'print only failures')
    .action(cliAction((flags: WorkerFlags) => workerAction(flags, io)));
}

async function workerAction(flags: WorkerFlags, io: CommandIo): Promise<void> {
  const { openStores } = await import('../../store/index.js');
  const { openWorkQueue } = await import('../../queue/index.js');
  const { JobWorker } = await import('../../services/job-worker.js');
  const say = (line: string) => io.err(`sentinela worker: ${line}\n`);
  const stores = await openStores(flags.db);
  let worker: InstanceType<typeof JobWorker> | undefined;
  const queue = await openWorkQueue(flags.nats, {
    ...(flags.ackWait !== undefined && { ackWaitMs: flags.ackWait * 1000 }),
    ...(flags.maxDeliver !== undefined && { maxDeliver: flags.maxDeliver }),
    onDeadLetter: (letter) => worker?.deadLettered(letter) ?? Promise.resolve(),
  });
  worker = new JobWorker(stores, queue, { concurrency: flags.concurrency, log: say });
  const w = worker;
  const { startMetricsServer } = await import('./metrics-server.js');
  const { workerMetrics } = await import('./worker-metrics.js');
  const server =
    flags.metricsPort === undefined
      ? undefined
      : await startMetricsServer(flags.metricsPort, flags.metricsHost, async () =>
          workerMetrics(
            w.counters,
            // An unreachable queue still lets the worker's own counters be scraped.
            await queue.backlog().catch(() => ({ pending: Number.NaN, inFlight: Number.NaN })),
          ),
        );
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
    say(`${signal}: draining — finishing ${w.counters.inFlight} chunk(s) in hand, pulling no more`);
    w.stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  if (!flags.quiet)
    say(
      `pulling from ${flags.nats.replace(/\/\/[^@/]*@/, '//')} into ${stores.location} (concurrency ${flags.concurrency}${server ? `, /metrics on ${flags.metricsHost}:${flags.metricsPort}` : ''})`,
    );
  try {
    await w.run();
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    server?.close();
    await queue.close().catch(() => undefined);
    await stores.close();
  }
  const c = w.counters;
  if (!flags.quiet)
    say(
      `stopped: ${c.chunksDone} chunks (${c.rowsDone} rows) done, ${c.chunksSkipped} skipped, ${c.redeliveries} redeliveries, ${c.deadLetters} dead letters`,
    );
}
