/**
 * Storage, the public face: `openStores(location)` hands doors and services the store interfaces
 * of `core` (lists, reviews, alerts, download validators, users, tokens, sessions, audit, cases),
 * implemented on the embedded SQLite file.
 * A PostgreSQL implementation sits beside `sqlite/` behind the same interfaces.
 */
import type { Stores } from '../core/index.js';
import { resolveDatabasePath } from './sqlite/sqlite-database.js';
import { openSqliteStores } from './sqlite/sqlite-stores.js';

export {
  defaultDatabasePath,
  openSqlite,
  resolveDatabasePath,
  type SqliteDatabase,
} from './sqlite/sqlite-database.js';
export { SqliteAlertStore } from './sqlite/sqlite-alert-store.js';
export { SqliteGoodsCatalogStore } from './sqlite/sqlite-goods-catalog-store.js';
export { SqliteCustomerStore } from './sqlite/sqlite-customer-store.js';
export { SqliteHttpValidatorStore } from './sqlite/sqlite-http-validator-store.js';
export { SqliteListStore } from './sqlite/sqlite-list-store.js';
export { SqliteReviewStore } from './sqlite/sqlite-review-store.js';
export { openSqliteStores } from './sqlite/sqlite-stores.js';

/**
 * The stores at `location`: a SQLite file path (created if needed) or `:memory:`; without one,
 * `$SENTINELA_DB`, else `./sentinela.sqlite`. Close them with `close()` when done.
 *
 * @example
 * const stores = await openStores(flags.db);
 * try { await stores.alerts.count({ status: 'open' }); } finally { await stores.close(); }
 */
export async function openStores(location?: string): Promise<Stores> {
  return openSqliteStores(resolveStoreLocation(location));
}

/** `--db` wins, then `SENTINELA_DB`, then `./sentinela.sqlite`. */
export function resolveStoreLocation(location?: string): string {
  return resolveDatabasePath(location);
}
