/**
 * Every SQLite migration, in order (append only). Kept apart from the runner because the baseline
 * needs the store classes, whose constructors hold the tables of the releases before migrations.
 */
import { sqliteAccessStores } from './sqlite-access-stores.js';
import { SqliteAlertStore } from './sqlite-alert-store.js';
import { SqliteCustomerStore } from './sqlite-customer-store.js';
import { SqliteGoodsCatalogStore } from './sqlite-goods-catalog-store.js';
import { SqliteHttpValidatorStore } from './sqlite-http-validator-store.js';
import { SqliteJobStore } from './sqlite-job-store.js';
import { SqliteListStore } from './sqlite-list-store.js';
import type { SqliteMigration } from './sqlite-migrations.js';
import { SqliteReviewStore } from './sqlite-review-store.js';

export const sqliteMigrations: readonly SqliteMigration[] = [
  {
    // The tables of every release up to cace203, brought up to that release's layout (workflow
    // columns on old alert tables, the list-version index table) by the stores' own setup.
    name: '0001-baseline',
    up(db) {
      new SqliteListStore(db);
      new SqliteReviewStore(db);
      new SqliteAlertStore(db);
      new SqliteGoodsCatalogStore(db);
      new SqliteCustomerStore(db);
      new SqliteHttpValidatorStore(db);
      sqliteAccessStores(db);
    },
  },
  {
    // The distributed tier's jobs, chunk states and per-row results.
    name: '0002-jobs',
    up(db) {
      new SqliteJobStore(db);
    },
  },
];
