/**
 * Runs `sentinela warning …` in-process for the CLI tests: the same commander wiring as the binary,
 * every command set to throw instead of exiting, so a test reads what `main` would report.
 */
import { Command } from 'commander';
import { register } from './warning-command.js';

/**
 * @example
 * const error = await runWarningCli(['run', '--input', 'reports.csv']); // undefined on success
 */
export async function runWarningCli(args: string[]): Promise<Error | undefined> {
  const program = new Command('sentinela').exitOverride();
  register(program);
  const all = (c: Command): void => {
    c.exitOverride();
    c.commands.forEach(all);
  };
  all(program);
  try {
    await program.parseAsync(['node', 'sentinela', 'warning', ...args]);
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
