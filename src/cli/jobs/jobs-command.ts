/**
 * `sentinela jobs status|results|cancel|list`: the distributed jobs in the store, as `screen
 * --nats --detach` submitted them — where one stands, its output in input order once done, and
 * cancelling one (workers skip its remaining chunks).
 */
import type { Command } from 'commander';
import { cliAction, ExitCode } from '../shared/cli-errors.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';
import { formatJobStatus } from './job-format.js';

interface JobsFlags {
  db?: string;
  nats?: string;
  json?: boolean;
  output?: string;
}

async function withStores<T>(
  db: string | undefined,
  use: (stores: import('../../core/index.js').Stores) => Promise<T>,
) {
  const { openStores } = await import('../../store/index.js');
  const stores = await openStores(db);
  try {
    return await use(stores);
  } finally {
    await stores.close();
  }
}

/** Adds `jobs` and its subcommands; `io` is swappable so tests run it in-process. */
export function register(program: Command, io: CommandIo = processIo()): void {
  const jobs = program
    .command('jobs')
    .description('distributed jobs (submitted with screen --nats): status, results, cancel, list');
  jobs
    .command('status')
    .description("a job's state, rows done, chunks pending/done/dead (with reasons), redeliveries")
    .argument('<job>', 'job id')
    .addOption(dbOption('the jobs'))
    .option('--nats <url>', "also fold in the queue's dead letters for the job (nats://HOST:4222)")
    .option('--json', 'print the status as JSON')
    .action(
      cliAction(async (id: string, flags: JobsFlags) => {
        const { jobStatus } = await import('../../services/job-status.js');
        const { openWorkQueue } = await import('../../queue/index.js');
        await withStores(flags.db, async (stores) => {
          const queue = flags.nats ? await openWorkQueue(flags.nats) : undefined;
          try {
            const status = await jobStatus(stores, id, queue);
            io.out(flags.json ? `${JSON.stringify(status)}\n` : formatJobStatus(status));
          } finally {
            await queue?.close();
          }
        });
      }),
    );

  jobs
    .command('results')
    .description("a job's output, one JSON line per input row in input order (to stdout or --output)")
    .argument('<job>', 'job id')
    .addOption(dbOption('the jobs'))
    .option('-o, --output <file>', 'write here (complete file or none) instead of stdout')
    .action(
      cliAction(async (id: string, flags: JobsFlags) => {
        const { writeJobResults } = await import('../../services/job-results.js');
        await withStores(flags.db, async (stores) => {
          const written = await writeJobResults(stores, id, flags.output ?? io.out);
          if (!written.complete) {
            io.err(
              `sentinela: job ${id}: ${written.rows} of ${written.rowsTotal} rows have results (see sentinela jobs status ${id})\n`,
            );
            io.setExitCode(ExitCode.usage);
          }
        });
      }),
    );

  jobs
    .command('cancel')
    .description('cancel a job: workers acknowledge its remaining chunks without running them')
    .argument('<job>', 'job id')
    .addOption(dbOption('the jobs'))
    .action(
      cliAction(async (id: string, flags: JobsFlags) => {
        const { cancelJob } = await import('../../services/job-status.js');
        await withStores(flags.db, async (stores) => {
          io.out(formatJobStatus(await cancelJob(stores, id)));
        });
      }),
    );

  jobs
    .command('list')
    .description('the newest jobs in the store')
    .addOption(dbOption('the jobs'))
    .option('--json', 'print as JSON')
    .action(
      cliAction(async (flags: JobsFlags) => {
        await withStores(flags.db, async (stores) => {
          const list = await stores.jobs.list();
          if (flags.json) io.out(`${JSON.stringify(list)}\n`);
          else if (list.length === 0) io.out(`No jobs in ${stores.location}.\n`);
          else
            for (const j of list) io.out(`${j.id}  ${j.kind}  ${j.rows} rows  ${j.createdAt}  ${j.input}\n`);
        });
      }),
    );
}
