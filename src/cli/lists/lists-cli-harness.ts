/**
 * Runs `sentinela lists …` in-process with captured output, for the CLI tests: the same commander
 * wiring as the binary, without a child process per call.
 */
import { Command } from 'commander';
import { register } from './lists-command.js';
import type { ListsIo } from './lists-output.js';

export interface ListsRun {
  out: string;
  err: string;
  /** What the command threw (CliError, InputError, CommanderError), as `main` would report it. */
  error?: Error;
}

/**
 * @example
 * const { out } = await runListsCli(['list', '--db', dbPath]);
 */
export async function runListsCli(args: string[]): Promise<ListsRun> {
  const run: ListsRun = { out: '', err: '' };
  const io: ListsIo = {
    out: (text) => {
      run.out += text;
    },
    err: (text) => {
      run.err += text;
    },
    bold: (text) => text,
  };
  const program = new Command('sentinela').exitOverride().enablePositionalOptions();
  program.configureOutput({ writeOut: io.out, writeErr: io.err });
  register(program, io);
  for (const sub of program.commands) {
    sub.exitOverride();
    for (const leaf of sub.commands)
      leaf.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  }
  try {
    await program.parseAsync(['node', 'sentinela', 'lists', ...args]);
  } catch (error) {
    run.error = error as Error;
  }
  return run;
}
