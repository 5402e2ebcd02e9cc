#!/usr/bin/env node
/** The `sentinela` command: picks the subcommand and loads only its module. */
import { Command } from 'commander';
import { commandTable } from './command-table.js';
import { exitWithError } from './shared/cli-errors.js';

async function main(argv: string[]): Promise<void> {
  const program = new Command('sentinela')
    .description('Counter-narcotics screening and early-warning platform')
    .version('0.1.0')
    .showHelpAfterError()
    .enablePositionalOptions();
  const wanted = argv[2];
  // Output goes through pipes (`| head`): a closed pipe ends the command quietly, not with a stack.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  const entry = commandTable.find((c) => c.name === wanted);
  if (entry) {
    (await entry.load()).register(program);
  } else {
    for (const c of commandTable) program.command(c.name).description(c.summary);
  }
  await program.parseAsync(argv);
}

// `--debug` is global and only changes how failures are printed (cli-errors.ts): not a command option.
main(process.argv.filter((a) => a !== '--debug')).catch((error: unknown) => exitWithError(error));
