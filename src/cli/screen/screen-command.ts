/**
 * `sentinela screen`: screens one name given on the command line, or a CSV / JSON-lines file with
 * `--input`, against the latest list versions in the store (or, with `--nats`, as a job for the
 * workers: jobs/screen-via-queue.ts). `screen review` and `screen reviews` are in
 * screen-review-command.ts.
 */
import type { Command } from 'commander';
import type { PartyQuery, Stores } from '../../core/index.js';
import { CliError, cliAction, ExitCode } from '../shared/cli-errors.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';
import { collect, parseCount, parseScore } from '../shared/option-parsers.js';
import { addQualifierOptions, type QualifierFlags, queryFromFlags } from './screen-query-flags.js';
import { registerScreenReview } from './screen-review-command.js';

interface ScreenFlags extends QualifierFlags {
  db?: string;
  threshold?: number;
  limit: number;
  json?: boolean;
  exhaustive?: boolean;
  list: string[];
  input?: string;
  output?: string;
  rejects?: string;
  workers?: number;
  store?: boolean;
  resume?: boolean;
  nats?: string;
  detach?: boolean;
  chunkRows?: number;
}

async function screenAction(name: string | undefined, flags: ScreenFlags, io: CommandIo): Promise<void> {
  if (!name && !flags.input)
    throw new CliError(
      'give a name to screen, or --input FILE (see sentinela screen --help)',
      ExitCode.inputRejected,
    );
  if (name && flags.input)
    throw new CliError('give either a name or --input FILE, not both', ExitCode.inputRejected);
  const query = name ? await queryFromFlags(name, flags) : undefined;
  if (flags.nats) {
    // The distributed path: the file goes to the workers as a job (src/cli/jobs/screen-via-queue.ts).
    if (!flags.input) throw new CliError('--nats screens a file: give --input FILE', ExitCode.inputRejected);
    if (flags.resume || flags.rejects || flags.workers !== undefined)
      throw new CliError(
        '--resume, --rejects and --workers are for one-process runs; with --nats a job is resumed by its workers',
        ExitCode.inputRejected,
      );
    const { screenViaQueue } = await import('../jobs/screen-via-queue.js');
    return screenViaQueue({ ...flags, input: flags.input, nats: flags.nats }, io);
  }
  if (flags.detach || flags.chunkRows !== undefined)
    throw new CliError(
      '--detach and --chunk-rows need --nats URL (the distributed path)',
      ExitCode.inputRejected,
    );
  const { openStores } = await import('../../store/index.js');
  const stores = await openStores(flags.db);
  try {
    if (query) await screenName(stores, query, flags, io);
    else {
      const { screenBatch } = await import('./screen-batch.js');
      await screenBatch(stores, { ...flags, input: flags.input! }, io);
    }
  } finally {
    await stores.close();
  }
}

/** One name: loads only what screening it needs (not the services barrel: the start-up is the cost). */
async function screenName(stores: Stores, query: PartyQuery, flags: ScreenFlags, io: CommandIo) {
  const { screenParty } = await import('../../services/screen-party.js');
  const { matchRecord } = await import('../../services/screening-match-record.js');
  const result = await screenParty(stores, query, {
    ...(flags.threshold !== undefined && { threshold: flags.threshold }),
    limit: flags.limit,
    exhaustive: Boolean(flags.exhaustive),
    lists: flags.list,
    // One-off look-ups stay out of the queue unless asked: --store files them about the name.
    ...(flags.store === true && { recordAlerts: { subject: query.name } }),
  });
  const { formatMatches, formatRecorded } = await import('./screen-format.js');
  if (flags.json)
    io.out(
      `${JSON.stringify({ query, threshold: result.threshold, matches: result.matches.map(matchRecord) })}\n`,
    );
  else io.out(formatMatches(query.name, result.matches, result.threshold));
  if (result.alerts) io.err(formatRecorded(stores.location, result.alerts));
}

/** Adds `screen` (and its `review`, `reviews`); `io` is swappable so tests run it in-process. */
export function register(program: Command, io: CommandIo = processIo()): void {
  const screen = addQualifierOptions(
    program
      .command('screen')
      .description('screen a name, or a file of parties, against the loaded watchlists')
      .argument('[name]', 'the name to screen')
      .addOption(dbOption('the lists, reviews and alerts')),
  )
    // Options after `review` belong to `review` (both take --db and the qualifier flags).
    .enablePositionalOptions()
    .option(
      '--threshold <score>',
      'score from which a result is a match (default: the matcher default)',
      parseScore,
    )
    .option('--limit <n>', 'at most this many matches per name', parseCount, 10)
    .option('--list <name>', 'screen only against this list (repeatable)', collect, [])
    .option('--exhaustive', 'score every alias instead of the index candidates (slow; checks the index)')
    .option('--json', 'machine-readable output')
    .option(
      '--input <file>',
      'CSV or JSON lines with columns id,name[,schema,birth_date,country,nationality,gender,id_number]',
    )
    .option('--output <file>', 'where batch results go as JSON lines (default: stdout)')
    .option('--rejects <file>', 'write rejected input rows here as JSON lines')
    .option('--resume', 'continue an interrupted --input run from its journal (<output>.journal)')
    .option(
      '--workers <n>',
      'worker threads for batch screening (default: one per free core, at least one; 0 = in-process)',
      parseCount,
    )
    .option('--store', 'file the matches as alerts in the queue (default for --input; off for one name)')
    .option('--no-store', 'do not file the matches of an --input batch as alerts')
    .option(
      '--nats <url>',
      'screen --input as a distributed job on workers via NATS JetStream (nats://HOST:4222)',
    )
    .option('--detach', 'with --nats: print the job id and return (sentinela jobs status|results JOB)')
    .option('--chunk-rows <n>', 'with --nats: rows per chunk (default 500)', parseCount)
    .action(cliAction((name: string | undefined, flags: ScreenFlags) => screenAction(name, flags, io)));

  registerScreenReview(screen, io);
}
