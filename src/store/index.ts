/**
 * Storage, the public face: `openStores(location)` hands doors and services the store interfaces
 * of `core` (lists, reviews, alerts, download validators, users, tokens, sessions, audit, cases),
 * implemented on the embedded SQLite file, or on a PostgreSQL server when the location is a
 * `postgres://` URL (`postgres/`, the server tier several processes share).
 */
import type { Stores } from '../core/index.js';
import { isPostgresUrl } from './postgres/postgres-url.js';
import { defaultDatabasePath } from './sqlite/sqlite-database.js';
import { openSqliteStores } from './sqlite/sqlite-stores.js';

export { isPostgresUrl, redactUrl } from './postgres/postgres-url.js';

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
export { SqliteJobStore } from './sqlite/sqlite-job-store.js';
export { SqliteListStore } from './sqlite/sqlite-list-store.js';
export { SqliteReviewStore } from './sqlite/sqlite-review-store.js';
export { openSqliteStores } from './sqlite/sqlite-stores.js';

/**
 * The stores at `location`: a `postgres://` URL (connected with retries, migrated), a SQLite file
 * path (created if needed) or `:memory:`; without one, see `resolveStoreLocation`. Close them with
 * `close()` when done.
 *
 * @example
 * const stores = await openStores(flags.db);
 * try { await stores.alerts.count({ status: 'open' }); } finally { await stores.close(); }
 */
export async function openStores(location?: string): Promise<Stores> {
  const resolved = resolveStoreLocation(location);
  if (isPostgresUrl(resolved)) {
    const { openPostgresStores } = await import('./postgres/postgres-stores.js');
    return openPostgresStores(resolved);
  }
  return openSqliteStores(resolved);
}

/**
 * `--db` wins, then `SENTINELA_DB`, then `DATABASE_URL` when it names PostgreSQL (the usual
 * variable of server deployments), then `./sentinela.sqlite`.
 */
export function resolveStoreLocation(location?: string): string {
  if (location !== undefined) return location;
  if (process.env.SENTINELA_DB) return process.env.SENTINELA_DB;
  if (isPostgresUrl(process.env.DATABASE_URL)) return process.env.DATABASE_URL;
  return defaultDatabasePath;
}

export { type MigrationStatus, migrateSchema, type SchemaReport, schemaStatus } from './schema-migrations.js';
