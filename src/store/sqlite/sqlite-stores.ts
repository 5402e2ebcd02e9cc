/** Every store of one installation in one embedded SQLite file, sharing one connection. */
import type { Stores } from '../../core/index.js';
import { sqliteAccessStores } from './sqlite-access-stores.js';
import { SqliteAlertStore } from './sqlite-alert-store.js';
import { SqliteCustomerStore } from './sqlite-customer-store.js';
import { openSqlite } from './sqlite-database.js';
import { SqliteGoodsCatalogStore } from './sqlite-goods-catalog-store.js';
import { SqliteHttpValidatorStore } from './sqlite-http-validator-store.js';
import { SqliteJobStore } from './sqlite-job-store.js';
import { SqliteListStore } from './sqlite-list-store.js';
import { sqliteMigrations } from './sqlite-migration-list.js';
import { migrateSqlite } from './sqlite-migrations.js';
import { SqliteReviewStore } from './sqlite-review-store.js';

/**
 * Opens (creating if needed) the SQLite file at `path` (`:memory:` for a throw-away store) and
 * applies pending schema migrations (`sqlite-migration-list.ts`) before handing out the stores.
 *
 * @example
 * const stores = openSqliteStores('sentinela.sqlite');
 * try { console.log(await stores.lists.latestVersions()); } finally { await stores.close(); }
 */
export function openSqliteStores(path: string): Stores {
  const db = openSqlite(path);
  try {
    migrateSqlite(db, sqliteMigrations);
    return {
      lists: new SqliteListStore(db),
      reviews: new SqliteReviewStore(db),
      alerts: new SqliteAlertStore(db),
      goodsCatalogs: new SqliteGoodsCatalogStore(db),
      customers: new SqliteCustomerStore(db),
      validators: new SqliteHttpValidatorStore(db),
      jobs: new SqliteJobStore(db),
      ...sqliteAccessStores(db),
      location: path,
      cacheLocation: path,
      close: async () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
