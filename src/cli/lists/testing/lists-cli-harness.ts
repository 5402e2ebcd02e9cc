/**
 * Runs `sentinela lists …` in-process with captured output, for the CLI tests: the same commander
 * wiring as the binary, without a child process per call.
 */
import { type CliRun, runCli } from '../../shared/testing/run-cli.js';
import * as listsCommand from '../lists-command.js';

export type ListsRun = CliRun;

/**
 * @example
 * const { out } = await runListsCli(['list', '--db', dbPath]);
 */
export function runListsCli(args: string[]): Promise<ListsRun> {
  return runCli([listsCommand], ['lists', ...args]);
}
