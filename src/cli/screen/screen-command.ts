/**
 * `sentinela screen`: screens one name given on the command line, or a CSV / JSON-lines file with
 * `--input`, against the latest list versions in the store; `screen review` records an analyst's
 * decision that a match is a false positive, and `screen reviews` lists those decisions.
 */
import { type Command, Option } from 'commander';
import type { PartyQuery } from '../../core/index.js';
import { checkPartyQuery } from '../../core/party-query-check.js';
import { CliError, cliAction } from '../shared/cli-errors.js';
import { collect, parseCount, parseScore } from '../shared/option-parsers.js';

interface ScreenFlags {
  db?: string;
  schema?: string;
  birthDate?: string;
  country?: string;
  nationality?: string;
  gender?: string;
  idNumber?: string;
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

/**
 * The query built from the command-line name and qualifier flags, validated like a batch row (by
 * the schema's rules without zod; zod is loaded only to word a refusal).
 */
async function queryFromFlags(name: string, flags: ScreenFlags): Promise<PartyQuery> {
  const candidate = {
    id: 'cli',
    name,
    schema: flags.schema,
    birthDate: flags.birthDate,
    country: flags.country,
    nationality: flags.nationality,
    gender: flags.gender?.toLowerCase(),
    idNumber: flags.idNumber,
  };
  const checked = checkPartyQuery(candidate);
  if (checked) return checked;
  const { PartyQuerySchema } = await import('../../core/party-query.js');
  const parsed = PartyQuerySchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const flag = String(issue.path[0] ?? 'name').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  throw new CliError(`--${flag}: ${issue.message}`, 2);
}

function addQualifierOptions(command: Command): Command {
  return command
    .option('--schema <schema>', 'Person, Organization, Company, LegalEntity, Vessel or Aircraft')
    .option('--birth-date <date>', 'date of birth: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--country <country>', 'country of residence or registration')
    .option('--nationality <nationality>', 'nationality')
    .addOption(new Option('--gender <gender>', 'gender').choices(['male', 'female']))
    .option('--id-number <id>', 'passport, tax id, R.F.C., C.U.R.P., IMO…');
}

async function openStores(dbFlag: string | undefined) {
  const { openStores } = await import('../../store/index.js');
  return openStores(dbFlag);
}

/** A progress bar on stderr for long batches, only on a terminal, never with --json or NO_COLOR. */
async function progressBar(json: boolean) {
  if (!process.stderr.isTTY || json || process.env.NO_COLOR) return undefined;
  const { default: progress } = await import('cli-progress');
  let bar: InstanceType<typeof progress.SingleBar> | undefined;
  return {
    update(done: number, total: number) {
      if (total < 1000) return;
      if (!bar) {
        bar = new progress.SingleBar(
          {
            stream: process.stderr,
            format: 'screening [{bar}] {percentage}% | {value}/{total} names | {eta}s left',
          },
          progress.Presets.shades_classic,
        );
        bar.start(total, done);
      } else bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

async function screenAction(name: string | undefined, flags: ScreenFlags): Promise<void> {
  if (!name && !flags.input)
    throw new CliError('give a name to screen, or --input FILE (see sentinela screen --help)', 2);
  if (name && flags.input) throw new CliError('give either a name or --input FILE, not both', 2);
  const query = name ? await queryFromFlags(name, flags) : undefined;
  if (flags.nats) {
    // The distributed path: the file goes to the workers as a job (src/cli/jobs/screen-via-queue.ts).
    if (!flags.input) throw new CliError('--nats screens a file: give --input FILE', 2);
    if (flags.resume || flags.rejects || flags.workers !== undefined)
      throw new CliError(
        '--resume, --rejects and --workers are for one-process runs; with --nats a job is resumed by its workers',
        2,
      );
    const { screenViaQueue } = await import('../jobs/screen-via-queue.js');
    return screenViaQueue({ ...flags, input: flags.input, nats: flags.nats });
  }
  if (flags.detach || flags.chunkRows !== undefined)
    throw new CliError('--detach and --chunk-rows need --nats URL (the distributed path)', 2);
  const stores = await openStores(flags.db);
  try {
    if (query) {
      // One name loads only what screening it needs (not the services barrel: the start-up is the cost).
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
      const { formatMatches } = await import('./screen-format.js');
      if (flags.json)
        process.stdout.write(
          `${JSON.stringify({ query, threshold: result.threshold, matches: result.matches.map(matchRecord) })}\n`,
        );
      else process.stdout.write(formatMatches(query.name, result.matches, result.threshold));
      if (result.alerts) process.stderr.write(recordedNote(stores.location, result.alerts));
      return;
    }

    if (flags.resume && !flags.output)
      throw new CliError('--resume needs the --output of the interrupted run');
    const services = await import('../../services/index.js');
    const bar = await progressBar(Boolean(flags.json));
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
        input: flags.input!,
        ...(flags.output ? { output: flags.output } : { writeOutput: (text) => process.stdout.write(text) }),
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
      process.stderr.write(
        `sentinela: stopped by ${stopSignal} after ${rowsDone} of ${rowsTotal} rows; nothing is lost: run the same command with --resume to continue\n`,
      );
      process.exitCode = stopSignal === 'SIGTERM' ? 143 : 130;
      return;
    }
    const { formatSummary } = await import('./screen-format.js');
    const { rejects, summary } = result;
    for (const w of result.warnings) process.stderr.write(`sentinela: warning: ${w}\n`);
    const shown = 20;
    for (const r of rejects.slice(0, shown)) {
      process.stderr.write(`sentinela: rejected ${flags.input}:${r.line}: field "${r.field}": ${r.reason}\n`);
    }
    if (rejects.length > shown) {
      process.stderr.write(
        `sentinela: … and ${rejects.length - shown} more rejected rows${flags.rejects ? ` (all in ${flags.rejects})` : ''}\n`,
      );
    }
    process.stderr.write(`sentinela: ${formatSummary(summary)}`);
    if (result.recorded) process.stderr.write(recordedNote(stores.location, result.recorded));
    if (flags.json && flags.output) process.stdout.write(`${JSON.stringify(summary)}\n`);
    if (summary.rowsRead > 0 && summary.rejected === summary.rowsRead) {
      process.stderr.write(
        `sentinela: every one of the ${summary.rowsRead} rows was rejected; nothing screened\n`,
      );
      process.exitCode = 2;
    }
  } finally {
    await stores.close();
  }
}

function recordedNote(location: string, recorded: { inserted: number; unchanged: number }): string {
  return `sentinela: alerts in ${location}: ${recorded.inserted} new, ${recorded.unchanged} already in the queue\n`;
}

interface ReviewFlags {
  db?: string;
  query: string;
  entity: string;
  reason: string;
  analyst: string;
  schema?: string;
  birthDate?: string;
  country?: string;
  nationality?: string;
  gender?: string;
  idNumber?: string;
  json?: boolean;
}

async function reviewAction(flags: ReviewFlags): Promise<void> {
  const separator = flags.entity.indexOf(':');
  if (separator <= 0 || separator === flags.entity.length - 1) {
    throw new CliError(`--entity: expected LIST:ID (e.g. us-ofac-sdn:12345), got "${flags.entity}"`, 2);
  }
  const list = flags.entity.slice(0, separator);
  const entityId = flags.entity.slice(separator + 1);
  const query = await queryFromFlags(flags.query, { ...flags, limit: 0, list: [] });
  const { recordReview } = await import('../../services/index.js');
  const stores = await openStores(flags.db);
  try {
    const review = await recordReview(stores, {
      query,
      list,
      entityId,
      analyst: flags.analyst,
      reason: flags.reason,
    });
    if (flags.json) process.stdout.write(`${JSON.stringify(review)}\n`);
    else {
      process.stdout.write(
        `Recorded: "${query.name}" is not ${list}:${entityId} (reviewed by ${review.analyst}); ` +
          'later screenings drop this match until the entity changes in a new list version.\n',
      );
    }
  } finally {
    await stores.close();
  }
}

async function listReviewsAction(flags: { db?: string; json?: boolean }): Promise<void> {
  const { listReviews } = await import('../../services/index.js');
  const stores = await openStores(flags.db);
  try {
    const reviews = await listReviews(stores);
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(reviews)}\n`);
      return;
    }
    if (reviews.length === 0) process.stdout.write('No reviewed false positives.\n');
    for (const r of reviews) {
      process.stdout.write(
        `${r.reviewedAt.slice(0, 19)}  ${r.analyst}: "${r.queryName}" is not ${r.list}:${r.entityId} — ${r.reason}\n`,
      );
    }
  } finally {
    await stores.close();
  }
}

export function register(program: Command): void {
  const screen = addQualifierOptions(
    program
      .command('screen')
      .description('screen a name, or a file of parties, against the loaded watchlists')
      .argument('[name]', 'the name to screen')
      .option('--db <path>', 'SQLite file (default: $SENTINELA_DB or ./sentinela.sqlite)'),
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
    .action(cliAction(screenAction));

  addQualifierOptions(
    screen
      .command('review')
      .description('record that a screened party is not a listed entity (a reviewed false positive)')
      .requiredOption('--query <name>', 'the screened name, as screened')
      .requiredOption('--entity <list:id>', 'the entity it is not, e.g. us-ofac-sdn:12345')
      .requiredOption('--reason <text>', 'why it is not a match')
      .requiredOption('--analyst <name>', 'who decided')
      .option('--db <path>', 'SQLite file (default: $SENTINELA_DB or ./sentinela.sqlite)')
      .option('--json', 'machine-readable output'),
  ).action(cliAction(reviewAction));

  screen
    .command('reviews')
    .description('list reviewed false positives')
    .option('--db <path>', 'SQLite file (default: $SENTINELA_DB or ./sentinela.sqlite)')
    .option('--json', 'machine-readable output')
    .action(cliAction(listReviewsAction));
}
