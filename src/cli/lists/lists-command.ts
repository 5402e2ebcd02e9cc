/** `sentinela lists`: watchlist versions — import, online update, list, show and diff. */
import type { Command } from 'commander';
import { registerListsDiff } from './lists-diff.js';
import { registerListsImport } from './lists-import.js';
import { registerListsList } from './lists-list.js';
import type { ListsIo } from './lists-output.js';
import { processIo } from './lists-output.js';
import { registerListsShow } from './lists-show.js';
import { registerListsUpdate } from './lists-update.js';

/** Adds `lists` and its subcommands to `program`; `io` is swappable so tests can run it in-process. */
export function register(program: Command, io: ListsIo = processIo()): void {
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
