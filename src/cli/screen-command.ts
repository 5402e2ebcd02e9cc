/**
 * `sentinela screen`: screens one name given on the command line, or a CSV / JSON-lines file with
 * `--input`, against the latest list versions in the store; `screen review` records an analyst's
 * decision that a match is a false positive, and `screen reviews` lists those decisions.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type PartyQuery, PartyQuerySchema } from '../core/index.js';
import { CliError } from './cli-errors.js';

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
}

function parseScore(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The query built from the command-line name and qualifier flags, validated like a batch row. */
function queryFromFlags(name: string, flags: ScreenFlags): PartyQuery {
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
  const { openStores } = await import('../store/index.js');
  return openStores(dbFlag);
}

async function screenAction(name: string | undefined, flags: ScreenFlags): Promise<void> {
  if (!name && !flags.input)
    throw new CliError('give a name to screen, or --input FILE (see sentinela screen --help)', 2);
  if (name && flags.input) throw new CliError('give either a name or --input FILE, not both', 2);
  const query = name ? queryFromFlags(name, flags) : undefined;
  const stores = await openStores(flags.db);
  try {
    const { loadScreeningLists } = await import('./screen-lists.js');
    const lists = await loadScreeningLists(stores.lists, stores.location, flags.list);
    const reviews = await stores.reviews.reviews();
    const screening = await import('../screening/index.js');
    const threshold = flags.threshold ?? screening.DEFAULT_THRESHOLD;

    if (query) {
      const screener = screening.createScreener(lists, { reviews });
      const matches = screener.screen(query, {
        threshold,
        limit: flags.limit,
        exhaustive: Boolean(flags.exhaustive),
      });
      const { formatMatches, matchRecord } = await import('./screen-format.js');
      if (flags.json)
        process.stdout.write(`${JSON.stringify({ query, threshold, matches: matches.map(matchRecord) })}\n`);
      else process.stdout.write(formatMatches(query.name, matches, threshold));
      return;
    }

    const { runBatchScreening, formatSummary } = await import('./screen-batch.js');
    const summary = await runBatchScreening(lists, {
      input: flags.input!,
      ...(flags.output ? { output: flags.output } : {}),
      ...(flags.rejects ? { rejects: flags.rejects } : {}),
      ...(flags.workers === undefined ? {} : { workers: flags.workers }),
      threshold,
      limit: flags.limit,
      exhaustive: Boolean(flags.exhaustive),
      json: Boolean(flags.json),
      reviews,
    });
    process.stderr.write(`sentinela: ${formatSummary(summary)}`);
    if (flags.json && flags.output) process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await stores.close();
  }
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
  const query = queryFromFlags(flags.query, { ...flags, limit: 0, list: [] });
  const stores = await openStores(flags.db);
  try {
    const version = (await stores.lists.latestVersions()).find((v) => v.list === list);
    if (!version) throw new CliError(`no list named ${list} in ${stores.location}`);
    const entity = await stores.lists.entity(version.id, entityId);
    if (!entity) throw new CliError(`no entity ${entityId} in ${list} version ${version.id}`);
    const { entityContentHash, reviewQueryKey } = await import('../screening/index.js');
    const review = await stores.reviews.record({
      queryKey: reviewQueryKey(query),
      queryName: query.name,
      list,
      entityId,
      entityHash: entityContentHash(entity),
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
  const stores = await openStores(flags.db);
  try {
    const reviews = await stores.reviews.reviews();
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
    .option(
      '--workers <n>',
      'worker threads for batch screening (default: one per core; 0 = in-process)',
      parseCount,
    )
    .action(screenAction);

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
  ).action(reviewAction);

  screen
    .command('reviews')
    .description('list reviewed false positives')
    .option('--db <path>', 'SQLite file (default: $SENTINELA_DB or ./sentinela.sqlite)')
    .option('--json', 'machine-readable output')
    .action(listReviewsAction);
}
