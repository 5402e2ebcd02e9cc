/**
 * Opens the stores the users, tokens and audit commands work on (`--db`, else `SENTINELA_DB`, else
 * the default file), turns a refused service request into the CLI's error, and runs the request
 * most of their subcommands are: one service call as the local operator, printed as JSON or text.
 */
import type { Stores } from '../../core/index.js';
import type { Principal } from '../../services/principal.js';
import { CliError } from './cli-errors.js';
import type { CommandIo } from './command-io.js';

export async function openAccessStores(dbFlag: string | undefined) {
  const { openStores } = await import('../../store/index.js');
  return openStores(dbFlag);
}

/** Runs a door's work, reporting a ServiceError as a CliError (exit 2 for bad input, else 1). */
export async function asCliErrors<T>(work: () => Promise<T>): Promise<T> {
  const { ServiceError } = await import('../../services/service-error.js');
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message, error.code === 'invalid' ? 2 : 1);
    throw error;
  }
}

/**
 * One request: opens the stores at `flags.db`, runs `work` as the operator at the terminal
 * (`local:<os user>`, refusals as CliErrors), prints its result as one JSON line with `--json` or as
 * `text(result)` otherwise, and closes the stores.
 *
 * @example
 * await accessRequest(flags, io, async (stores, me) => (await import('../../services/users.js')).listUsers(stores, me),
 *   (users) => users.map((u) => `${u.name}\n`).join(''));
 */
export async function accessRequest<T>(
  flags: { db?: string; json?: boolean },
  io: CommandIo,
  work: (stores: Stores, operator: Principal) => Promise<T>,
  text: (result: T) => string,
): Promise<void> {
  const stores = await openAccessStores(flags.db);
  try {
    const { localPrincipal } = await import('../../services/principal.js');
    const result = await asCliErrors(() => work(stores, localPrincipal()));
    io.out(flags.json ? `${JSON.stringify(result)}\n` : text(result));
  } finally {
    await stores.close();
  }
}
