/**
 * Every store one installation holds, as the doors and services receive them from
 * `openStores(location)` (`src/store`): interfaces only, so nothing above the store layer knows
 * whether the data lives in the embedded SQLite file or a server database.
 */
import type { LoginRateLimiter } from '../auth/index.js';
import type { AlertStore } from './alert-store.js';
import type { AuditStore } from './audit-store.js';
import type { CaseStore } from './case-store.js';
import type { GoodsCatalogStore } from './goods-catalog-store.js';
import type { CustomerStore } from './customer-store.js';
import type { HttpValidatorStore } from './http-validator-store.js';
import type { JobStore } from './job-store.js';
import type { ListStore } from './list-store.js';
import type { ReviewStore } from './review-store.js';
import type { SessionStore } from './session-store.js';
import type { TokenStore } from './token-store.js';
import type { UserStore } from './user-store.js';

/**
 * @example
 * const stores = await openStores(resolveStoreLocation(flags.db));
 * try { await stores.lists.latestVersions(); } finally { await stores.close(); }
 */
export interface Stores {
  lists: ListStore;
  reviews: ReviewStore;
  alerts: AlertStore;
  /** Controlled-goods catalog versions (`goods catalog import|list|show|diff`). */
  goodsCatalogs: GoodsCatalogStore;
  /** Stored customer bases and the monitor's watermark (`sentinela customers`, `sentinela monitor`). */
  customers: CustomerStore;
  /** ETag / Last-Modified of downloaded list files, for `lists update`. */
  validators: HttpValidatorStore;
  users: UserStore;
  /** API tokens (hashes only). */
  tokens: TokenStore;
  sessions: SessionStore;
  /** The append-only, hash-chained audit log with its signed checkpoints. */
  audit: AuditStore;
  cases: CaseStore;
  /** Distributed jobs: pinned versions, chunk states and per-row results (`sentinela worker`, `jobs`). */
  jobs: JobStore;
  /** Failed sign-ins per user name and client, shared by every process on these stores. */
  loginLimiter: LoginRateLimiter;
  /** Where the stores live: a SQLite file path (or `:memory:`), or a PostgreSQL URL without its password; shown in messages. */
  readonly location: string;
  /**
   * A local path whose `<path>.screening-cache` folder keeps index snapshots: the SQLite file
   * itself, a per-database folder under the temp directory for PostgreSQL, or `:memory:` for none.
   */
  readonly cacheLocation: string;
  /** Closes the underlying database; the stores must not be used afterwards. */
  close(): Promise<void>;
}
