/**
 * `sentinela screen review` records an analyst's decision that a screened party is not a listed
 * entity (a reviewed false positive, honoured by later screenings until the entity changes), and
 * `screen reviews` lists those decisions. Subcommands of `screen`, so a reviewer finds them where
 * the match was shown.
 */
import type { Command } from 'commander';
import { CliError, cliAction, ExitCode } from '../shared/cli-errors.js';
import type { CommandIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';
import { addQualifierOptions, type QualifierFlags, queryFromFlags } from './screen-query-flags.js';

interface ReviewFlags extends QualifierFlags {
  db?: string;
  query: string;
  entity: string;
  reason: string;
  analyst: string;
  json?: boolean;
}

async function reviewAction(flags: ReviewFlags, io: CommandIo): Promise<void> {
  const separator = flags.entity.indexOf(':');
  if (separator <= 0 || separator === flags.entity.length - 1) {
    throw new CliError(
      `--entity: expected LIST:ID (e.g. us-ofac-sdn:12345), got "${flags.entity}"`,
      ExitCode.inputRejected,
    );
  }
  const list = flags.entity.slice(0, separator);
  const entityId = flags.entity.slice(separator + 1);
  const query = await queryFromFlags(flags.query, flags);
  const { recordReview } = await import('../../services/index.js');
  const { openStores } = await import('../../store/index.js');
  const stores = await openStores(flags.db);
  try {
    const review = await recordReview(stores, {
      query,
      list,
      entityId,
      analyst: flags.analyst,
      reason: flags.reason,
    });
    if (flags.json) io.out(`${JSON.stringify(review)}\n`);
    else {
      io.out(
        `Recorded: "${query.name}" is not ${list}:${entityId} (reviewed by ${review.analyst}); ` +
          'later screenings drop this match until the entity changes in a new list version.\n',
      );
    }
  } finally {
    await stores.close();
  }
}

async function listReviewsAction(flags: { db?: string; json?: boolean }, io: CommandIo): Promise<void> {
  const { listReviews } = await import('../../services/index.js');
  const { openStores } = await import('../../store/index.js');
  const stores = await openStores(flags.db);
  try {
    const reviews = await listReviews(stores);
    if (flags.json) {
      io.out(`${JSON.stringify(reviews)}\n`);
      return;
    }
    if (reviews.length === 0) io.out('No reviewed false positives.\n');
    for (const r of reviews) {
      io.out(
        `${r.reviewedAt.slice(0, 19)}  ${r.analyst}: "${r.queryName}" is not ${r.list}:${r.entityId} — ${r.reason}\n`,
      );
    }
  } finally {
    await stores.close();
  }
}

/**
 * Adds `review` and `reviews` under `screen`.
 * @example registerScreenReview(program.command('screen'), processIo());
 */
export function registerScreenReview(screen: Command, io: CommandIo): void {
  addQualifierOptions(
    screen
      .command('review')
      .description('record that a screened party is not a listed entity (a reviewed false positive)')
      .requiredOption('--query <name>', 'the screened name, as screened')
      .requiredOption('--entity <list:id>', 'the entity it is not, e.g. us-ofac-sdn:12345')
      .requiredOption('--reason <text>', 'why it is not a match')
      .requiredOption('--analyst <name>', 'who decided')
      .addOption(dbOption('the lists and reviews'))
      .option('--json', 'machine-readable output'),
  ).action(cliAction((flags: ReviewFlags) => reviewAction(flags, io)));

  screen
    .command('reviews')
    .description('list reviewed false positives')
    .addOption(dbOption('the reviews'))
    .option('--json', 'machine-readable output')
    .action(cliAction((flags: { db?: string; json?: boolean }) => listReviewsAction(flags, io)));
}
