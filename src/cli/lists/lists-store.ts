/** Opens the stores for a `lists` subcommand, refusing to invent an empty file for read-only ones. */
import { existsSync } from 'node:fs';
import type { Stores } from '../../core/index.js';
import { CliError } from '../shared/cli-errors.js';

/** The stores at `--db` / `SENTINELA_DB` / default; read-only commands need the file to exist. */
export async function openStoresForCommand(
  dbFlag: string | undefined,
  mode: 'read' | 'write',
): Promise<Stores> {
  const { isPostgresUrl, openStores, resolveStoreLocation } = await import('../../store/index.js');
  const location = resolveStoreLocation(dbFlag);
  if (mode === 'read' && location !== ':memory:' && !isPostgresUrl(location) && !existsSync(location)) {
    throw new CliError(
      `no database at ${location}: import a list first (\`sentinela lists import PATH...\`) or pass --db`,
    );
  }
  return openStores(location);
}
