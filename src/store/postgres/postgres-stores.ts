/**
 * Every store of one installation on a PostgreSQL server: opens the pool (with retries), applies
 * pending migrations, and hands out the same interfaces as the SQLite file. Several processes
 * (serve, workers, CLI) can open the same database at once; sessions, rate limits, imports and the
 * audit chain are shared through it.
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stores } from '../../core/index.js';
import { openPostgres, type PostgresOptions } from './postgres-database.js';
import { migratePostgres } from './postgres-migrations.js';
import { PostgresAlertStore } from './postgres-alert-store.js';
import { PostgresAuditStore } from './postgres-audit-store.js';
import { PostgresCaseStore } from './postgres-case-store.js';
import { PostgresCustomerStore } from './postgres-customer-store.js';
import { PostgresGoodsCatalogStore } from './postgres-goods-catalog-store.js';
import { PostgresJobStore } from './postgres-job-store.js';
import { PostgresHttpValidatorStore } from './postgres-http-validator-store.js';
import { PostgresListStore } from './postgres-list-store.js';
import { PostgresLoginRateLimiter } from './postgres-login-rate-limiter.js';
import { PostgresReviewStore } from './postgres-review-store.js';
import { PostgresSessionStore } from './postgres-session-store.js';
import { PostgresTokenStore } from './postgres-token-store.js';
import { redactUrl } from './postgres-url.js';
import { PostgresUserStore } from './postgres-user-store.js';

/**
 * @example
 * const stores = await openPostgresStores('postgres://127.0.0.1:5432/sentinela');
 * try { console.log(await stores.lists.latestVersions()); } finally { await stores.close(); }
 */
export async function openPostgresStores(url: string, options: PostgresOptions = {}): Promise<Stores> {
  const db = await openPostgres(url, options);
  try {
    await migratePostgres(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    lists: new PostgresListStore(db),
    reviews: new PostgresReviewStore(db),
    alerts: new PostgresAlertStore(db),
    goodsCatalogs: new PostgresGoodsCatalogStore(db),
    customers: new PostgresCustomerStore(db),
    validators: new PostgresHttpValidatorStore(db),
    jobs: new PostgresJobStore(db),
    users: new PostgresUserStore(db),
    tokens: new PostgresTokenStore(db),
    sessions: new PostgresSessionStore(db),
    audit: new PostgresAuditStore(db),
    cases: new PostgresCaseStore(db),
    loginLimiter: new PostgresLoginRateLimiter(db),
    location: redactUrl(url),
    cacheLocation: cacheLocationOf(url, options.schema),
    close: () => db.destroy(),
  };
}

/**
 * Index snapshots are local files: each machine keeps its own, in a folder named after the database
 * (host, database, schema — never the password), so two databases never share a snapshot.
 */
function cacheLocationOf(url: string, schema: string | undefined): string {
  const key = createHash('sha256')
    .update(`${redactUrl(url)}\u0000${schema ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `sentinela-postgres-${key}`);
}
