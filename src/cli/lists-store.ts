/** Opens the list store for a `lists` subcommand, refusing to invent an empty file for read-only ones. */
import { existsSync } from 'node:fs';
import type { ListStore } from '../core/index.js';
import { CliError } from './cli-errors.js';

/** The store at `--db` / `SENTINELA_DB` / default, and its path; read-only commands need it to exist. */
export async function openListStoreForCommand(
  dbFlag: string | undefined,
  mode: 'read' | 'write',
): Promise<{ store: ListStore; dbPath: string }> {
  const { openListStore, resolveDatabasePath } = await import('../store/index.js');
  const dbPath = resolveDatabasePath(dbFlag);
  if (mode === 'read' && dbPath !== ':memory:' && !existsSync(dbPath)) {
    throw new CliError(
      `no database at ${dbPath}: import a list first (\`sentinela lists import PATH...\`) or pass --db`,
    );
  }
  return { store: openListStore(dbPath), dbPath };
}
