/**
 * One screener per set of list versions and reviewed false positives. A one-off command builds it
 * once; a long-running server asks before each screening and gets the same screener back until an
 * import or a review changes what it was built from (two cheap store reads decide), then one rebuild.
 */
import type { ListVersion, ReviewedFalsePositive, Stores } from '../core/index.js';
import type { Screener, ScreeningList } from '../screening/index.js';
import { loadScreeningLists, screeningVersions } from './screening-lists.js';

/** A built screener with everything it was built from (the batch pool's workers need the same). */
export interface LoadedScreener {
  screener: Screener;
  lists: ScreeningList[];
  versions: ListVersion[];
  reviews: ReviewedFalsePositive[];
  /** The list version ids and review revision it was built from. */
  key: string;
}

/**
 * @example
 * const screeners = new ScreenerCache(stores);
 * const { screener } = await screeners.current();              // builds
 * const again = await screeners.current();                     // same screener until lists or reviews change
 */
export class ScreenerCache {
  private readonly built = new Map<string, Promise<LoadedScreener>>();

  constructor(private readonly stores: Stores) {}

  /** The screener over the newest versions of every list, or of `only` those lists. */
  async current(only: readonly string[] = []): Promise<LoadedScreener> {
    const scope = [...only].sort().join(',');
    const versions = await screeningVersions(this.stores, only);
    const key = `${versions.map((v) => v.id).join(',')}|${await this.stores.reviews.revision()}`;
    const cached = this.built.get(scope);
    if (cached) {
      const loaded = await cached.catch(() => undefined);
      if (loaded?.key === key) return loaded;
    }
    const building = this.build(only, key);
    this.built.set(scope, building);
    // A failed build is not kept: the next call tries again.
    building.catch(() => {
      if (this.built.get(scope) === building) this.built.delete(scope);
    });
    return building;
  }

  private async build(only: readonly string[], key: string): Promise<LoadedScreener> {
    const { createScreener } = await import('../screening/index.js');
    const { lists, versions } = await loadScreeningLists(this.stores, only);
    const reviews = await this.stores.reviews.reviews();
    return { screener: createScreener(lists, { reviews }), lists, versions, reviews, key };
  }
}
