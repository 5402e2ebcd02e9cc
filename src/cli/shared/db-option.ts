/**
 * The `--db` option, defined once: every command that opens the store takes a SQLite file or a
 * PostgreSQL URL (store/index.ts `resolveStoreLocation`), and its help should say so in the same
 * words everywhere rather than "SQLite file" on one command and "database" on the next.
 */
import { Option } from 'commander';

const storeDefault = '$SENTINELA_DB, $DATABASE_URL if PostgreSQL, ./sentinela.sqlite';

/**
 * `--db <location>`, its help naming what the command keeps there and where it goes by default.
 *
 * @example
 * command.addOption(dbOption('the jobs')); // "the jobs: SQLite file or postgres://… URL (default: …)"
 * command.addOption(dbOption('keep the demo store here', 'a temporary SQLite file'));
 */
export function dbOption(what = 'the store', byDefault = storeDefault): Option {
  return new Option('--db <location>', `${what}: SQLite file or postgres://… URL (default: ${byDefault})`);
}
