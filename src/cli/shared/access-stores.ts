/**
 * Opens the stores the users, tokens and audit commands work on (`--db`, else `SENTINELA_DB`, else
 * the default file), and turns a refused service request into the CLI's error.
 */
import { CliError } from './cli-errors.js';

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
