/**
 * Opens the stores the users, tokens and audit commands work on, from `--db` / `SENTINELA_DB` /
 * the default file, and turns a refused service request into the CLI's error.
 */
import { CliError } from './cli-errors.js';

export async function openAccessStores(dbFlag: string | undefined) {
  const { openSqlite, resolveDatabasePath } = await import('../store/sqlite/sqlite-database.js');
  const { sqliteAccessStores } = await import('../store/sqlite/sqlite-access-stores.js');
  const location = resolveDatabasePath(dbFlag);
  const db = openSqlite(location);
  return {
    ...sqliteAccessStores(db),
    location,
    close: async () => {
      if (db.open) db.close();
    },
  };
}

/** Runs a door's work, reporting a ServiceError as a CliError (exit 2 for bad input, else 1). */
export async function asCliErrors<T>(work: () => Promise<T>): Promise<T> {
  const { ServiceError } = await import('../services/service-error.js');
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message, error.code === 'invalid' ? 2 : 1);
    throw error;
  }
}
