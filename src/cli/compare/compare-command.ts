/**
 * `sentinela compare --input pairs.csv --output scored.csv`: scores name pairs with the screening
 * matcher. Input columns `schema,name1,name2` (others passed through unchanged); output adds
 * `score` (0–1, 4 decimals) and `match` (true/false at the threshold). Rows that cannot be scored
 * are reported with file, line and field; the summary goes to stderr.
 */
import type { Command } from 'commander';
import { failIfAllRejected, toCliError } from '../shared/cli-errors.js';
import { parseScore } from '../shared/option-parsers.js';
import { type CommandIo, processIo } from '../shared/command-io.js';

interface CompareFlags {
  input: string;
  output?: string;
  threshold?: number;
}

export function register(program: Command, io: CommandIo = processIo()): void {
  program
    .command('compare')
    .description('score name pairs (columns schema,name1,name2) with the screening matcher')
    .requiredOption(
      '-i, --input <file>',
      'CSV file with a header row: schema,name1,name2 (other columns kept)',
    )
    .option('-o, --output <file>', 'where to write the scored CSV (default: stdout)')
    .option(
      '-t, --threshold <score>',
      'match threshold from 0 to 1 (default: the matcher default)',
      parseScore,
    )
    .action(async (flags: CompareFlags) => {
      const { comparePairsFile } = await import('../../services/compare-name-pairs.js');
      const summary = await comparePairsFile({
        ...flags,
        onReject: (reject) => io.err(`sentinela: rejected ${reject.message}\n`),
      }).catch((error: unknown) => {
        throw toCliError(error);
      });
      io.err(
        `compare: ${summary.read} rows read, ${summary.scored} scored, ${summary.rejected} rejected` +
          ` (threshold ${summary.threshold}, ${summary.matches} matches, matcher ${summary.matcher})\n`,
      );
      failIfAllRejected(flags.input, { read: summary.read, accepted: summary.scored });
    });
}
