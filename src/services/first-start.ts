/**
 * What a server does on its first start: an empty store gets the sample watchlist (so there is
 * something to screen), and a store without users gets its first admin with a one-time password.
 * The door decides where to show the password (the terminal, never a log).
 */
import type { ListVersion, Stores } from '../core/index.js';
import { importPublication, readPublication } from './import-list.js';
import { ensureFirstAdmin } from './users.js';

export interface FirstStartOutcome {
  /** Set when the store had no lists and the sample watchlist was loaded. */
  sampleLoaded?: ListVersion;
  /** Set when the store had no users: shown once, stored hashed. */
  admin?: { name: string; oneTimePassword: string };
}

/**
 * @example
 * const { admin } = await firstStart(stores, { sampleWatchlist: 'data/sample/sample-watchlist.csv' });
 */
export async function firstStart(
  stores: Stores,
  options: { sampleWatchlist?: string },
): Promise<FirstStartOutcome> {
  const outcome: FirstStartOutcome = {};
  if (options.sampleWatchlist && (await stores.lists.latestVersions()).length === 0) {
    const parsed = await readPublication([options.sampleWatchlist], {
      format: 'csv',
      list: 'sample-watchlist',
    });
    outcome.sampleLoaded = (await importPublication(stores, parsed)).version;
  }
  const admin = await ensureFirstAdmin(stores);
  if (admin) outcome.admin = admin;
  return outcome;
}
