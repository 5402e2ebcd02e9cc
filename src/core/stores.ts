/**
 * Every store one installation holds, as the doors and services receive them from
 * `openStores(location)` (`src/store`): interfaces only, so nothing above the store layer knows
 * whether the data lives in the embedded SQLite file or a server database.
 */
import type { AlertStore } from './alert-store.js';
import type { HttpValidatorStore } from './http-validator-store.js';
import type { ListStore } from './list-store.js';
import type { ReviewStore } from './review-store.js';

/**
 * @example
 * const stores = await openStores(resolveStoreLocation(flags.db));
 * try { await stores.lists.latestVersions(); } finally { await stores.close(); }
 */
export interface Stores {
  lists: ListStore;
  reviews: ReviewStore;
  alerts: AlertStore;
  /** ETag / Last-Modified of downloaded list files, for `lists update`. */
  validators: HttpValidatorStore;
  /** Where the stores live: a SQLite file path (or `:memory:`), shown in messages. */
  readonly location: string;
  /** Closes the underlying database; the stores must not be used afterwards. */
  close(): Promise<void>;
}
