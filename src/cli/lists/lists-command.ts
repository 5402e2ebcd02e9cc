/** `sentinela lists`: watchlist versions — import, online update, list, show and diff. */
import type { Command } from 'commander';
import { registerListsDiff } from './lists-diff.js';
import { registerListsImport } from './lists-import.js';
import { registerListsList } from './lists-list.js';
import { registerListsShow } from './lists-show.js';
import { registerListsUpdate } from './lists-update.js';
import { type CommandIo, processIo } from '../shared/command-io.js';

/** Adds `lists` and its subcommands to `program`; `io` is swappable so tests can run it in-process. */
export function register(program: Command, io: CommandIo = processIo()): void {
  const lists = program
    .command('lists')
    .description('watchlist versions: import, update, list, show, diff')
    .showHelpAfterError();
  registerListsImport(lists, io);
  registerListsUpdate(lists, io);
  registerListsList(lists, io);
  registerListsShow(lists, io);
  registerListsDiff(lists, io);
}
