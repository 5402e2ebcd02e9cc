/**
 * Which list versions screening runs against: the newest version of every stored list, or of the
 * named lists only — read once through the store, with the reason when there is nothing to read.
 */
import type { ListVersion, Stores } from '../core/index.js';
import type { ScreeningList } from '../screening/index.js';
import { ServiceError } from './service-error.js';

export interface LoadedLists {
  lists: ScreeningList[];
  versions: ListVersion[];
}

/**
 * The newest versions to screen against (all lists, or `only` those), without their entities.
 * Throws a `not-found` ServiceError naming the store when it holds no lists or lacks a named one.
 */
export async function screeningVersions(
  stores: Stores,
  only: readonly string[] = [],
): Promise<ListVersion[]> {
  const latest = await stores.lists.latestVersions();
  if (latest.length === 0) {
    throw new ServiceError(
      'not-found',
      `no lists in the store at ${stores.location}: run \`sentinela lists import PATH...\` first (or \`sentinela lists update\`)`,
    );
  }
  const missing = only.filter((name) => !latest.some((v) => v.list === name));
  if (missing.length) {
    throw new ServiceError(
      'not-found',
      `no list named ${missing.join(', ')} in ${stores.location}; lists there: ${latest.map((v) => v.list).join(', ')}`,
      { field: 'list' },
    );
  }
  return only.length ? latest.filter((v) => only.includes(v.list)) : latest;
}

/**
 * The newest version of every list (or of `only` those) with its entities, ready for a screener.
 *
 * @example
 * const { lists, versions } = await loadScreeningLists(stores, ['us-ofac-sdn']);
 */
export async function loadScreeningLists(stores: Stores, only: readonly string[] = []): Promise<LoadedLists> {
  const versions = await screeningVersions(stores, only);
  const lists: ScreeningList[] = [];
  for (const v of versions)
    lists.push({ list: v.list, version: String(v.id), entities: await stores.lists.entities(v.id) });
  return { lists, versions };
}
