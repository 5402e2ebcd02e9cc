/**
 * Storage, the public face: opens the embedded SQLite file and hands out the stores the CLI wires
 * into the engines. A PostgreSQL implementation would sit beside `sqlite/` behind the same interfaces.
 */
import { openSqlite, resolveDatabasePath, type SqliteDatabase } from './sqlite/sqlite-database.js';
import { SqliteHttpValidatorStore } from './sqlite/sqlite-http-validator-store.js';
import { SqliteListStore } from './sqlite/sqlite-list-store.js';

export {
  defaultDatabasePath,
  openSqlite,
  resolveDatabasePath,
  type SqliteDatabase,
} from './sqlite/sqlite-database.js';
export { SqliteHttpValidatorStore } from './sqlite/sqlite-http-validator-store.js';
export { SqliteAlertStore } from './sqlite/sqlite-alert-store.js';
export { SqliteListStore } from './sqlite/sqlite-list-store.js';
export { SqliteReviewStore } from './sqlite/sqlite-review-store.js';

/**
 * Opens (creating if needed) the list store in the SQLite file at `path`; `close()` closes the file.
 *
 * @example
 * const store = openListStore(resolveDatabasePath(options.db));
 * try { console.log(store.latestVersions()); } finally { store.close(); }
 */
export function openListStore(path: string): SqliteListStore {
  return new SqliteListStore(openSqlite(path), true);
}

/** The list store and the download validators of one SQLite file, for `lists update`. */
export interface ListUpdateStores {
  lists: SqliteListStore;
  validators: SqliteHttpValidatorStore;
  db: SqliteDatabase;
  close(): void;
}

export function openListUpdateStores(path: string): ListUpdateStores {
  const db = openSqlite(path);
  return {
    db,
    lists: new SqliteListStore(db),
    validators: new SqliteHttpValidatorStore(db),
    close: () => db.close(),
  };
}

/** Resolves `--db` / `SENTINELA_DB` / default and opens the list store there. */
export function openListStoreFromFlag(dbFlag?: string): SqliteListStore {
  return openListStore(resolveDatabasePath(dbFlag));
}
